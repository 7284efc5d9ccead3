// The holiday calendar is data: one entry per year, as published by the government each year.
// The same schema validates the shipped years and any year an admin adds from the database
// (e.g. 2028 once its schedule is announced), so the core never hard-codes a rule for Tết.
import { z } from 'zod';
import { dayOfWeek, isIsoDate, yearOf } from './local-date.ts';

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' });

export const holidaySchema = z.object({
  date: isoDateSchema,
  name: z.object({ vi: z.string().min(1), en: z.string().min(1) }),
});
export type Holiday = z.infer<typeof holidaySchema>;

/**
 * `holidays` lists every day of each announced break ("nghỉ từ … đến hết …") for civil
 * servants: the official holidays, compensation days ("nghỉ bù"), swapped days ("hoán đổi")
 * and the weekend days inside the break. Weekends are non-working anyway; they are listed so
 * that nothing (e.g. a reminder) treats mùng 1 Tết on a Saturday as an ordinary Saturday.
 * `workingSaturdays` are the "làm bù" Saturdays that become working days.
 */
export const yearCalendarSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    holidays: z.array(holidaySchema),
    workingSaturdays: z.array(isoDateSchema),
  })
  .superRefine((cal, ctx) => {
    const seen = new Set<string>();
    cal.holidays.forEach((h, i) => {
      if (!isIsoDate(h.date)) return;
      if (yearOf(h.date) !== cal.year) ctx.addIssue({ code: 'custom', path: ['holidays', i, 'date'], message: 'date outside the year' });
      if (seen.has(h.date)) ctx.addIssue({ code: 'custom', path: ['holidays', i, 'date'], message: 'duplicate date' });
      seen.add(h.date);
    });
    cal.workingSaturdays.forEach((d, i) => {
      if (seen.has(d)) ctx.addIssue({ code: 'custom', path: ['workingSaturdays', i], message: 'also listed as a holiday' });
      if (isIsoDate(d) && (yearOf(d) !== cal.year || dayOfWeek(d) !== 6)) {
        ctx.addIssue({ code: 'custom', path: ['workingSaturdays', i], message: 'expected a Saturday of the year' });
      }
    });
  });
export type YearCalendar = z.infer<typeof yearCalendarSchema>;
