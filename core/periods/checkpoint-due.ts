// Which checkpoint of a quarterly (non-scored) period an update given on a local date counts
// for: the first checkpoint due on or after that date; after the last one it is still the last
// one (a late 9-month update), never a checkpoint of its own.
import type { CheckpointMonth, Period } from './period.schema.ts';
import { quarterlyCheckpoints, type Checkpoint } from './deadlines.ts';

export const checkpointDue = (period: Period, localDate: string): Checkpoint | null => {
  const all = quarterlyCheckpoints(period);
  return all.find((c) => c.date >= localDate) ?? all[all.length - 1] ?? null;
};

export const isCheckpointMonth = (month: number): month is CheckpointMonth => month === 3 || month === 6 || month === 9;

/** Two data windows overlap when each starts on or before the other ends (ISO dates compare as text). */
export const windowsOverlap = (a: Period['dataWindow'], b: Period['dataWindow']): boolean => a.from <= b.to && b.from <= a.to;
