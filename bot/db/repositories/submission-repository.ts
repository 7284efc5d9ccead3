// Submissions and their answers. Every change goes through `applyChange`, one transaction that
// upserts the changed answers, appends their revisions, stores the recomputed score, and bumps
// the submission's version only if nobody else did meanwhile (optimistic locking); on a
// conflict the caller reloads and re-applies, so two reporters answering at once lose nothing.
import { AnswerValueSchema, type AnswerValue, type ProfileValues, type StoredAnswer } from '../../../core/criteria/answer-value.schema.ts';
import { parseCheckpointAnswers, parseCheckpointProfile } from '../../../core/criteria/checkpoint-answers.ts';
import {
  changeIsFrozenByPublication,
  isSingleAnswer,
  periodPublishedError,
  type AppraisalState,
  type CheckpointRecord,
  type ScoringSnapshot,
  type StoredOverride,
  type SubmissionRepository,
  type SubmissionSnapshot,
  type SubmissionStatus,
} from '../../app/ports.ts';
import { bulkReaderOf, providerOf, type Db } from '../database.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import { isRecordNotFound } from '../prisma-errors.ts';
import { guardFailure, writeSingleAnswer } from './answer-write.ts';
import { inChunks } from './in-chunks.ts';
import { rawValues } from './raw-values.ts';

const snapshotSelect = {
  id: true,
  periodId: true,
  unitId: true,
  criteriaSetId: true,
  status: true,
  version: true,
  profile: true,
  appraisalState: true,
  firstSubmittedAt: true,
  submittedAt: true,
  returnNote: true,
  answers: { select: { criterionCode: true, value: true, explanation: true, verifiedPoints: true, verifiedNote: true, verifiedById: true, verifiedAt: true } },
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
  appraisalState: string;
  firstSubmittedAt: Date | null;
  submittedAt: Date | null;
  returnNote: string | null;
  answers: {
    criterionCode: string;
    value: unknown;
    explanation: string | null;
    verifiedPoints: number | null;
    verifiedNote: string | null;
    verifiedById: string | null;
    verifiedAt: Date | null;
  }[];
  evidence: { criterionCode: string }[];
};

type ScoringRow = { id: string; answers: unknown };
type EvidenceCountRow = { submissionId: string; criterionCode: string; n: number | bigint };
/** One answer as the aggregate carries it: code, value (its JSON text), explanation, appraised points. */
type AggregatedAnswer = [string | null, string | null, string | null, number | null];

/**
 * Many submissions' answers as the score function reads them. Raw SQL because the export reads
 * 310,000 answers for 10,000 units: one row per submission with its answers as a JSON array
 * (SQLite's json_group_array, PostgreSQL's json_agg) costs about half the CPU of a row per
 * answer, and the nested `findMany` about three times as much. On SQLite a long list is read on
 * the bulk reader's thread (sqlite/bulk-reader.ts), a short one through Prisma, with the same
 * statements; the same snapshot rules as `toSnapshot`.
 */
// Answer values repeat (yes/no, the same option, small counts): each distinct stored text is
// parsed and checked once while it stays in the repository's memo (cleared when full), and the
// answers holding it share the (readonly) value.
const VALUE_MEMO = 20_000;

/** Stored value texts already parsed, shared by every read of one repository (bounded). */
type ValueMemo = Map<string, AnswerValue | null>;

// SQLite's statements, written once for both ways of running them; `(?#)` is the list of ids.
// LEFT JOIN: a submission without answers still comes back (empty), an unknown id does not.
const SQLITE_ANSWERS = `SELECT s."id", json_group_array(json_array(a."criterionCode", a."value", a."explanation", a."verifiedPoints")) AS "answers"
  FROM "Submission" s LEFT JOIN "Answer" a ON a."submissionId" = s."id" WHERE s."id" IN (?#) GROUP BY s."id"`;
const SQLITE_EVIDENCE = `SELECT "submissionId", "criterionCode", COUNT(*) AS "n" FROM "Evidence"
  WHERE "submissionId" IN (?#) GROUP BY "submissionId", "criterionCode"`;
