// `export --period <id> [--level <level>] [--format xlsx|csv] --out <file>`: the appendix of every
// unit of the installation (an admin's view) from the database, streamed to disk by the same
// builder as /export: one workbook (a level sheet and a detail sheet per level), or one CSV per
// level (`<out>-<level>.csv`; just `<out>` when one level is asked for).
import { createWriteStream } from 'node:fs';
import { appendixDocument } from '../../app/coordination/appendix-document.ts';
import { isAssessedLevel } from '../../app/coordination/coordination-context.ts';
import { documentLabel } from '../../app/coordination/document-label.ts';
import { writeAppendix } from '../../platform/documents/appendix/write-appendix.ts';
import { stringFlag } from '../args.ts';
import type { CliCommand } from '../cli-context.ts';
import { CliUsageError } from '../output.ts';
import { cliCoordination, periodFlag } from './document-cli-context.ts';

const USAGE = 'usage: export --period <id> [--level commune|district|department] [--format xlsx|csv] --out <file>';

export const exportCommandCli: CliCommand = async (ctx) => {
  const out = stringFlag(ctx.args, 'out');
  const levelFlag = stringFlag(ctx.args, 'level');
  const format = stringFlag(ctx.args, 'format') ?? (out?.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx');
  if (!out || (format !== 'xlsx' && format !== 'csv') || (levelFlag !== undefined && !isAssessedLevel(levelFlag))) throw new CliUsageError(USAGE);
  const period = await periodFlag(ctx, USAGE);
  const { deps, scope } = await cliCoordination(ctx);
  const level = levelFlag !== undefined && isAssessedLevel(levelFlag) ? levelFlag : undefined;
  const doc = await appendixDocument(deps, scope, period, ctx.locale, ctx.now(), level);
  if (doc.levels.length === 0) {
    ctx.io.error(`export: no unit to export in ${period.id}`);
    return 1;
  }
  const written: string[] = [];
  const csvPath = (l: string): string => (level ? out : out.replace(/(\.csv)?$/i, `-${l}.csv`));
  const summary = await writeAppendix(
    doc,
    documentLabel(deps, ctx.locale),
    format === 'xlsx'
      ? { xlsx: out }
      : {
          csv: (l) => {
            written.push(csvPath(l.level));
            return createWriteStream(csvPath(l.level));
          },
        },
  );
  if (format === 'xlsx') written.push(out);
  const units = summary.levels.reduce((n, l) => n + l.units, 0);
  ctx.io.out(`wrote ${written.join(', ')}: ${summary.levels.length} levels, ${units} units`);
  return 0;
};
