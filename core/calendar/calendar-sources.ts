// The working calendar is the shipped years plus the years imported into the database; an
// imported year replaces the shipped year of the same number as a whole (a correction is a
// complete year, never a patch of single days).
import type { YearCalendar } from './calendar.schema.ts';
import { dayOfWeek } from './local-date.ts';
import { buildCalendar, type WorkingCalendar } from './working-days.ts';

export type YearSource = 'shipped' | 'imported';
export type SourcedYear = { readonly source: YearSource; readonly calendar: YearCalendar };

export const mergeCalendarYears = (shipped: readonly YearCalendar[], imported: readonly YearCalendar[]): SourcedYear[] => {
  const byYear = new Map<number, SourcedYear>();
  for (const calendar of shipped) byYear.set(calendar.year, { source: 'shipped', calendar });
  for (const calendar of imported) byYear.set(calendar.year, { source: 'imported', calendar });
  return [...byYear.values()].sort((a, b) => a.calendar.year - b.calendar.year);
};

export const calendarOf = (years: readonly SourcedYear[]): WorkingCalendar => buildCalendar(years.map((y) => y.calendar));

export type YearSummary = {
  readonly year: number;
  readonly source: YearSource;
  /** Every listed day off, weekend days inside a break included. */
  readonly holidayDays: number;
  /** Of those, the Monday–Friday ones: the days that change working-day counts. */
  readonly weekdaysOff: number;
  readonly estimated: number;
};

export const summarizeYear = ({ source, calendar }: SourcedYear): YearSummary => ({
  year: calendar.year,
  source,
  holidayDays: calendar.holidays.length,
  weekdaysOff: calendar.holidays.filter((h) => ![0, 6].includes(dayOfWeek(h.date))).length,
  estimated: calendar.holidays.filter((h) => h.status === 'estimated').length,
});
