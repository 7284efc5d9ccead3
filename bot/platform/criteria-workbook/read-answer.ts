// One criterion's answer specification out of its row (and its option rows).
import type { AnswerType } from '../../../core/criteria/answer-spec.schema.ts';
import { parseRuleCell, RULE_SETTING_NAMES, type RuleClause, type RuleSetting } from '../../../core/criteria/rule-cell.ts';
import { RULE_SHAPES, TYPE_COLUMNS, TYPE_SPECIFIC_COLUMNS } from './answer-columns.ts';
import { labelOf, ANSWER_TYPES, DATE_VALIDITY, YES_NO, ZERO_DENOMINATOR } from './layout.ts';
import type { ReadSink, RowReader } from './read-cells.ts';
import { workbookIssue } from './workbook-issues.ts';

const SETTING_FIELDS: Readonly<Record<RuleSetting, string>> = {
  yes: 'yesPoints',
  no: 'noPoints',
  perItem: 'perItem',
  cap: 'cap',
  otherwise: 'otherwisePoints',
  scale: 'scale',
  points: 'points',
};
const RULE_FIELDS = ['tiers', 'bands', 'byDate', ...Object.values(SETTING_FIELDS)];

const readRule = (r: RowReader, type: AnswerType, at: string, sink: ReadSink): Record<string, unknown> => {
  for (const f of RULE_FIELDS) r.mark('rule', `${at}.${f}`);
  const text = r.text('rule');
  const shape = RULE_SHAPES[type];
  if (text === undefined) return {};
  const typeLabel = labelOf(ANSWER_TYPES, type);
  const parsed = parseRuleCell(text, { integerMin: shape.thresholds === 'count' });
  if (!parsed.ok) {
    for (const e of parsed.error) {
      const code =
        e.code === 'rule.unknown_setting'
          ? 'rule_unknown_setting'
          : e.code === 'rule.number'
            ? 'rule_number'
            : e.code === 'rule.date'
              ? 'rule_date'
              : 'rule_syntax';
      sink.issues.push(workbookIssue(r.ref('rule'), code, { clause: e.clause, type: typeLabel, example: shape.example }));
    }
    return {};
  }
  const out: Record<string, unknown> = {};
  const thresholds: RuleClause[] = [];
  const seen = new Set<RuleSetting>();
  const parts = text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const [i, c] of parsed.value.entries()) {
    const clause = parts[i] ?? '';
    if (c.kind === 'setting') {
      if (!shape.settings.includes(c.name) || seen.has(c.name)) {
        const allowed = shape.settings.map((s) => `${RULE_SETTING_NAMES[s]}=`).join(', ') || '—';
        sink.issues.push(workbookIssue(r.ref('rule'), 'rule_setting_not_used', { clause, type: typeLabel, allowed, example: shape.example }));
      } else out[SETTING_FIELDS[c.name]] = c.value;
      seen.add(c.name);
    } else if ((c.kind === 'date') !== (shape.thresholds === 'date') || shape.thresholds === 'none') {
      sink.issues.push(workbookIssue(r.ref('rule'), 'rule_threshold_not_used', { clause, type: typeLabel, example: shape.example }));
    } else thresholds.push(c);
  }
  if (thresholds.length > 0) {
    if (shape.thresholds === 'count') out['tiers'] = thresholds.map((t) => (t.kind === 'min' ? { min: t.min, points: t.points } : t));
    if (shape.thresholds === 'band') out['bands'] = thresholds.map((t) => (t.kind === 'min' ? { minPercent: t.min, points: t.points } : t));
    if (shape.thresholds === 'date') out['byDate'] = thresholds.map((t) => (t.kind === 'date' ? { onOrBefore: t.onOrBefore, points: t.points } : t));
  }
  return out;
};

const readOptions = (rows: readonly RowReader[], at: string, field: string, sink: ReadSink): Record<string, unknown>[] =>
  rows.map((o, j) => {
    const path = `${at}.${field}[${j}]`;
    const option: Record<string, unknown> = {
      value: o.text('optionValue', `${path}.value`, true),
      label: o.localized('optionVi', 'optionEn', `${path}.label`, true),
      points: o.number('optionPoints', `${path}.points`, { required: true }),
    };
    sink.cells.set(path, o.ref('optionValue'));
    return option;
  });

/** The `answer` object of criterion `at` (`criteria[3]`); unused filled cells are issues. */
export const readAnswer = (r: RowReader, type: AnswerType, optionRows: readonly RowReader[], at: string, sink: ReadSink): Record<string, unknown> => {
  const a = `${at}.answer`;
  const used = TYPE_COLUMNS[type];
  const typeLabel = labelOf(ANSWER_TYPES, type);
  for (const key of TYPE_SPECIFIC_COLUMNS) {
    if (!used.includes(key) && r.filled(key)) sink.issues.push(workbookIssue(r.ref(key), 'not_used', { header: r.header(key), type: typeLabel }));
  }
  const spec: Record<string, unknown> = { type, ...(used.includes('rule') ? readRule(r, type, a, sink) : {}) };
  if (used.includes('options')) {
    const field = type === 'choice' ? 'options' : 'items';
    sink.cells.set(`${a}.${field}`, r.ref('optionValue'));
    if (optionRows.length === 0) sink.issues.push(workbookIssue(r.ref('optionValue'), 'options_missing', { type: typeLabel }));
    spec[field] = readOptions(optionRows, a, field, sink);
  } else if (optionRows.length > 0) {
    const first = optionRows[0];
    if (first) sink.issues.push(workbookIssue(first.ref('optionValue'), 'options_not_used', { type: typeLabel }));
  }
  if (type === 'count') spec['unitLabel'] = r.localized('unitLabelVi', 'unitLabelEn', `${a}.unitLabel`);
  if (type === 'imported_score') spec['source'] = r.localized('sourceVi', 'sourceEn', `${a}.source`);
  if (type === 'date') {
    spec['allowNone'] = r.choice('allowNone', YES_NO, `${a}.allowNone`);
    spec['validity'] = r.choice('dateValidity', DATE_VALIDITY, `${a}.validity`);
  }
  if (type === 'ratio' || type === 'ratio_threshold') {
    spec['numeratorLabel'] = r.localized('numeratorVi', 'numeratorEn', `${a}.numeratorLabel`, true);
    spec['denominatorLabel'] = r.localized('denominatorVi', 'denominatorEn', `${a}.denominatorLabel`, true);
    spec['zeroDenominator'] = r.choice('zeroDenominator', ZERO_DENOMINATOR, `${a}.zeroDenominator`);
    spec['defaultDenominator'] = r.text('defaultDenominator', `${a}.defaultDenominator`);
    spec['integer'] = r.choice('integer', YES_NO, `${a}.integer`);
    spec['denominatorCriterion'] = r.text('denominatorCriterion', `${a}.denominatorCriterion`);
  }
  return Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined));
};
