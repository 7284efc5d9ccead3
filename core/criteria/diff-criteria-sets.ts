import { canonicalJson } from './canonical-json.ts';
import type { CriteriaSet, Criterion } from './criteria-set.schema.ts';
import type { LocalizedText } from './localized-text.ts';

// What changed between two versions of a set, criterion by criterion (matched by code):
// added, removed, re-worded (the question text changed) and re-scored (the maximum or the
// scoring rule changed; labels inside the rule are wording, not scoring).
export type CriteriaChange =
  | { readonly kind: 'added' | 'removed'; readonly code: string; readonly text: LocalizedText; readonly maxPoints: number }
  | { readonly kind: 'reworded'; readonly code: string; readonly before: LocalizedText; readonly after: LocalizedText }
  | {
      readonly kind: 'rescored';
      readonly code: string;
      readonly maxBefore: number;
      readonly maxAfter: number;
      readonly ruleChanged: boolean;
    };

const isText = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).sort().join(',') === 'en,vi';

/** The answer rule without its labels, so only what decides points is compared. */
const withoutLabels = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutLabels);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!isText(v)) out[k] = withoutLabels(v);
    return out;
  }
  return value;
};

const ruleOf = (c: Criterion): string => canonicalJson(withoutLabels(c.answer));

export const diffCriteriaSets = (before: CriteriaSet, after: CriteriaSet): CriteriaChange[] => {
  const old = new Map(before.criteria.map((c) => [c.code, c]));
  const now = new Set(after.criteria.map((c) => c.code));
  const changes: CriteriaChange[] = [];
  for (const c of after.criteria) {
    const prev = old.get(c.code);
    if (!prev) {
      changes.push({ kind: 'added', code: c.code, text: c.text, maxPoints: c.maxPoints });
      continue;
    }
    if (prev.text.vi !== c.text.vi || prev.text.en !== c.text.en) {
      changes.push({ kind: 'reworded', code: c.code, before: prev.text, after: c.text });
    }
    const ruleChanged = ruleOf(prev) !== ruleOf(c);
    if (ruleChanged || prev.maxPoints !== c.maxPoints) {
      changes.push({ kind: 'rescored', code: c.code, maxBefore: prev.maxPoints, maxAfter: c.maxPoints, ruleChanged });
    }
  }
  for (const c of before.criteria) {
    if (!now.has(c.code)) changes.push({ kind: 'removed', code: c.code, text: c.text, maxPoints: c.maxPoints });
  }
  return changes;
};
