// Quarterly checkpoints as the use cases see them: which periods report by checkpoint, and the
// months a unit has already updated (what the reminder policy skips).
import { toLocalDate } from '../../core/calendar/local-date.ts';
import { checkpointDue, isCheckpointMonth } from '../../core/periods/checkpoint-due.ts';
import type { Checkpoint } from '../../core/periods/deadlines.ts';
import type { CheckpointMonth, Period } from '../../core/periods/period.schema.ts';
import type { CheckpointRecord, SubmissionRepository } from './ports.ts';

/** Quarterly periods of non-scored sets report by checkpoint; every other period as before. */
export const isQuarterlyUpdate = (period: Pick<Period, 'kind' | 'scored'>): boolean => period.kind === 'quarterly' && !period.scored;

export const updatedMonths = (records: readonly Pick<CheckpointRecord, 'month'>[]): CheckpointMonth[] =>
  [...new Set(records.map((r) => r.month))].filter(isCheckpointMonth).sort((a, b) => a - b);

/**
 * In a quarterly update, the checkpoint now due and which of these submissions have given its
 * figures (what /status and /missing count as sent); null for every other period.
 */
export const dueCheckpointSent = async (
  submissions: Pick<SubmissionRepository, 'checkpointsOf'>,
  period: Period,
  submissionIds: readonly string[],
  now: Date,
): Promise<{ readonly due: Checkpoint; readonly sent: ReadonlySet<string> } | null> => {
  const due = isQuarterlyUpdate(period) ? checkpointDue(period, toLocalDate(now)) : null;
  if (!due) return null;
  const records = await submissions.checkpointsOf(submissionIds);
  return { due, sent: new Set(records.filter((c) => c.month === due.month).map((c) => c.submissionId)) };
};
