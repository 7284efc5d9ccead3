// The reminders a unit of a level would get in a period if it never submitted, each with the
// window in which it may be sent. `dueReminders` then picks what to send at a given instant.
import { addDays, endOfLocalDayExclusive, formatDateVi, localDateTimeToInstant, toLocalDate } from '../calendar/local-date.ts';
import { addWorkingDays, type WorkingCalendar } from '../calendar/working-days.ts';
import { quarterlyCheckpoints } from '../periods/deadlines.ts';
import { opensAtFor } from '../periods/period-levels.ts';
import type { AssessedLevel, CheckpointMonth, Period } from '../periods/period.schema.ts';
import { nextAllowedTime } from './quiet-hours.ts';
import type { ReminderPolicy } from './reminder-policy.ts';

export type ReminderKind = `before_${number}` | 'deadline_morning' | `late_day_${number}` | `quarterly_m${CheckpointMonth}` | 'manual';

export type ScheduledReminder = {
  readonly kind: ReminderKind;
  readonly track: 'deadline' | 'quarterly';
  /** When the policy says it falls due (may be in quiet hours). */
  readonly dueAt: Date;
  /** `dueAt` deferred to the next allowed time. */
  readonly sendableFrom: Date;
  /** After this instant the reminder is obsolete and is never sent. */
  readonly expiresAt: Date;
  readonly lateDay?: number;
  readonly checkpoint?: { readonly month: CheckpointMonth; readonly date: string; readonly dateVi: string };
};

export const scheduleFor = (period: Period, level: AssessedLevel, policy: ReminderPolicy, calendar: WorkingCalendar): ScheduledReminder[] => {
  const opensAt = localDateTimeToInstant(opensAtFor(period, level), '00:00');
  const out: ScheduledReminder[] = [];
  const push = (r: Omit<ScheduledReminder, 'sendableFrom'>): void => {
    if (r.dueAt.getTime() < opensAt.getTime()) return;
    const sendableFrom = nextAllowedTime(r.dueAt, policy, calendar);
    if (sendableFrom.getTime() >= r.expiresAt.getTime()) return;
    out.push({ ...r, sendableFrom });
  };

  const deadline = period.deadlines[level];
  if (deadline !== undefined) {
    // Once the tolerance is over the unit can no longer be ranked: automatic nudges stop and
    // chasing it further is the coordinator's call (a manual reminder).
    const expiresAt = endOfLocalDayExclusive(addWorkingDays(deadline, period.lateToleranceWorkingDays, calendar));
    for (const n of [...new Set(policy.daysBefore)].sort((a, b) => b - a)) {
      push({ kind: `before_${n}`, track: 'deadline', dueAt: localDateTimeToInstant(addDays(deadline, -n), policy.sendAt), expiresAt });
    }
    if (policy.deadlineMorning) {
      push({ kind: 'deadline_morning', track: 'deadline', dueAt: localDateTimeToInstant(deadline, policy.sendAt), expiresAt });
    }
    if (policy.lateDaily) {
      for (let n = 1; n <= period.lateToleranceWorkingDays; n += 1) {
        const day = addWorkingDays(deadline, n, calendar);
        push({ kind: `late_day_${n}`, track: 'deadline', dueAt: localDateTimeToInstant(day, policy.sendAt), expiresAt, lateDay: n });
      }
    }
  }

  if (!period.scored && policy.quarterly) {
    for (const cp of quarterlyCheckpoints(period)) {
      push({
        kind: `quarterly_m${cp.month}`,
        track: 'quarterly',
        dueAt: localDateTimeToInstant(addDays(cp.date, -policy.quarterlyDaysBefore), policy.sendAt),
        expiresAt: endOfLocalDayExclusive(cp.date),
        checkpoint: { ...cp, dateVi: formatDateVi(cp.date) },
      });
    }
  }
  out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  // A reminder deferred onto a day on which a later one becomes sendable (e.g. "1 day before"
  // on a Sunday, deferred to the Monday deadline) is superseded: one message a day at most,
  // and the later one carries the up-to-date situation.
  const kept = out.filter((r, i) => {
    const next = out[i + 1];
    return next === undefined || toLocalDate(next.sendableFrom) !== toLocalDate(r.sendableFrom);
  });
  // A reminder not sent by the end of its day (the bot was down) is obsolete once the day of
  // the next one starts, so a restart never sends yesterday's "3 days left" before today's.
  return kept.map((r, i) => {
    const next = kept[i + 1];
    if (next === undefined) return r;
    const nextDayStart = localDateTimeToInstant(toLocalDate(next.sendableFrom), '00:00');
    return nextDayStart.getTime() < r.expiresAt.getTime() ? { ...r, expiresAt: nextDayStart } : r;
  });
};
