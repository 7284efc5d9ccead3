// One criterion's answer specification → the cells of its row and its option rows. The inverse
// of read-answer.ts: defaults that the reader re-applies (0 points for "no", no extra points for a
// date outside every rule, 0 points for text) are left out to keep the rule cell short.
import type { AnswerSpec, Option } from '../../../core/criteria/answer-spec.schema.ts';
import { formatRuleCell, type RuleClause } from '../../../core/criteria/rule-cell.ts';
import { labelOf, DATE_VALIDITY, YES_NO, ZERO_DENOMINATOR } from './layout.ts';

export type Cells = Record<string, string | number>;

const ruleOf = (spec: AnswerSpec): string => {
  const set = (name: Extract<RuleClause, { kind: 'setting' }>['name'], value: number | undefined): RuleClause[] =>
    value === undefined ? [] : [{ kind: 'setting', name, value }];
  switch (spec.type) {
    case 'boolean':
      return formatRuleCell([...set('yes', spec.yesPoints), ...set('no', spec.noPoints === 0 ? undefined : spec.noPoints)]);
    case 'multi_check':
      return formatRuleCell(set('cap', spec.cap));
    case 'count':
      return formatRuleCell([
        ...(spec.tiers ?? []).map((t): RuleClause => ({ kind: 'min', min: t.min, points: t.points })),
        ...set('perItem', spec.perItem),
        ...set('cap', spec.cap),
      ]);
    case 'ratio_threshold':
    case 'percent':
      return formatRuleCell(
        (spec.bands ?? []).map((b): RuleClause => ({ kind: 'min', min: b.minPercent, points: b.points })),
        true,
      );
    case 'date':
      return formatRuleCell([
        ...spec.byDate.map((r): RuleClause => ({ kind: 'date', onOrBefore: r.onOrBefore, points: r.points })),
        ...set('otherwise', spec.otherwisePoints === 0 ? undefined : spec.otherwisePoints),
      ]);
    case 'imported_score':
      return formatRuleCell(set('scale', spec.scale));
    case 'text':
      return formatRuleCell(set('points', spec.points === 0 ? undefined : spec.points));
    default:
      return '';
  }
};

export const optionsOf = (spec: AnswerSpec): readonly Option[] => (spec.type === 'choice' ? spec.options : spec.type === 'multi_check' ? spec.items : []);

export const optionCells = (o: Option): Cells => ({ optionValue: o.value, optionVi: o.label.vi, optionEn: o.label.en, optionPoints: o.points });

/** The type-specific cells of the criterion row (options excluded). */
export const answerCells = (spec: AnswerSpec): Cells => {
  const cells: Cells = {};
  const rule = ruleOf(spec);
  if (rule !== '') cells['rule'] = rule;
  if (spec.type === 'count' && spec.unitLabel) Object.assign(cells, { unitLabelVi: spec.unitLabel.vi, unitLabelEn: spec.unitLabel.en });
  if (spec.type === 'imported_score' && spec.source) Object.assign(cells, { sourceVi: spec.source.vi, sourceEn: spec.source.en });
  if (spec.type === 'date' && spec.allowNone) cells['allowNone'] = labelOf(YES_NO, true);
  if (spec.type === 'date' && spec.validity !== 'issued_in_window') cells['dateValidity'] = labelOf(DATE_VALIDITY, spec.validity);
  if (spec.type === 'ratio' || spec.type === 'ratio_threshold') {
    Object.assign(cells, {
      numeratorVi: spec.numeratorLabel.vi,
      numeratorEn: spec.numeratorLabel.en,
      denominatorVi: spec.denominatorLabel.vi,
      denominatorEn: spec.denominatorLabel.en,
      zeroDenominator: labelOf(ZERO_DENOMINATOR, spec.zeroDenominator),
      integer: labelOf(YES_NO, spec.integer),
    });
    if (spec.defaultDenominator !== undefined) cells['defaultDenominator'] = spec.defaultDenominator;
    if (spec.denominatorCriterion !== undefined) cells['denominatorCriterion'] = spec.denominatorCriterion;
  }
  return cells;
};
