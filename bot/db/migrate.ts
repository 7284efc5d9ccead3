// Applies the checked-in migration SQL of the active provider without the Prisma CLI
// (its schema engine cannot run offline against PostgreSQL, see STACK.md), recording each
// migration in Prisma's `_prisma_migrations` format so `prisma migrate status` stays usable.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { databaseProvider, type DatabaseProvider } from '../config.ts';
import { postgresConnectionString, postgresSchema, sqlitePath } from './database.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type Migration = { readonly name: string; readonly sql: string; readonly checksum: string };
export type MigrateResult = { readonly applied: readonly string[]; readonly alreadyApplied: number };

export const loadMigrations = (provider: DatabaseProvider): Migration[] => {
  const dir = path.join(root, 'prisma', provider, 'migrations');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
};

const sqliteLedger = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL,
    "checksum" TEXT NOT NULL,
    "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL,
    "logs" TEXT,
    "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const postgresLedger = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

const checkChecksum = (migration: Migration, recorded: string | undefined): void => {
  if (recorded !== undefined && recorded !== migration.checksum) {
    throw new Error(`migration ${migration.name} was changed after it was applied (checksum mismatch)`);
  }
};

const migrateSqlite = (url: string, migrations: readonly Migration[]): MigrateResult => {
  const file = sqlitePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Sqlite(file, { timeout: 10_000 });
  try {
    // WAL halves the per-answer write cost on these disks (STACK.md); it is a property of the file.
    db.pragma('journal_mode = WAL');
    db.exec(sqliteLedger);
    const applied: string[] = [];
    let alreadyApplied = 0;
    for (const migration of migrations) {
      // BEGIN IMMEDIATE serialises concurrent migrators on the same file.
      const run = db.transaction(() => {
        const row = db
          .prepare('SELECT checksum FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL')
          .get(migration.name) as { checksum: string } | undefined;
        checkChecksum(migration, row?.checksum);
        if (row) return false;
        const id = randomUUID();
        db.prepare('INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES (?, ?, ?, ?)').run(
          id,
          migration.checksum,
          migration.name,
          new Date().toISOString(),
        );
        db.exec(migration.sql);
        db.prepare('UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?').run(new Date().toISOString(), id);
        return true;
      });
      if (run.immediate()) applied.push(migration.name);
      else alreadyApplied += 1;
    }
    return { applied, alreadyApplied };
  } finally {
    db.close();
  }
};

// Same lock id as Prisma's own migrate, so the CLI and the app never migrate at once.
const ADVISORY_LOCK = 72707369;

const migratePostgres = async (url: string, migrations: readonly Migration[]): Promise<MigrateResult> => {
  const schema = postgresSchema(url);
  const client = new pg.Client({ connectionString: postgresConnectionString(url) });
  await client.connect();
  try {
    // Lock first: even CREATE SCHEMA IF NOT EXISTS races between concurrent migrators.
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK]);
    try {
      if (schema) {
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
        await client.query(`SET search_path TO "${schema.replace(/"/g, '')}"`);
      }
      await client.query(postgresLedger);
      const applied: string[] = [];
      let alreadyApplied = 0;
      for (const migration of migrations) {
        const res = await client.query<{ checksum: string }>(
          'SELECT checksum FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL',
          [migration.name],
        );
        checkChecksum(migration, res.rows[0]?.checksum);
        if (res.rows[0]) {
          alreadyApplied += 1;
          continue;
        }
        await client.query('BEGIN');
        try {
          const id = randomUUID();
          await client.query('INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)', [id, migration.checksum, migration.name]);
          await client.query(migration.sql);
          await client.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
        applied.push(migration.name);
      }
      return { applied, alreadyApplied };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK]);
    }
  } finally {
    await client.end();
  }
};

export const migrateDatabase = async (url: string): Promise<MigrateResult> => {
  const provider = databaseProvider(url);
  const migrations = loadMigrations(provider);
  return provider === 'sqlite' ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
};
