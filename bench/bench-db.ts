// A fresh database for one benchmark scenario: demo units, one generated criteria set and one
// open period using it for communes.
import { addDays, toLocalDate } from '../core/calendar/local-date.ts';
import type { CriteriaSet } from '../core/criteria/criteria-set.schema.ts';
import { importCriteriaSet } from '../bot/criteria/import-criteria-set.ts';
import { openDatabase, type Database } from '../bot/db/database.ts';
import { migrateDatabase } from '../bot/db/migrate.ts';
import { createCriteriaSetRepository } from '../bot/db/repositories/criteria-set-repository.ts';
import { createPeriodRepository } from '../bot/db/repositories/period-repository.ts';
import { createUnitRepository } from '../bot/db/repositories/unit-repository.ts';
import { demoUnits } from '../bot/demo/demo-units.ts';
import { createTestDatabaseUrl, postgresReachable, type ProviderName } from '../test/db/support/providers.ts';

export type BenchDb = Database & { readonly cleanup: () => Promise<void> };

export const providersForBench = async (): Promise<ProviderName[]> => ((await postgresReachable()) ? ['sqlite', 'postgresql'] : ['sqlite']);

export const openBenchDb = async (provider: ProviderName, set: CriteriaSet, now: Date): Promise<BenchDb> => {
  const { url, cleanup } = await createTestDatabaseUrl(provider);
  await migrateDatabase(url);
  const db = openDatabase(url);
  await createUnitRepository(db.prisma).upsertMany(demoUnits);
  const imported = await importCriteriaSet(createCriteriaSetRepository(db.prisma), set);
  const today = toLocalDate(now);
  await createPeriodRepository(db.prisma).upsert(
    {
      name: `Bench ${set.key}`,
      kind: 'annual',
      scored: true,
      dataWindow: { from: `${Number(today.slice(0, 4)) - 1}-11-11`, to: `${today.slice(0, 4)}-11-10` },
      opensAt: today,
      deadlines: { commune: addDays(today, 30) },
      lateToleranceWorkingDays: 5,
      status: 'open',
    },
    [{ level: 'commune', criteriaSetId: imported.id }],
  );
  return {
    ...db,
    cleanup: async () => {
      await db.close();
      await cleanup();
    },
  };
};

export const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
export const round2 = (x: number): number => Math.round(x * 100) / 100;
