import { z } from 'zod';

// What is stored for one answered criterion: plain JSON, discriminated on `type`.
// `ratio` serves both ratio and ratio_threshold criteria (both store a and b, per Bình Thuận).
export const AnswerValueSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('boolean'), value: z.boolean() }),
  z.object({ type: z.literal('choice'), option: z.string() }),
  z.object({ type: z.literal('multi_check'), items: z.array(z.string()) }),
  z.object({ type: z.literal('count'), count: z.number().int().min(0) }),
  z.object({ type: z.literal('ratio'), numerator: z.number().min(0), denominator: z.number().min(0) }),
  z.object({ type: z.literal('percent'), percent: z.number().min(0).max(100) }),
  /** ISO YYYY-MM-DD, or null for "no such document" when the criterion allows it. */
  z.object({
    type: z.literal('date'),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
  }),
  z.object({ type: z.literal('imported_score'), score: z.number().min(0) }),
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('evidence_only') }),
  z.object({ type: z.literal('not_applicable') }),
]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;

export const StoredAnswerSchema = z.object({
  value: AnswerValueSchema,
  explanation: z.string().optional(),
  evidenceCount: z.number().int().min(0),
});
export type StoredAnswer = z.infer<typeof StoredAnswerSchema>;

export const AnswersSchema = z.record(z.string(), StoredAnswerSchema);
export type Answers = Readonly<Record<string, StoredAnswer>>;

export const ProfileValuesSchema = z.record(z.string(), z.number().int().min(0));
export type ProfileValues = Readonly<Record<string, number>>;

export type DateWindow = { readonly from: string; readonly to: string };
