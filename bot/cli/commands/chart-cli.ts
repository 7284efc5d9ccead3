// `chart --period <id> --level <level> --out <file.png> [--all]`: the ranking chart, rendered by
// the same builder as /chart. A level too long for one image (--all) is written as
// <file>-1.png, <file>-2.png…, each within Telegram's photo limits.
import { writeFile } from 'node:fs/promises';
import { isAssessedLevel } from '../../app/coordination/coordination-context.ts';
import { buildChart } from '../../app/coordination/export-chart-commands.ts';
import { stringFlag } from '../args.ts';
import type { CliCommand } from '../cli-context.ts';
import { CliUsageError } from '../output.ts';
import { cliCoordination, periodFlag } from './document-cli-context.ts';

const USAGE = 'usage: chart --period <id> --level commune|district|department --out <file.png> [--all]';

export const chartCli: CliCommand = async (ctx) => {
  const out = stringFlag(ctx.args, 'out');
  const level = stringFlag(ctx.args, 'level');
  if (!out || !out.toLowerCase().endsWith('.png') || !level || !isAssessedLevel(level)) throw new CliUsageError(USAGE);
  const period = await periodFlag(ctx, USAGE);
  const { deps, scope } = await cliCoordination(ctx);
  const chart = await buildChart(
    deps,
    scope,
    period,
    { personId: 'cli', locale: ctx.locale, now: ctx.now() },
    { level, all: ctx.args.flags.get('all') === true },
  );
  if (!chart.ok) {
    ctx.io.error(ctx.translator.t(ctx.locale, chart.reply.key, chart.reply.params));
    return 1;
  }
  const files = chart.images.length === 1 ? [out] : chart.images.map((img) => out.replace(/\.png$/i, `-${img.part}.png`));
  for (const [i, img] of chart.images.entries()) await writeFile(files[i] ?? out, img.png);
  ctx.io.out(`wrote ${files.join(', ')}: ${chart.units} units`);
  return 0;
};
