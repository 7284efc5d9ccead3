// Submissions and their answers. Every change goes through `applyChange`, one transaction that
// upserts the changed answers, appends their revisions and bumps the submission's version only
// if nobody else did meanwhile (optimistic locking); on a conflict the caller reloads and
// re-applies, so two reporters of one unit answering at once lose nothing.
import type { Db } from '../database.ts';
import { AnswerValueSchema, type AnswerValue, type Answers, type ProfileValues, type StoredAnswer } from '../../../core/criteria/answer-value.schema.ts';
import type { ChannelKind } from '../../channels/inbound.ts';

export type SubmissionStatus = 'draft' | 'submitted' | 'returned' | 'verified';

export type SubmissionSnapshot = {
  readonly id: string;
  readonly periodId: string;
  readonly unitId: string;
  readonly criteriaSetId: string;
  readonly status: SubmissionStatus;
  readonly version: number;
  readonly profile: ProfileValues;
  readonly answers: Answers;
  readonly submittedAt: Date | null;
  readonly returnNote: string | null;
  readonly selfPoints: number;
  readonly selfPercent: number;
};

export type Totals = {
  readonly answeredCount: number;
  readonly selfPoints: number;
  readonly selfPercent: number;
  readonly applicableMax: number;
  readonly tier: string | null;
  readonly groupPoints: Readonly<Record<string, number>>;
};

export type AnswerWrite = { readonly code: string; readonly value: AnswerValue; readonly points: number | null; readonly explanation?: string };

export type Change = {
  readonly expectedVersion: number;
  readonly actor: { readonly personId: string; readonly channel: ChannelKind };
  readonly now: Date;
  readonly answers?: readonly AnswerWrite[];
  readonly cleared?: readonly string[];
  readonly profile?: ProfileValues;
  readonly totals?: Totals;
  readonly status?: {
    readonly to: SubmissionStatus;
    readonly workingDaysLate?: number;
    readonly beyondTolerance?: boolean;
    readonly note?: string;
    readonly event: string;
  };
};

export type ChangeOutcome = { readonly ok: true; readonly version: number } | { readonly ok: false; readonly reason: 'conflict' };

const snapshotSelect = {
  id: true,
  periodId: true,
  unitId: true,
  criteriaSetId: true,
  status: true,
  version: true,
  profile: true,
  submittedAt: true,
  returnNote: true,
  selfPoints: true,
  selfPercent: true,
  answers: { select: { criterionCode: true, value: true, explanation: true } },
  evidence: { select: { criterionCode: true } },
} as const;

type SnapshotRow = {
  id: string;
  periodId: string;
  unitId: string;
  criteriaSetId: string;
  status: string;
  version: number;
  profile: unknown;
  submittedAt: Date | null;
  returnNote: string | null;
  selfPoints: number;
  selfPercent: number;
  answers: { criterionCode: string; value: unknown; explanation: string | null }[];
  evidence: { criterionCode: string }[];
};

const toSnapshot = (row: SnapshotRow): SubmissionSnapshot => {
  const evidenceCounts = new Map<string, number>();
  for (const e of row.evidence) evidenceCounts.set(e.criterionCode, (evidenceCounts.get(e.criterionCode) ?? 0) + 1);
  const answers: Record<string, StoredAnswer> = {};
  for (const a of row.answers) {
    const value = AnswerValueSchema.safeParse(a.value);
    if (!value.success) continue;
    answers[a.criterionCode] = {
      value: value.data,
      ...(a.explanation ? { explanation: a.explanation } : {}),
      evidenceCount: evidenceCounts.get(a.criterionCode) ?? 0,
    };
  }
  // Evidence sent before the answer itself still counts once the answer arrives.
  return {
    id: row.id,
    periodId: row.periodId,
    unitId: row.unitId,
    criteriaSetId: row.criteriaSetId,
    status: row.status as SubmissionStatus,
    version: row.version,
    profile: (row.profile && typeof row.profile === 'object' ? row.profile : {}) as ProfileValues,
    answers,
    submittedAt: row.submittedAt,
    returnNote: row.returnNote,
    selfPoints: row.selfPoints,
    selfPercent: row.selfPercent,
  };
};

export const evidenceCountsOf = (row: { evidence: { criterionCode: string }[] }): Map<string, number> => {
  const m = new Map<string, number>();
  for (const e of row.evidence) m.set(e.criterionCode, (m.get(e.criterionCode) ?? 0) + 1);
  return m;
};

