// Deadlines, lateness and checkpoints of a period. Lateness is counted in working days
// because the seed rule is "nộp trễ sau 5 ngày làm việc → không xếp hạng" (Bình Thuận 2019).
import { addMonths, endOfLocalDayExclusive, localDateTimeToInstant, toLocalDate } from '../calendar/local-date.ts';
import { nextWorkingDayOnOrAfter, workingDaysBetween, type WorkingCalendar } from '../calendar/working-days.ts';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import { opensAtFor } from './period-levels.ts';
import { checkpointMonths, type AssessedLevel, type CheckpointMonth, type Period } from './period.schema.ts';

export type PeriodError = { readonly code: 'NO_DEADLINE_FOR_LEVEL'; readonly level: AssessedLevel };

export type Deadline = {
  /** The local date written in the letter. */
  readonly date: string;
  /** First instant after the deadline: on time ⇔ submittedAt < endsBefore (i.e. by 23:59:59 local). */
  readonly endsBefore: Date;
};

export type Lateness = {
  readonly late: boolean;
  readonly workingDaysLate: number;
  readonly beyondTolerance: boolean;
};

export const deadlineFor = (period: Period, level: AssessedLevel): Result<Deadline, PeriodError> => {
  const date = period.deadlines[level];
  if (date === undefined) return err({ code: 'NO_DEADLINE_FOR_LEVEL', level });
  return ok({ date, endsBefore: endOfLocalDayExclusive(date) });
};

/**
 * Working days late of an instant after the deadline: the deadline day counts 0, the next
 * working day 1, and so on. An instant on a non-working day counts as the next working day
 * (a report sent on Saturday after a Friday deadline is 1 day late, like one sent on Monday),
 * so a weekend never hides lateness and never adds to it.
 */
const workingDaysLateAt = (deadlineDate: string, instant: Date, calendar: WorkingCalendar): number => {
  const day = nextWorkingDayOnOrAfter(toLocalDate(instant), calendar);
  return Math.max(0, workingDaysBetween(deadlineDate, day, calendar));
};

export const lateness = (period: Period, level: AssessedLevel, submittedAt: Date, calendar: WorkingCalendar): Result<Lateness, PeriodError> => {
  const deadline = deadlineFor(period, level);
  if (!deadline.ok) return deadline;
  if (submittedAt.getTime() < deadline.value.endsBefore.getTime()) {
    return ok({ late: false, workingDaysLate: 0, beyondTolerance: false });
  }
  const workingDaysLate = workingDaysLateAt(deadline.value.date, submittedAt, calendar);
  return ok({ late: true, workingDaysLate, beyondTolerance: workingDaysLate > period.lateToleranceWorkingDays });
};

/**
 * Working days left until the deadline, counted from today (exclusive) to the deadline day
 * (inclusive): 0 on the deadline day, 1 the working day before. After the deadline it is the
 * negative of the working days late a submission made now would have.
 */
export const workingDaysRemaining = (period: Period, level: AssessedLevel, now: Date, calendar: WorkingCalendar): Result<number, PeriodError> => {
  const deadline = deadlineFor(period, level);
  if (!deadline.ok) return deadline;
  if (now.getTime() < deadline.value.endsBefore.getTime()) {
    return ok(Math.max(0, workingDaysBetween(toLocalDate(now), deadline.value.date, calendar)));
  }
  return ok(-workingDaysLateAt(deadline.value.date, now, calendar));
};

/**
 * Submissions are accepted while the period is open, from the level's opening day (00:00
 * local), for levels that have a deadline. Late submissions stay accepted (they are then flagged late or
 * not ranked); the coordinator closes the period when appraisal starts.
 */
export const isOpenForLevel = (period: Period, level: AssessedLevel, now: Date): boolean =>
  period.status === 'open' && period.deadlines[level] !== undefined && now.getTime() >= localDateTimeToInstant(opensAtFor(period, level), '00:00').getTime();

export type Checkpoint = { readonly month: CheckpointMonth; readonly date: string };

/**
 * Non-scored updates at months 3, 6 and 9 of the data window (Hà Tĩnh: "cập nhật số liệu 3
 * tháng, 6 tháng và 9 tháng trước ngày 15 tháng cuối kỳ"): window 15/11 → 15/02, 15/05, 15/08.
 * Explicit `period.checkpoints` win over the computed dates.
 */
export const quarterlyCheckpoints = (period: Period): readonly Checkpoint[] => {
  if (period.checkpoints) return [...period.checkpoints].sort((a, b) => a.month - b.month);
  return checkpointMonths.map((month) => ({ month, date: addMonths(period.dataWindow.from, month) }));
};
