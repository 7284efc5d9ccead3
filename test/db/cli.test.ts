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
    expect(c.error[1]).toBe(`${bad}:4: parent unit "NOWHERE" is neither in the file nor in the database`);
    const list = capture();
    await runCli(['unit', 'list', '--level', 'commune'], env, list.io);
    expect(list.out.some((l) => l.startsWith('X-A\t'))).toBe(false);
    expect(list.out.some((l) => l.startsWith('X-NEW1\tXã Mới, Một\t'))).toBe(true);
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
