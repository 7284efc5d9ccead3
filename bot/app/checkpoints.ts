// Quarterly checkpoint records as the use cases and both repositories read them: the stored
// JSON is parsed at the boundary (a row an older build wrote badly reads as empty, never as a
// crash), and the answers a snapshot keeps are the value and explanation only — evidence
// counts change with the live submission and are not part of the figures given.
import { z } from 'zod';
import { AnswerValueSchema, ProfileValuesSchema, type Answers, type ProfileValues } from '../../core/criteria/answer-value.schema.ts';
import { isCheckpointMonth } from '../../core/periods/checkpoint-due.ts';
import type { CheckpointMonth, Period } from '../../core/periods/period.schema.ts';
import type { CheckpointAnswers, CheckpointRecord } from './ports.ts';

const CheckpointAnswersSchema = z.record(z.string(), z.object({ value: AnswerValueSchema, explanation: z.string().optional() }));

export const parseCheckpointAnswers = (raw: unknown): CheckpointAnswers => {
  const parsed = CheckpointAnswersSchema.safeParse(typeof raw === 'string' ? JSON.parse(raw) : raw);
  return parsed.success ? parsed.data : {};
};

export const parseCheckpointProfile = (raw: unknown): ProfileValues | null => {
  if (raw === null || raw === undefined) return null;
  const parsed = ProfileValuesSchema.safeParse(typeof raw === 'string' ? JSON.parse(raw) : raw);
  return parsed.success ? parsed.data : null;
};

export const checkpointAnswersOf = (answers: Answers): CheckpointAnswers =>
  Object.fromEntries(
    Object.entries(answers).map(([code, a]) => [code, { value: a.value, ...(a.explanation !== undefined ? { explanation: a.explanation } : {}) }]),
  );

/** The checkpoint months a unit has updated, for the reminder policy. */
export const updatedMonths = (records: readonly Pick<CheckpointRecord, 'month'>[]): CheckpointMonth[] =>
  [...new Set(records.map((r) => r.month))].filter(isCheckpointMonth).sort((a, b) => a - b);

/** Quarterly periods of non-scored sets report by checkpoint; every other period as before. */
export const isQuarterlyUpdate = (period: Pick<Period, 'kind' | 'scored'>): boolean => period.kind === 'quarterly' && !period.scored;
