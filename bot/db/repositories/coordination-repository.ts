// Read side for coordinators: one row per submission of a period, with the cached score the
// core score function wrote with the submission's last change.
import { SCORE_VERSION, type ScoreCache } from '../../../core/criteria/submission-score.ts';
import type { AppraisalState, CoordinationRepository, SubmissionStatus } from '../../app/ports.ts';
import type { Db } from '../database.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import { rawValues } from './raw-values.ts';

const scoreOf = (raw: unknown): ScoreCache | null =>
  raw && typeof raw === 'object' && (raw as { v?: unknown }).v === SCORE_VERSION ? (raw as ScoreCache) : null;

type SummaryRow = {
  id: string;
  unitId: string;
  criteriaSetId: string;
  status: string;
  version: number | bigint;
  score: unknown;
  appraisalState: string;
  firstSubmittedAt: unknown;
  submittedAt: unknown;
  lastActivityAt: unknown;
};

export const createCoordinationRepository = (db: Db): CoordinationRepository => ({
  // Raw SQL: every /status, /ranking and export reads all of a period's submissions (10,000
  // at a province's scale), and Prisma's findMany spent about twice as long on the rows.
  async submissionsOf(periodId, criteriaSetIds) {
    if (criteriaSetIds.length === 0) return [];
    const rows = await db.$queryRaw<SummaryRow[]>`
      SELECT "id", "unitId", "criteriaSetId", "status", "version", "score", "appraisalState",
        "firstSubmittedAt", "submittedAt", "lastActivityAt"
      FROM "Submission"
      WHERE "periodId" = ${periodId} AND "criteriaSetId" IN (${Prisma.join([...criteriaSetIds])})`;
    const raw = rawValues(db);
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unitId,
      criteriaSetId: r.criteriaSetId,
      status: r.status as SubmissionStatus,
      version: Number(r.version),
      score: r.score === null ? null : scoreOf(raw.parsed(r.score)),
      appraisalState: r.appraisalState as AppraisalState,
      firstSubmittedAt: raw.date(r.firstSubmittedAt),
      submittedAt: raw.date(r.submittedAt),
      lastActivityAt: raw.date(r.lastActivityAt),
    }));
  },
});
