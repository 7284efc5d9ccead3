import type { Answers, ProfileValues } from '../criteria/answer-value.schema.ts';
import type { CriteriaSet, Criterion } from '../criteria/criteria-set.schema.ts';
import { inputError, type InputError } from '../criteria/input-error.ts';
import type { SetScore } from '../criteria/scoring.ts';
import { criteriaProgress } from '../criteria/progress.ts';
import { err, ok, type Result } from '../result.ts';
import { profileItemId, type Cursor, type SessionState, type Step } from './session-state.schema.ts';

// Question order: the unit-profile block first (its numbers become default denominators),
// then the criteria in set order; skipped items come back after everything else.
export const findCriterion = (set: CriteriaSet, code: string): Criterion | undefined => set.criteria.find((c) => c.code === code);

export const firstStep = (set: CriteriaSet, cursor: Cursor): Step => {
  if (cursor.kind !== 'criterion') return 'value';
  const type = findCriterion(set, cursor.code)?.answer.type;
  return type === 'ratio' || type === 'ratio_threshold' ? 'numerator' : 'value';
};

const relevant = (score: SetScore, code: string): boolean => score.byCode[code]?.status !== 'irrelevant';

type Item = { readonly id: string; readonly cursor: Cursor; readonly open: boolean };

const items = (set: CriteriaSet, answers: Answers, profile: ProfileValues, score: SetScore): Item[] => [
  ...set.profile.map((p) => ({
    id: profileItemId(p.key),
    cursor: { kind: 'profile', key: p.key } as const,
    open: profile[p.key] === undefined,
  })),
  ...set.criteria
    .filter((c) => relevant(score, c.code))
    .map((c) => ({ id: c.code, cursor: { kind: 'criterion', code: c.code } as const, open: answers[c.code] === undefined })),
];

export const itemIdOf = (cursor: Cursor): string | null =>
  cursor.kind === 'profile' ? profileItemId(cursor.key) : cursor.kind === 'criterion' ? cursor.code : null;

/** First open item not put off; else the oldest put-off item still open; else done. */
export const nextCursor = (set: CriteriaSet, answers: Answers, profile: ProfileValues, skipped: readonly string[], score: SetScore): Cursor => {
  const all = items(set, answers, profile, score);
  const fresh = all.find((i) => i.open && !skipped.includes(i.id));
  if (fresh) return fresh.cursor;
  for (const id of skipped) {
    const later = all.find((i) => i.id === id && i.open);
    if (later) return later.cursor;
  }
  return { kind: 'done' };
};

export const positionAt = (cursor: Cursor, step?: Step, set?: CriteriaSet): Pick<SessionState, 'cursor' | 'step'> => ({
  cursor,
  step: step ?? (set ? firstStep(set, cursor) : 'value'),
});

/**
 * Where a question stands, as one measure that never jumps: a criterion is k of all the set's
 * criteria, a profile number k of the profile block; `done` counts criteria answered or not
 * needed (made irrelevant by another answer), out of all of them (see criteriaProgress).
 */
export type Progress = { readonly index: number; readonly total: number; readonly done: number; readonly criteria: number };

export const progressOf = (set: CriteriaSet, _answers: Answers, _profile: ProfileValues, score: SetScore, cursor: Cursor): Progress => {
  const { done, total } = criteriaProgress(set, score);
  if (cursor.kind === 'profile') {
    const at = set.profile.findIndex((p) => p.key === cursor.key);
    return { index: at + 1, total: set.profile.length, done, criteria: total };
  }
  const at = cursor.kind === 'criterion' ? set.criteria.findIndex((c) => c.code === cursor.code) : -1;
  return { index: at >= 0 ? at + 1 : total, total, done, criteria: total };
};

/** /edit: jump to any relevant criterion, answered or not. */
export const gotoCriterion = (set: CriteriaSet, state: SessionState, code: string, score?: SetScore): Result<SessionState, InputError> => {
  const c = set.criteria.find((x) => x.code.toLowerCase() === code.trim().toLowerCase());
  if (!c) return err(inputError('questionnaire.unknown_criterion', { code }));
  if (score && !relevant(score, c.code)) return err(inputError('questionnaire.not_relevant', { code: c.code }));
  const cursor: Cursor = { kind: 'criterion', code: c.code };
  return ok({ cursor, step: firstStep(set, cursor), skipped: state.skipped });
};

/**
 * /file and /explain: straight to the evidence or explanation step of an answered criterion, so
 * a file or a reason is added without answering again.
 */
export const gotoAttachment = (
  set: CriteriaSet,
  state: SessionState,
  answers: Answers,
  code: string,
  step: 'evidence' | 'explanation',
): Result<SessionState, InputError> => {
  const moved = gotoCriterion(set, state, code);
  if (!moved.ok) return moved;
  const cursor = moved.value.cursor;
  const c = cursor.kind === 'criterion' ? set.criteria.find((x) => x.code === cursor.code) : undefined;
  if (!c || cursor.kind !== 'criterion') return moved;
  if (!answers[c.code]) return err(inputError('questionnaire.answer_first', { code: c.code }));
  if (step === 'evidence' && c.evidence === 'none') return err(inputError('evidence.not_expected'));
  if (step === 'explanation' && c.explanation === 'never') return err(inputError('questionnaire.no_explanation', { code: c.code }));
  return ok({ ...moved.value, step });
};

/** /edit for a profile number. */
export const gotoProfile = (set: CriteriaSet, state: SessionState, key: string): Result<SessionState, InputError> => {
  const p = set.profile.find((x) => x.key === key);
  if (!p) return err(inputError('questionnaire.unknown_criterion', { code: key }));
  return ok({ cursor: { kind: 'profile', key: p.key }, step: 'value', skipped: state.skipped });
};
