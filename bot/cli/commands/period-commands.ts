// `period create <file>`, `period show <id>`, `period update <id> <file>` (bot/cli/run-cli.ts).
// Files: core/periods/period-file.schema.ts; examples in core/periods/examples.
import { changedSetLevels } from '../../../core/periods/period-sets.ts';
import type { StoredPeriod } from '../../app/ports.ts';
import type { CliCommand, CliContext } from '../cli-context.ts';
import { CliUsageError } from '../output.ts';
import { rescorePeriod } from '../../app/admin/rescore.ts';
import { loadPeriodPlan } from './period-file-input.ts';
import { periodShowLines } from './period-show-lines.ts';

const say = (ctx: CliContext, key: string, params: Record<string, unknown>) => ctx.translator.t(ctx.locale, `year:period.${key}`, params);

export const findPeriodArg = async (ctx: CliContext, usage: string): Promise<StoredPeriod> => {
  const id = ctx.args.words[2];
  if (!id) throw new CliUsageError(`usage: ${usage}`);
  const period = await (await ctx.repos()).periods.findById(id);
  if (!period) throw new CliUsageError(say(ctx, 'unknown', { id }));
  return period;
};

export const periodCreate: CliCommand = async (ctx) => {
  const file = ctx.args.words[2];
  if (!file) throw new CliUsageError('usage: period create <file.yaml>');
  const repos = await ctx.repos();
  const loaded = await loadPeriodPlan(ctx, repos, file);
  if (!loaded.ok) {
    for (const line of loaded.error) ctx.io.error(line);
    return 1;
  }
  const { period } = loaded.value.plan;
  const periods = repos.periods;
  const existing = period.key === undefined ? null : await periods.findByKey(period.key);
  if (existing) {
    ctx.io.error(say(ctx, 'key_exists', { key: period.key, id: existing.id }));
    return 1;
  }
  const id = await periods.create(period, loaded.value.links);
  ctx.io.out([id, period.key ?? '', period.status].join('\t'));
  return 0;
};

export const periodShow: CliCommand = async (ctx) => {
  const period = await findPeriodArg(ctx, 'period show <id>');
  for (const line of periodShowLines(period, ctx.translator, ctx.locale)) ctx.io.out(line);
  return 0;
};

/** Everything may change except the criteria sets once the period has answers. */
export const periodUpdate: CliCommand = async (ctx) => {
  const current = await findPeriodArg(ctx, 'period update <id> <file.yaml>');
  const file = ctx.args.words[3];
  if (!file) throw new CliUsageError('usage: period update <id> <file.yaml>');
  const repos = await ctx.repos();
  const periods = repos.periods;
  const loaded = await loadPeriodPlan(ctx, repos, file);
  if (!loaded.ok) {
    for (const line of loaded.error) ctx.io.error(line);
    return 1;
  }
  const { plan, links } = loaded.value;
  const other = plan.period.key === undefined ? null : await periods.findByKey(plan.period.key);
  if (other && other.id !== current.id) {
    ctx.io.error(say(ctx, 'key_exists', { key: plan.period.key, id: other.id }));
    return 1;
  }
  const changed = changedSetLevels(current.sets, plan.sets);
  if (changed.length > 0 && (await periods.hasAnswers(current.id))) {
    const level = changed[0]!;
    const refs = (xs: readonly { level: string; key: string; version: number }[]) =>
      xs
        .filter((s) => s.level === level)
        .map((s) => `${s.key}@${s.version}`)
        .join(', ') || '—';
    ctx.io.error(say(ctx, 'sets_frozen', { level, from: refs(current.sets), to: refs(plan.sets) }));
    return 1;
  }
  // The status is changed with open/close; a file that names one sets it explicitly.
  const status = plan.statusGiven ? plan.period.status : current.status;
  await periods.replace(current.id, { ...plan.period, status }, links);
  // Windows (date rules) and tiers may have changed: every cached score of the period is recomputed.
  await rescorePeriod(repos, current.id, ctx.now());
  ctx.io.out(say(ctx, 'updated', { id: current.id, status }));
  return 0;
};
