import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli/run-cli.ts';
import { listShippedSets, loadCriteriaFile } from '../../bot/platform/criteria-files.ts';
import { openDatabase } from '../../bot/db/database.ts';
import { createCriteriaSetRepository } from '../../bot/db/repositories/criteria-set-repository.ts';
import { criteriaChecksum } from '../../bot/platform/criteria-workbook/criteria-checksum.ts';
import { readCriteriaWorkbook } from '../../bot/platform/criteria-workbook/read-criteria-workbook.ts';
import { canonicalJson } from '../../core/criteria/canonical-json.ts';
import { editWorkbook, openWorkbook } from '../bot/criteria-workbook/open-workbook.ts';
import { availableProviders, createTestDatabaseUrl } from './support/providers.ts';

const providers = await availableProviders();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

const capture = () => {
  const out: string[] = [];
  const error: string[] = [];
  return { io: { out: (l: string) => out.push(l), error: (l: string) => error.push(l) }, out, error };
};
const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-sheets-'));
const file = (name: string) => path.join(dir, name);

const run = async (env: Record<string, string>, ...argv: string[]) => {
  const c = capture();
  const code = await runCli(argv, env, c.io);
  return { code, out: c.out, error: c.error };
};

/** `criteria list` as key@version → checksum (its last column). */
const checksums = async (env: Record<string, string>): Promise<Map<string, string>> => {
  const { out } = await run(env, 'criteria', 'list');
  return new Map(
    out.map((line) => {
      const cols = line.split('\t');
      return [`${cols[1]}@${cols[2]}`, cols[cols.length - 1] ?? ''];
    }),
  );
};

const rowOf = (ws: ExcelJS.Worksheet, code: string): number => {
  for (let r = 2; r <= ws.rowCount; r += 1) if (ws.getCell(r, 2).value === code) return r;
  throw new Error(`no row for ${code}`);
};

