// A period may only use years the holiday calendar covers: outside them only weekends would
// count as days off. Checked are the dates on which working days are counted or reminders
// sent — openings, deadlines, the end of the late tolerance, checkpoints and milestones — but
// not the data windows: nothing is counted in working days there, and a window usually starts
// in the year before the first covered one (Gia Lai 2019: from 01/11/2018).
import { firstUncoveredDate } from '../calendar/coverage.ts';
import { yearOf } from '../calendar/local-date.ts';
import { addWorkingDays, type WorkingCalendar } from '../calendar/working-days.ts';
import { err, ok, type Result } from '../result.ts';
import { opensAtFor } from './period-levels.ts';
import { assessedLevels, type Period } from './period.schema.ts';

/** `field` names the date the way the period file writes it. */
export type PeriodDate = { readonly field: string; readonly date: string };
export type UncoveredPeriodDate = PeriodDate & { readonly code: 'CALENDAR_YEAR_MISSING'; readonly year: number };

type Dated = Omit<Period, 'id'>;

export const calendarDates = (period: Dated, calendar: WorkingCalendar): PeriodDate[] => {
  const out: PeriodDate[] = [];
  for (const level of assessedLevels) {
    const deadline = period.deadlines[level];
    if (deadline === undefined) continue;
    out.push({ field: `levels.${level}.opensAt`, date: opensAtFor(period, level) });
    out.push({ field: `levels.${level}.deadline`, date: deadline });
    const toleranceEnd = addWorkingDays(deadline, period.lateToleranceWorkingDays, calendar);
    if (toleranceEnd !== deadline) out.push({ field: `levels.${level}.deadline + lateToleranceWorkingDays`, date: toleranceEnd });
  }
  period.checkpoints?.forEach((c, i) => out.push({ field: `checkpoints[${i}].date`, date: c.date }));
  period.milestones?.forEach((m, i) => out.push({ field: `milestones[${i}].date`, date: m.date }));
  return out;
};

export const checkPeriodCovered = (period: Dated, calendar: WorkingCalendar): Result<true, UncoveredPeriodDate> => {
  const missing = firstUncoveredDate(calendarDates(period, calendar), calendar);
  return missing ? err({ code: 'CALENDAR_YEAR_MISSING', ...missing, year: yearOf(missing.date) }) : ok(true);
};
