// Reminders are deferred, never dropped, out of hours: people get them at 07:30 the next
// allowed day instead of at 21:00, on a Sunday or during Tết.
import { addDays, localDateTimeToInstant, localMinutesOfDay, parseLocalTimeMinutes, toLocalDate, dayOfWeek } from '../calendar/local-date.ts';
import { isPublicHolidayOrSunday, type WorkingCalendar } from '../calendar/working-days.ts';
import type { ReminderPolicy } from './reminder-policy.ts';

const isQuietDay = (dateIso: string, policy: ReminderPolicy, calendar: WorkingCalendar): boolean =>
  isPublicHolidayOrSunday(dateIso, calendar) || (!policy.sendOnSaturday && dayOfWeek(dateIso) === 6 && !calendar.workingSaturdays.has(dateIso));

export const isAllowedSendTime = (instant: Date, policy: ReminderPolicy, calendar: WorkingCalendar): boolean => {
  if (isQuietDay(toLocalDate(instant), policy, calendar)) return false;
  const minutes = localMinutesOfDay(instant);
  return minutes >= parseLocalTimeMinutes(policy.allowedFrom) && minutes < parseLocalTimeMinutes(policy.allowedUntil);
};

/** `instant` itself when allowed, otherwise the start of the next allowed window. */
export const nextAllowedTime = (instant: Date, policy: ReminderPolicy, calendar: WorkingCalendar): Date => {
  if (isAllowedSendTime(instant, policy, calendar)) return instant;
  let day = toLocalDate(instant);
  const beforeWindow = localMinutesOfDay(instant) < parseLocalTimeMinutes(policy.allowedFrom);
  if (!beforeWindow || isQuietDay(day, policy, calendar)) day = addDays(day, 1);
  // Tết breaks last at most ~9 days; 60 bounds the loop even for odd calendars.
  for (let i = 0; i < 60 && isQuietDay(day, policy, calendar); i += 1) day = addDays(day, 1);
  return localDateTimeToInstant(day, policy.allowedFrom);
};
