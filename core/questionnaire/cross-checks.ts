// Figures that contradict each other get a warning, never a refusal: an officer may have a reason
// (officials who joined mid-year), but a denominator that differs from the unit's own profile
// number is most often a typing slip that would change the score.
import type { AnswerValue, ProfileValues } from '../criteria/answer-value.schema.ts';
import type { CriteriaSet, Criterion } from '../criteria/criteria-set.schema.ts';
import { pickText, type Lang } from '../criteria/localized-text.ts';
import { reply, type Reply } from '../reply.ts';

export const crossCheckReplies = (set: CriteriaSet, c: Criterion, value: AnswerValue, profile: ProfileValues, lang: Lang): Reply[] => {
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