export const createSubmissionRepository = (db: Db) => ({
  async getOrCreate(input: {
    periodId: string;
    unitId: string;
    criteriaSetId: string;
    profile: ProfileValues;
    now: Date;
    trustCache?: boolean;
  }): Promise<SubmissionSnapshot> {
    const where = { periodId_unitId_criteriaSetId: { periodId: input.periodId, unitId: input.unitId, criteriaSetId: input.criteriaSetId } };
    const found = await db.submission.findUnique({ where, select: snapshotSelect });
    if (found) return toSnapshot(found);
    try {
      const created = await db.submission.create({
        data: {
          periodId: input.periodId,
          unitId: input.unitId,
          criteriaSetId: input.criteriaSetId,
          profile: input.profile,
          startedAt: input.now,
          lastActivityAt: input.now,
        },
        select: snapshotSelect,
      });
      return toSnapshot(created);
    } catch (error) {
      const again = await db.submission.findUnique({ where, select: snapshotSelect });
      if (again) return toSnapshot(again);
      throw error;
    }
  },

  /** Id, version and status only: enough to tell whether a cached snapshot is still current. */
  async head(periodId: string, unitId: string, criteriaSetId: string): Promise<{ id: string; version: number } | null> {
    return db.submission.findUnique({ where: { periodId_unitId_criteriaSetId: { periodId, unitId, criteriaSetId } }, select: { id: true, version: true } });
  },

  async load(id: string): Promise<SubmissionSnapshot | null> {
    const row = await db.submission.findUnique({ where: { id }, select: snapshotSelect });
    return row ? toSnapshot(row) : null;
  },

  async find(periodId: string, unitId: string, criteriaSetId: string): Promise<SubmissionSnapshot | null> {
    const row = await db.submission.findUnique({ where: { periodId_unitId_criteriaSetId: { periodId, unitId, criteriaSetId } }, select: snapshotSelect });
    return row ? toSnapshot(row) : null;
  },

  /**
   * One nested write: Prisma runs it as a single transaction, and the `version` in the where
   * clause makes it fail (P2025) when another writer got there first.
   */
  async applyChange(submissionId: string, change: Change): Promise<ChangeOutcome> {
    const actor = { answeredById: change.actor.personId, channel: change.actor.channel, answeredAt: change.now };
    const answers = change.answers ?? [];
    const cleared = change.cleared ?? [];
    const revisions = [
      ...answers.map((a) => ({
        criterionCode: a.code,
        kind: 'answer',
        value: a.value,
        points: a.points,
        explanation: a.explanation ?? null,
        personId: change.actor.personId,
        channel: change.actor.channel,
        createdAt: change.now,
      })),
      ...cleared.map((code) => ({ criterionCode: code, kind: 'clear', personId: change.actor.personId, channel: change.actor.channel, createdAt: change.now })),
    ];
    try {
      const row = await db.submission.update({
        where: { id: submissionId, version: change.expectedVersion },
        data: {
          version: { increment: 1 },
          lastActivityAt: change.now,
          ...(change.profile ? { profile: change.profile } : {}),
          ...(change.totals
            ? {
                answeredCount: change.totals.answeredCount,
                selfPoints: change.totals.selfPoints,
                selfPercent: change.totals.selfPercent,
                applicableMax: change.totals.applicableMax,
                tier: change.totals.tier,
                groupPoints: change.totals.groupPoints,
              }
            : {}),
          ...(change.status
            ? {
                status: change.status.to,
                ...(change.status.to === 'submitted'
                  ? {
                      submittedAt: change.now,
                      submittedById: change.actor.personId,
                      workingDaysLate: change.status.workingDaysLate ?? 0,
                      lateBeyondTolerance: change.status.beyondTolerance ?? false,
                    }
                  : {}),
                ...(change.status.to === 'returned' ? { returnedAt: change.now, returnNote: change.status.note ?? null } : {}),
                events: { create: { kind: change.status.event, personId: change.actor.personId, note: change.status.note ?? null, createdAt: change.now } },
              }
            : {}),
          ...(answers.length > 0 || cleared.length > 0
            ? {
                answers: {
                  ...(cleared.length > 0 ? { deleteMany: { criterionCode: { in: [...cleared] } } } : {}),
                  ...(answers.length > 0
                    ? {
                        upsert: answers.map((a) => {
                          const data = { value: a.value, points: a.points, explanation: a.explanation ?? null, ...actor };
                          return {
                            where: { submissionId_criterionCode: { submissionId, criterionCode: a.code } },
                            create: { criterionCode: a.code, ...data },
                            update: data,
                          };
                        }),
                      }
                    : {}),
                },
              }
            : {}),
          ...(revisions.length > 0 ? { revisions: { createMany: { data: revisions } } } : {}),
        },
        select: { version: true },
      });
      return { ok: true, version: row.version };
    } catch (error) {
      if (typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'P2025')
        return { ok: false, reason: 'conflict' };
      throw error;
    }
  },

  async addEvidence(input: {
    submissionId: string;
    criterionCode: string;
    kind: 'photo' | 'document';
    channel: ChannelKind;
    fileRef: string;
    sha256: string | null;
    size: number | null;
    mime: string | null;
    fileName: string | null;
    storedPath: string | null;
    uploadedById: string;
    now: Date;
  }): Promise<number> {
    const { now, ...data } = input;
    await db.evidence.create({ data: { ...data, createdAt: now } });
    return db.evidence.count({ where: { submissionId: input.submissionId, criterionCode: input.criterionCode } });
  },

  async history(
    submissionId: string,
    criterionCode: string,
  ): Promise<
    {
      kind: string;
      value: unknown;
      points: number | null;
      explanation: string | null;
      note: string | null;
      personId: string | null;
      channel: string | null;
      createdAt: Date;
    }[]
  > {
    return db.answerRevision.findMany({
      where: { submissionId, criterionCode },
      select: { kind: true, value: true, points: true, explanation: true, note: true, personId: true, channel: true, createdAt: true },
      orderBy: { createdAt: 'asc' },
    });
  },

  async answerAuthors(submissionId: string): Promise<{ criterionCode: string; answeredById: string; channel: string }[]> {
    return db.answer.findMany({ where: { submissionId }, select: { criterionCode: true, answeredById: true, channel: true } });
  },
});

export type SubmissionRepository = ReturnType<typeof createSubmissionRepository>;
