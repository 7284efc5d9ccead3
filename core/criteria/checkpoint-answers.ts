// The figures a quarterly checkpoint keeps (see CheckpointSnapshot): per criterion the stored
// value and explanation only — evidence counts follow the live submission and are not part of
// the figures given. Stored JSON is parsed here, at the boundary: a row an older build wrote
// badly reads as empty, never as a crash.
import { z } from 'zod';
import { AnswerValueSchema, ProfileValuesSchema, type Answers, type AnswerValue, type ProfileValues } from './answer-value.schema.ts';

const CheckpointAnswersSchema = z.record(z.string(), z.object({ value: AnswerValueSchema, explanation: z.string().optional() }));
export type CheckpointAnswers = Readonly<Record<string, { readonly value: AnswerValue; readonly explanation?: string }>>;

// SQLite may hand JSON back as text; PostgreSQL's jsonb arrives parsed.
const fromJson = (raw: unknown): unknown => (typeof raw === 'string' ? JSON.parse(raw) : raw);

export const parseCheckpointAnswers = (raw: unknown): CheckpointAnswers => {
  const parsed = CheckpointAnswersSchema.safeParse(fromJson(raw));
  return parsed.success ? parsed.data : {};
};

export const parseCheckpointProfile = (raw: unknown): ProfileValues | null => {
  if (raw === null || raw === undefined) return null;
  const parsed = ProfileValuesSchema.safeParse(fromJson(raw));
  return parsed.success ? parsed.data : null;
};

export const checkpointAnswersOf = (answers: Answers): CheckpointAnswers =>
  Object.fromEntries(
    Object.entries(answers).map(([code, a]) => [code, { value: a.value, ...(a.explanation !== undefined ? { explanation: a.explanation } : {}) }]),
  );
