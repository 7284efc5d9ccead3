// The holiday calendar is data: one entry per year, as published by the government each year.
// The same schema validates the shipped years and any year an admin adds from the database
// (e.g. 2028 once its schedule is announced), so the core never hard-codes a rule for Tết.
// The shipped years live in data/vietnam-holidays.json. Objects are strict so that a typo in an
// imported file (`stauts`, `workingSaturday`) is an error naming the field, not a silent default.
import { z } from 'zod';
import { dayOfWeek, isIsoDate, yearOf } from './local-date.ts';

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' });

/** `estimated`: not (yet) confirmed by an official announcement; still counted as a day off. */
export const holidayStatuses = ['announced', 'estimated'] as const;

export const holidaySchema = z.strictObject({
  date: isoDateSchema,
  name: z.strictObject({ vi: z.string().min(1), en: z.string().min(1) }),
  /** Omitted in an imported file means `announced`: admins import what was published. */
  status: z.enum(holidayStatuses).default('announced'),
  note: z.string().min(1).optional(),
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
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    /** The announcement(s) the year follows, e.g. "Văn phòng Chính phủ 6519/VPCP-KGVX (11/7/2018)". */
    source: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
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
