// `criteria template|export|diff` and the .xlsx side of `criteria validate|import`.
import { readFile, writeFile } from 'node:fs/promises';
import type { CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';
import { diffCriteriaSets, type CriteriaChange } from '../../../core/criteria/diff-criteria-sets.ts';
import { describeLoadError, loadCriteriaFile } from '../../platform/criteria-files.ts';
import { readCriteriaWorkbook } from '../../platform/criteria-workbook/read-criteria-workbook.ts';
import { writeCriteriaWorkbook } from '../../platform/criteria-workbook/write-criteria-workbook.ts';
import { stringFlag } from '../args.ts';
import type { CliCommand, CliContext } from '../cli-context.ts';
import { CliUsageError } from '../output.ts';

export const isWorkbookFile = (file: string): boolean => /\.xlsx$/i.test(file);

/** A set from a YAML/JSON file or a workbook, or the lines describing why not. */
export const loadSetFile = async (ctx: CliContext, file: string): Promise<{ ok: true; set: CriteriaSet } | { ok: false; lines: string[] }> => {
  if (!isWorkbookFile(file)) {
    const loaded = await loadCriteriaFile(file);
    return loaded.ok ? { ok: true, set: loaded.value } : { ok: false, lines: describeLoadError(loaded.error) };
  }
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (e) {
    return { ok: false, lines: [`${file}: cannot read file (${e instanceof Error ? e.message : String(e)})`] };
  }
  const read = await readCriteriaWorkbook(data);
  if (read.ok) return { ok: true, set: read.value };
  return { ok: false, lines: read.error.map((i) => ctx.translator.t(ctx.locale, i.key, i.params)) };
};

const outFlag = (ctx: CliContext, usage: string): string => {
  const out = stringFlag(ctx.args, 'out');
  if (!out || !isWorkbookFile(out)) throw new CliUsageError(usage);
  return out;
};

/** `key`, `key@2` or `key@v2`. */
const parseRef = (ref: string | undefined, usage: string): { key: string; version?: number } => {
  const m = /^([a-z][a-z0-9_]*)(?:@v?(\d+))?$/.exec(ref ?? '');
  if (!m) throw new CliUsageError(usage);
  return m[2] === undefined ? { key: m[1] ?? '' } : { key: m[1] ?? '', version: Number(m[2]) };
};

const findSet = async (ctx: CliContext, ref: string | undefined, usage: string): Promise<CriteriaSet | null> => {
  const { key, version } = parseRef(ref, usage);
  const stored = await (await ctx.repos()).criteriaSets.findByKey(key, version);
  if (!stored) ctx.io.error(ctx.translator.t(ctx.locale, 'admin:cli.not_found', { ref: ref ?? '' }));
  return stored?.set ?? null;
};

export const criteriaTemplate: CliCommand = async (ctx) => {
  const out = outFlag(ctx, 'usage: criteria template --out <file.xlsx>');
  await writeFile(out, await writeCriteriaWorkbook(null));
  ctx.io.out(ctx.translator.t(ctx.locale, 'admin:cli.template_written', { file: out }));
  return 0;
};

export const criteriaExport: CliCommand = async (ctx) => {
  const usage = 'usage: criteria export <key>[@version] --out <file.xlsx>';
  const out = outFlag(ctx, usage);
  const set = await findSet(ctx, ctx.args.words[2], usage);
  if (!set) return 1;
  await writeFile(out, await writeCriteriaWorkbook(set));
  ctx.io.out(ctx.translator.t(ctx.locale, 'admin:cli.export_written', { key: set.key, version: set.version, file: out, criteria: set.criteria.length }));
  return 0;
};

const changeLine = (ctx: CliContext, c: CriteriaChange): string => {
  const t = (key: string, params: Record<string, string | number>) => ctx.translator.t(ctx.locale, `admin:cli.${key}`, params);
  const text = (x: { vi: string; en: string }) => x[ctx.locale];
  switch (c.kind) {
    case 'added':
    case 'removed':
      return t(`diff_${c.kind}`, { code: c.code, text: text(c.text), points: c.maxPoints });
    case 'reworded':
      return t('diff_reworded', { code: c.code, before: text(c.before), after: text(c.after) });
    case 'rescored':
      return t(c.ruleChanged ? 'diff_rescored_rule' : 'diff_rescored', { code: c.code, before: c.maxBefore, after: c.maxAfter });
  }
};

export const criteriaDiff: CliCommand = async (ctx) => {
  const usage = 'usage: criteria diff <key@v1> <key@v2>';
  const [, , a, b] = ctx.args.words;
  if (!a || !b) throw new CliUsageError(usage);
  const before = await findSet(ctx, a, usage);
  const after = await findSet(ctx, b, usage);
  if (!before || !after) return 1;
  const changes = diffCriteriaSets(before, after);
  if (changes.length === 0) ctx.io.out(ctx.translator.t(ctx.locale, 'admin:cli.diff_none'));
  for (const c of changes) ctx.io.out(changeLine(ctx, c));
  return 0;
};
