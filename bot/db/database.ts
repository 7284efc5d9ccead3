// Opens the database named by DATABASE_URL: `file:` → SQLite (better-sqlite3 adapter),
// `postgresql://` → PostgreSQL (pg adapter). This is the only place that knows the provider.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client.ts';
import { PrismaClient as PostgresClient } from './generated/postgresql/client.ts';
import { databaseProvider, type DatabaseProvider } from '../platform/config.ts';
import { createBulkReader, type BulkReader } from './sqlite/bulk-reader.ts';

/**
 * Both generated clients expose the same model delegates, but TypeScript cannot prove
 * their generic types equal; the SQLite client's type stands for both (one cast, below),
 * and the repository suites running on both databases prove the equivalence.
 */
export type Db = SqliteClient;

/**
 * The file is in WAL mode (set by the migrator, persistent); NORMAL sync is then still crash
 * safe (a power cut may lose the last commits, never corrupt) and removes an fsync per commit
 * (STACK.md). It is per connection, so it is set on the adapter's own connection as it opens.
 */
class TunedSqliteAdapter extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript('PRAGMA synchronous = NORMAL;');
    return adapter;
  }
}

export type Database = {
  readonly provider: DatabaseProvider;
  readonly url: string;
  readonly prisma: Db;
  close(): Promise<void>;
};

/** Absolute path of a `file:` URL, relative paths taken from the working directory. */
export const sqlitePath = (url: string): string => {
  const raw = url.replace(/^file:/, '').replace(/\?.*$/, '');
  return path.resolve(process.cwd(), raw);
};

/** The PostgreSQL schema named by `?schema=` (used by the test suites for isolation). */
export const postgresSchema = (url: string): string | undefined => new URL(url).searchParams.get('schema') ?? undefined;

export const postgresConnectionString = (url: string): string => {
  const u = new URL(url);
  u.searchParams.delete('schema');
  return u.toString();
};

const providers = new WeakMap<object, DatabaseProvider>();

/**
 * Which database a client talks to, for the few raw statements whose SQL differs (a JSON cast):
 * recorded when it is opened; a client made elsewhere is asked (Prisma knows its provider).
 */
export const providerOf = (db: Db): DatabaseProvider =>
  providers.get(db) ?? ((db as unknown as { _activeProvider?: string })._activeProvider === 'postgresql' ? 'postgresql' : 'sqlite');

const bulkReaders = new WeakMap<object, BulkReader>();

/** The off-thread reader of a SQLite client opened here (none for PostgreSQL, a transaction or a client made elsewhere). */
export const bulkReaderOf = (db: Db): BulkReader | undefined => bulkReaders.get(db);

export const openDatabase = (url: string): Database => {
  const provider = databaseProvider(url);
  if (provider === 'sqlite') {
    const file = sqlitePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    const prisma = new SqliteClient({ adapter: new TunedSqliteAdapter({ url: file, timeout: 10_000 }) });
    providers.set(prisma, provider);
    // Its thread starts on the first bulk read only.
    const reader = createBulkReader(file);
    bulkReaders.set(prisma, reader);
    return {
      provider,
      url,
      prisma,
      close: async () => {
        await reader.close();
        await prisma.$disconnect();
      },
    };
  }
  const schema = postgresSchema(url);
  const pool = new pg.Pool({
    connectionString: postgresConnectionString(url),
    max: 10,
    ...(schema ? { options: `-c search_path="${schema}"` } : {}),
  });
  const client = new PostgresClient({ adapter: new PrismaPg(pool, schema ? { schema } : undefined) });
  const prisma = client as unknown as Db;
  providers.set(prisma, provider);
  return {
    provider,
    url,
    prisma,
    close: async () => {
      await client.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
};
