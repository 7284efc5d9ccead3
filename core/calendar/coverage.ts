// Which dates the holiday calendar can speak for. A year outside it would silently count only
// weekends as days off, so periods are refused when one of their dates falls in such a year.
import { yearOf } from './local-date.ts';
import type { WorkingCalendar } from './working-days.ts';

export const isDateCovered = (dateIso: string, calendar: WorkingCalendar): boolean => calendar.years.has(yearOf(dateIso));

export const coveredYears = (calendar: WorkingCalendar): number[] => [...calendar.years].sort((a, b) => a - b);

/** The first of `dates` (in the order given) whose year the calendar does not cover. */
export const firstUncoveredDate = <T extends { readonly date: string }>(dates: readonly T[], calendar: WorkingCalendar): T | undefined =>
  dates.find((d) => !isDateCovered(d.date, calendar));
