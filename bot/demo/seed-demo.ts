// Idempotent: every write is an upsert keyed by a natural key, so running it again changes nothing.
import type { Db } from '../db/database.ts';
import { createUnitRepository } from '../db/repositories/unit-repository.ts';
import { demoUnits } from './demo-units.ts';

export type SeedSummary = { readonly units: number; readonly extra?: string };

export const seedDemo = async (db: Db, _now: Date): Promise<SeedSummary> => {
  const units = await createUnitRepository(db).upsertMany(demoUnits);
  return { units };
};