/** Lists at least this long are read on the bulk reader's thread (the export reads 500 at a time). */
const OFF_THREAD_FROM = 32;

type AggregateRows = { readonly rows: readonly (readonly unknown[])[]; readonly evidence: readonly (readonly unknown[])[] };

const aggregateRows = async (db: Db, ids: readonly string[]): Promise<AggregateRows> => {
  if (providerOf(db) === 'postgresql') {
    const list = Prisma.join([...ids]);
    // The value travels as its JSON text (a string inside the aggregate), to be parsed once per text.
    const rows = await db.$queryRaw<ScoringRow[]>`
      SELECT s."id", json_agg(json_build_array(a."criterionCode", a."value"::text, a."explanation", a."verifiedPoints")) AS "answers"
      FROM "Submission" s LEFT JOIN "Answer" a ON a."submissionId" = s."id"
      WHERE s."id" IN (${list}) GROUP BY s."id"`;
    const evidence = await db.$queryRaw<EvidenceCountRow[]>`
      SELECT "submissionId", "criterionCode", COUNT(*) AS "n" FROM "Evidence"
      WHERE "submissionId" IN (${list}) GROUP BY "submissionId", "criterionCode"`;
    return { rows: rows.map((r) => [r.id, r.answers]), evidence: evidence.map((e) => [e.submissionId, e.criterionCode, e.n]) };
  }
  const reader = ids.length >= OFF_THREAD_FROM ? bulkReaderOf(db) : undefined;
  if (reader) {
    const [rows = [], evidence = []] = await reader.read([SQLITE_ANSWERS, SQLITE_EVIDENCE], ids);
    return { rows, evidence };
  }
  const list = `(${ids.map(() => '?').join(', ')})`;
  const rows = await db.$queryRawUnsafe<ScoringRow[]>(SQLITE_ANSWERS.replace('(?#)', list), ...ids);
  const evidence = await db.$queryRawUnsafe<EvidenceCountRow[]>(SQLITE_EVIDENCE.replace('(?#)', list), ...ids);
  return { rows: rows.map((r) => [r.id, r.answers]), evidence: evidence.map((e) => [e.submissionId, e.criterionCode, e.n]) };
};

const scoringMany = async (db: Db, values: ValueMemo, ids: readonly string[]): Promise<ScoringSnapshot[]> => {
  if (ids.length === 0) return [];
  const { rows, evidence } = await aggregateRows(db, ids);
  const counts = new Map<string, Map<string, number>>();
  for (const [submissionId, code, n] of evidence) {
    const id = String(submissionId);
    let byCode = counts.get(id);
    if (!byCode) counts.set(id, (byCode = new Map()));
    byCode.set(String(code), Number(n));
  }
  const parsed = rawValues(db).parsed;
  const valueOf = (text: unknown): AnswerValue | null => {
    if (typeof text !== 'string') return null;
    let v = values.get(text);
    if (v === undefined) {
      const checked = AnswerValueSchema.safeParse(JSON.parse(text));
      v = checked.success ? checked.data : null;
      // Many units give the same figures: 21,000 distinct texts among 310,000 answers.
      if (values.size >= VALUE_MEMO) values.clear();
      values.set(text, v);
    }
    return v;
  };
  return rows.map(([rawId, rawAnswers]) => {
    const id = String(rawId);
    const answers: Record<string, StoredAnswer> = {};
    const overrides: Record<string, { points: number }> = {};
    const evidenceOf = counts.get(id);
    const list = parsed(rawAnswers);
    const aggregated = Array.isArray(list) ? (list as AggregatedAnswer[]) : [];
    for (let i = 0; i < aggregated.length; i += 1) {
      const [code, text, explanation, verifiedPoints] = aggregated[i]!;
      if (code === null) continue;
      const value = valueOf(text);
      if (!value) continue;
      const evidenceCount = evidenceOf?.get(code) ?? 0;
      answers[code] = explanation ? { value, explanation, evidenceCount } : { value, evidenceCount };
      if (verifiedPoints !== null) overrides[code] = { points: Number(verifiedPoints) };
    }
    return { id, answers, overrides };
  });
};

