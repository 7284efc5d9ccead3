// What /readyz asks the database: it answers, and every migration this build ships is applied
// (a new build started against an old database is not ready until it migrated).
import type { Database } from './database.ts';
import { loadMigrations } from './migrate.ts';

export const databaseReadiness = (database: Database): (() => Promise<boolean>) => {
  const expected = new Set(loadMigrations(database.provider).map((m) => m.name));
  return async () => {
    try {
      const rows = await database.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
        'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      );
      const applied = new Set(rows.map((r) => r.migration_name));
      return [...expected].every((name) => applied.has(name));
    } catch {
      return false;
    }
  };
};
