import type { Answers } from './answer-value.schema.ts';
import type { CriteriaSet, Criterion, Tier } from './criteria-set.schema.ts';
import { conditionHolds } from './relevance.ts';
import { roundHalfUp2 } from './rounding.ts';
import { scoreAnswer, type ScoreOptions } from './score-criterion.ts';

/*
 * Rounding: each criterion's points are rounded half up to 2 decimals, the total is the sum
 * of those rounded points (so the rows of a printed form add up to its total), and percentages
 * are rounded half up to 2 decimals from the unrounded quotient.
 */
export type CriterionStatus = 'scored' | 'unanswered' | 'not_applicable' | 'irrelevant' | 'blocked_by_evidence';

/** Scoring options: the period's data window (date rules) and the tiers in force (the period's or the set's). */
export type SetScoreOptions = ScoreOptions & { readonly tiers?: readonly Tier[] };

export type CriterionScore = {
  readonly code: string;
  readonly group: string;
  readonly status: CriterionStatus;
  readonly maxPoints: number;
  /** maxPoints when the criterion counts in the denominator, else 0. */
  readonly applicableMax: number;
  /** What the answer alone earns, before the evidence requirement. */
  readonly rawPoints: number;
  readonly points: number;
  /** Points still missing: applicableMax − points. */
  readonly missing: number;
  /** Set on a verified score's row when an appraiser fixed its points; `selfPoints` keeps the unit's own. */
  readonly verified?: { readonly selfPoints: number };
};

export type GroupScore = {
  readonly code: string;
  readonly points: number;
  readonly applicableMax: number;
  readonly maxPoints: number;
  readonly percent: number;
};

export type SetScore = {
  readonly scored: boolean;
  readonly criteria: readonly CriterionScore[];
  readonly byCode: Readonly<Record<string, CriterionScore>>;
  readonly groups: readonly GroupScore[];
  readonly points: number;
  readonly applicableMax: number;
  readonly maxPoints: number;
  readonly percent: number;
  readonly tier: Tier | null;
};

export const percentOf = (points: number, max: number): number => (max > 0 ? roundHalfUp2((points / max) * 100) : 0);

/**
 * The one tier function: the highest tier whose threshold the published (2-decimal) percent
 * reaches, so 89.996 % is classified as the 90 % it shows.
 */
export const tierFor = (tiers: readonly Tier[], percent: number): Tier | null => {
  const shown = roundHalfUp2(percent);
  // The reached tier with the highest threshold (the first listed of equal ones), without a sorted copy.
  let best: Tier | null = null;
  for (const t of tiers) if (shown >= t.minPercent && (best === null || t.minPercent > best.minPercent)) best = t;
  return best;
};

// Each row is written out as one literal: `{ ...base, status, … }` fell off V8's fast path and
// was two thirds of the time of scoring 10,000 reports for the export.
const row = (c: Criterion, status: CriterionStatus, applicableMax: number, rawPoints: number, points: number, missing: number): CriterionScore => ({
  code: c.code,
  group: c.group,
  maxPoints: c.maxPoints,
  status,
  applicableMax,
  rawPoints,
  points,
  missing,
});

const scoreOne = (c: Criterion, answers: Answers, done: Readonly<Record<string, CriterionScore>>, opts: ScoreOptions): CriterionScore => {
  if (c.relevantWhen) {
    const code = c.relevantWhen.criterion;
    const ref = Object.hasOwn(done, code) ? done[code] : undefined;
    const refRelevant = ref !== undefined && ref.status !== 'irrelevant';
    if (!conditionHolds(c.relevantWhen, answers, refRelevant, ref?.rawPoints ?? 0)) return row(c, 'irrelevant', 0, 0, 0, 0);
  }
  const answer = answers[c.code];
  const outcome = answer ? scoreAnswer(c, answer, opts) : ({ kind: 'mismatch' } as const);
  if (outcome.kind === 'not_applicable') return row(c, 'not_applicable', 0, 0, 0, 0);
  if (outcome.kind === 'mismatch') return row(c, 'unanswered', c.maxPoints, 0, 0, c.maxPoints);
  const blocked = c.evidence === 'required' && (answer?.evidenceCount ?? 0) === 0 && outcome.points > 0;
  const points = blocked ? 0 : outcome.points;
  return row(c, blocked ? 'blocked_by_evidence' : 'scored', c.maxPoints, outcome.points, points, roundHalfUp2(c.maxPoints - points));
};

