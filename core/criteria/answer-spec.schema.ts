import { z } from 'zod';
import { LocalizedTextSchema } from './localized-text.ts';

// One schema per answer type, discriminated on `type`. Strict objects so that a misspelt
// field in a YAML file is reported with its path instead of being silently ignored.
const points = z.number().min(0).max(100_000);
const slug = z.string().regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, "_" or "-"');

export const OptionSchema = z.strictObject({ value: slug, label: LocalizedTextSchema, points });
export type Option = z.infer<typeof OptionSchema>;

export const BandSchema = z.strictObject({ minPercent: z.number().min(0).max(100), points });
export type Band = z.infer<typeof BandSchema>;

const BooleanSpec = z.strictObject({
  type: z.literal('boolean'),
  /** Points for "yes"; defaults to the criterion's maxPoints. */
  yesPoints: points.optional(),
  noPoints: points.default(0),
});

const ChoiceSpec = z.strictObject({ type: z.literal('choice'), options: z.array(OptionSchema).min(2) });

const MultiCheckSpec = z.strictObject({
  type: z.literal('multi_check'),
  items: z.array(OptionSchema).min(1),
  /** Defaults to the criterion's maxPoints. */
  cap: points.optional(),
});

const CountSpec = z.strictObject({
  type: z.literal('count'),
  /** Tiered: the tier with the highest `min` not above the count gives the points. */
  tiers: z
    .array(z.strictObject({ min: z.number().int().min(0), points }))
    .min(1)
    .optional(),
  /** Capped: count × perItem, never above `cap` (default maxPoints). */
  perItem: points.optional(),
  cap: points.optional(),
  unitLabel: LocalizedTextSchema.optional(),
});

const ratioFields = {
  numeratorLabel: LocalizedTextSchema,
  denominatorLabel: LocalizedTextSchema,
  /**
   * What "none of these exist" (b = 0) means, declared by every ratio criterion: not applicable
   * (leaves the denominator; the officer must say why), full points (e.g. no alert to handle),
   * or zero points (the unit should have had some, e.g. meetings or trained officials).
   */
  zeroDenominator: z.enum(['not_applicable', 'full', 'zero'], { message: 'declare what 0/0 means: not_applicable, full or zero' }),
  /** A profile key whose value is offered as the denominator. */
  defaultDenominator: z.string().min(1).optional(),
  /**
   * A count criterion the denominator should agree with (X-1.3's meetings are X-1.2's): a
   * different figure gets a warning, never a refusal.
   */
  denominatorCriterion: z.string().min(1).optional(),
  integer: z.boolean().default(true),
};

const RatioSpec = z.strictObject({ type: z.literal('ratio'), ...ratioFields });
const RatioThresholdSpec = z.strictObject({
  type: z.literal('ratio_threshold'),
  ...ratioFields,
  bands: z.array(BandSchema).min(1),
});

const PercentSpec = z.strictObject({ type: z.literal('percent'), bands: z.array(BandSchema).min(1).optional() });

export const DateRuleSchema = z.strictObject({
  /** 'MM-DD' (in the assessment year: the year the data window ends) or 'YYYY-MM-DD'. */
  onOrBefore: z.string().regex(/^(\d{4}-)?\d{2}-\d{2}$/, 'use MM-DD or YYYY-MM-DD'),
  points,
});

const DateSpec = z.strictObject({
  type: z.literal('date'),
  byDate: z.array(DateRuleSchema).default([]),
  /** Points for a date that matches no byDate rule. */
  otherwisePoints: points.default(0),
  /** "No such document" is a valid answer worth 0 points. */
  allowNone: z.boolean().default(false),
  /**
   * Which dates count: issued inside the data window (an annual plan), or in force during it —
   * issued on or before the window's end (a regulation issued years ago that still applies).
   */
  validity: z.enum(['issued_in_window', 'in_force']).default('issued_in_window'),
});

const ImportedScoreSpec = z.strictObject({
  type: z.literal('imported_score'),
  scale: z.number().positive().max(1_000_000).default(100),
  source: LocalizedTextSchema.optional(),
});

const TextSpec = z.strictObject({ type: z.literal('text'), points: points.default(0) });
const EvidenceOnlySpec = z.strictObject({ type: z.literal('evidence_only') });

export const AnswerSpecSchema = z.discriminatedUnion('type', [
  BooleanSpec,
  ChoiceSpec,
  MultiCheckSpec,
  CountSpec,
  RatioSpec,
  RatioThresholdSpec,
  PercentSpec,
  DateSpec,
  ImportedScoreSpec,
  TextSpec,
  EvidenceOnlySpec,
]);
export type AnswerSpec = z.infer<typeof AnswerSpecSchema>;
export type AnswerType = AnswerSpec['type'];
export type SpecOf<T extends AnswerType> = Extract<AnswerSpec, { type: T }>;
