// Read side for coordinators: everything about a period's submissions in one query, one
// unit's answers in detail, and the appraisal write (verified score of one criterion).
import type { Db } from '../database.ts';

export type SubmissionSummary = {
  readonly id: string;
  readonly unitId: string;
  readonly criteriaSetId: string;
  readonly status: string;
  readonly version: number;
  readonly answeredCount: number;
  readonly selfPoints: number;
  readonly selfPercent: number;
  readonly applicableMax: number;
  readonly verifiedPoints: number | null;
  readonly verifiedPercent: number | null;
  readonly appraisalStarted: boolean;
  readonly tier: string | null;
  readonly groupPoints: unknown;
  readonly submittedAt: Date | null;
  readonly workingDaysLate: number | null;
  readonly lateBeyondTolerance: boolean;
  readonly lastActivityAt: Date | null;
};

export type AnswerDetail = {
  readonly criterionCode: string;
  readonly value: unknown;
  readonly points: number | null;
  readonly explanation: string | null;
  readonly verifiedPoints: number | null;
  readonly verifiedNote: string | null;
  readonly evidenceCount: number;
};

export const createCoordinationRepository = (db: Db) => ({
  async submissionsOf(periodId: string, criteriaSetIds: readonly string[]): Promise<SubmissionSummary[]> {
    return db.submission.findMany({
      where: { periodId, criteriaSetId: { in: [...criteriaSetIds] } },
      select: {
        id: true,
        unitId: true,
        criteriaSetId: true,
        status: true,
        version: true,
        answeredCount: true,
        selfPoints: true,
        selfPercent: true,
        applicableMax: true,
        verifiedPoints: true,
        verifiedPercent: true,
        appraisalStarted: true,
        tier: true,
        groupPoints: true,
        submittedAt: true,
        workingDaysLate: true,
        lateBeyondTolerance: true,
        lastActivityAt: true,
      },
    });
  },

  async answersOf(submissionId: string): Promise<AnswerDetail[]> {
    const [answers, evidence] = await Promise.all([
      db.answer.findMany({
        where: { submissionId },
        select: { criterionCode: true, value: true, points: true, explanation: true, verifiedPoints: true, verifiedNote: true },
      }),
      db.evidence.groupBy({ by: ['criterionCode'], where: { submissionId }, _count: { _all: true } }),
    ]);
    const counts = new Map(evidence.map((e) => [e.criterionCode, e._count._all]));
    return answers.map((a) => ({ ...a, evidenceCount: counts.get(a.criterionCode) ?? 0 }));
  },

  async answersOfMany(submissionIds: readonly string[]): Promise<Map<string, AnswerDetail[]>> {
    const [answers, evidence] = await Promise.all([
      db.answer.findMany({
        where: { submissionId: { in: [...submissionIds] } },
        select: { submissionId: true, criterionCode: true, value: true, points: true, explanation: true, verifiedPoints: true, verifiedNote: true },
      }),
      db.evidence.groupBy({ by: ['submissionId', 'criterionCode'], where: { submissionId: { in: [...submissionIds] } }, _count: { _all: true } }),
    ]);
    const counts = new Map(evidence.map((e) => [`${e.submissionId}:${e.criterionCode}`, e._count._all]));
    const out = new Map<string, AnswerDetail[]>();
    for (const { submissionId, ...a } of answers) {
      const list = out.get(submissionId) ?? [];
      list.push({ ...a, evidenceCount: counts.get(`${submissionId}:${a.criterionCode}`) ?? 0 });
      out.set(submissionId, list);
    }
    return out;
  },

  /**
   * Records the appraisal score of one criterion, appends it to the history, starts appraisal
   * and recomputes the verified total (verified points where set, self points elsewhere).
   */
  async verify(input: {
    submissionId: string;
    criterionCode: string;
    points: number;
    note: string;
    personId: string;
    channel: string;
    now: Date;
    applicableMax: number;
  }): Promise<{ verifiedPoints: number; verifiedPercent: number } | null> {
    return db.$transaction(async (tx) => {
      const answer = await tx.answer.findUnique({
        where: { submissionId_criterionCode: { submissionId: input.submissionId, criterionCode: input.criterionCode } },
        select: { id: true },
      });
      if (!answer) return null;
      await tx.answer.update({
        where: { id: answer.id },
        data: { verifiedPoints: input.points, verifiedNote: input.note, verifiedById: input.personId, verifiedAt: input.now },
      });
      await tx.answerRevision.create({
        data: {
          submissionId: input.submissionId,
          criterionCode: input.criterionCode,
          kind: 'verify',
          points: input.points,
          note: input.note,
          personId: input.personId,
          channel: input.channel,
          createdAt: input.now,
        },
      });
      const all = await tx.answer.findMany({ where: { submissionId: input.submissionId }, select: { points: true, verifiedPoints: true } });
      const verifiedPoints = Math.round(all.reduce((n, a) => n + (a.verifiedPoints ?? a.points ?? 0), 0) * 100) / 100;
      const verifiedPercent = input.applicableMax > 0 ? Math.round((verifiedPoints / input.applicableMax) * 10_000) / 100 : 0;
      await tx.submission.update({
        where: { id: input.submissionId },
        data: { verifiedPoints, verifiedPercent, appraisalStarted: true, version: { increment: 1 } },
      });
      await tx.submissionEvent.create({
        data: {
          submissionId: input.submissionId,
          kind: 'verified_score',
          personId: input.personId,
          note: `${input.criterionCode}: ${input.points}. ${input.note}`,
          createdAt: input.now,
        },
      });
      return { verifiedPoints, verifiedPercent };
    });
  },
});

export type CoordinationRepository = ReturnType<typeof createCoordinationRepository>;
