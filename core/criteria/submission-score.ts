// The one scoring truth of a submission: per criterion, per group, total, percent of the
// applicable maximum and tier, self-assessed and (when an appraiser fixed points) verified.
// Every screen, export, chart, ranking and reminder shows what this returns, or its compact
// cache (`scoreCacheOf`), which the shell stores with every change that can affect it.
import type { Answers, DateWindow } from './answer-value.schema.ts';
import type { CriteriaSet, Tier } from './criteria-set.schema.ts';
import { roundHalfUp2 } from './rounding.ts';
import { aggregateScore, scoreSet, type CriterionScore, type SetScore } from './scoring.ts';
import { criteriaProgress } from './progress.ts';

/** An appraiser's points for one criterion (thẩm định). */
export type AppraisalOverride = { readonly points: number };

export type SubmissionScoreInput = {
  readonly set: CriteriaSet;
  readonly answers: Answers;
  readonly window?: DateWindow;
  /** The period's tiers where the province sets them; otherwise the set's. */
  readonly tiers?: readonly Tier[];
  readonly overrides?: Readonly<Record<string, AppraisalOverride>>;
};

export type SubmissionScore = {
  readonly self: SetScore;
  /** The same score with the appraiser's points; null while no criterion was appraised. */
  readonly verified: SetScore | null;
};

const overridden = (row: CriterionScore, o: AppraisalOverride | undefined): CriterionScore => {
  // Irrelevant criteria (by the unit's own answers) and unanswered ones cannot be appraised.
  if (!o || row.status === 'irrelevant' || row.status === 'unanswered') return row;
  const points = roundHalfUp2(Math.min(Math.max(o.points, 0), row.maxPoints));
  // An appraiser who scores a "not applicable" criterion puts it back into the denominator.
  return {
    ...row,
    status: 'scored',
    applicableMax: row.maxPoints,
    points,
    missing: roundHalfUp2(row.maxPoints - points),
    verified: { selfPoints: row.points },
  };
};

export const scoreSubmission = (input: SubmissionScoreInput): SubmissionScore => {
  const tiers = input.tiers ?? input.set.tiers;
  const self = scoreSet(input.set, input.answers, { ...(input.window ? { window: input.window } : {}), tiers });
  const overrides = input.overrides ?? {};
  if (Object.keys(overrides).length === 0) return { self, verified: null };
  const rows = self.criteria.map((row) => overridden(row, overrides[row.code]));
  return { self, verified: aggregateScore(input.set, rows, tiers) };
};

// ── The compact form stored beside a submission ─────────────────────────────────────────
/** Raise when scoring rules change: caches of another version are recomputed. */
export const SCORE_VERSION = 3;

export type ScoreTotals = {
  readonly points: number;
  readonly applicableMax: number;
  readonly maxPoints: number;
  readonly percent: number;
  /** Tier key, null for unscored sets or nothing applicable. */
  readonly tier: string | null;
  readonly groups: Readonly<Record<string, number>>;
  /** Progress, the one measure every screen shows: criteria answered or not needed, of all criteria. */
  readonly done: number;
  readonly total: number;
};

export type ScoreCache = { readonly v: number; readonly self: ScoreTotals; readonly verified: ScoreTotals | null };

export const totalsOfScore = (set: CriteriaSet, s: SetScore): ScoreTotals => ({
  points: s.points,
  applicableMax: s.applicableMax,
  maxPoints: s.maxPoints,
  percent: s.percent,
  tier: s.tier?.key ?? null,
  groups: Object.fromEntries(s.groups.map((g) => [g.code, g.points])),
  ...criteriaProgress(set, s),
});

export const scoreCacheOf = (set: CriteriaSet, score: SubmissionScore): ScoreCache => ({
  v: SCORE_VERSION,
  self: totalsOfScore(set, score.self),
  verified: score.verified ? totalsOfScore(set, score.verified) : null,
});

/** The totals that rank: verified once appraisal has started and something was appraised, else self. */
export const rankedTotals = (cache: ScoreCache, appraisalStarted: boolean): { readonly totals: ScoreTotals; readonly basis: 'self' | 'verified' } =>
  appraisalStarted && cache.verified ? { totals: cache.verified, basis: 'verified' } : { totals: cache.self, basis: 'self' };
