// Idempotent: units and criteria sets are upserted by natural keys and the demo period is
// created only when absent, so running it again changes nothing.
import { addDays, toLocalDate } from '../../../core/calendar/local-date.ts';
import { importCriteriaSet } from './import-criteria-set.ts';
import { listShippedSets, loadCriteriaFile } from '../../platform/criteria-files.ts';
import { demoUnits } from './demo-units.ts';
import type { Repositories, StoredPeriod } from '../ports.ts';

export type SeedSummary = { readonly units: number; readonly sets: number; readonly period: StoredPeriod };

export const demoPeriodName = (year: number): string => `Đánh giá Chính quyền số năm ${year}`;

export const seedDemo = async (repos: Pick<Repositories, 'units' | 'criteriaSets' | 'periods'>, now: Date): Promise<SeedSummary> => {
  const units = await repos.units.upsertMany(demoUnits);
  const setsRepo = repos.criteriaSets;
  const ids = new Map<string, { id: string; level: string; answeredBy: string; scored: boolean }>();
  for (const file of listShippedSets()) {
    const loaded = await loadCriteriaFile(file);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const outcome = await importCriteriaSet(setsRepo, loaded.value);
    ids.set(loaded.value.key, { id: outcome.id, level: loaded.value.level, answeredBy: loaded.value.answeredBy, scored: loaded.value.scored });
  }
  const periods = repos.periods;
  const today = toLocalDate(now);
  const year = Number(today.slice(0, 4));
  const name = demoPeriodName(year);
  const existing = (await periods.list()).find((p) => p.name === name);
  if (existing) return { units, sets: ids.size, period: existing };
  // Annual, scored sets per level, plus the assessor-answered portal review for every level.
  const sets = [...ids.values()]
    .filter((s) => s.scored && (s.level === 'commune' || s.level === 'district' || s.level === 'department'))
    .map((s) => ({ level: s.level as 'commune' | 'district' | 'department', criteriaSetId: s.id }));
  const portal = [...ids.values()].find((s) => s.answeredBy === 'assessor');
  if (portal) for (const level of ['commune', 'district', 'department'] as const) sets.push({ level, criteriaSetId: portal.id });
  const period = await periods.upsert(
    {
      name,
      kind: 'annual',
      scored: true,
      dataWindow: { from: `${year - 1}-11-11`, to: `${year}-11-10` },
      opensAt: today,
      deadlines: { commune: addDays(today, 21), district: addDays(today, 25), department: addDays(today, 25) },
      lateToleranceWorkingDays: 5,
      appraisalDeadline: addDays(today, 45),
      status: 'open',
    },
    sets,
  );
  return { units, sets: ids.size, period };
};
