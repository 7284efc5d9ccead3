// The "Tiêu chí" sheet → criteria. A row with a "Mã tiêu chí" starts a criterion; rows below it
// without a code carry its further options. Blank rows are ignored.
import type { Worksheet } from 'exceljs';
import { parseRelevanceCell } from '../../../core/criteria/relevance-cell.ts';
import { CRITERIA_COLUMNS, OPTION_KEYS } from './criteria-columns.ts';
import { ANSWER_TYPES, EVIDENCE, EVIDENCE_KINDS, EXPLANATION, SHEETS, YES_NO } from './layout.ts';
import { readAnswer } from './read-answer.ts';
import { lastRow, locateColumns, rowReader, type ReadSink, type RowReader } from './read-cells.ts';
import { workbookIssue } from './workbook-issues.ts';

const defined = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const readCriterion = (r: RowReader, options: readonly RowReader[], at: string, sink: ReadSink): Record<string, unknown> => {
  sink.cells.set(at, r.ref('code'));
  const type = r.choice('type', ANSWER_TYPES, `${at}.answer.type`, true);
  sink.cells.set(`${at}.answer`, r.ref('type'));
  const constraints = defined({
    min: r.number('min', `${at}.constraints.min`),
    max: r.number('max', `${at}.constraints.max`),
    minLength: r.number('minLength', `${at}.constraints.minLength`, { integer: true }),
    maxLength: r.number('maxLength', `${at}.constraints.maxLength`, { integer: true }),
  });
  const relevance = r.text('relevantWhen', `${at}.relevantWhen`);
  let relevantWhen: unknown;
  if (relevance !== undefined) {
    const parsed = parseRelevanceCell(relevance);
    if (parsed.ok) relevantWhen = parsed.value;
    else sink.issues.push(workbookIssue(r.ref('relevantWhen'), 'relevance_syntax', { value: relevance }));
  }
  return defined({
    code: r.text('code', `${at}.code`, true),
    group: r.text('group', `${at}.group`, true),
    text: r.localized('textVi', 'textEn', `${at}.text`, true),
    help: r.localized('helpVi', 'helpEn', `${at}.help`),
    answer: type === undefined ? undefined : readAnswer(r, type, options, at, sink),
    maxPoints: r.number('maxPoints', `${at}.maxPoints`, { required: true }),
    evidence: r.choice('evidence', EVIDENCE, `${at}.evidence`),
    evidenceKinds: r.choice('evidenceKinds', EVIDENCE_KINDS, `${at}.evidenceKinds`)?.split(','),
    explanation: r.choice('explanation', EXPLANATION, `${at}.explanation`),
    allowNotApplicable: r.choice('allowNotApplicable', YES_NO, `${at}.allowNotApplicable`),
    relevantWhen,
    constraints: Object.keys(constraints).length > 0 ? constraints : undefined,
    evidenceHint: r.localized('evidenceHintVi', 'evidenceHintEn', `${at}.evidenceHint`),
    dataSource: r.text('dataSource', `${at}.dataSource`),
    verifier: r.text('verifier', `${at}.verifier`),
    provenance: r.text('provenance', `${at}.provenance`),
  });
};

export const readCriteriaSheet = (ws: Worksheet, sink: ReadSink): Record<string, unknown>[] => {
  const table = locateColumns(ws, SHEETS.criteria, CRITERIA_COLUMNS, sink);
  const found: { row: RowReader; options: RowReader[] }[] = [];
  const otherKeys = CRITERIA_COLUMNS.map((c) => c.key).filter((k) => !(OPTION_KEYS as readonly string[]).includes(k));
  const last = lastRow(table);
  for (let row = 2; row <= last; row += 1) {
    const r = rowReader(table, row, sink);
    const hasOption = OPTION_KEYS.some((k) => r.filled(k));
    if (r.filled('code')) {
      found.push({ row: r, options: hasOption ? [r] : [] });
      continue;
    }
    const stray = otherKeys.find((k) => r.filled(k));
    if (stray !== undefined || (hasOption && found.length === 0)) {
      // Values without a criterion code: a forgotten code, or options before any criterion.
      sink.issues.push(workbookIssue(r.ref('code'), 'orphan_row', { row, other: r.ref(stray ?? 'optionValue') }));
    } else if (hasOption) found[found.length - 1]?.options.push(r);
  }
  sink.cells.set('criteria', `${SHEETS.criteria}!A2`);
  if (found.length === 0 && table.cols.has('code')) sink.issues.push(workbookIssue(`${SHEETS.criteria}!A2`, 'no_rows', { sheet: SHEETS.criteria }));
  return found.map((f, i) => readCriterion(f.row, f.options, `criteria[${i}]`, sink));
};
