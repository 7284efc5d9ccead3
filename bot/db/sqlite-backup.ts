// Backup and restore of the SQLite database (`db backup`, `db restore`). The file runs in WAL
// mode, so copying egov.db alone can miss committed transactions still in egov.db-wal, or catch
// a half-written page. `VACUUM INTO` instead writes the database as one read transaction sees it:
// every transaction committed before it started, none after, while writers go on (WAL readers
// never block writers). PostgreSQL is backed up with pg_dump (docs/deploy.md).
import { existsSync, mkdirSync, openSync, readSync, closeSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { loadMigrations } from './migrate.ts';
import { sqlitePath } from './database.ts';

export type BackupResult = { readonly file: string; readonly bytes: number; readonly migrations: number };

export type RestoreCheck = { readonly ok: true; readonly migrations: number } | { readonly ok: false; readonly reason: string };

const SQLITE_HEADER = 'SQLite format 3\0';

const hasSqliteHeader = (file: string): boolean => {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    return readSync(fd, buf, 0, 16, 0) === 16 && buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
};

/** Consistent snapshot of the live database into `out` (written beside it first, then renamed). */
export const backupSqlite = (url: string, out: string): BackupResult => {
  const source = sqlitePath(url);
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  const target = path.resolve(out);
  if (target === source) throw new Error('the backup file must not be the database itself');
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  // Not read-only: a read-only connection cannot open a WAL database whose -shm file is missing.
  const db = new Sqlite(source, { fileMustExist: true, timeout: 10_000 });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
  } finally {
    db.close();
  }
  const check = checkSqliteBackup(partial);
  if (!check.ok) {
    rmSync(partial, { force: true });
    throw new Error(`the backup did not verify: ${check.reason}`);
  }
  // A rename within one directory is atomic: `out` is either the old file or a complete backup.
  renameSync(partial, target);
  return { file: target, bytes: statSync(target).size, migrations: check.migrations };
};

/**
 * Is `file` a whole SQLite database of this product, at a schema this code can run? It must pass
 * SQLite's quick check and its applied migrations must all be ones this code ships (an unknown
 * one means a newer release wrote it).
 */
export const checkSqliteBackup = (file: string): RestoreCheck => {
  if (!existsSync(file)) return { ok: false, reason: `${file} does not exist` };
  if (statSync(file).size < 100 || !hasSqliteHeader(file)) return { ok: false, reason: `${path.basename(file)} is not an SQLite database` };
  let db: Sqlite.Database | undefined;
  try {
    db = new Sqlite(file, { readonly: true, fileMustExist: true });
    const quick = db.pragma('quick_check', { simple: true });
    if (quick !== 'ok') return { ok: false, reason: `the SQLite integrity check failed (${String(quick)})` };
    const ledger = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!ledger) return { ok: false, reason: 'no migrations table: not a database of this bot' };
    const applied = (
      db.prepare('SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL').all() as { name: string }[]
    ).map((r) => r.name);
    if (applied.length === 0) return { ok: false, reason: 'no migration was applied to it' };
    const shipped = new Set(loadMigrations('sqlite').map((m) => m.name));
    const unknown = applied.filter((name) => !shipped.has(name));
    if (unknown.length > 0)
      return { ok: false, reason: `it has migrations this version does not know (${unknown.join(', ')}): restore it with the release that wrote it` };
    return { ok: true, migrations: applied.length };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
};

/** Leases (reminders, outbox, Telegram polling) still held in the database: a bot seems to be running on it. */
export const liveLeaseHolders = (url: string, now: Date): string[] => {
  const file = sqlitePath(url);
  if (!existsSync(file)) return [];
  const db = new Sqlite(file, { fileMustExist: true, timeout: 10_000 });
  try {
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'Lease'").get();
    if (!table) return [];
    // Prisma stores SQLite DateTime as milliseconds since the epoch.
    const rows = db.prepare('SELECT name, holder, expiresAt FROM "Lease"').all() as { name: string; holder: string; expiresAt: number | string }[];
    return rows.filter((r) => (typeof r.expiresAt === 'number' ? r.expiresAt : Date.parse(r.expiresAt)) > now.getTime()).map((r) => `${r.name} (${r.holder})`);
  } finally {
    db.close();
  }
};

export type RestoreResult = { readonly file: string; readonly previous?: string; readonly migrations: number };

/**
 * Replaces the database with `backup`. The current database (WAL included) is first saved beside
 * it as <name>.before-restore-<time>, then the verified copy is renamed into place and the old
 * -wal/-shm files are removed so SQLite cannot replay them onto the restored file.
 */
export const restoreSqlite = (url: string, backup: string, now: Date): RestoreResult => {
  const check = checkSqliteBackup(path.resolve(backup));
  if (!check.ok) throw new Error(`${path.basename(backup)} cannot be restored: ${check.reason}`);
  const target = sqlitePath(url);
  mkdirSync(path.dirname(target), { recursive: true });
  const incoming = `${target}.restore-${process.pid}`;
  rmSync(incoming, { force: true });
  const src = new Sqlite(path.resolve(backup), { readonly: true, fileMustExist: true });
  try {
    src.prepare('VACUUM INTO ?').run(incoming);
  } finally {
    src.close();
  }
  let previous: string | undefined;
  if (existsSync(target)) {
    previous = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    backupSqlite(`file:${target}`, previous);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(incoming, target);
  return { file: target, ...(previous ? { previous } : {}), migrations: check.migrations };
};
