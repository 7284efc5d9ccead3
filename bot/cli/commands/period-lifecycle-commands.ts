// `period open <id>`, `period close <id>` and `period copy <id> --year <YYYY>` (next year's
// round from this one: a new draft with every date moved; refused like create when the
// holiday calendar does not cover the new dates).
import { movePeriodToYear } from '../../../core/periods/move-period.ts';
import { nextStatus, type PeriodAction } from '../../../core/periods/period-status.ts';
import type { PeriodLink } from '../../app/ports.ts';
import { stringFlag } from '../args.ts';
import type { CliCommand, CliContext } from '../cli-context.ts';
import { CliUsageError } from '../output.ts';
import { findPeriodArg } from './period-commands.ts';
import { coverageRefusal } from './period-file-input.ts';

const say = (ctx: CliContext, key: string, params: Record<string, unknown>) => ctx.translator.t(ctx.locale, `year:period.${key}`, params);

const changeStatus =
  (action: PeriodAction): CliCommand =>
  async (ctx) => {
    const period = await findPeriodArg(ctx, `period ${action} <id>`);
    const next = nextStatus(period.status, action);
    if (!next.ok) {
      const key = next.error.code === 'PERIOD_STATUS_UNCHANGED' ? 'status_unchanged' : `${action}_forbidden`;
      ctx.io.error(say(ctx, key, { id: period.id, status: period.status }));
      return 1;
    }
    // Opening starts reminders and lateness counting: the calendar must (still) cover the dates.
    const refusal = action === 'open' ? coverageRefusal(ctx, period, await ctx.calendar()) : undefined;
    if (refusal) {
      ctx.io.error(refusal);
      return 1;
    }
    await (await ctx.repos()).periods.setStatus(period.id, next.value);
    ctx.io.out([period.id, next.value].join('\t'));
    return 0;
  };

export const periodOpen = changeStatus('open');
export const periodClose = changeStatus('close');

export const periodCopy: CliCommand = async (ctx) => {
  const source = await findPeriodArg(ctx, 'period copy <id> --year <YYYY>');
  const yearFlag = stringFlag(ctx.args, 'year');
  if (!yearFlag || !/^\d{4}$/.test(yearFlag) || Number(yearFlag) < 2000 || Number(yearFlag) > 2100) {
    throw new CliUsageError('usage: period copy <id> --year <YYYY> (2000–2100)');
  }
  const { id: _id, sets, ...draft } = source;
  const moved = movePeriodToYear(draft, Number(yearFlag));
  const refusal = coverageRefusal(ctx, moved, await ctx.calendar());
  if (refusal) {
    ctx.io.error(refusal);
    return 1;
  }
  const periods = (await ctx.repos()).periods;
  const existing = moved.key === undefined ? null : await periods.findByKey(moved.key);
  if (existing) {
    ctx.io.error(say(ctx, 'key_exists', { key: moved.key, id: existing.id }));
    return 1;
  }
  const id = await periods.create(
    moved,
    sets.map((s) => ({ level: s.level as PeriodLink['level'], criteriaSetId: s.criteriaSetId })),
  );
  ctx.io.out([id, moved.key ?? '', moved.status].join('\t'));
  return 0;
};
