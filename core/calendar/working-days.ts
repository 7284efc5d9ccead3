// Working days for Vietnamese state agencies: Monday–Friday, minus the year's days off, plus
// the "làm bù" Saturdays. Deadlines and lateness are counted in these days (DOMAIN B2.5).
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import type { Holiday, YearCalendar } from './calendar.schema.ts';
import { SHIPPED_YEARS } from './shipped-years.ts';
import { addDays, dayOfWeek, yearOf } from './local-date.ts';

export type WorkingCalendar = {
  readonly holidays: ReadonlyMap<string, Holiday['name']>;
  readonly workingSaturdays: ReadonlySet<string>;
  readonly years: ReadonlySet<number>;
};

export { SHIPPED_YEARS };

/** Later entries for the same year replace earlier ones, so database overrides win. */
export const buildCalendar = (years: readonly YearCalendar[]): WorkingCalendar => {
  const byYear = new Map<number, YearCalendar>();
  for (const y of years) byYear.set(y.year, y);
  const holidays = new Map<string, Holiday['name']>();
  const workingSaturdays = new Set<string>();
  for (const y of byYear.values()) {
    for (const hol of y.holidays) holidays.set(hol.date, hol.name);
    for (const s of y.workingSaturdays) workingSaturdays.add(s);
  }
  return { holidays, workingSaturdays, years: new Set(byYear.keys()) };
};

export const VIETNAM_CALENDAR: WorkingCalendar = buildCalendar(SHIPPED_YEARS);

export const holidayName = (dateIso: string, calendar: WorkingCalendar): Holiday['name'] | undefined => calendar.holidays.get(dateIso);

/** A Sunday or a day of an announced holiday break. Reminders are never sent on these. */
export const isPublicHolidayOrSunday = (dateIso: string, calendar: WorkingCalendar): boolean => dayOfWeek(dateIso) === 0 || calendar.holidays.has(dateIso);

export const isWorkingDay = (dateIso: string, calendar: WorkingCalendar): boolean => {
  const dow = dayOfWeek(dateIso);
  if (dow === 0 || calendar.holidays.has(dateIso)) return false;
  return dow !== 6 || calendar.workingSaturdays.has(dateIso);
};

/** `dateIso` itself when it is a working day, otherwise the next working day. */
export const nextWorkingDayOnOrAfter = (dateIso: string, calendar: WorkingCalendar): string => {
  let d = dateIso;
  while (!isWorkingDay(d, calendar)) d = addDays(d, 1);
  return d;
};

/**
 * n > 0: the n-th working day strictly after `dateIso`; n < 0: the |n|-th working day
 * strictly before it; n = 0: `dateIso` unchanged (even when it is not a working day).
 */
export const addWorkingDays = (dateIso: string, n: number, calendar: WorkingCalendar): string => {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be an integer: ${n}`);
  const step = n > 0 ? 1 : -1;
  let d = dateIso;
  for (let left = Math.abs(n); left > 0;) {
    d = addDays(d, step);
    if (isWorkingDay(d, calendar)) left -= 1;
  }
  return d;
};

/**
 * Working days from `fromIso` (exclusive) to `toIso` (inclusive): the number of working days
 * d with from < d ≤ to. When `toIso` is earlier the result is negative: −(working days d with
 * to ≤ d < from). So `workingDaysBetween(a, addWorkingDays(a, n)) === n` for every a and n,
 * and "deadline day → next working day" counts 1.
 */
export const workingDaysBetween = (fromIso: string, toIso: string, calendar: WorkingCalendar): number => {
  if (fromIso === toIso) return 0;
  const forward = fromIso < toIso;
  let count = 0;
  if (forward) {
    for (let d = addDays(fromIso, 1); d <= toIso; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) count += 1;
    return count;
  }
  for (let d = toIso; d < fromIso; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) count += 1;
  return -count;
};

export type CalendarError = { readonly code: 'CALENDAR_YEAR_MISSING'; readonly year: number };

/**
 * Years outside the calendar silently count only weekends as days off; call this when a
 * period is created so an admin is told to add the year's holidays first.
 */
export const checkCalendarCovers = (calendar: WorkingCalendar, fromIso: string, toIso: string): Result<true, CalendarError> => {
  for (let y = yearOf(fromIso); y <= yearOf(toIso); y += 1) {
    if (!calendar.years.has(y)) return err({ code: 'CALENDAR_YEAR_MISSING', year: y });
  }
  return ok(true);
};
