import { importCriteriaSet } from '../../app/admin/import-criteria-set.ts';
import type { CliCommand } from '../cli-context.ts';
import { CliUsageError } from '../output.ts';
import { isWorkbookFile, loadSetFile } from './criteria-workbook-commands.ts';

const fileArg = (words: readonly string[], verb: string): string => {
  const file = words[2];
  if (!file) throw new CliUsageError(`usage: criteria ${verb} <file.yaml|file.json|file.xlsx>`);
  return file;
};

export const criteriaValidate: CliCommand = async (ctx) => {
  const loaded = await loadSetFile(ctx, fileArg(ctx.args.words, 'validate'));
  if (!loaded.ok) {
    for (const line of loaded.lines) ctx.io.error(line);
    return 1;
  }
  const set = loaded.set;
  const total = set.criteria.reduce((n, c) => n + c.maxPoints, 0);
  ctx.io.out(`ok: ${set.key} v${set.version} (${set.level}, ${set.criteria.length} criteria, ${total} points)`);
  return 0;
};

export const criteriaImport: CliCommand = async (ctx) => {
  const file = fileArg(ctx.args.words, 'import');
  const loaded = await loadSetFile(ctx, file);
  if (!loaded.ok) {
    for (const line of loaded.lines) ctx.io.error(line);
    if (isWorkbookFile(file)) ctx.io.error(ctx.translator.t(ctx.locale, 'admin:cli.nothing_imported', { count: loaded.lines.length }));
    return 1;
  }
  const set = loaded.set;
  const outcome = await importCriteriaSet((await ctx.repos()).criteriaSets, set);
  if (outcome.kind === 'conflict') {
    ctx.io.error(`${set.key} v${set.version} is already imported with different content; criteria sets are immutable, raise the version`);
    return 1;
  }
  ctx.io.out(`${outcome.kind === 'created' ? 'imported' : 'unchanged'}: ${set.key} v${set.version} (${outcome.id})`);
  return 0;
};

export const criteriaList: CliCommand = async (ctx) => {
  for (const s of await (await ctx.repos()).criteriaSets.list()) {
    ctx.io.out([s.id, s.key, `v${s.version}`, s.level, s.answeredBy, s.scored ? 'scored' : 'unscored', s.title, s.checksum].join('\t'));
  }
  return 0;
};

export const periodList: CliCommand = async (ctx) => {
  for (const p of await (await ctx.repos()).periods.list()) ctx.io.out([p.id, p.name, p.status].join('\t'));
  return 0;
};
