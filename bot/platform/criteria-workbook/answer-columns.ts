// Which columns and which "Cách tính điểm" clauses each answer type uses. A filled cell that the
// type does not use is an error rather than silently dropped: nothing written is lost.
import type { AnswerType } from '../../../core/criteria/answer-spec.schema.ts';
import type { RuleSetting } from '../../../core/criteria/rule-cell.ts';

export const TYPE_COLUMNS: Readonly<Record<AnswerType, readonly string[]>> = {
  boolean: ['rule'],
  choice: ['options'],
  multi_check: ['options', 'rule'],
  count: ['rule', 'unitLabelVi', 'unitLabelEn'],
  ratio: ['numeratorVi', 'numeratorEn', 'denominatorVi', 'denominatorEn', 'zeroDenominator', 'defaultDenominator', 'integer', 'denominatorCriterion'],
  ratio_threshold: [
    'rule',
    'numeratorVi',
    'numeratorEn',
    'denominatorVi',
    'denominatorEn',
    'zeroDenominator',
    'defaultDenominator',
    'integer',
    'denominatorCriterion',
  ],
  percent: ['rule'],
  date: ['rule', 'allowNone', 'dateValidity'],
  imported_score: ['rule', 'sourceVi', 'sourceEn'],
  text: ['rule'],
  evidence_only: [],
};

/** Every column whose meaning depends on the answer type. */
export const TYPE_SPECIFIC_COLUMNS: readonly string[] = [...new Set(Object.values(TYPE_COLUMNS).flat())].filter((k) => k !== 'options');

export type RuleShape = {
  /** Threshold clauses allowed: ">=N: P" (count tiers or bands) or "<=dd/mm: P" (dates). */
  readonly thresholds: 'none' | 'count' | 'band' | 'date';
  readonly settings: readonly RuleSetting[];
  /** Shown in messages: what the cell should look like for this type. */
  readonly example: string;
};

export const RULE_SHAPES: Readonly<Record<AnswerType, RuleShape>> = {
  boolean: { thresholds: 'none', settings: ['yes', 'no'], example: 'có=20; không=0' },
  choice: { thresholds: 'none', settings: [], example: '' },
  multi_check: { thresholds: 'none', settings: ['cap'], example: 'trần=30' },
  count: { thresholds: 'count', settings: ['perItem', 'cap'], example: '>=0: 0; >=2: 10; >=4: 20  hoặc  mỗi=20; trần=80' },
  ratio: { thresholds: 'none', settings: [], example: '' },
  ratio_threshold: { thresholds: 'band', settings: [], example: '>=80%: 50; >=50%: 25; >=0%: 0' },
  percent: { thresholds: 'band', settings: [], example: '>=90%: 20; >=0%: 0' },
  date: { thresholds: 'date', settings: ['otherwise'], example: '<=31/03: 40; còn lại=20' },
  imported_score: { thresholds: 'none', settings: ['scale'], example: 'thang=100' },
  text: { thresholds: 'none', settings: ['points'], example: 'điểm=0' },
  evidence_only: { thresholds: 'none', settings: [], example: '' },
};
