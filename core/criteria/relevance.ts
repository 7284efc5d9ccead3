import type { AnswerValue, Answers } from './answer-value.schema.ts';
import type { Relevance } from './criteria-set.schema.ts';

/** The single comparable value of an answer for `equals` conditions; ratios have none. */
export const primitiveOf = (v: AnswerValue): string | number | boolean | null => {
  switch (v.type) {
    case 'boolean':
      return v.value;
    case 'choice':
      return v.option;
    case 'count':
      return v.count;
    case 'percent':
      return v.percent;
    case 'date':
      return v.date;
    case 'imported_score':
      return v.score;
    case 'text':
      return v.text;
    default:
      return null;
  }
};

/**
 * A relevance condition holds only when the referenced criterion is itself relevant and answered
 * (validation guarantees it comes earlier, so evaluating in set order is enough).
 */
export const conditionHolds = (cond: Relevance, answers: Answers, refRelevant: boolean, refPoints: number): boolean => {
  const answer = answers[cond.criterion];
  if (!refRelevant || !answer) return false;
  if ('answered' in cond) return true;
  if ('equals' in cond) return primitiveOf(answer.value) === cond.equals;
  return refPoints >= cond.minPoints;
};
