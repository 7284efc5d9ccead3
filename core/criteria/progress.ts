// The one progress measure of a report (reviews, reminders, /missing, the questionnaire).
import type { CriteriaSet } from './criteria-set.schema.ts';
import type { SetScore } from './scoring.ts';

/**
 * Criteria done out of all the set's criteria, the same on every screen: answered, or not
 * needed once the answer they depend on is given (a criterion whose condition is still open is
 * not counted as done, so the count never goes back when that answer makes it relevant).
 */
export const criteriaProgress = (set: CriteriaSet, score: SetScore): { readonly done: number; readonly total: number } => {
  const isDone = (code: string, depth = 0): boolean => {
    const row = score.byCode[code];
    if (!row || row.status === 'unanswered') return false;
    if (row.status !== 'irrelevant') return true;
    const ref = set.criteria.find((c) => c.code === code)?.relevantWhen?.criterion;
    return ref !== undefined && depth < 8 && isDone(ref, depth + 1);
  };
  return { done: set.criteria.filter((c) => isDone(c.code)).length, total: set.criteria.length };
};
