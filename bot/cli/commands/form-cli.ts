// `form --period <id> --unit <code> --out <file.pdf|file.docx>`: the Phiếu tự đánh giá of a
// submitted report, built by the same use case as /form in chat.
import { writeFile } from 'node:fs/promises';
import { buildFormFiles } from '../../app/coordination/form-command.ts';
import { stringFlag } from '../args.ts';
import type { CliCommand } from '../cli-context.ts';
import { CliUsageError } from '../output.ts';
import { cliCoordination, periodFlag } from './document-cli-context.ts';

const USAGE = 'usage: form --period <id> --unit <code> --out <file.pdf|file.docx>';

export const formCli: CliCommand = async (ctx) => {
  const out = stringFlag(ctx.args, 'out');
  const unitCode = stringFlag(ctx.args, 'unit');
  const format = out?.toLowerCase().endsWith('.pdf') ? 'pdf' : out?.toLowerCase().endsWith('.docx') ? 'docx' : undefined;
  if (!out || !unitCode || !format) throw new CliUsageError(USAGE);
  const period = await periodFlag(ctx, USAGE);
  const { deps, memberships } = await cliCoordination(ctx);
  const built = await buildFormFiles(deps, { personId: 'cli', memberships, locale: ctx.locale, now: ctx.now() }, { period, unitCode, formats: [format] });
  if (!built.ok) {
    ctx.io.error(ctx.translator.t(ctx.locale, built.reply.key, built.reply.params));
    return 1;
  }
  await writeFile(out, built.files[0]?.data ?? Buffer.alloc(0));
  ctx.io.out(`wrote ${out}`);
  return 0;
};
