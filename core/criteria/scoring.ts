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
  return [...tiers].sort((a, b) => b.minPercent - a.minPercent).find((t) => shown >= t.minPercent) ?? null;
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

const scoreOne = (c: Criterion, answers: Answers, done: Map<string, CriterionScore>, opts: ScoreOptions): CriterionScore => {
  if (c.relevantWhen) {
    const ref = done.get(c.relevantWhen.criterion);
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
// for one set and window can be reused: the questionnaire engine asks for it several times per
// answer. Keys are weak, so nothing outlives the maps themselves.
const memo = new WeakMap<Answers, WeakMap<CriteriaSet, Map<string, SetScore>>>();

/** Scores a whole answers map; unanswered criteria earn 0 but stay in the denominator. */
export const scoreSet = (set: CriteriaSet, answers: Answers, opts: SetScoreOptions = {}): SetScore => {
  const windowKey = `${opts.window ? `${opts.window.from}|${opts.window.to}` : ''}|${opts.tiers ? opts.tiers.map((t) => `${t.key}:${t.minPercent}`).join(',') : ''}`;
  let bySet = memo.get(answers);
  if (!bySet) memo.set(answers, (bySet = new WeakMap()));
  let byWindow = bySet.get(set);
  if (!byWindow) bySet.set(set, (byWindow = new Map()));
  const hit = byWindow.get(windowKey);
  if (hit) return hit;
  const score = computeScore(set, answers, opts);
  byWindow.set(windowKey, score);
  return score;
};

const computeScore = (set: CriteriaSet, answers: Answers, opts: SetScoreOptions): SetScore => {
  const done = new Map<string, CriterionScore>();
  for (const c of set.criteria) done.set(c.code, scoreOne(c, answers, done, opts));
  return aggregateScore(set, [...done.values()], opts.tiers ?? set.tiers);
};

/** Groups, totals, percent of the applicable maximum and tier from per-criterion rows. */
export const aggregateScore = (set: CriteriaSet, criteria: readonly CriterionScore[], tiers: readonly Tier[]): SetScore => {
  const sum = (xs: readonly CriterionScore[], f: (s: CriterionScore) => number): number => roundHalfUp2(xs.reduce((s, x) => s + f(x), 0));
  const groups = set.groups.map((g) => {
    const rows = criteria.filter((s) => s.group === g.code);
    const points = sum(rows, (s) => s.points);
    const applicableMax = sum(rows, (s) => s.applicableMax);
    return { code: g.code, points, applicableMax, maxPoints: sum(rows, (s) => s.maxPoints), percent: percentOf(points, applicableMax) };
  });
  const points = sum(criteria, (s) => s.points);
  const applicableMax = sum(criteria, (s) => s.applicableMax);
  const percent = percentOf(points, applicableMax);
  return {
    scored: set.scored,
    criteria,
    byCode: Object.fromEntries(criteria.map((c) => [c.code, c])),
    groups,
    points,
    applicableMax,
    maxPoints: sum(criteria, (s) => s.maxPoints),
    percent,
    tier: set.scored && applicableMax > 0 ? tierFor(tiers, percent) : null,
  };
};
