// Ranking of one level (sở / huyện / xã) inside a period (DOMAIN B2.5):
//   by % descending, configurable tie-breaks, competition ranking ("1, 2, 2, 4");
//   not submitted, and late beyond the tolerance, follow the period's ranking rules: `last`
//   puts the unit on a shared last place ("cuối", never a number: Gia Lai 2019), `unranked`
//   lists it apart with the reason (Bình Thuận 2019);
//   returned for correction → listed apart until resubmitted (its figures are being changed);
//   `ranked: false` → assessed but not ranked (Hải Dương 2023, F-31); excluded → left out (F-32).
import type { AssessedLevel } from '../periods/period.schema.ts';
import type { Reply } from '../reply.ts';
import { reply } from '../reply.ts';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import { roundPercent } from './tiers.ts';
import { DEFAULT_RANKING_RULES, DEFAULT_TIE_BREAKS, type RankingRules, type TieBreak } from './ranking-rules.ts';

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
  /** The first submission: a return and a resubmission keep it (and its lateness). */
  readonly submittedAt?: Date;
  readonly late: { readonly workingDaysLate: number; readonly beyondTolerance: boolean };
  /** Tier key from the score function (null: nothing applicable). */
  readonly tier: string | null;
  /** Whether the figures are self-assessed or verified. */
  readonly basis: 'self' | 'verified';
};

type RowBase = {
  readonly unitId: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly parentId?: string;
  readonly percent: number;
  readonly points: number;
  readonly tier: string | null;
  readonly basis: 'self' | 'verified';
  readonly status: SubmissionStatus;
  /** A submitted (or verified) report exists; false for not_started / draft / returned. */
  readonly submitted: boolean;
  readonly workingDaysLate: number;
};
/** `rank` is a number, or 'last' for the shared last place ("cuối"). */
export type RankedRow = RowBase & { readonly rank: number | 'last'; readonly lateFlag: boolean; readonly lastReason?: Reply };
export type NotRankedRow = RowBase & { readonly reason: Reply };

export type LevelRanking = {
  readonly level: AssessedLevel;
  /** Competing units by rank, then the units placed last (sorted by code). */
  readonly ranked: readonly RankedRow[];
  readonly notRanked: readonly NotRankedRow[];
  readonly excludedCount: number;
};

export type RankingError =
  { readonly code: 'MIXED_LEVELS'; readonly unitId: string; readonly level: AssessedLevel } | { readonly code: 'DUPLICATE_UNIT'; readonly unitId: string };

export type RankUnitsInput = {
  readonly level: AssessedLevel;
  readonly entries: readonly RankEntry[];
  readonly rules?: RankingRules;
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
  basis: e.basis,
  status: e.status,
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
  const rules = input.rules ?? DEFAULT_RANKING_RULES;
  const compare = compareByRules(rules.tieBreaks ?? DEFAULT_TIE_BREAKS);
  const included = input.entries.filter((e) => !e.excluded);
  const notRanked: NotRankedRow[] = [];
  const competing: RankEntry[] = [];
  const last: { entry: RankEntry; reason: Reply }[] = [];
  const place = (e: RankEntry, rule: 'last' | 'unranked', reason: Reply): void => {
    if (rule === 'last') last.push({ entry: e, reason });
    else notRanked.push({ ...toRow(e), reason });
  };
  for (const e of [...included].sort(byCode)) {
    if (e.ranked === false) notRanked.push({ ...toRow(e), reason: e.notRankedReason ?? reply('ranking:reason.not_ranked_by_rule') });
    else if (e.status === 'returned') notRanked.push({ ...toRow(e), reason: reply('ranking:reason.returned') });
    else if (!isSubmitted(e.status)) place(e, rules.notSubmitted, reply('ranking:reason.not_submitted'));
    else if (e.late.beyondTolerance) place(e, rules.lateBeyondTolerance, reply('ranking:reason.too_late', { days: e.late.workingDaysLate }));
    else competing.push(e);
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
  for (const { entry, reason } of last) ranked.push({ ...toRow(entry), rank: 'last', lateFlag: entry.late.workingDaysLate > 0, lastReason: reason });
  return ok({ level: input.level, ranked, notRanked, excludedCount: input.entries.length - included.length });
};
