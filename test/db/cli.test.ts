import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli/run-cli.ts';
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

const tmpFile = (name: string, content: string): string => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'egov-cli-')), name);
  writeFileSync(file, content);
  return file;
};

describe.each(providers)('cli on %s', (provider) => {
  const fresh = async () => {
    const db = await createTestDatabaseUrl(provider);
    cleanups.push(db.cleanup);
    return { DATABASE_URL: db.url, DEFAULT_LOCALE: 'en' };
  };

  it('demo seed then unit list --level commune prints at least 6 communes as CODE\\tNAME\\tLEVEL\\tPARENT', async () => {
    const env = await fresh();
    expect(await runCli(['demo', 'seed'], env, capture().io)).toBe(0);
    expect(await runCli(['demo', 'seed'], env, capture().io)).toBe(0);
    const c = capture();
    expect(await runCli(['unit', 'list', '--level', 'commune'], env, c.io)).toBe(0);
    expect(c.out.length).toBeGreaterThanOrEqual(6);
    for (const line of c.out) {
      const [code, name, level, parent] = line.split('\t');
      expect(code).toMatch(/^X-/);
      expect(name).toMatch(/^Xã /);
      expect(level).toBe('commune');
      expect(parent).toMatch(/^H-/);
    }
    const all = capture();
    await runCli(['unit', 'list'], env, all.io);
    expect(all.out.find((l) => l.startsWith('HATINH\t'))).toBe('HATINH\tTỉnh Hà Tĩnh\tprovince\t');
    const bad = capture();
    expect(await runCli(['unit', 'list', '--level', 'village'], env, bad.io)).toBe(2);
    expect(bad.error).toHaveLength(1);
  });

  it('imports a good CSV (parents before or in the database) and reports every bad row of a bad one, importing nothing', async () => {
    const env = await fresh();
    await runCli(['demo', 'seed'], env, capture().io);
    const good = tmpFile('good.csv', 'code,name,level,parent_code\nH-NEW,Huyện Mới,district,HATINH\nX-NEW1,"Xã Mới, Một",commune,H-NEW\n');
    const ok = capture();
    expect(await runCli(['unit', 'import', good], env, ok.io)).toBe(0);
    expect(ok.out).toEqual(['Imported 2 units.']);
    const bad = tmpFile('bad.csv', 'code,name,level,parent_code\nX-A,Xã A,commune,H-THACHHA\nX-B,Xã B,village,H-THACHHA\nX-C,Xã C,commune,NOWHERE\n');
    const c = capture();
    expect(await runCli(['unit', 'import', bad], env, c.io)).toBe(1);
    expect(c.error[0]).toBe(`${bad}:3: invalid level "village" (province, department, district, commune)`);
    expect(c.error[2]).toBe('No unit imported: 2 bad rows.');
    const one = tmpFile('one.csv', 'code,name,level,parent_code\nX-Z,Xã Z,xa,H-THACHHA\n');
    const single = capture();
    expect(await runCli(['unit', 'import', one], env, single.io)).toBe(1);
    expect(single.error).toEqual([`${one}:2: invalid level "xa" (province, department, district, commune)`]);
    expect(c.error[1]).toBe(`${bad}:4: parent unit "NOWHERE" is neither in the file nor in the database`);
    const list = capture();
    await runCli(['unit', 'list', '--level', 'commune'], env, list.io);
    expect(list.out.some((l) => l.startsWith('X-A\t'))).toBe(false);
    expect(list.out.some((l) => l.startsWith('X-NEW1\tXã Mới, Một\t'))).toBe(true);
  });
});

describe.each(providers)('criteria and period commands on %s', (provider) => {
  it('validates, imports (idempotently) and lists criteria sets; demo seed opens an annual period 14+ days ahead', async () => {
    const db = await createTestDatabaseUrl(provider);
    cleanups.push(db.cleanup);
    const env = { DATABASE_URL: db.url };
    const v = capture();
    expect(await runCli(['criteria', 'validate', 'core/criteria/sets/commune-2025.yaml'], env, v.io)).toBe(0);
    expect(v.out).toEqual(['ok: commune_2025 v1 (commune, 31 criteria, 1000 points)']);
    const broken = tmpFile(
      'broken.yaml',
      'key: broken\nversion: 1\ntitle: { vi: a, en: b }\nlevel: commune\ntotalPoints: 10\ngroups: [{ code: "1", title: { vi: a, en: b } }]\ncriteria:\n  - { code: A-1, group: "1", text: { vi: a, en: b }, answer: { type: boolean, yes: 10 }, maxPoints: "ten" }\n',
    );
    const b = capture();
    expect(await runCli(['criteria', 'validate', broken], env, b.io)).toBe(1);
    expect(b.error.join('\n')).toContain('criteria[0].maxPoints');
    const i1 = capture();
    expect(await runCli(['criteria', 'import', 'core/criteria/sets/district-2024.yaml'], env, i1.io)).toBe(0);
    expect(i1.out[0]).toMatch(/^imported: district_2024 v1/);
    const i2 = capture();
    expect(await runCli(['criteria', 'import', 'core/criteria/sets/district-2024.yaml'], env, i2.io)).toBe(0);
    expect(i2.out[0]).toMatch(/^unchanged: district_2024 v1/);
    expect(await runCli(['demo', 'seed'], env, capture().io)).toBe(0);
    const l = capture();
    await runCli(['criteria', 'list'], env, l.io);
    expect(l.out.map((x) => x.split('\t')[1]).sort()).toEqual([
      'commune_2025',
      'department_2025',
      'district_2024',
      'quarterly_update',
      'web_portal_transparency_quarterly',
    ]);
    const p = capture();
    expect(await runCli(['period', 'list'], env, p.io)).toBe(0);
    expect(p.out).toHaveLength(1);
    const [id, name, status] = p.out[0]!.split('\t');
    expect(id).toMatch(/^\w+$/);
    expect(name).toContain(String(new Date().getUTCFullYear()));
    expect(status).toBe('open');
    const { openDatabase } = await import('../../bot/db/database.ts');
    const { createPeriodRepository } = await import('../../bot/db/repositories/period-repository.ts');
    const database = openDatabase(db.url);
    const period = (await createPeriodRepository(database.prisma).list())[0]!;
    await database.close();
    const ahead = (iso: string | undefined) => (new Date(`${iso}T00:00:00Z`).getTime() - Date.now()) / 86_400_000;
    for (const level of ['commune', 'district', 'department'] as const) expect(ahead(period.deadlines[level])).toBeGreaterThanOrEqual(14);
  });
});

