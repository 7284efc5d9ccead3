// Everything that will be sent, one compact row per criterion (value, points, evidence), shown
// before the officer confirms: what goes to the province is read once more, on the phone.
import type { Answers } from '../criteria/answer-value.schema.ts';
import { answerText } from '../criteria/answer-text.ts';
import type { CriteriaSet } from '../criteria/criteria-set.schema.ts';
import type { Lang } from '../criteria/localized-text.ts';
import type { SetScore } from '../criteria/scoring.ts';
import { asRow, keyParam, reply, type Reply } from '../reply.ts';

export const answerListReplies = (set: CriteriaSet, score: SetScore, answers: Answers, lang: Lang): Reply[] => [
  reply('criteria:list.title', { count: set.criteria.length }),
  ...set.criteria.map((c) => {
    const a = answers[c.code];
    const row = score.byCode[c.code];
    if (!a) return asRow(reply(row?.status === 'irrelevant' ? 'criteria:list.row_irrelevant' : 'criteria:list.row_unanswered', { code: c.code }));
    const text = answerText(c, a.value, lang);
    return asRow(
      reply(set.scored ? 'criteria:list.row' : 'criteria:list.row_unscored', {
        code: c.code,
        ...text.params,
        value: keyParam(text.key),
        points: row?.points ?? 0,
        max: c.maxPoints,
        evidence: a.evidenceCount,
      }),
    );
  }),
];