// Answers maps are never mutated (every change builds a new object), so the score of one map
// for one set, window and tiers can be reused: the questionnaire engine asks for it several
// times per answer. Keys are weak, so nothing outlives the maps themselves. An export scores
// 10,000 maps once each, so a miss costs one small entry, not a key string and nested maps.
type MemoEntry = {
  readonly set: CriteriaSet;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly tiers: readonly Tier[] | undefined;
  readonly score: SetScore;
};
const memo = new WeakMap<Answers, MemoEntry[]>();

const sameTiers = (a: readonly Tier[] | undefined, b: readonly Tier[] | undefined): boolean => {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((t, i) => t.key === b[i]?.key && t.minPercent === b[i]?.minPercent);
};
const sameOptions = (e: MemoEntry, o: SetScoreOptions): boolean => e.from === o.window?.from && e.to === o.window?.to && sameTiers(e.tiers, o.tiers);

/** Scores a whole answers map; unanswered criteria earn 0 but stay in the denominator. */
export const scoreSet = (set: CriteriaSet, answers: Answers, opts: SetScoreOptions = {}): SetScore => {
  let entries = memo.get(answers);
  if (!entries) memo.set(answers, (entries = []));
  for (const e of entries) if (e.set === set && sameOptions(e, opts)) return e.score;
  const score = computeScore(set, answers, opts);
  entries.push({ set, from: opts.window?.from, to: opts.window?.to, tiers: opts.tiers, score });
  return score;
};

const computeScore = (set: CriteriaSet, answers: Answers, opts: SetScoreOptions): SetScore => {
  const byCode: Record<string, CriterionScore> = {};
  const criteria: CriterionScore[] = [];
  for (const c of set.criteria) {
    const s = scoreOne(c, answers, byCode, opts);
    byCode[c.code] = s;
    criteria.push(s);
  }
  return aggregateScore(set, criteria, opts.tiers ?? set.tiers, byCode);
};

/** Groups, totals, percent of the applicable maximum and tier from per-criterion rows. */
export const aggregateScore = (
  set: CriteriaSet,
  criteria: readonly CriterionScore[],
  tiers: readonly Tier[],
  /** The rows by code when the caller has it already. */
  byCode?: Readonly<Record<string, CriterionScore>>,
): SetScore => {
  // One pass in criteria order: each sum adds the same numbers in the same order as summing
  // each group's rows on their own would, then is rounded once.
  const n = set.groups.length;
  const gPoints: number[] = new Array<number>(n).fill(0);
  const gApplicable: number[] = new Array<number>(n).fill(0);
  const gMax: number[] = new Array<number>(n).fill(0);
  let points = 0;
  let applicableMax = 0;
  let maxPoints = 0;
  for (const c of criteria) {
    points += c.points;
    applicableMax += c.applicableMax;
    maxPoints += c.maxPoints;
    for (let g = 0; g < n; g += 1) {
      if (set.groups[g]!.code !== c.group) continue;
      gPoints[g]! += c.points;
      gApplicable[g]! += c.applicableMax;
      gMax[g]! += c.maxPoints;
      break;
    }
  }
  const groups = set.groups.map((g, i) => {
    const p = roundHalfUp2(gPoints[i]!);
    const a = roundHalfUp2(gApplicable[i]!);
    return { code: g.code, points: p, applicableMax: a, maxPoints: roundHalfUp2(gMax[i]!), percent: percentOf(p, a) };
  });
  points = roundHalfUp2(points);
  applicableMax = roundHalfUp2(applicableMax);
  const percent = percentOf(points, applicableMax);
  let rows = byCode;
  if (!rows) {
    const built: Record<string, CriterionScore> = {};
    for (const c of criteria) built[c.code] = c;
    rows = built;
  }
  return {
    scored: set.scored,
    criteria,
    byCode: rows,
    groups,
    points,
    applicableMax,
    maxPoints: roundHalfUp2(maxPoints),
    percent,
    tier: set.scored && applicableMax > 0 ? tierFor(tiers, percent) : null,
  };
};
