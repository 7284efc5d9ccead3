// Figures that contradict each other get a warning, never a refusal: an officer may have a reason
// (officials who joined mid-year), but a denominator that differs from the unit's own profile
// number is most often a typing slip that would change the score.
import type { Answers, AnswerValue, ProfileValues } from '../criteria/answer-value.schema.ts';
import type { CriteriaSet, Criterion } from '../criteria/criteria-set.schema.ts';
import { pickText, type Lang } from '../criteria/localized-text.ts';
import { reply, type Reply } from '../reply.ts';

const profileCheck = (set: CriteriaSet, c: Criterion, value: AnswerValue, profile: ProfileValues, lang: Lang): Reply[] => {
  const spec = c.answer;
  if ((spec.type !== 'ratio' && spec.type !== 'ratio_threshold') || value.type !== 'ratio' || !spec.defaultDenominator) return [];
  const expected = profile[spec.defaultDenominator];
  const item = set.profile.find((p) => p.key === spec.defaultDenominator);
  if (expected === undefined || !item || value.denominator === expected || value.denominator === 0) return [];
  return [
    reply('criteria:answer.check_denominator', {
      code: c.code,
      denominator: value.denominator,
      label: pickText(item.label, lang),
      expected,
    }),
  ];
};

/** "2 meetings" (count) but "0/0 chaired" (ratio of those meetings): said whichever is answered last. */
const countCheck = (set: CriteriaSet, c: Criterion, value: AnswerValue, answers: Answers): Reply[] => {
  const pairs =
    value.type === 'ratio' && (c.answer.type === 'ratio' || c.answer.type === 'ratio_threshold') && c.answer.denominatorCriterion
      ? [{ ratio: c, denominator: value.denominator, count: answers[c.answer.denominatorCriterion]?.value, countCode: c.answer.denominatorCriterion }]
      : value.type === 'count'
        ? set.criteria
            .filter((r) => (r.answer.type === 'ratio' || r.answer.type === 'ratio_threshold') && r.answer.denominatorCriterion === c.code)
            .map((r) => {
              const v = answers[r.code]?.value;
              return { ratio: r, denominator: v?.type === 'ratio' ? v.denominator : undefined, count: value, countCode: c.code };
            })
        : [];
  return pairs.flatMap(({ ratio, denominator, count, countCode }) =>
    denominator !== undefined && count?.type === 'count' && count.count !== denominator
      ? [reply('criteria:answer.check_count', { code: ratio.code, denominator, countCode, count: count.count })]
      : [],
  );
};

/** Warnings for figures of this answer that contradict the profile or another answer. */
export const crossCheckReplies = (set: CriteriaSet, c: Criterion, value: AnswerValue, profile: ProfileValues, lang: Lang, answers: Answers = {}): Reply[] => [
  ...profileCheck(set, c, value, profile, lang),
  ...countCheck(set, c, value, answers),
];
