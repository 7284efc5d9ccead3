// District view of the commune ranking (three-level years only, DOMAIN B3): how its communes
// did and how many are still missing.
import type { LevelRanking, NotRankedRow, RankedRow } from './rank-units.ts';
import { roundPercent } from './tiers.ts';

export type DistrictRef = { readonly districtId: string };

export type DistrictAggregate = {
  readonly districtId: string;
  /**
   * Mean % over the communes that submitted (on time, late, or too late to be ranked: their
   * score is still real), rounded to 2 decimals; null when none submitted. Missing communes
   * are not counted as 0 here — that is `averagePercentMissingAsZero`, so a district cannot
   * raise its average by leaving weak communes unsubmitted without it showing.
   */
  readonly averagePercent: number | null;
  readonly averagePercentMissingAsZero: number | null;
  readonly submittedCount: number;
  readonly missingCount: number;
  /** Communes in the ranking (excluded communes are left out everywhere). */
  readonly total: number;
};

export const aggregateDistricts = (communeResults: LevelRanking, districts: readonly DistrictRef[]): DistrictAggregate[] => {
  const byDistrict = new Map<string, (RankedRow | NotRankedRow)[]>();
  for (const row of [...communeResults.ranked, ...communeResults.notRanked]) {
    if (row.parentId === undefined) continue;
    const list = byDistrict.get(row.parentId) ?? [];
    list.push(row);
    byDistrict.set(row.parentId, list);
  }
  return districts.map(({ districtId }) => {
    const rows = byDistrict.get(districtId) ?? [];
    const submitted = rows.filter((r) => r.submitted);
    const sum = submitted.reduce((acc, r) => acc + r.percent, 0);
    return {
      districtId,
      averagePercent: submitted.length > 0 ? roundPercent(sum / submitted.length) : null,
      averagePercentMissingAsZero: rows.length > 0 ? roundPercent(sum / rows.length) : null,
      submittedCount: submitted.length,
      missingCount: rows.length - submitted.length,
      total: rows.length,
    };
  });
};
