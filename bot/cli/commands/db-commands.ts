import { migrateDatabase } from '../../db/migrate.ts';
import type { CliCommand } from '../cli-context.ts';

export const dbMigrate: CliCommand = async (ctx) => {
  const result = await migrateDatabase(ctx.config.DATABASE_URL);
  for (const name of result.applied) ctx.io.out(`applied ${name}`);
  ctx.io.out(result.applied.length === 0 ? `database is up to date (${result.alreadyApplied} migrations)` : `applied ${result.applied.length} migration(s)`);
  return 0;
};
