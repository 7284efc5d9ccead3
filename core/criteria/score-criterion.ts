import type { Band } from './answer-spec.schema.ts';
import type { DateWindow, StoredAnswer } from './answer-value.schema.ts';
import type { Criterion } from './criteria-set.schema.ts';
import { resolveRuleDate } from './iso-date.ts';
import { roundHalfUp2 } from './rounding.ts';

export type ScoreOptions = { readonly window?: DateWindow };

/** Points the answer itself earns (before evidence), or why it earns none. */
export type RawOutcome =
  | { readonly kind: 'points'; readonly points: number }
  | { readonly kind: 'not_applicable' }
  /** The stored value does not fit the criterion (e.g. edited set): treated as unanswered. */
  | { readonly kind: 'mismatch' };

const pts = (points: number): RawOutcome => ({ kind: 'points', points });
const MISMATCH: RawOutcome = { kind: 'mismatch' };
const NOT_APPLICABLE: RawOutcome = { kind: 'not_applicable' };

// Highest band reached; compared as a·100 ≥ minPercent·b so integer ratios have no float error.
const bandPoints = (bands: readonly Band[], a: number, b: number): number =>
  bands.reduce((best, band) => (a * 100 >= band.minPercent * b && band.points > best ? band.points : best), 0);

const ratioOutcome = (c: Criterion, a: number, b: number, bands?: readonly Band[]): RawOutcome => {
  const spec = c.answer;
  if (spec.type !== 'ratio' && spec.type !== 'ratio_threshold') return MISMATCH;
  if (b === 0) {
    if (a !== 0) return MISMATCH;
    return spec.zeroDenominator === 'not_applicable' ? NOT_APPLICABLE : pts(spec.zeroDenominator === 'full' ? c.maxPoints : 0);
  }
  if (a > b || a < 0) return MISMATCH;
  return pts(bands ? bandPoints(bands, a, b) : (a / b) * c.maxPoints);
};

const dateOutcome = (c: Criterion, date: string | null, opts: ScoreOptions): RawOutcome => {
  const spec = c.answer;
  if (spec.type !== 'date') return MISMATCH;
  if (date === null) return spec.allowNone ? pts(0) : MISMATCH;
  const w = opts.window;
  if (w && (date > w.to || (spec.validity !== 'in_force' && date < w.from))) return pts(0);
  // 'MM-DD' rules refer to the assessment year: the year the data window ends, or else the
  // year written on the document itself.
  const year = Number((w?.to ?? date).slice(0, 4));
  const matching = spec.byDate.filter((r) => date <= resolveRuleDate(r.onOrBefore, year)).map((r) => r.points);
  return pts(matching.length > 0 ? Math.max(...matching) : spec.otherwisePoints);
};

const rawOutcome = (c: Criterion, answer: StoredAnswer, opts: ScoreOptions): RawOutcome => {
  const spec = c.answer;
  const v = answer.value;
  if (v.type === 'not_applicable') return c.allowNotApplicable ? NOT_APPLICABLE : MISMATCH;
  switch (spec.type) {
    case 'boolean':
      return v.type === 'boolean' ? pts(v.value ? (spec.yesPoints ?? c.maxPoints) : spec.noPoints) : MISMATCH;
    case 'choice': {
      const option = v.type === 'choice' ? spec.options.find((o) => o.value === v.option) : undefined;
      return option ? pts(option.points) : MISMATCH;
    }
    case 'multi_check': {
      if (v.type !== 'multi_check' || v.items.some((i) => !spec.items.some((o) => o.value === i))) return MISMATCH;
      const sum = spec.items.filter((o) => v.items.includes(o.value)).reduce((s, o) => s + o.points, 0);
      return pts(Math.min(sum, spec.cap ?? c.maxPoints));
    }
    case 'count': {
      if (v.type !== 'count') return MISMATCH;
      if (spec.tiers) {
        // The reached tier with the highest minimum (the first listed of equal ones).
        let tier: (typeof spec.tiers)[number] | undefined;
        for (const t of spec.tiers) if (t.min <= v.count && (tier === undefined || t.min > tier.min)) tier = t;
        return pts(tier?.points ?? 0);
      }
      return pts(Math.min(v.count * (spec.perItem ?? 0), spec.cap ?? c.maxPoints));
    }
    case 'ratio':
      return v.type === 'ratio' ? ratioOutcome(c, v.numerator, v.denominator) : MISMATCH;
    case 'ratio_threshold':
      return v.type === 'ratio' ? ratioOutcome(c, v.numerator, v.denominator, spec.bands) : MISMATCH;
    case 'percent':
      if (v.type !== 'percent' || v.percent < 0 || v.percent > 100) return MISMATCH;
      return pts(spec.bands ? bandPoints(spec.bands, v.percent, 100) : (v.percent / 100) * c.maxPoints);
    case 'date':
      return v.type === 'date' ? dateOutcome(c, v.date, opts) : MISMATCH;
    case 'imported_score':
      return v.type === 'imported_score' ? pts((Math.min(v.score, spec.scale) / spec.scale) * c.maxPoints) : MISMATCH;
    case 'text':
      return v.type === 'text' ? pts(v.text.trim() === '' ? 0 : spec.points) : MISMATCH;
    case 'evidence_only':
      return v.type === 'evidence_only' ? pts(answer.evidenceCount > 0 ? c.maxPoints : 0) : MISMATCH;
  }
};

/** Raw points clamped to [0, maxPoints] and rounded half up to 2 decimals. */
export const scoreAnswer = (c: Criterion, answer: StoredAnswer, opts: ScoreOptions = {}): RawOutcome => {
  const out = rawOutcome(c, answer, opts);
  if (out.kind !== 'points') return out;
  const p = Number.isFinite(out.points) ? out.points : 0;
  const points = roundHalfUp2(Math.min(Math.max(p, 0), c.maxPoints));
  return Object.is(points, out.points) ? out : pts(points);
};
