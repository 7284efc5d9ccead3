// The coordinators' read side in memory (bot/db/repositories/coordination-repository.ts): one
// summary per submission, with the cached score only when it is of the current score version.
import { SCORE_VERSION, type ScoreCache } from '../../../core/criteria/submission-score.ts';
import type { CoordinationRepository } from '../../../bot/app/ports.ts';
import { json, type InMemoryStore } from './store.ts';

const scoreOf = (raw: unknown): ScoreCache | null =>
  raw && typeof raw === 'object' && (raw as { v?: unknown }).v === SCORE_VERSION ? json(raw as ScoreCache) : null;

export const createInMemoryCoordinationRepository = (store: InMemoryStore): CoordinationRepository => ({
  async submissionsOf(periodId, criteriaSetIds) {
    return store.submissions
      .filter((s) => s.periodId === periodId && criteriaSetIds.includes(s.criteriaSetId))
      .map((s) => ({
        id: s.id,
        unitId: s.unitId,
        criteriaSetId: s.criteriaSetId,
        status: s.status,
        version: s.version,
        score: scoreOf(s.score),
        appraisalState: s.appraisalState,
        firstSubmittedAt: s.firstSubmittedAt,
        submittedAt: s.submittedAt,
        lastActivityAt: s.lastActivityAt,
      }));
  },
});
