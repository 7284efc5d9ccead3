// Builds the working calendar of the running product and of the CLI: the shipped years
// (core/calendar/data/vietnam-holidays.json) plus the years imported into the database, an
// imported year replacing the shipped one. Read once at start-up: a year imported while the bot
// runs is used after the next restart (the CLI reads it on every command).
import { calendarOf, mergeCalendarYears, type SourcedYear } from '../../../core/calendar/calendar-sources.ts';
import { SHIPPED_YEARS, type WorkingCalendar } from '../../../core/calendar/working-days.ts';
import type { CalendarRepository } from '../ports.ts';

export const loadCalendarYears = async (calendar: CalendarRepository): Promise<SourcedYear[]> => mergeCalendarYears(SHIPPED_YEARS, await calendar.listYears());

export const loadWorkingCalendar = async (calendar: CalendarRepository): Promise<WorkingCalendar> => calendarOf(await loadCalendarYears(calendar));
