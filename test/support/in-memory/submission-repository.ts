// Submissions in memory, mirroring bot/db/repositories/submission-repository.ts exactly:
// `applyChange` is all or nothing, refused as a conflict when the version moved on (or when it
// sets appraised points on a criterion without an answer, as Prisma's nested update does);
// it bumps the version, stores the score cache, the overrides, the appraisal state, the status
// with its event, the last activity (unless `activity: false`), and `firstSubmittedAt` only on
// the first submission; a return keeps the appraised points and the first submission's date.
import { AnswerValueSchema, type ProfileValues, type StoredAnswer } from '../../../core/criteria/answer-value.schema.ts';
import { parseCheckpointAnswers, parseCheckpointProfile } from '../../../core/criteria/checkpoint-answers.ts';
import {
  changeIsFrozenByPublication,
  periodPublishedError,
  type CheckpointRecord,
  type StoredOverride,
  type SubmissionRepository,
  type SubmissionSnapshot,
} from '../../../bot/app/ports.ts';
import { json, type AnswerRow, type CheckpointRow, type InMemoryStore, type RevisionRow, type SubmissionRow } from './store.ts';

export const createInMemorySubmissionRepository = (store: InMemoryStore): SubmissionRepository => {
  const toSnapshot = (row: SubmissionRow): SubmissionSnapshot => {
    const evidenceCounts = new Map<string, number>();
    for (const e of store.evidence) if (e.submissionId === row.id) evidenceCounts.set(e.criterionCode, (evidenceCounts.get(e.criterionCode) ?? 0) + 1);
    const answers: Record<string, StoredAnswer> = {};
    const overrides: Record<string, StoredOverride> = {};
    for (const a of store.answers) {
      if (a.submissionId !== row.id) continue;
      const value = AnswerValueSchema.safeParse(json(a.value));
      if (!value.success) continue;
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
      status: row.status,
      version: row.version,
      profile: (row.profile && typeof row.profile === 'object' ? json(row.profile) : {}) as ProfileValues,
      answers,
      overrides,
      appraisalState: row.appraisalState,
      firstSubmittedAt: row.firstSubmittedAt,
      submittedAt: row.submittedAt,
      returnNote: row.returnNote,
    };
  };
  const byKey = (periodId: string, unitId: string, criteriaSetId: string) =>
    store.submissions.find((s) => s.periodId === periodId && s.unitId === unitId && s.criteriaSetId === criteriaSetId);
  const toCheckpoint = (row: CheckpointRow): CheckpointRecord => {
    const sub = store.submissions.find((s) => s.id === row.submissionId)!;
    return {
      submissionId: row.submissionId,
      periodId: sub.periodId,
      unitId: sub.unitId,
      month: row.month,
      recordedAt: row.recordedAt,
      recordedById: row.recordedById,
      answers: parseCheckpointAnswers(json(row.answers)),
      profile: parseCheckpointProfile(json(row.profile)),
    };
  };
  const inOrder = <T extends { createdAt: Date }>(rows: T[]): T[] => rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  return {
    async getOrCreate(input) {
      const found = byKey(input.periodId, input.unitId, input.criteriaSetId);
      if (found) return toSnapshot(found);
      if (!store.periods.some((p) => p.id === input.periodId) || !store.units.some((u) => u.id === input.unitId))
        throw new Error('submission: period or unit missing (foreign key)');
      if (!store.criteriaSets.some((c) => c.id === input.criteriaSetId)) throw new Error('submission: criteria set missing (foreign key)');
      const row: SubmissionRow = {
        id: store.newId('submission'),
        periodId: input.periodId,
        unitId: input.unitId,
        criteriaSetId: input.criteriaSetId,
        status: 'draft',
        version: 0,
        profile: json(input.profile),
        score: null,
        appraisalState: 'not_started',
        startedAt: input.now,
        lastActivityAt: input.now,
        firstSubmittedAt: null,
        submittedAt: null,
        submittedById: null,
        returnedAt: null,
        returnNote: null,
        verifiedAt: null,
      };
      store.submissions.push(row);
      return toSnapshot(row);
    },

    async head(periodId, unitId, criteriaSetId) {
      const row = byKey(periodId, unitId, criteriaSetId);
      return row ? { id: row.id, version: row.version } : null;
    },

    async load(id) {
      const row = store.submissions.find((s) => s.id === id);
      return row ? toSnapshot(row) : null;
    },

    async loadMany(ids) {
      return store.submissions.filter((s) => ids.includes(s.id)).map(toSnapshot);
    },

    async scoringMany(ids) {
      return store.submissions
        .filter((s) => ids.includes(s.id))
        .map((row) => {
          const { id, answers, overrides } = toSnapshot(row);
          return { id, answers, overrides: Object.fromEntries(Object.entries(overrides).map(([code, o]) => [code, { points: o.points }])) };
        });
    },

    async find(periodId, unitId, criteriaSetId) {
      const row = byKey(periodId, unitId, criteriaSetId);
      return row ? toSnapshot(row) : null;
    },

    async applyChange(submissionId, change) {
      const row = store.submissions.find((s) => s.id === submissionId);
      if (!row || row.version !== change.expectedVersion) return { ok: false, reason: 'conflict' };
      if (changeIsFrozenByPublication(change) && store.periods.find((p) => p.id === row.periodId)?.status === 'published')
        return { ok: false, reason: 'published' };
      const who = { personId: change.actor.personId, channel: change.actor.channel, createdAt: change.now };
      const answers = change.answers ?? [];
      const cleared = change.cleared ?? [];
      const setOverrides = Object.entries(change.overrides?.set ?? {});
      const clearOverrides = change.overrides?.clear ?? [];
      // Stage the submission's answers: deletions, then upserts, then appraisal updates.
      const others = store.answers.filter((a) => a.submissionId !== submissionId);
      const own = store.answers.filter((a) => a.submissionId === submissionId && !cleared.includes(a.criterionCode)).map((a) => ({ ...a }));
      for (const a of answers) {
        const data = {
          value: json(a.value),
          explanation: a.explanation ?? null,
          answeredById: change.actor.personId,
          channel: change.actor.channel,
          answeredAt: change.now,
        };
        const existing = own.find((x) => x.criterionCode === a.code);
        if (existing) Object.assign(existing, data);
        else own.push({ submissionId, criterionCode: a.code, verifiedPoints: null, verifiedNote: null, verifiedById: null, verifiedAt: null, ...data });
      }
      const target = (code: string): AnswerRow | undefined => own.find((x) => x.criterionCode === code);
      // A nested update of a missing answer fails the whole write (P2025), which the database
      // repository reports as a conflict.
      if ([...setOverrides.map(([code]) => code), ...clearOverrides].some((code) => !target(code))) return { ok: false, reason: 'conflict' };
      for (const [code, o] of setOverrides)
        Object.assign(target(code)!, { verifiedPoints: o.points, verifiedNote: o.note, verifiedById: change.actor.personId, verifiedAt: change.now });
      for (const code of clearOverrides) Object.assign(target(code)!, { verifiedPoints: null, verifiedNote: null, verifiedById: null, verifiedAt: null });
      const blank = { value: null, explanation: null, points: null, note: null };
      const revisions: RevisionRow[] = [
        ...answers.map((a) => ({
          ...blank,
          submissionId,
          criterionCode: a.code,
          kind: 'answer',
          value: json(a.value),
          explanation: a.explanation ?? null,
          ...who,
        })),
        ...cleared.map((code) => ({ ...blank, submissionId, criterionCode: code, kind: 'clear', ...who })),
        ...setOverrides.map(([code, o]) => ({ ...blank, submissionId, criterionCode: code, kind: 'verify', points: o.points, note: o.note, ...who })),
        ...clearOverrides.map((code) => ({ ...blank, submissionId, criterionCode: code, kind: 'verify_cleared', ...who })),
      ];
      // Commit.
      store.answers.splice(0, store.answers.length, ...others, ...own);
      store.revisions.push(...revisions);
      row.version += 1;
      if (change.activity !== false) row.lastActivityAt = change.now;
      if (change.profile) row.profile = json(change.profile);
      if (change.score) row.score = json(change.score);
      if (change.appraisal) row.appraisalState = change.appraisal;
      const status = change.status;
      if (status) {
        row.status = status.to;
        if (status.to === 'submitted') {
          row.submittedAt = change.now;
          row.submittedById = change.actor.personId;
          if (status.firstSubmission) row.firstSubmittedAt = change.now;
        }
        if (status.to === 'returned') Object.assign(row, { returnedAt: change.now, returnNote: status.note ?? null });
        if (status.to === 'verified') row.verifiedAt = change.now;
        store.events.push({ submissionId, kind: status.event, personId: change.actor.personId, note: status.note ?? null, createdAt: change.now });
      }
      const cp = change.checkpoint;
      if (cp) {
        // Upsert on (submissionId, month), as the unique key does in the database.
        const data = { recordedAt: change.now, recordedById: change.actor.personId, answers: json(cp.answers), profile: json(cp.profile) };
        const existing = store.checkpoints.find((c) => c.submissionId === submissionId && c.month === cp.month);
        if (existing) Object.assign(existing, data);
        else store.checkpoints.push({ submissionId, month: cp.month, ...data });
      }
      return { ok: true, version: row.version };
    },

    async addEvidence(input) {
      const owner = store.submissions.find((s) => s.id === input.submissionId);
      if (!owner) throw new Error(`evidence: submission ${input.submissionId} missing (foreign key)`);
      if (store.periods.find((p) => p.id === owner.periodId)?.status === 'published') throw periodPublishedError(input.submissionId);
      const { now, ...data } = input;
      store.evidence.push({ id: store.newId('evidence'), ...data, createdAt: now });
      return store.evidence.filter((e) => e.submissionId === input.submissionId && e.criterionCode === input.criterionCode).length;
    },

    async hasEvidence(submissionId, criterionCode, sha256) {
      return store.evidence.some((e) => e.submissionId === submissionId && e.criterionCode === criterionCode && e.sha256 === sha256);
    },

    async evidenceOf(submissionId) {
      return inOrder(store.evidence.filter((e) => e.submissionId === submissionId)).map((e) => ({
        id: e.id,
        criterionCode: e.criterionCode,
        kind: e.kind,
        fileName: e.fileName,
        mime: e.mime,
        size: e.size,
        createdAt: e.createdAt,
        storedPath: e.storedPath,
      }));
    },

    async history(submissionId, criterionCode) {
      return inOrder(store.revisions.filter((r) => r.submissionId === submissionId && r.criterionCode === criterionCode)).map((r) => ({
        kind: r.kind,
        value: json(r.value),
        points: r.points,
        explanation: r.explanation,
        note: r.note,
        personId: r.personId,
        channel: r.channel,
        createdAt: r.createdAt,
      }));
    },

    async events(submissionId) {
      return inOrder(store.events.filter((e) => e.submissionId === submissionId)).map((e) => ({
        kind: e.kind,
        personId: e.personId,
        note: e.note,
        createdAt: e.createdAt,
      }));
    },

    async answerAuthors(submissionId) {
      return store.answers
        .filter((a) => a.submissionId === submissionId)
        .map((a) => ({ criterionCode: a.criterionCode, answeredById: a.answeredById, channel: a.channel }));
    },

    async checkpointsOf(submissionIds) {
      return store.checkpoints
        .filter((c) => submissionIds.includes(c.submissionId))
        .sort((a, b) => a.submissionId.localeCompare(b.submissionId) || a.month - b.month)
        .map(toCheckpoint);
    },

    async latestCheckpoint(unitId, periodIds) {
      const ids = new Set(store.submissions.filter((s) => s.unitId === unitId && periodIds.includes(s.periodId)).map((s) => s.id));
      const rows = store.checkpoints
        .filter((c) => ids.has(c.submissionId))
        .sort((a, b) => b.month - a.month || b.recordedAt.getTime() - a.recordedAt.getTime());
      return rows[0] ? toCheckpoint(rows[0]) : null;
    },

    async staleScores(version, limit) {
      return store.submissions
        .filter((s) => !(s.score && typeof s.score === 'object' && (s.score as { v?: unknown }).v === version))
        .slice(0, limit)
        .map((s) => ({ id: s.id, periodId: s.periodId, criteriaSetId: s.criteriaSetId, version: s.version }));
    },
  };
};
