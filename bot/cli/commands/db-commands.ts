import { migrateDatabase } from '../../db/migrate.ts';
import { backupSqlite, liveLeaseHolders, restoreSqlite } from '../../db/sqlite-backup.ts';
import { databaseProvider } from '../../platform/config.ts';
import type { CliCommand } from '../cli-context.ts';
import { CliUsageError } from '../output.ts';
import { stringFlag } from '../args.ts';

export const dbMigrate: CliCommand = async (ctx) => {
  const result = await migrateDatabase(ctx.config.DATABASE_URL);
  for (const name of result.applied) ctx.io.out(`applied ${name}`);
  ctx.io.out(result.applied.length === 0 ? `database is up to date (${result.alreadyApplied} migrations)` : `applied ${result.applied.length} migration(s)`);
  return 0;
};

const PG_DUMP_HINT =
  'PostgreSQL is backed up with its own tools: pg_dump --format=custom --file=egov.dump "$DATABASE_URL" (restore: pg_restore --clean --if-exists --dbname "$DATABASE_URL" egov.dump); see docs/deploy.md';

/** `db backup --out <file>`: a consistent copy of the SQLite database, taken while the bot runs. */
export const dbBackup: CliCommand = async (ctx) => {
  const out = stringFlag(ctx.args, 'out');
  if (!out) throw new CliUsageError('usage: db backup --out <file>');
  if (databaseProvider(ctx.config.DATABASE_URL) === 'postgresql') {
    ctx.io.error(PG_DUMP_HINT);
    return 2;
  }
  const result = backupSqlite(ctx.config.DATABASE_URL, out);
  ctx.io.out(`backup written to ${result.file} (${result.bytes} bytes, ${result.migrations} migrations)`);
  return 0;
};

/**
 * `db restore <file> [--force]`: replaces the SQLite database with a verified backup. Refused
 * while a bot seems to run on the database (a live lease), since it would go on writing into
 * the file being replaced: stop the bot first (--force when the lease is left by a crash).
 */
export const dbRestore: CliCommand = async (ctx) => {
  const file = ctx.args.words[2];
  if (!file) throw new CliUsageError('usage: db restore <file> [--force]');
  if (databaseProvider(ctx.config.DATABASE_URL) === 'postgresql') {
    ctx.io.error(PG_DUMP_HINT);
    return 2;
  }
  const holders = liveLeaseHolders(ctx.config.DATABASE_URL, ctx.now());
  if (holders.length > 0 && ctx.args.flags.get('force') !== true) {
    ctx.io.error(`a bot seems to be running on this database (live leases: ${holders.join(', ')}): stop it first, or pass --force if it has crashed`);
    return 1;
  }
  const result = restoreSqlite(ctx.config.DATABASE_URL, file, ctx.now());
  if (result.previous) ctx.io.out(`the previous database was saved to ${result.previous}`);
  ctx.io.out(`restored ${result.file} (${result.migrations} migrations); pending migrations are applied when the bot or the cli next opens it`);
  return 0;
};
