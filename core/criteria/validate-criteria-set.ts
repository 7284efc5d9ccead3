import type { z } from 'zod';
import { reply, type Reply, type ReplyParams } from '../reply.ts';
import { err, ok, type Result } from '../result.ts';
import type { AnswerSpec } from './answer-spec.schema.ts';
import { CriteriaSetSchema, DEFAULT_TIERS, type CriteriaSet, type Criterion } from './criteria-set.schema.ts';
import { isValidYmd } from './iso-date.ts';
import { roundHalfUp2 } from './rounding.ts';

// Codes of problems found in a criteria-set file; each has a message at `criteria:<code>`.
export const SET_ISSUE_CODES = [
  'set.schema',
  'set.duplicate_code',
  'set.duplicate_group',
  'set.unknown_group',
  'set.duplicate_option',
  'set.duplicate_profile_key',
  'set.unknown_profile_key',
  'set.denominator_criterion',
  'set.profile_range',
  'set.count_rule',
  'set.rule_exceeds_max',
  'set.rule_below_max',
  'set.rule_date',
  'set.relevance_unknown',
  'set.relevance_forward',
  'set.tier_label_missing',
  'set.total_mismatch',
  'set.group_total_mismatch',
  'set.groups_total_mismatch',
] as const;
export type SetIssueCode = (typeof SET_ISSUE_CODES)[number];
/** `path` is the offending field, e.g. `criteria[3].answer.options[1].points`. */
export type CriteriaSetIssue = { readonly code: SetIssueCode; readonly path: string; readonly params: ReplyParams };

export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), '');

const issue = (code: SetIssueCode, path: string, params: ReplyParams = {}): CriteriaSetIssue => ({
  code,
  path,
  params: { path, ...params },
});

const fromZod = (e: z.ZodError): CriteriaSetIssue[] => e.issues.map((i) => issue('set.schema', formatPath(i.path) || '(root)', { message: i.message }));

/** The highest points the rule can give; compared with maxPoints. */
export const achievableMax = (spec: AnswerSpec, maxPoints: number): number => {
  const top = (xs: readonly number[]): number => xs.reduce((a, b) => Math.max(a, b), 0);
  switch (spec.type) {
    case 'boolean':
      return Math.max(spec.yesPoints ?? maxPoints, spec.noPoints);
    case 'choice':
      return top(spec.options.map((o) => o.points));
    case 'multi_check':
      return Math.min(
        spec.items.reduce((s, o) => s + o.points, 0),
        spec.cap ?? maxPoints,
      );
    case 'count':
      return spec.tiers ? top(spec.tiers.map((t) => t.points)) : (spec.perItem ?? 0) > 0 ? (spec.cap ?? maxPoints) : 0;
    case 'ratio_threshold':
      return top(spec.bands.map((b) => b.points));
    case 'percent':
      return spec.bands ? top(spec.bands.map((b) => b.points)) : maxPoints;
    case 'date':
      return top([...spec.byDate.map((r) => r.points), spec.otherwisePoints]);
    case 'text':
      return spec.points;
    case 'ratio':
    case 'imported_score':
    case 'evidence_only':
      return maxPoints;
  }
};

// Individual point fields that may not exceed the criterion's max, with their paths.
const pointFields = (spec: AnswerSpec): [string, number][] => {
  switch (spec.type) {
    case 'boolean':
      return [
        ['yesPoints', spec.yesPoints ?? 0],
        ['noPoints', spec.noPoints],
      ];
    case 'choice':
      return spec.options.map((o, i) => [`options[${i}].points`, o.points]);
    case 'multi_check':
      return [...spec.items.map((o, i): [string, number] => [`items[${i}].points`, o.points]), ['cap', spec.cap ?? 0]];
    case 'count':
      return [...(spec.tiers ?? []).map((t, i): [string, number] => [`tiers[${i}].points`, t.points]), ['cap', spec.cap ?? 0]];
    case 'ratio_threshold':
    case 'percent':
      return (spec.bands ?? []).map((b, i) => [`bands[${i}].points`, b.points]);
    case 'date':
      return [...spec.byDate.map((r, i): [string, number] => [`byDate[${i}].points`, r.points]), ['otherwisePoints', spec.otherwisePoints]];
    case 'text':
      return [['points', spec.points]];
    default:
      return [];
  }
};

