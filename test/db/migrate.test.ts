import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import Sqlite from 'better-sqlite3';
import { migrateDatabase, loadMigrations } from '../../bot/db/migrate.ts';
import { sqlitePath, postgresConnectionString, postgresSchema } from '../../bot/db/database.ts';
import { availableProviders, createTestDatabaseUrl } from './support/providers.ts';

const providers = await availableProviders();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

const ledger = async (url: string): Promise<{ migration_name: string; checksum: string; finished: boolean }[]> => {
  if (url.startsWith('file:')) {
    const db = new Sqlite(sqlitePath(url));
    const rows = db.prepare('SELECT migration_name, checksum, finished_at IS NOT NULL AS finished FROM "_prisma_migrations" ORDER BY migration_name').all() as {
      migration_name: string;
      checksum: string;
      finished: number;
    }[];
    db.close();
    return rows.map((r) => ({ ...r, finished: r.finished === 1 }));
  }
  const client = new pg.Client({ connectionString: postgresConnectionString(url) });
  await client.connect();
  const res = await client.query(
    `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished FROM "${postgresSchema(url)}"."_prisma_migrations" ORDER BY migration_name`,
  );
  await client.end();
  return res.rows as { migration_name: string; checksum: string; finished: boolean }[];
};

describe.each(providers)('db migrate on %s', (provider) => {
  it('creates the schema, records it in _prisma_migrations, and a second run changes nothing', async () => {
    const { url, cleanup } = await createTestDatabaseUrl(provider);
    cleanups.push(cleanup);
    const first = await migrateDatabase(url);
    const migrations = loadMigrations(provider);
    expect(migrations.length).toBeGreaterThan(0);
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    const recorded = await ledger(url);
    expect(recorded.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    expect(recorded.map((r) => r.checksum)).toEqual(migrations.map((m) => m.checksum));
    expect(recorded.every((r) => r.finished)).toBe(true);

    const second = await migrateDatabase(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(migrations.length);
    expect(await ledger(url)).toEqual(recorded);
  });

  it('runs concurrently without applying anything twice', async () => {
    const { url, cleanup } = await createTestDatabaseUrl(provider);
    cleanups.push(cleanup);
    const results = await Promise.all([migrateDatabase(url), migrateDatabase(url)]);
    const appliedTotal = results.reduce((n, r) => n + r.applied.length, 0);
    expect(appliedTotal).toBe(loadMigrations(provider).length);
    expect((await ledger(url)).length).toBe(loadMigrations(provider).length);
  });
});
