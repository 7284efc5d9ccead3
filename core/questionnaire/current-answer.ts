// What is stored now for the question an officer chose to edit, shown above it: editing without
// seeing the current value means answering from memory.
import type { Answers, ProfileValues } from '../criteria/answer-value.schema.ts';
import { answerText } from '../criteria/answer-text.ts';
import type { CriteriaSet } from '../criteria/criteria-set.schema.ts';
import { pickText, type Lang } from '../criteria/localized-text.ts';
import type { SetScore } from '../criteria/scoring.ts';
import { keyParam, reply, type Reply } from '../reply.ts';
import type { Cursor } from './session-state.schema.ts';

export const currentAnswerReplies = (set: CriteriaSet, score: SetScore, answers: Answers, profile: ProfileValues, cursor: Cursor, lang: Lang): Reply[] => {
  if (cursor.kind === 'profile') {
    const item = set.profile.find((p) => p.key === cursor.key);
    const value = profile[cursor.key];
    return item && value !== undefined ? [reply('criteria:edit.current_profile', { label: pickText(item.label, lang), value })] : [];
  }
  if (cursor.kind !== 'criterion') return [];
  const c = set.criteria.find((x) => x.code === cursor.code);
  const a = answers[cursor.code];
  if (!c || !a) return [];
  const text = answerText(c, a.value, lang);
  const row = score.byCode[c.code];
  return [
    reply(set.scored ? 'criteria:edit.current' : 'criteria:edit.current_unscored', {
      code: c.code,
      ...text.params,
      value: keyParam(text.key),
      points: row?.points ?? 0,
      max: c.maxPoints,
      evidence: a.evidenceCount,
      explanation: a.explanation ?? '-',
    }),
  ];
};
