// Issue #12, excluded units (Hà Tĩnh leaves out the military command and the border guard):
// marked from the CLI or the CSV, listed with a fifth column, and then absent from reminders,
// /missing, /status, /ranking, the export and the chart, on both databases.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli/run-cli.ts';
import { planReminders } from '../../bot/app/delivery/plan-reminders.ts';
import { availableProviders, createTestDatabaseUrl } from './support/providers.ts';
import { startHarness } from './support/year-harness.ts';
import { VIETNAM_CALENDAR } from '../../core/calendar/working-days.ts';

const providers = await availableProviders();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe.each(providers)('unit exclusion on %s', (provider) => {
  it('unit exclude/include from the CLI, the excluded CSV column and the fifth list column', async () => {
    const db = await createTestDatabaseUrl(provider);
    cleanups.push(db.cleanup);
    const env = { DATABASE_URL: db.url, DEFAULT_LOCALE: 'en' };
    const cli = async (...argv: string[]) => {
      const out: string[] = [];
      const error: string[] = [];
      const code = await runCli(argv, env, { out: (l) => out.push(l), error: (l) => error.push(l) });
      return { code, out, error };
    };
    expect((await cli('demo', 'seed')).code).toBe(0);
    expect(await cli('unit', 'exclude', 'X-HODO')).toMatchObject({ code: 2, error: ['usage: unit exclude <code> --reason "…" (the reason is recorded)'] });
    expect(await cli('unit', 'exclude', 'X-NOPE', '--reason', 'x')).toMatchObject({ code: 2, error: ['No unit has the code X-NOPE.'] });
    const done = await cli('unit', 'exclude', 'X-HODO', '--reason', 'Đơn vị lực lượng vũ trang');
    expect(done).toMatchObject({ code: 0, out: [expect.stringContaining('X-HODO')] });
    const list = (await cli('unit', 'list', '--level', 'commune')).out;
    expect(
      list
        .find((l) => l.startsWith('X-HODO\t'))!
        .split('\t')
        .slice(2),
    ).toEqual(['commune', 'H-LOCHA', 'excluded', 'Đơn vị lực lượng vũ trang']);
    expect(list.find((l) => l.startsWith('X-THACHDAI\t'))!.split('\t')).toHaveLength(4);
    expect((await cli('unit', 'include', 'X-HODO')).code).toBe(0);
    expect((await cli('unit', 'list', '--level', 'commune')).out.find((l) => l.startsWith('X-HODO\t'))!.split('\t')).toHaveLength(4);

    const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-excl-'));
    const csv = path.join(dir, 'units.csv');
    writeFileSync(csv, 'code,name,level,parent_code,excluded\nBCH-QS,Bộ Chỉ huy Quân sự tỉnh,department,HATINH,yes\nX-HODO,Xã Hộ Độ,commune,H-LOCHA,\n');
    expect((await cli('unit', 'import', csv)).code).toBe(0);
    const flags = async () =>
      new Map((await cli('unit', 'list')).out.map((l) => l.split('\t')).map(([code, , , , excluded]) => [code, excluded === 'excluded'] as const));
    expect((await flags()).get('BCH-QS')).toBe(true);
    expect((await flags()).get('X-HODO')).toBe(false);
    // Re-importing without the column keeps the flag.
    writeFileSync(csv, 'code,name,level,parent_code\nBCH-QS,Bộ Chỉ huy Quân sự tỉnh,department,HATINH\n');
    expect((await cli('unit', 'import', csv)).code).toBe(0);
    expect((await flags()).get('BCH-QS')).toBe(true);
  });

  it('an excluded unit is absent from reminders, /missing, /status, /ranking, the export and the chart', async () => {
    const h = await startHarness(provider);
    cleanups.push(h.dispose);
    await h.join(3, 'HATINH', 'coordinator');
    const before = (await h.send(3, '/missing xã')).text;
    expect(before).toContain('X-HODO');
    const statusBefore = (await h.send(3, '/status')).text;
    await h.repos.units.setExcluded('X-HODO', true, 'thử');
    expect((await h.send(3, '/missing xã')).text).not.toContain('X-HODO');
    expect((await h.send(3, '/ranking xã')).text).not.toContain('X-HODO');
    const statusAfter = (await h.send(3, '/status')).text;
    expect(statusAfter).not.toEqual(statusBefore);
    const exported = await h.send(3, '/export xã');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.attachments[0]!.data as never);
    // The appendix layout: unit codes in column B below the header block.
    const codes = (wb.worksheets[0]!.getColumn(2).values as unknown[]).filter((v) => typeof v === 'string').map(String);
    expect(codes).not.toContain('X-HODO');
    expect(codes).toContain('X-THACHDAI');
    expect(exported.attachments[1]!.data.toString('utf8')).not.toContain('X-HODO');
    // Reporters of both communes; walk every day to the deadline at 09:00 local.
    for (const [userId, code] of [
      [20, 'X-HODO'],
      [21, 'X-THACHDAI'],
    ] as const)
      await h.join(userId, code, 'reporter');
    const ids = await Promise.all(['X-HODO', 'X-THACHDAI'].map(async (c) => (await h.repos.units.findByCode(c))!.id));
    const reminded = new Set<string>();
    for (let d = 0; d <= 30; d += 1) {
      const at = new Date(Date.UTC(2026, 10, 24 + d, 2, 0));
      for (const r of await planReminders(h.repos, at, VIETNAM_CALENDAR)) reminded.add(r.unitId);
    }
    expect(reminded.has(ids[1]!)).toBe(true);
    expect(reminded.has(ids[0]!)).toBe(false);
  });
});
