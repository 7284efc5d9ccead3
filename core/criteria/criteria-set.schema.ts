import { z } from 'zod';
import { AnswerSpecSchema } from './answer-spec.schema.ts';
import { LocalizedTextSchema } from './localized-text.ts';

// The authoring format of a criteria set (YAML/JSON). Cross-field rules (unique codes, totals,
// references) live in validate-criteria-set.ts so that each can name the offending path.
const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'use letters, digits, ".", "_" or "-"');
const key = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower-case letters, digits and "_"');

export const TierSchema = z.strictObject({
  key: z.string().min(1),
  minPercent: z.number().min(0).max(100),
  label: LocalizedTextSchema.optional(),
});
export type Tier = z.infer<typeof TierSchema>;

// Kon Tum DTI thresholds (DOMAIN.md F-30), the default when a set declares none.
export const DEFAULT_TIERS: Tier[] = [
  { key: 'tot', minPercent: 90, label: { vi: 'Tốt', en: 'Good' } },
  { key: 'kha', minPercent: 70, label: { vi: 'Khá', en: 'Fair' } },
  { key: 'trung_binh', minPercent: 50, label: { vi: 'Trung bình', en: 'Average' } },
  { key: 'yeu', minPercent: 0, label: { vi: 'Yếu', en: 'Weak' } },
];

export const ProfileItemSchema = z.strictObject({
  key,
  label: LocalizedTextSchema,
  min: z.number().int().min(0).default(0),
  max: z.number().int().min(0).default(10_000_000),
  required: z.boolean().default(false),
});
export type ProfileItem = z.infer<typeof ProfileItemSchema>;

export const GroupSchema = z.strictObject({
  code,
  title: LocalizedTextSchema,
  maxPoints: z.number().min(0).optional(),
});
export type Group = z.infer<typeof GroupSchema>;

export const RelevanceSchema = z.union([
  z.strictObject({ criterion: code, answered: z.literal(true) }),
  z.strictObject({ criterion: code, equals: z.union([z.string(), z.number(), z.boolean()]) }),
  z.strictObject({ criterion: code, minPoints: z.number().min(0) }),
]);
export type Relevance = z.infer<typeof RelevanceSchema>;

export const ConstraintsSchema = z.strictObject({
  min: z.number().optional(),
  max: z.number().optional(),
  minLength: z.number().int().min(0).optional(),
  maxLength: z.number().int().min(1).optional(),
});
export type Constraints = z.infer<typeof ConstraintsSchema>;

export const CriterionSchema = z.strictObject({
  code,
  group: code,
  text: LocalizedTextSchema,
  help: LocalizedTextSchema.optional(),
  answer: AnswerSpecSchema,
  maxPoints: z.number().min(0).max(100_000),
  /** 'required' means required to earn points, not to answer. */
  evidence: z.enum(['none', 'optional', 'required']).default('none'),
  /**
   * What counts as evidence: a file (photo, PDF…), a document reference ("QĐ số 123/QĐ-UBND ngày
   * 05/3/2026 về …": number, date, excerpt) or a web address (a published page).
   */
  evidenceKinds: z
    .array(z.enum(['file', 'reference', 'url']))
    .min(1)
    .default(['file'])
    .transform((kinds) => (['file', 'reference', 'url'] as const).filter((k) => kinds.includes(k))),
  explanation: z.enum(['below_max', 'never', 'always']).default('below_max'),
  /** Allows an explicit "not applicable" answer, which leaves the denominator. */
  allowNotApplicable: z.boolean().default(false),
  relevantWhen: RelevanceSchema.optional(),
  constraints: ConstraintsSchema.default({}),
  evidenceHint: LocalizedTextSchema.optional(),
  dataSource: z.string().optional(),
  verifier: z.string().optional(),
  provenance: z.string().optional(),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const CriteriaSetSchema = z.strictObject({
  key,
  version: z.number().int().min(1),
  title: LocalizedTextSchema,
  level: z.enum(['commune', 'district', 'department', 'province']),
  totalPoints: z.number().min(0),
  tiers: z.array(TierSchema).min(1).default(DEFAULT_TIERS),
  answeredBy: z.enum(['unit', 'assessor']).default('unit'),
  scored: z.boolean().default(true),
  explanationMinLength: z.number().int().min(0).max(500).default(10),
  /** When true, missing required evidence blocks submission instead of only warning. */
  evidenceBlocksSubmission: z.boolean().default(false),
  legalBasis: z.string().optional(),
  profile: z.array(ProfileItemSchema).default([]),
  groups: z.array(GroupSchema).min(1),
  criteria: z.array(CriterionSchema).min(1),
});
export type CriteriaSet = z.infer<typeof CriteriaSetSchema>;
export type CriteriaSetInput = z.input<typeof CriteriaSetSchema>;
