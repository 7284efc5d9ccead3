// `db backup` while another process keeps writing (the bot does not stop for a backup), then
// `db restore` into a fresh path: `unit list` holds every unit committed before the backup
// started, and the backup is one consistent moment (the writer's units form an unbroken prefix).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli/run-cli.ts';
import { openDatabase } from '../../bot/db/database.ts';
import { waitFor } from '../support/bot-process.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-backup-'));
const capture = () => {
  const out: string[] = [];
  const error: string[] = [];
  return { io: { out: (l: string) => out.push(l), error: (l: string) => error.push(l) }, out, error };
};

// Another connection in another process: one unit per transaction, the code printed once committed.
const writerScript = `
const Sqlite = require('better-sqlite3');
const db = new Sqlite(process.argv[1], { timeout: 10000 });
db.pragma('synchronous = NORMAL');
const insert = db.prepare('INSERT INTO "Unit" (id, code, name, level, excluded, createdAt, updatedAt) VALUES (?, ?, ?, ?, 0, ?, ?)');
let stop = false;
process.stdin.on('data', () => { stop = true; });
let i = 0;
const step = () => {
  if (stop) { db.close(); process.exit(0); }
  for (let k = 0; k < 5; k += 1) {
    i += 1;
    const at = new Date().toISOString();
    insert.run('w' + i, 'W-' + i, 'Xã Ghi ' + i, 'commune', at, at);
    process.stdout.write('W-' + i + '\\n');
  }
  setImmediate(step);
};
step();
`;

let writer: ReturnType<typeof spawn> | undefined;
afterAll(() => {
  if (writer && writer.exitCode === null) writer.kill('SIGKILL');
});

describe('db backup and db restore (SQLite)', () => {
  const source = { DATABASE_URL: `file:${path.join(dir, 'live.db')}`, DEFAULT_LOCALE: 'en' };
  const backupFile = path.join(dir, 'backup.db');

  it('backs up during writes; the restored copy lists every unit committed before the backup started', async () => {
    expect(await runCli(['demo', 'seed'], source, capture().io)).toBe(0);
    const committed: string[] = [];
    let errors = '';
    const child = spawn(process.execPath, ['-e', writerScript, path.join(dir, 'live.db')], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    writer = child;
    let partial = '';
    child.stdout?.on('data', (d: Buffer) => {
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop() ?? '';
      committed.push(...lines);
    });
    child.stderr?.on('data', (d: Buffer) => (errors += d.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

    await waitFor(() => committed.length >= 200 || (child.exitCode !== null && Promise.reject(new Error(errors))), 30_000, 'the writer');
    const before = [...committed];
    const backup = capture();
    expect(await runCli(['db', 'backup', '--out', backupFile], source, backup.io)).toBe(0);
    expect(backup.out.join('\n')).toMatch(/^backup written to .*backup\.db \(\d+ bytes, \d+ migrations\)$/);
    // The writer goes on after the backup: it was never stopped for it.
    const atBackupEnd = committed.length;
    await waitFor(() => committed.length > atBackupEnd + 50, 30_000, 'more writes after the backup');
    child.stdin?.end('stop\n');
    expect(await exited).toBe(0);
    expect(errors).toBe('');

    const fresh = { DATABASE_URL: `file:${path.join(dir, 'restored', 'fresh.db')}`, DEFAULT_LOCALE: 'en' };
    const restore = capture();
    expect(await runCli(['db', 'restore', backupFile], fresh, restore.io)).toBe(0);
    expect(restore.error).toEqual([]);
    const list = capture();
    expect(await runCli(['unit', 'list'], fresh, list.io)).toBe(0);
    const codes = new Set(list.out.map((l) => l.split('\t')[0]));
    expect(before.filter((c) => !codes.has(c))).toEqual([]);
    expect(codes.has('HATINH')).toBe(true);
    // One moment of the database: W-1 … W-k without a gap (a torn copy would miss some in between).
    const written = [...codes].filter((c): c is string => c !== undefined && c.startsWith('W-')).map((c) => Number(c.slice(2)));
    const k = Math.max(...written);
    expect(written.length).toBe(k);
    expect(k).toBeGreaterThanOrEqual(before.length);
  });

  it('refuses a file that is not a database of this bot, and changes nothing', async () => {
    const junk = path.join(dir, 'junk.db');
    writeFileSync(junk, 'not a database at all, but long enough to have a header of one hundred bytes '.repeat(3));
    const target = { DATABASE_URL: `file:${path.join(dir, 'live.db')}`, DEFAULT_LOCALE: 'en' };
    const c = capture();
    expect(await runCli(['db', 'restore', junk], target, c.io)).toBe(1);
    expect(c.error.join('\n')).toMatch(/not an SQLite database/);
    const list = capture();
    expect(await runCli(['unit', 'list'], target, list.io)).toBe(0);
    expect(list.out.some((l) => l.startsWith('W-'))).toBe(true);
  });

  it('refuses to restore over a database a bot holds a lease on, unless --force', async () => {
    const target = { DATABASE_URL: `file:${path.join(dir, 'busy.db')}`, DEFAULT_LOCALE: 'en' };
    expect(await runCli(['db', 'migrate'], target, capture().io)).toBe(0);
    const db = openDatabase(target.DATABASE_URL);
    await db.prisma.lease.create({ data: { name: 'reminders', holder: 'host-1', expiresAt: new Date(Date.now() + 3_600_000) } });
    await db.close();
    const refused = capture();
    expect(await runCli(['db', 'restore', backupFile], target, refused.io)).toBe(1);
    expect(refused.error.join('\n')).toMatch(/a bot seems to be running on this database \(live leases: reminders \(host-1\)\)/);
    const forced = capture();
    expect(await runCli(['db', 'restore', backupFile, '--force'], target, forced.io)).toBe(0);
    expect(forced.out.join('\n')).toMatch(/the previous database was saved to .*busy\.db\.before-restore-/);
    const list = capture();
    expect(await runCli(['unit', 'list'], target, list.io)).toBe(0);
    expect(list.out.some((l) => l.startsWith('HATINH\t'))).toBe(true);
  });

  it('on PostgreSQL points to pg_dump in one line', async () => {
    const pgEnv = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test', DEFAULT_LOCALE: 'en' };
    const c = capture();
    expect(await runCli(['db', 'backup', '--out', path.join(dir, 'x.db')], pgEnv, c.io)).toBe(2);
    expect(c.error).toHaveLength(1);
    expect(c.error[0]).toMatch(/pg_dump .*docs\/deploy\.md/);
  });
});