const checkpointSelect = {
  submissionId: true,
  month: true,
  recordedAt: true,
  recordedById: true,
  answers: true,
  profile: true,
  submission: { select: { periodId: true, unitId: true } },
} as const;

type CheckpointRow = {
  submissionId: string;
  month: number;
  recordedAt: Date;
  recordedById: string | null;
  answers: unknown;
  profile: unknown;
  submission: { periodId: string; unitId: string };
};

const toCheckpoint = (row: CheckpointRow): CheckpointRecord => ({
  submissionId: row.submissionId,
  periodId: row.submission.periodId,
  unitId: row.submission.unitId,
  month: row.month,
  recordedAt: row.recordedAt,
  recordedById: row.recordedById,
  answers: parseCheckpointAnswers(row.answers),
  profile: parseCheckpointProfile(row.profile),
});

const APPRAISAL_STATES: readonly AppraisalState[] = ['not_started', 'in_progress', 'done'];

const toSnapshot = (row: SnapshotRow): SubmissionSnapshot => {
  const evidenceCounts = new Map<string, number>();
  for (const e of row.evidence) evidenceCounts.set(e.criterionCode, (evidenceCounts.get(e.criterionCode) ?? 0) + 1);
  const answers: Record<string, StoredAnswer> = {};
  const overrides: Record<string, StoredOverride> = {};
  for (const a of row.answers) {
    const value = AnswerValueSchema.safeParse(a.value);
    if (!value.success) continue;
    // Evidence sent before the answer itself still counts once the answer arrives.
    answers[a.criterionCode] = {
      value: value.data,
      ...(a.explanation ? { explanation: a.explanation } : {}),
      evidenceCount: evidenceCounts.get(a.criterionCode) ?? 0,
    };
    if (a.verifiedPoints !== null)
      overrides[a.criterionCode] = { points: a.verifiedPoints, note: a.verifiedNote ?? '', byId: a.verifiedById, at: a.verifiedAt };
  }
  return {
    id: row.id,
    periodId: row.periodId,
    unitId: row.unitId,
    criteriaSetId: row.criteriaSetId,
    status: row.status as SubmissionStatus,
    version: row.version,
    profile: (row.profile && typeof row.profile === 'object' ? row.profile : {}) as ProfileValues,
    answers,
    overrides,
    appraisalState: APPRAISAL_STATES.includes(row.appraisalState as AppraisalState) ? (row.appraisalState as AppraisalState) : 'not_started',
    firstSubmittedAt: row.firstSubmittedAt,
    submittedAt: row.submittedAt,
    returnNote: row.returnNote,
  };
};

