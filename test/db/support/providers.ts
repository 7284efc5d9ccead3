// The database suites run on every provider available: SQLite always (a temp file), and
// PostgreSQL at TEST_DATABASE_URL (default the local server) in a fresh schema per run.
// Without a reachable PostgreSQL the suites are skipped with a note, except under CI=true
// where an unreachable PostgreSQL fails the run.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateDatabase } from '../../../bot/db/migrate.ts';
import { openDatabase, type Database } from '../../../bot/db/database.ts';
import { createRepositories } from '../../../bot/db/create-repositories.ts';
import type { Repositories } from '../../../bot/app/ports.ts';

export type ProviderName = 'sqlite' | 'postgresql';
export const defaultPostgresUrl = 'postgresql://postgres@127.0.0.1:5432/test';

let reachable: Promise<boolean> | undefined;

export const postgresBaseUrl = (): string => process.env['TEST_DATABASE_URL'] ?? defaultPostgresUrl;

export const postgresReachable = (): Promise<boolean> => {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: postgresBaseUrl(), connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
};

export const availableProviders = async (): Promise<ProviderName[]> => {
  if (await postgresReachable()) return ['sqlite', 'postgresql'];
  if (process.env['CI'] === 'true') throw new Error(`PostgreSQL is not reachable at ${postgresBaseUrl()} (required with CI=true)`);
  console.warn(`[db tests] PostgreSQL not reachable at ${postgresBaseUrl()}: PostgreSQL suites skipped`);
  return ['sqlite'];
};

export type TestDatabase = Database & { readonly repos: Repositories; readonly dispose: () => Promise<void> };

/** A fresh, migrated database: a temp SQLite file, or a new PostgreSQL schema. */
export const createTestDatabaseUrl = async (provider: ProviderName): Promise<{ url: string; cleanup: () => Promise<void> }> => {
  const suffix = `${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  if (provider === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-test-'));
    return { url: `file:${path.join(dir, 'test.db')}`, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `t_${suffix}`;
  const base = new URL(postgresBaseUrl());
  base.searchParams.set('schema', schema);
  return {
    url: base.toString(),
    cleanup: async () => {
      const client = new pg.Client({ connectionString: postgresBaseUrl() });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
};

export const createTestDatabase = async (provider: ProviderName): Promise<TestDatabase> => {
  const { url, cleanup } = await createTestDatabaseUrl(provider);
  await migrateDatabase(url);
  const db = openDatabase(url);
  return {
    ...db,
    repos: createRepositories(db.prisma),
    dispose: async () => {
      await db.close();
      await cleanup();
    },
  };
};
