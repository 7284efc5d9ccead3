// `export --period <id> --out <file.xlsx>`: the appendix workbook for every unit of the
// installation (an admin's view), with the same table as CSV next to it.
import { writeFile } from 'node:fs/promises';
import { levelExports } from '../../app/coordination/export-chart-commands.ts';
import { buildCsv, buildWorkbook } from '../../app/coordination/export-workbook.ts';
import type { Scope } from '../../app/coordination/coordination-context.ts';
import type { ReplyParams } from '../../../core/reply.ts';
import { stringFlag } from '../args.ts';
import type { CliCommand } from '../cli-context.ts';
import { CliUsageError } from '../output.ts';

export const exportCommandCli: CliCommand = async (ctx) => {
  const periodId = stringFlag(ctx.args, 'period');
  const out = stringFlag(ctx.args, 'out');
  if (!periodId || !out || !out.endsWith('.xlsx')) throw new CliUsageError('usage: export --period <id> --out <file.xlsx>');
  const repos = await ctx.repos();
  const period = await repos.periods.findById(periodId);
  if (!period) throw new CliUsageError(`export: unknown period ${periodId} (see: npm run cli -- period list)`);
  const all = await repos.units.list();
  const scope: Scope = {
    all,
    byId: new Map(all.map((u) => [u.id, u])),
    byCode: new Map(all.map((u) => [u.code, u])),
    visible: new Set(all.map((u) => u.id)),
    roots: all.filter((u) => u.level === 'province'),
  };
  const deps = {
    repos,
    calendar: await ctx.calendar(),
    botUsername: ctx.config.TELEGRAM_BOT_USERNAME,
    remind: async () => ({ queued: 0 }),
    notify: async () => undefined,
    translate: ctx.translator.t,
  };
  const levels = await levelExports(deps, scope, period, ctx.locale);
  const label = (key: string, params?: ReplyParams) => ctx.translator.t(ctx.locale, key.includes(':') ? key : `coord:${key}`, params);
  await writeFile(out, await buildWorkbook(period.name, levels, label));
  const csv = out.replace(/\.xlsx$/, '.csv');
  await writeFile(csv, `\uFEFF${buildCsv(levels, label)}`);
  ctx.io.out(`wrote ${out} and ${csv}: ${levels.length} levels, ${levels.reduce((n, l) => n + l.units.length, 0)} units`);
  return 0;
};