export const createSubmissionRepository = (db: Db): SubmissionRepository => {
  const valueMemo: ValueMemo = new Map();
  return {
    async getOrCreate(input) {
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

    async head(periodId, unitId, criteriaSetId) {
      return db.submission.findUnique({ where: { periodId_unitId_criteriaSetId: { periodId, unitId, criteriaSetId } }, select: { id: true, version: true } });
    },

    async load(id) {
      const row = await db.submission.findUnique({ where: { id }, select: snapshotSelect });
      return row ? toSnapshot(row) : null;
    },

    async loadMany(ids) {
      const rows = await inChunks(ids, (chunk) => db.submission.findMany({ where: { id: { in: chunk } }, select: snapshotSelect }));
      return rows.map(toSnapshot);
    },

    scoringMany: (ids) => scoringMany(db, valueMemo, ids),
    expectScoringReads: () => bulkReaderOf(db)?.warm(),

    async find(periodId, unitId, criteriaSetId) {
      const row = await db.submission.findUnique({ where: { periodId_unitId_criteriaSetId: { periodId, unitId, criteriaSetId } }, select: snapshotSelect });
      return row ? toSnapshot(row) : null;
    },

    /**
     * One nested write: Prisma runs it as a single transaction, and the `version` in the where
     * clause makes it fail (P2025) when another writer got there first.
     */
    async applyChange(submissionId, change) {
      if (isSingleAnswer(change)) {
        const version = await writeSingleAnswer(db, submissionId, change);
        if (version !== null) return { ok: true, version };
        return { ok: false, reason: await guardFailure(db, submissionId) };
      }
      const who = { personId: change.actor.personId, channel: change.actor.channel, createdAt: change.now };
      const actor = { answeredById: change.actor.personId, channel: change.actor.channel, answeredAt: change.now };
      const answers = change.answers ?? [];
      const cleared = change.cleared ?? [];
      const setOverrides = Object.entries(change.overrides?.set ?? {});
      const clearOverrides = change.overrides?.clear ?? [];
      const revisions = [
        ...answers.map((a) => ({ criterionCode: a.code, kind: 'answer', value: a.value, explanation: a.explanation ?? null, ...who })),
        ...cleared.map((code) => ({ criterionCode: code, kind: 'clear', ...who })),
        ...setOverrides.map(([code, o]) => ({ criterionCode: code, kind: 'verify', points: o.points, note: o.note, ...who })),
        ...clearOverrides.map((code) => ({ criterionCode: code, kind: 'verify_cleared', ...who })),
      ];
      const answerOps = [
        ...answers.map((a) => {
          const data = { value: a.value, explanation: a.explanation ?? null, ...actor };
          return { where: { submissionId_criterionCode: { submissionId, criterionCode: a.code } }, create: { criterionCode: a.code, ...data }, update: data };
        }),
      ];
      const overrideOps = [
        ...setOverrides.map(([code, o]) => ({
          where: { submissionId_criterionCode: { submissionId, criterionCode: code } },
          data: { verifiedPoints: o.points, verifiedNote: o.note, verifiedById: change.actor.personId, verifiedAt: change.now },
        })),
        ...clearOverrides.map((code) => ({
          where: { submissionId_criterionCode: { submissionId, criterionCode: code } },
          data: { verifiedPoints: null, verifiedNote: null, verifiedById: null, verifiedAt: null },
        })),
      ];
      const status = change.status;
      const frozen = changeIsFrozenByPublication(change);
      const cp = change.checkpoint;
      const checkpointData = cp
        ? { recordedAt: change.now, recordedById: change.actor.personId, answers: cp.answers as object, profile: cp.profile as object }
        : undefined;
      try {
        const row = await db.submission.update({
          // The period's status is checked by the same statement that writes: a period published
          // a moment ago (another process's CLI) refuses the write, whatever the caller cached.
          where: { id: submissionId, version: change.expectedVersion, ...(frozen ? { period: { status: { not: 'published' } } } : {}) },
          data: {
            version: { increment: 1 },
            ...(change.activity === false ? {} : { lastActivityAt: change.now }),
            ...(change.profile ? { profile: change.profile } : {}),
            ...(change.score ? { score: change.score as unknown as object } : {}),
            ...(change.appraisal ? { appraisalState: change.appraisal } : {}),
            ...(status
              ? {
                  status: status.to,
                  ...(status.to === 'submitted'
                    ? { submittedAt: change.now, submittedById: change.actor.personId, ...(status.firstSubmission ? { firstSubmittedAt: change.now } : {}) }
                    : {}),
                  ...(status.to === 'returned' ? { returnedAt: change.now, returnNote: status.note ?? null } : {}),
                  ...(status.to === 'verified' ? { verifiedAt: change.now } : {}),
                  events: { create: { kind: status.event, personId: change.actor.personId, note: status.note ?? null, createdAt: change.now } },
                }
              : {}),
            ...(answerOps.length > 0 || cleared.length > 0 || overrideOps.length > 0
              ? {
                  answers: {
                    ...(cleared.length > 0 ? { deleteMany: { criterionCode: { in: [...cleared] } } } : {}),
                    ...(answerOps.length > 0 ? { upsert: answerOps } : {}),
                    ...(overrideOps.length > 0 ? { update: overrideOps } : {}),
                  },
                }
              : {}),
            ...(revisions.length > 0 ? { revisions: { createMany: { data: revisions } } } : {}),
            ...(cp && checkpointData
              ? {
                  checkpoints: {
                    upsert: {
                      where: { submissionId_month: { submissionId, month: cp.month } },
                      create: { month: cp.month, ...checkpointData },
                      update: checkpointData,
                    },
                  },
                }
              : {}),
          },
          select: { version: true },
        });
        return { ok: true, version: row.version };
      } catch (error) {
        if (!isRecordNotFound(error)) throw error;
        if (!frozen) return { ok: false, reason: 'conflict' };
        return { ok: false, reason: await guardFailure(db, submissionId) };
      }
    },

    async addEvidence(input) {
      const { now, submissionId, ...data } = input;
      try {
        // Created under the submission, with the period's status checked by the same statement.
        await db.submission.update({
          where: { id: submissionId, period: { status: { not: 'published' } } },
          data: { evidence: { create: { ...data, createdAt: now } } },
          select: { id: true },
        });
      } catch (error) {
        if (!isRecordNotFound(error)) throw error;
        if (await db.submission.count({ where: { id: submissionId } })) throw periodPublishedError(submissionId);
        throw new Error(`evidence: submission ${submissionId} missing`, { cause: error });
      }
      return db.evidence.count({ where: { submissionId: input.submissionId, criterionCode: input.criterionCode } });
    },

    async hasEvidence(submissionId, criterionCode, sha256) {
      return (await db.evidence.count({ where: { submissionId, criterionCode, sha256 } })) > 0;
    },

    async evidenceOf(submissionId) {
      return db.evidence.findMany({
        where: { submissionId },
        select: { id: true, criterionCode: true, kind: true, fileName: true, mime: true, size: true, createdAt: true, storedPath: true },
        orderBy: { createdAt: 'asc' },
      });
    },

    async history(submissionId, criterionCode) {
      return db.answerRevision.findMany({
        where: { submissionId, criterionCode },
        select: { kind: true, value: true, points: true, explanation: true, note: true, personId: true, channel: true, createdAt: true },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
    },

    async events(submissionId) {
      return db.submissionEvent.findMany({
        where: { submissionId },
        select: { kind: true, personId: true, note: true, createdAt: true },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
    },

    async answerAuthors(submissionId) {
      return db.answer.findMany({ where: { submissionId }, select: { criterionCode: true, answeredById: true, channel: true } });
    },

    async checkpointsOf(submissionIds) {
      if (submissionIds.length === 0) return [];
      const rows = await inChunks(submissionIds, (chunk) =>
        db.checkpointSnapshot.findMany({
          where: { submissionId: { in: chunk } },
          select: checkpointSelect,
          orderBy: [{ submissionId: 'asc' }, { month: 'asc' }],
        }),
      );
      // In order across the slices too.
      rows.sort((a, b) => (a.submissionId < b.submissionId ? -1 : a.submissionId > b.submissionId ? 1 : a.month - b.month));
      return rows.map(toCheckpoint);
    },

    async latestCheckpoint(unitId, periodIds) {
      if (periodIds.length === 0) return null;
      const row = await db.checkpointSnapshot.findFirst({
        where: { submission: { unitId, periodId: { in: [...periodIds] } } },
        select: checkpointSelect,
        orderBy: [{ month: 'desc' }, { recordedAt: 'desc' }],
      });
      return row ? toCheckpoint(row) : null;
    },

    async staleScores(version, limit) {
      const rows = await db.submission.findMany({ select: { id: true, periodId: true, criteriaSetId: true, version: true, score: true } });
      return rows
        .filter((r) => !(r.score && typeof r.score === 'object' && (r.score as { v?: unknown }).v === version))
        .slice(0, limit)
        .map(({ score: _score, ...rest }) => rest);
    },
  };
};