describe.each(providers)('criteria workbooks through the CLI on %s', (provider) => {
  const fresh = async () => {
    const db = await createTestDatabaseUrl(provider);
    cleanups.push(db.cleanup);
    return { DATABASE_URL: db.url, DEFAULT_LOCALE: 'en' };
  };

  it('the commune set exported to xlsx and imported into an empty database has the same checksum; again is a no-op; a changed v1 is refused', async () => {
    const a = await fresh();
    expect((await run(a, 'criteria', 'import', 'core/criteria/sets/commune-2025.yaml')).code).toBe(0);
    const original = (await checksums(a)).get('commune_2025@v1');
    expect(original).toMatch(/^[0-9a-f]{64}$/);
    const loaded = await loadCriteriaFile('core/criteria/sets/commune-2025.yaml');
    expect(loaded.ok && criteriaChecksum(loaded.value)).toBe(original);
    const xlsx = file(`commune-${provider}.xlsx`);
    expect(await run(a, 'criteria', 'export', 'commune_2025@1', '--out', xlsx)).toMatchObject({
      code: 0,
      out: [`commune_2025 v1 written to ${xlsx} (31 criteria).`],
    });

    const b = await fresh();
    expect(await run(b, 'criteria', 'validate', xlsx)).toMatchObject({ code: 0, out: ['ok: commune_2025 v1 (commune, 31 criteria, 1000 points)'] });
    expect((await run(b, 'criteria', 'import', xlsx)).out[0]).toMatch(/^imported: commune_2025 v1/);
    expect((await checksums(b)).get('commune_2025@v1')).toBe(original);
    expect((await run(b, 'criteria', 'import', xlsx)).out[0]).toMatch(/^unchanged: commune_2025 v1/);
    expect((await run(b, 'criteria', 'import', 'core/criteria/sets/commune-2025.yaml')).out[0]).toMatch(/^unchanged: commune_2025 v1/);

    const changed = file(`changed-${provider}.xlsx`);
    writeFileSync(
      changed,
      await editWorkbook(readFileSync(xlsx), (wb) => {
        wb.getWorksheet('Tiêu chí')!.getCell('C2').value = 'Nội dung khác';
      }),
    );
    const refused = await run(b, 'criteria', 'import', changed);
    expect(refused.code).toBe(1);
    expect(refused.error).toEqual(['commune_2025 v1 is already imported with different content; criteria sets are immutable, raise the version']);
    expect((await checksums(b)).get('commune_2025@v1')).toBe(original);
  });

  it('a workbook with a broken number cell is refused naming the sheet and the cell, and nothing is imported', async () => {
    const env = await fresh();
    const xlsx = file(`broken-${provider}.xlsx`);
    expect((await run(env, 'criteria', 'import', 'core/criteria/sets/district-2024.yaml')).code).toBe(0);
    expect((await run(env, 'criteria', 'export', 'district_2024', '--out', xlsx)).code).toBe(0);
    writeFileSync(
      xlsx,
      await editWorkbook(readFileSync(xlsx), (wb) => {
        wb.getWorksheet('Bộ tiêu chí')!.getCell('B3').value = 2;
        const ws = wb.getWorksheet('Tiêu chí')!;
        ws.getCell(rowOf(ws, 'H-1.3'), 6).value = '2O';
      }),
    );
    const r = await run(env, 'criteria', 'import', xlsx);
    expect(r.code).toBe(1);
    expect(r.error[0]).toMatch(/^Tiêu chí!F\d+: expected a number such as 20 or 12,5 \(Điểm tối đa\), found "2O"\.$/);
    expect(r.error.at(-1)).toBe('Nothing imported: 1 problem(s).');
    expect([...(await checksums(env)).keys()]).toEqual(['district_2024@v1']);
  });

  it('all five shipped sets: YAML → database → xlsx → validate → the same canonical definition', async () => {
    const env = await fresh();
    expect((await run(env, 'demo', 'seed')).code).toBe(0);
    const sums = await checksums(env);
    expect(sums.size).toBe(5);
    for (const yaml of listShippedSets()) {
      const loaded = await loadCriteriaFile(yaml);
      if (!loaded.ok) throw new Error(loaded.error.message);
      const set = loaded.value;
      const xlsx = file(`${set.key}-${provider}.xlsx`);
      expect((await run(env, 'criteria', 'export', set.key, '--out', xlsx)).code).toBe(0);
      const total = set.criteria.reduce((n, c) => n + c.maxPoints, 0);
      expect((await run(env, 'criteria', 'validate', xlsx)).out).toEqual([
        `ok: ${set.key} v${set.version} (${set.level}, ${set.criteria.length} criteria, ${total} points)`,
      ]);
      const read = await readCriteriaWorkbook(readFileSync(xlsx));
      if (!read.ok) throw new Error(JSON.stringify(read.error));
      expect(canonicalJson(read.value)).toBe(canonicalJson(set));
      expect(criteriaChecksum(read.value)).toBe(sums.get(`${set.key}@v${set.version}`));
    }
  });

  it('diff lists added, removed, re-worded and re-scored criteria between two versions', async () => {
    const env = await fresh();
    await run(env, 'criteria', 'import', 'core/criteria/sets/commune-2025.yaml');
    const xlsx = file(`v2-${provider}.xlsx`);
    await run(env, 'criteria', 'export', 'commune_2025', '--out', xlsx);
    writeFileSync(
      xlsx,
      await editWorkbook(readFileSync(xlsx), (wb) => {
        wb.getWorksheet('Bộ tiêu chí')!.getCell('B3').value = 2;
        const ws = wb.getWorksheet('Tiêu chí')!;
        ws.getCell(rowOf(ws, 'X-1.1'), 4).value = 'The commune head leads the committee';
        ws.getCell(rowOf(ws, 'X-1.2'), 7).value = '>=0: 0; >=2: 10; >=4: 20';
        ws.getCell(rowOf(ws, 'X-1.3'), 6).value = 30;
        ws.getCell(rowOf(ws, 'X-1.5'), 6).value = 20;
        ws.getCell(rowOf(ws, 'X-1.6'), 2).value = 'X-1.7';
      }),
    );
    expect((await run(env, 'criteria', 'import', xlsx)).out[0]).toMatch(/^imported: commune_2025 v2/);
    const diff = await run(env, 'criteria', 'diff', 'commune_2025@1', 'commune_2025@v2');
    expect(diff.code).toBe(0);
    expect(diff.out).toEqual([
      '~ X-1.1 re-worded: "The commune head chairs the commune digital-transformation steering committee" → "The commune head leads the committee"',
      '* X-1.2 re-scored: scoring rule changed (maximum 20 → 20 points)',
      '* X-1.3 re-scored: maximum 20 → 30 points',
      '* X-1.5 re-scored: maximum 30 → 20 points',
      '+ X-1.7 added: Commune web page has a dedicated, regularly updated digital-transformation section (20 points)',
      '- X-1.6 removed: Commune web page has a dedicated, regularly updated digital-transformation section (20 points)',
    ]);
    expect((await run(env, 'criteria', 'diff', 'commune_2025@2', 'commune_2025@2')).out).toEqual(['No criteria added, removed, re-worded or re-scored.']);
    expect(await run(env, 'criteria', 'diff', 'commune_2025@1', 'commune_2025@9')).toMatchObject({
      code: 1,
      error: ['No criteria set commune_2025@9 in the database.'],
    });
    expect((await run(env, 'criteria', 'diff', 'commune_2025@1')).code).toBe(2);
  });

  it('template and export usage; a set stored with an old-style checksum is recognised and repaired', async () => {
    const env = await fresh();
    const template = file(`template-${provider}.xlsx`);
    expect(await run(env, 'criteria', 'template', '--out', template)).toMatchObject({ code: 0, out: [`Template written to ${template}.`] });
    expect((await openWorkbook(readFileSync(template))).worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Bộ tiêu chí', 'Nhóm', 'Tiêu chí']);
    const v = await run(env, 'criteria', 'validate', template);
    expect(v.code).toBe(1);
    expect(v.error[0]).toBe('Bộ tiêu chí!B2: must be filled in (Mã bộ tiêu chí).');
    expect((await run(env, 'criteria', 'template')).code).toBe(2);
    expect((await run(env, 'criteria', 'export', 'nope', '--out', file('x.xlsx'))).error).toEqual(['No criteria set nope in the database.']);
    expect((await run(env, 'criteria', 'export', 'Bad Key', '--out', file('x.xlsx'))).code).toBe(2);

    const loaded = await loadCriteriaFile('core/criteria/sets/quarterly-update.yaml');
    if (!loaded.ok) throw new Error(loaded.error.message);
    const database = openDatabase(env.DATABASE_URL);
    await createCriteriaSetRepository(database.prisma).importSet(loaded.value, 'sha-of-the-old-serialisation');
    await database.close();
    expect((await run(env, 'criteria', 'import', 'core/criteria/sets/quarterly-update.yaml')).out[0]).toMatch(/^unchanged: quarterly_update v1/);
    expect((await checksums(env)).get('quarterly_update@v1')).toBe(criteriaChecksum(loaded.value));
  });
});
