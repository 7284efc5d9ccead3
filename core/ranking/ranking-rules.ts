// How a province ranks the units of one level, as period settings (DOMAIN B2.5, seeds):
//   Gia Lai 2019: a unit that has not submitted "sẽ không được xếp hạng (xem như xếp hạng cuối)";
//   Bình Thuận 2019: late beyond 5 working days, or not submitted, "xem như không được đánh giá,
//   xếp hạng". `last` places the unit on a shared last place ("cuối", never a number);
//   `unranked` lists it apart with the reason.
import { z } from 'zod';

export const tieBreakSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('group_points'), group: z.string().min(1) }),
  z.strictObject({ kind: z.literal('earlier_submission') }),
]);
export type TieBreak = z.infer<typeof tieBreakSchema>;

/** DOMAIN B2.5 (C): group 6 (results), then group 5 (security), then earlier submission. */
export const DEFAULT_TIE_BREAKS: readonly TieBreak[] = [
  { kind: 'group_points', group: '6' },
  { kind: 'group_points', group: '5' },
  { kind: 'earlier_submission' },
];

export const rankingRulesSchema = z.strictObject({
  notSubmitted: z.enum(['last', 'unranked']).default('last'),
  lateBeyondTolerance: z.enum(['last', 'unranked']).default('unranked'),
  tieBreaks: z.array(tieBreakSchema).optional(),
});
export type RankingRules = z.infer<typeof rankingRulesSchema>;

/** The landed behaviour: not submitted → shared last place; too late → not ranked. */
export const DEFAULT_RANKING_RULES: RankingRules = { notSubmitted: 'last', lateBeyondTolerance: 'unranked' };