const checkCriterion = (set: CriteriaSet, c: Criterion, i: number, seen: Map<string, number>): CriteriaSetIssue[] => {
  const out: CriteriaSetIssue[] = [];
  const at = `criteria[${i}]`;
  const spec = c.answer;
  if (seen.has(c.code)) out.push(issue('set.duplicate_code', `${at}.code`, { code: c.code }));
  if (!set.groups.some((g) => g.code === c.group)) out.push(issue('set.unknown_group', `${at}.group`, { group: c.group }));
  if (spec.type === 'choice' || spec.type === 'multi_check') {
    const values = 'options' in spec ? spec.options : spec.items;
    const field = spec.type === 'choice' ? 'options' : 'items';
    values.forEach((o, j) => {
      if (values.findIndex((p) => p.value === o.value) !== j) out.push(issue('set.duplicate_option', `${at}.answer.${field}[${j}].value`, { value: o.value }));
    });
  }
  if (spec.type === 'count' && (spec.tiers === undefined) === (spec.perItem === undefined)) {
    out.push(issue('set.count_rule', `${at}.answer`));
  }
  if (
    (spec.type === 'ratio' || spec.type === 'ratio_threshold') &&
    spec.defaultDenominator !== undefined &&
    !set.profile.some((p) => p.key === spec.defaultDenominator)
  ) {
    out.push(issue('set.unknown_profile_key', `${at}.answer.defaultDenominator`, { key: spec.defaultDenominator }));
  }
  if ((spec.type === 'ratio' || spec.type === 'ratio_threshold') && spec.denominatorCriterion !== undefined) {
    const other = set.criteria.find((o) => o.code === spec.denominatorCriterion);
    if (!other || other.answer.type !== 'count' || other.code === c.code)
      out.push(issue('set.denominator_criterion', `${at}.answer.denominatorCriterion`, { code: spec.denominatorCriterion }));
  }
  if (spec.type === 'date') {
    spec.byDate.forEach((r, j) => {
      const parts = r.onOrBefore.split('-').map(Number);
      const [y, m, d] = parts.length === 2 ? [2024, parts[0], parts[1]] : parts;
      if (!isValidYmd(y ?? 0, m ?? 0, d ?? 0)) out.push(issue('set.rule_date', `${at}.answer.byDate[${j}].onOrBefore`, { value: r.onOrBefore }));
    });
  }
  for (const [field, value] of pointFields(spec)) {
    if (value > c.maxPoints) out.push(issue('set.rule_exceeds_max', `${at}.answer.${field}`, { value, maxPoints: c.maxPoints }));
  }
  const reachable = achievableMax(spec, c.maxPoints);
  // A rule that cannot reach maxPoints makes the declared total unreachable: an authoring slip.
  if (set.scored && roundHalfUp2(reachable) < roundHalfUp2(c.maxPoints)) {
    out.push(issue('set.rule_below_max', `${at}.maxPoints`, { value: reachable, maxPoints: c.maxPoints }));
  }
  if (c.relevantWhen) {
    const target = seen.get(c.relevantWhen.criterion);
    if (target === undefined) {
      const later = set.criteria.some((o) => o.code === c.relevantWhen?.criterion);
      out.push(issue(later ? 'set.relevance_forward' : 'set.relevance_unknown', `${at}.relevantWhen.criterion`, { code: c.relevantWhen.criterion }));
    }
  }
  return out;
};

const checkTotals = (set: CriteriaSet): CriteriaSetIssue[] => {
  const out: CriteriaSetIssue[] = [];
  const sum = (cs: readonly Criterion[]): number => roundHalfUp2(cs.reduce((s, c) => s + c.maxPoints, 0));
  if (set.scored && sum(set.criteria) !== roundHalfUp2(set.totalPoints)) {
    out.push(issue('set.total_mismatch', 'totalPoints', { declared: set.totalPoints, actual: sum(set.criteria) }));
  }
  set.groups.forEach((g, i) => {
    if (g.maxPoints === undefined) return;
    const actual = sum(set.criteria.filter((c) => c.group === g.code));
    if (actual !== roundHalfUp2(g.maxPoints))
      out.push(issue('set.group_total_mismatch', `groups[${i}].maxPoints`, { group: g.code, declared: g.maxPoints, actual }));
  });
  const declared = set.groups.map((g) => g.maxPoints);
  if (set.scored && declared.every((m) => m !== undefined)) {
    const groupsSum = roundHalfUp2(declared.reduce<number>((s, m) => s + (m ?? 0), 0));
    if (groupsSum !== roundHalfUp2(set.totalPoints)) out.push(issue('set.groups_total_mismatch', 'groups', { declared: set.totalPoints, actual: groupsSum }));
  }
  return out;
};

/** Parses and cross-checks a criteria set; tiers come back sorted by minPercent, descending. */
export const validateCriteriaSet = (input: unknown): Result<CriteriaSet, CriteriaSetIssue[]> => {
  const parsed = CriteriaSetSchema.safeParse(input);
  if (!parsed.success) return err(fromZod(parsed.error));
  const set = parsed.data;
  const issues: CriteriaSetIssue[] = [];
  set.groups.forEach((g, i) => {
    if (set.groups.findIndex((h) => h.code === g.code) !== i) issues.push(issue('set.duplicate_group', `groups[${i}].code`, { group: g.code }));
  });
  set.profile.forEach((p, i) => {
    if (set.profile.findIndex((q) => q.key === p.key) !== i) issues.push(issue('set.duplicate_profile_key', `profile[${i}].key`, { key: p.key }));
    if (p.min > p.max) issues.push(issue('set.profile_range', `profile[${i}].max`, { key: p.key }));
  });
  const seen = new Map<string, number>();
  set.criteria.forEach((c, i) => {
    issues.push(...checkCriterion(set, c, i, seen));
    if (!seen.has(c.code)) seen.set(c.code, i);
  });
  issues.push(...checkTotals(set));
  const tiers = set.tiers.map((t, i) => {
    const label = t.label ?? DEFAULT_TIERS.find((d) => d.key === t.key)?.label;
    if (!label) issues.push(issue('set.tier_label_missing', `tiers[${i}].label`, { key: t.key }));
    return label ? { ...t, label } : t;
  });
  if (issues.length > 0) return err(issues);
  return ok({ ...set, tiers: [...tiers].sort((a, b) => b.minPercent - a.minPercent) });
};

/** The localised message for one issue: `criteria:set.<code>` with the path among the params. */
export const setIssueReply = (i: CriteriaSetIssue): Reply => reply(`criteria:${i.code}`, i.params);
