import { readFileSync } from 'node:fs';
import { isoDateSchema } from '../../../core/calendar/calendar.schema.ts';
import { parseUnitCsv } from '../../../core/units/parse-unit-csv.ts';
import { mergeUnits } from '../../app/admin/merge-units.ts';
import { unitLevelSchema } from '../../../core/units/unit.ts';
import { stringFlag } from '../args.ts';
import type { CliCommand } from '../cli-context.ts';
import { CliUsageError } from '../output.ts';

export const unitList: CliCommand = async (ctx) => {
  const levelFlag = stringFlag(ctx.args, 'level');
  const level = levelFlag === undefined ? undefined : unitLevelSchema.safeParse(levelFlag);
  if (level && !level.success) throw new CliUsageError(`--level must be one of ${unitLevelSchema.options.join('|')}`);
  const { units } = await ctx.repos();
  for (const unit of await units.list(level?.success ? { level: level.data } : {})) {
    // The four historical columns stay as they were; excluded units get a fifth (and the reason).
    const excluded = unit.excluded ? ['excluded', ...(unit.excludedReason ? [unit.excludedReason] : [])] : [];
    ctx.io.out([unit.code, unit.name, unit.level, unit.parentCode ?? '', ...excluded].join('\t'));
  }
  return 0;
};

export const unitImport: CliCommand = async (ctx) => {
  const file = ctx.args.words[2];
  if (!file) throw new CliUsageError('usage: unit import <file.csv>');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliUsageError(`cannot read ${file}`);
  }
  const { units } = await ctx.repos();
  const parsed = parseUnitCsv(text, await units.levelsByCode());
  const { t } = ctx.translator;
  if (!parsed.ok) {
    for (const problem of parsed.error) ctx.io.error(`${file}:${problem.line}: ${t(ctx.locale, `cli:${problem.code}`, problem.params)}`);
    // One bad row is one line; with several, a summary says that nothing was imported.
    if (parsed.error.length > 1) ctx.io.error(t(ctx.locale, 'cli:import_failed', { count: parsed.error.length }));
    return 1;
  }
  const count = await units.upsertMany(parsed.value);
  ctx.io.out(t(ctx.locale, 'cli:imported', { count }));
  return 0;
};

/** `unit exclude <code> --reason "…"`: left out of reminders, /missing, /status and rankings. */
export const unitExclude: CliCommand = async (ctx) => {
  const code = ctx.args.words[2];
  const reason = stringFlag(ctx.args, 'reason')?.trim();
  const { t } = ctx.translator;
  if (!code || !reason) throw new CliUsageError(t(ctx.locale, 'cli:unit.reason_required'));
  const unit = await (await ctx.repos()).units.setExcluded(code, true, reason.slice(0, 500));
  if (!unit) throw new CliUsageError(t(ctx.locale, 'cli:unit.not_found', { code }));
  ctx.io.out(t(ctx.locale, 'cli:unit.excluded', { code: unit.code, name: unit.name, reason: unit.excludedReason ?? '' }));
  return 0;
};

/** `unit include <code>`: assessed, reminded and ranked again. */
export const unitInclude: CliCommand = async (ctx) => {
  const code = ctx.args.words[2];
  if (!code) throw new CliUsageError('usage: unit include <code>');
  const { t } = ctx.translator;
  const unit = await (await ctx.repos()).units.setExcluded(code, false);
  if (!unit) throw new CliUsageError(t(ctx.locale, 'cli:unit.not_found', { code }));
  ctx.io.out(t(ctx.locale, 'cli:unit.included', { code: unit.code, name: unit.name }));
  return 0;
};

/** `unit merge <A> <B>… --into <C> --from <YYYY-MM-DD|dd/mm/yyyy>`: successor links (C must exist: `unit import` it first). */
export const unitMerge: CliCommand = async (ctx) => {
  const from = ctx.args.words.slice(2);
  const into = stringFlag(ctx.args, 'into');
  const written = stringFlag(ctx.args, 'from') ?? '';
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(written);
  const day = vn ? `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : written;
  const { t } = ctx.translator;
  if (from.length === 0 || !into || !isoDateSchema.safeParse(day).success) throw new CliUsageError(t(ctx.locale, 'cli:merge.usage'));
  const out = await mergeUnits(await ctx.repos(), { from, into, on: day });
  if (!out.ok) {
    ctx.io.error(t(ctx.locale, `cli:${out.error.code}`, out.error));
    return 1;
  }
  ctx.io.out(
    t(ctx.locale, 'cli:merge.done', { units: out.predecessors.map((u) => u.code).join(', '), code: out.successor.code, name: out.successor.name, day }),
  );
  return 0;
};
