// Ranking of one level (sở / huyện / xã) inside a period (DOMAIN B2.5):
//   by % descending, configurable tie-breaks, competition ranking ("1, 2, 2, 4");
//   not submitted → ranked last, all equal (Gia Lai 169/QĐ-UBND, seed);
//   submitted more than the tolerance late → not ranked, with the reason (Bình Thuận, seed);
//   `ranked: false` → assessed but not ranked (Hải Dương 2023, F-31); excluded → left out (F-32).
import type { AssessedLevel } from '../periods/period.schema.ts';
import type { Reply } from '../reply.ts';
import { reply } from '../reply.ts';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import { roundPercent } from './tiers.ts';
import { DEFAULT_TIE_BREAKS, type TieBreak } from './ranking-rules.ts';

export type SubmissionStatus = 'not_started' | 'draft' | 'submitted' | 'returned' | 'verified';

export type RankEntry = {
  readonly unitId: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly level: AssessedLevel;
  readonly parentId?: string;
  readonly excluded: boolean;
  /** false = assessed but not ranked (e.g. no public services); see `notRankedReason`. */
  readonly ranked?: boolean;
  readonly notRankedReason?: Reply;
  readonly status: SubmissionStatus;
  readonly percent: number;
  readonly points: number;
  readonly applicableMax: number;
  readonly groupPoints: Readonly<Record<string, number>>;
  readonly submittedAt?: Date;
  readonly late: { readonly workingDaysLate: number; readonly beyondTolerance: boolean };
  readonly tier: string;
};

export type { TieBreak } from './ranking-rules.ts';
export { DEFAULT_TIE_BREAKS } from './ranking-rules.ts';

type RowBase = {
  readonly unitId: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly parentId?: string;
  readonly percent: number;
  readonly points: number;
  readonly tier: string;
  /** A submitted (or verified) report exists; false for not_started / draft / returned. */
  readonly submitted: boolean;
  readonly workingDaysLate: number;
};
export type RankedRow = RowBase & { readonly rank: number; readonly lateFlag: boolean };
export type NotRankedRow = RowBase & { readonly reason: Reply };

export type LevelRanking = {
  readonly level: AssessedLevel;
  /** Submitted units first, then not-submitted units sharing the last rank (sorted by code). */
  readonly ranked: readonly RankedRow[];
  readonly notRanked: readonly NotRankedRow[];
  readonly excludedCount: number;
};

export type RankingError =
  { readonly code: 'MIXED_LEVELS'; readonly unitId: string; readonly level: AssessedLevel } | { readonly code: 'DUPLICATE_UNIT'; readonly unitId: string };

export type RankUnitsInput = {
  readonly level: AssessedLevel;
  readonly entries: readonly RankEntry[];
  readonly tieBreaks?: readonly TieBreak[];
};

export const isSubmitted = (status: SubmissionStatus): boolean => status === 'submitted' || status === 'verified';

// Ties are judged on the published 2-decimal figures, not on float noise.
const cmpDesc = (a: number, b: number): number => roundPercent(b) - roundPercent(a);

const compareByRules =
  (tieBreaks: readonly TieBreak[]) =>
  (a: RankEntry, b: RankEntry): number => {
    const byPercent = cmpDesc(a.percent, b.percent);
    if (byPercent !== 0) return byPercent;
    for (const tb of tieBreaks) {
      const c =
        tb.kind === 'group_points'
          ? cmpDesc(a.groupPoints[tb.group] ?? 0, b.groupPoints[tb.group] ?? 0)
          : (a.submittedAt?.getTime() ?? Infinity) - (b.submittedAt?.getTime() ?? Infinity);
      if (c !== 0 && !Number.isNaN(c)) return Math.sign(c);
    }
    return 0;
  };

// Display order among equals only; never changes a rank.
const byCode = (a: RankEntry, b: RankEntry): number =>
  a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0;

const toRow = (e: RankEntry): RowBase => ({
  unitId: e.unitId,
  unitCode: e.unitCode,
  unitName: e.unitName,
  ...(e.parentId !== undefined ? { parentId: e.parentId } : {}),
  percent: e.percent,
  points: e.points,
  tier: e.tier,
  submitted: isSubmitted(e.status),
  workingDaysLate: e.late.workingDaysLate,
});

export const rankUnits = (input: RankUnitsInput): Result<LevelRanking, RankingError> => {
  const seen = new Set<string>();
  for (const e of input.entries) {
    if (e.level !== input.level) return err({ code: 'MIXED_LEVELS', unitId: e.unitId, level: e.level });
    if (seen.has(e.unitId)) return err({ code: 'DUPLICATE_UNIT', unitId: e.unitId });
    seen.add(e.unitId);
  }
  const compare = compareByRules(input.tieBreaks ?? DEFAULT_TIE_BREAKS);
  const included = input.entries.filter((e) => !e.excluded);
  const notRanked: NotRankedRow[] = [];
  const competing: RankEntry[] = [];
  const missing: RankEntry[] = [];
  for (const e of [...included].sort(byCode)) {
    if (e.ranked === false) {
      notRanked.push({ ...toRow(e), reason: e.notRankedReason ?? reply('ranking:reason.not_ranked_by_rule') });
    } else if (!isSubmitted(e.status)) {
      missing.push(e);
    } else if (e.late.beyondTolerance) {
      notRanked.push({ ...toRow(e), reason: reply('ranking:reason.too_late', { days: e.late.workingDaysLate }) });
    } else {
      competing.push(e);
    }
  }
  // Array.prototype.sort is stable, so equal entries keep the unit-code order from above.
  competing.sort(compare);
  const ranked: RankedRow[] = [];
  competing.forEach((e, i) => {
    const prev = competing[i - 1];
    const prevRow = ranked[i - 1];
    const rank = prev !== undefined && prevRow !== undefined && compare(prev, e) === 0 ? prevRow.rank : i + 1;
    ranked.push({ ...toRow(e), rank, lateFlag: e.late.workingDaysLate > 0 });
  });
  const lastRank = competing.length + 1;
  for (const e of missing) ranked.push({ ...toRow(e), rank: lastRank, lateFlag: false });
  return ok({ level: input.level, ranked, notRanked, excludedCount: input.entries.length - included.length });
};
