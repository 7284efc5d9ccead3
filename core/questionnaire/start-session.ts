import type { Answers, ProfileValues } from '../criteria/answer-value.schema.ts';
import type { CriteriaSet } from '../criteria/criteria-set.schema.ts';
import type { ScoreOptions } from '../criteria/score-criterion.ts';
import { scoreSet } from '../criteria/scoring.ts';
import { firstStep, nextCursor } from './navigation.ts';
import type { SessionState } from './session-state.schema.ts';

/** A new or resumed session positioned at the first unanswered item (profile block first). */
export const startSession = (set: CriteriaSet, answers: Answers, profile: ProfileValues, opts: ScoreOptions = {}): SessionState => {
  const cursor = nextCursor(set, answers, profile, [], scoreSet(set, answers, opts));
  return { cursor, step: firstStep(set, cursor), skipped: [] };
};
