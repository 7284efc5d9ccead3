// `calendar import <file>` adds or corrects holiday years in the database (no code change);
// `calendar list` shows every year the working calendar covers and where it comes from.
import path from 'node:path';
import { calendarFileSchema } from '../../../core/calendar/calendar-file.schema.ts';
import { summarizeYear } from '../../../core/calendar/calendar-sources.ts';
import { SHIPPED_YEARS } from '../../../core/calendar/working-days.ts';
import { fieldIssues, issueLine } from '../../../core/field-issues.ts';
import { readDataFile } from '../../platform/data-file.ts';
import { loadCalendarYears } from '../../app/admin/load-calendar.ts';
import type { CliCommand } from '../cli-context.ts';
import { CliUsageError } from '../output.ts';

export const calendarImport: CliCommand = async (ctx) => {
  const file = ctx.args.words[2];
  if (!file) throw new CliUsageError('usage: calendar import <file.yaml|file.json>');
  const data = await readDataFile(file);
  if (!data.ok) {
    ctx.io.error(data.error);
    return 1;
  }
  const parsed = calendarFileSchema.safeParse(data.value);
  if (!parsed.success) {
    for (const issue of fieldIssues(parsed.error)) ctx.io.error(`${path.basename(file)}: ${issueLine(issue)}`);
    return 1;
  }
  const outcomes = await (await ctx.repos()).calendar.importYears(parsed.data.years, ctx.now());
  const { t } = ctx.translator;
  for (const o of outcomes) {
    const summary = summarizeYear({ source: 'imported', calendar: parsed.data.years.find((y) => y.year === o.year)! });
    // A first import of a shipped year replaces it: say so, that is the point of importing it.
    const kind = o.kind === 'added' && SHIPPED_YEARS.some((y) => y.year === o.year) ? 'overrides' : o.kind;
    ctx.io.out(t(ctx.locale, `year:calendar.${kind}`, { year: o.year, days: summary.holidayDays, estimated: summary.estimated }));
  }
  return 0;
};

export const calendarList: CliCommand = async (ctx) => {
  const { t } = ctx.translator;
  for (const y of (await loadCalendarYears((await ctx.repos()).calendar)).map(summarizeYear)) {
    ctx.io.out(
      [
        String(y.year),
        y.source,
        t(ctx.locale, 'year:calendar.days_off', { count: y.holidayDays, weekdays: y.weekdaysOff }),
        t(ctx.locale, 'year:calendar.estimated', { count: y.estimated }),
      ].join('\t'),
    );
  }
  return 0;
};
