// Read side for coordinators: one row per submission of a period, with the cached score the
// core score function wrote with the submission's last change.
import { SCORE_VERSION, type ScoreCache } from '../../../core/criteria/submission-score.ts';
import type { AppraisalState, CoordinationRepository, SubmissionStatus } from '../../app/ports.ts';
import type { Db } from '../database.ts';

const scoreOf = (raw: unknown): ScoreCache | null =>
  raw && typeof raw === 'object' && (raw as { v?: unknown }).v === SCORE_VERSION ? (raw as ScoreCache) : null;

export const createCoordinationRepository = (db: Db): CoordinationRepository => ({
  async submissionsOf(periodId, criteriaSetIds) {
    const rows = await db.submission.findMany({
      where: { periodId, criteriaSetId: { in: [...criteriaSetIds] } },
      select: {
        id: true,
        unitId: true,
        criteriaSetId: true,
        status: true,
        version: true,
        score: true,
        appraisalState: true,
        firstSubmittedAt: true,
        submittedAt: true,
        lastActivityAt: true,
      },
    });
    return rows.map((r) => ({ ...r, status: r.status as SubmissionStatus, appraisalState: r.appraisalState as AppraisalState, score: scoreOf(r.score) }));
  },
});
