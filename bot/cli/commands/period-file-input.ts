// Shared by `period create|update`: a period file → a checked plan with the criteria set ids
// to link, or the lines that say what is wrong (every field error, each missing set, or ONE
// line when the holiday calendar does not cover a date).
import path from 'node:path';
import { formatDateVi } from '../../../core/calendar/local-date.ts';
import type { WorkingCalendar } from '../../../core/calendar/working-days.ts';
import { issueLine } from '../../../core/field-issues.ts';
import { checkPeriodCovered } from '../../../core/periods/period-coverage.ts';
import { planPeriodFromData, type PeriodDraft, type PeriodPlan } from '../../../core/periods/period-from-file.ts';
import { err, ok, type Result } from '../../../core/result.ts';
import type { PeriodLink, Repositories } from '../../app/ports.ts';
import { readDataFile } from '../../platform/data-file.ts';
import type { CliContext } from '../cli-context.ts';

export type ResolvedPlan = { readonly plan: PeriodPlan; readonly links: readonly PeriodLink[] };

/** One line, or nothing, for a period whose dates the holiday calendar must cover. */
export const coverageRefusal = (ctx: CliContext, period: PeriodDraft, calendar: WorkingCalendar): string | undefined => {
  const covered = checkPeriodCovered(period, calendar);
  if (covered.ok) return undefined;
  const { field, date, year } = covered.error;
  return ctx.translator.t(ctx.locale, 'year:period.not_covered', { field, date: formatDateVi(date), year });
};

export const loadPeriodPlan = async (ctx: CliContext, repos: Pick<Repositories, 'criteriaSets'>, file: string): Promise<Result<ResolvedPlan, string[]>> => {
  const name = path.basename(file);
  const data = await readDataFile(file);
  if (!data.ok) return err([data.error]);
  const planned = planPeriodFromData(data.value);
  if (!planned.ok) return err(planned.error.map((i) => `${name}: ${issueLine(i)}`));
  const plan = planned.value;
  const imported = await repos.criteriaSets.list();
  const links: PeriodLink[] = [];
  const missing: string[] = [];
  for (const ref of plan.sets) {
    const set = imported.find((s) => s.key === ref.key && s.version === ref.version);
    if (set) links.push({ level: ref.level, criteriaSetId: set.id });
    else
      missing.push(
        `${name}: ${ctx.translator.t(ctx.locale, 'year:period.set_missing', { field: `levels.${ref.level}.set`, ref: `${ref.key}@${ref.version}` })}`,
      );
  }
  if (missing.length > 0) return err(missing);
  const refusal = coverageRefusal(ctx, plan.period, await ctx.calendar());
  return refusal ? err([refusal]) : ok({ plan, links });
};
