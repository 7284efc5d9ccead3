// A holiday calendar file: the shipped data/vietnam-holidays.json, or a file an admin imports
// with `calendar import` (YAML or JSON) to add a year (2028…) or correct one.
import { z } from 'zod';
import { yearCalendarSchema } from './calendar.schema.ts';

export const calendarFileSchema = z
  .strictObject({
    note: z.string().optional(),
    years: z.array(yearCalendarSchema).min(1, { message: 'expected at least one year' }),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<number>();
    file.years.forEach((y, i) => {
      if (seen.has(y.year)) ctx.addIssue({ code: 'custom', path: ['years', i, 'year'], message: `year ${y.year} appears twice in the file` });
      seen.add(y.year);
    });
  });
export type CalendarFile = z.infer<typeof calendarFileSchema>;
