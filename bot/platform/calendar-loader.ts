// Builds the working calendar of the running product and of the CLI: the shipped years
// (core/calendar/data/vietnam-holidays.json) plus the years imported into the database, an
// imported year replacing the shipped one. Read once at start-up: a year imported while the bot
// runs is used after the next restart (the CLI reads it on every command).
import { calendarOf, mergeCalendarYears, type SourcedYear } from '../../core/calendar/calendar-sources.ts';
import { SHIPPED_YEARS, type WorkingCalendar } from '../../core/calendar/working-days.ts';
import type { Db } from '../db/database.ts';
import { createCalendarRepository } from '../db/repositories/calendar-repository.ts';

export const loadCalendarYears = async (db: Db): Promise<SourcedYear[]> => mergeCalendarYears(SHIPPED_YEARS, await createCalendarRepository(db).listYears());

export const loadWorkingCalendar = async (db: Db): Promise<WorkingCalendar> => calendarOf(await loadCalendarYears(db));