describe.each(providers)('remind --dry-run on %s', (provider) => {
  it('lists what would be sent at a time, one line per message, and writes nothing', async () => {
    const db = await createTestDatabaseUrl(provider);
    cleanups.push(db.cleanup);
    const env = { DATABASE_URL: db.url };
    expect(await runCli(['demo', 'seed'], env, capture().io)).toBe(0);
    const { openDatabase } = await import('../../bot/db/database.ts');
    const { createPeopleRepository } = await import('../../bot/db/repositories/people-repository.ts');
    const { createUnitRepository } = await import('../../bot/db/repositories/unit-repository.ts');
    const { createPeriodRepository } = await import('../../bot/db/repositories/period-repository.ts');
    const database = openDatabase(db.url);
    const people = createPeopleRepository(database.prisma);
    const unit = await createUnitRepository(database.prisma).findByCode('X-HODO');
    const acc = await people.ensureAccount({
      channel: 'zalo',
      externalId: 'z-hodo',
      chatId: 'z-hodo',
      displayName: 'Nguyễn Thị Hoa',
      locale: 'vi',
      now: new Date(),
    });
    await people.grantMembership({ personId: acc.personId, unitId: unit!.id, role: 'reporter' });
    const period = (await createPeriodRepository(database.prisma).list())[0]!;
    await database.close();
    // 08:00 local on the communes' deadline day; no reminders go out on Sundays, so when the
    // deadline is a Sunday the Saturday before it is used.
    const deadline = new Date(`${period.deadlines.commune}T00:00:00Z`);
    const sunday = deadline.getUTCDay() === 0;
    const day = sunday ? new Date(deadline.getTime() - 86_400_000) : deadline;
    const at = `${day.toISOString().slice(0, 10)}T01:00:00Z`;
    const out = capture();
    expect(await runCli(['remind', '--dry-run', '--at', at], env, out.io)).toBe(0);
    expect(out.out).toEqual([`Nguyễn Thị Hoa\tXã Hộ Độ\t${sunday ? 'before_1' : 'deadline_morning'}\tzalo`]);
    const again = capture();
    await runCli(['remind', '--dry-run', '--at', at], env, again.io);
    expect(again.out).toEqual(out.out);
    const bad = capture();
    expect(await runCli(['remind', '--dry-run', '--at', 'tomorrow'], env, bad.io)).toBe(2);
  });
});

describe.each(providers)('export on %s', (provider) => {
  it('writes the appendix workbook, or one CSV per level', async () => {
    const db = await createTestDatabaseUrl(provider);
    cleanups.push(db.cleanup);
    const env = { DATABASE_URL: db.url };
    await runCli(['demo', 'seed'], env, capture().io);
    const list = capture();
    await runCli(['period', 'list'], env, list.io);
    const id = list.out[0]!.split('\t')[0]!;
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'egov-export-')), 'ranking.xlsx');
    const c = capture();
    expect(await runCli(['export', '--period', id, '--out', out], env, c.io)).toBe(0);
    expect(c.out[0]).toContain('3 levels, 14 units');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0]!.rowCount).toBe(9 + 8);
    const { readFileSync } = await import('node:fs');
    expect(await runCli(['export', '--period', id, '--format', 'csv', '--out', out.replace('.xlsx', '.csv')], env, capture().io)).toBe(0);
    expect(readFileSync(out.replace('.xlsx', '-commune.csv'), 'utf8')).toContain('X-THACHDAI');
    const bad = capture();
    expect(await runCli(['export', '--period', 'nope', '--out', out], env, bad.io)).toBe(2);
  });
});

describe('cli configuration errors', () => {
  it('a malformed DATABASE_URL gives one error line, exit code 2, and creates nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-bad-'));
    const c = capture();
    expect(await runCli(['unit', 'list'], { DATABASE_URL: `mysql://${dir}/x` }, c.io)).toBe(2);
    expect(c.error).toEqual(['Invalid configuration: DATABASE_URL: expected file:<path> (SQLite) or postgresql://user@host:port/db (PostgreSQL)']);
    expect(c.out).toEqual([]);
  });

  it('an unknown verb prints the usage', async () => {
    const c = capture();
    expect(await runCli(['frobnicate'], {}, c.io)).toBe(2);
    expect(c.error.join('\n')).toContain('usage: npm run cli');
  });
});
