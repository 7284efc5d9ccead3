// Quarterly checkpoints as the use cases see them: which periods report by checkpoint, and the
// months a unit has already updated (what the reminder policy skips).
import { isCheckpointMonth } from '../../core/periods/checkpoint-due.ts';
import type { CheckpointMonth, Period } from '../../core/periods/period.schema.ts';
import type { CheckpointRecord } from './ports.ts';

/** Quarterly periods of non-scored sets report by checkpoint; every other period as before. */
export const isQuarterlyUpdate = (period: Pick<Period, 'kind' | 'scored'>): boolean => period.kind === 'quarterly' && !period.scored;

export const updatedMonths = (records: readonly Pick<CheckpointRecord, 'month'>[]): CheckpointMonth[] =>
  [...new Set(records.map((r) => r.month))].filter(isCheckpointMonth).sort((a, b) => a - b);
