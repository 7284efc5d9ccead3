// The port contract: the same behavioural cases run against the Prisma repositories (SQLite,
// and PostgreSQL when reachable) and the in-memory ones of test/support/in-memory, so the fakes
// the use-case tests rely on (test/app) cannot drift from the database. Cases assert literal
// expected values, never "whatever the other implementation said".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPeriodPublished, type Repositories, type SubmissionSnapshot } from '../../bot/app/ports.ts';
import { seedDemo, type SeedSummary } from '../../bot/app/admin/seed-demo.ts';
import { scoreCache } from '../../bot/app/scores.ts';
import { SCORE_VERSION } from '../../core/criteria/submission-score.ts';
import type { CriteriaSet } from '../../core/criteria/criteria-set.schema.ts';
import type { AnswerValue } from '../../core/criteria/answer-value.schema.ts';
import type { PeriodInput } from '../../core/periods/period.schema.ts';
import { createInMemoryRepositories } from '../support/in-memory/create-in-memory-repositories.ts';
import { availableProviders, createTestDatabase } from './support/providers.ts';

type Subject = { readonly name: string; readonly open: () => Promise<{ repos: Repositories; dispose: () => Promise<void> }> };

const subjects: Subject[] = [
  { name: 'in-memory', open: async () => ({ repos: createInMemoryRepositories(), dispose: async () => undefined }) },
  ...(await availableProviders()).map((p): Subject => ({
    name: p,
    open: async () => {
      const db = await createTestDatabase(p);
      return { repos: db.repos, dispose: db.dispose };
    },
  })),
];

const now = new Date('2026-11-24T03:00:00.000Z');
const later = (minutes: number): Date => new Date(now.getTime() + minutes * 60_000);
const actor = { personId: 'person-x', channel: 'telegram' as const };
const yes = { type: 'boolean', value: true } as const;
const no = { type: 'boolean', value: false } as const;

const periodInput = (name: string, key?: string): Omit<PeriodInput, 'id'> => ({
  ...(key ? { key } : {}),
  name,
  kind: 'annual',
  scored: true,
  dataWindow: { from: '2025-11-11', to: '2026-11-10' },
  opensAt: '2026-11-20',
  deadlines: { commune: '2026-12-10' },
  lateToleranceWorkingDays: 5,
  status: 'open',
});

describe.each(subjects)('repository ports on $name', (subject) => {
  let repos: Repositories;
  let dispose: () => Promise<void>;
  let seed: SeedSummary;
  let communeSetId: string;
  let communeSet: CriteriaSet;
  let units = 0;
  /** A fresh commune of the seeded demo district, so every case has its own submission. */
  const newCommune = async (): Promise<string> => {
    units += 1;
    const code = `X-CONTRACT${units}`;
    await repos.units.upsertMany([{ code, name: `Xã ${units}`, level: 'commune', parentCode: 'H-THACHHA' }]);
    return (await repos.units.findByCode(code))!.id;
  };
  const newSubmission = async (): Promise<SubmissionSnapshot> =>
    repos.submissions.getOrCreate({ periodId: seed.period.id, unitId: await newCommune(), criteriaSetId: communeSetId, profile: { officials: 3 }, now });
  const summaryOf = async (id: string) => (await repos.coordination.submissionsOf(seed.period.id, [communeSetId])).find((s) => s.id === id)!;

  beforeAll(async () => {
    ({ repos, dispose } = await subject.open());
    seed = await seedDemo(repos, now);
    communeSetId = seed.period.sets.find((s) => s.level === 'commune' && s.answeredBy === 'unit')!.criteriaSetId;
    communeSet = (await repos.criteriaSets.findById(communeSetId))!.set;
  });
  afterAll(async () => dispose());

  describe('units', () => {
    it('upserts by code, lists by level then code with the parent code, and a batch with an unknown parent stores nothing', async () => {
      await repos.units.upsertMany([
        { code: 'P-C', name: 'Province C', level: 'province', parentCode: null },
        { code: 'D-C2', name: 'District 2', level: 'district', parentCode: 'P-C' },
        { code: 'D-C1', name: 'District 1', level: 'district', parentCode: 'P-C', profile: { officials: 7 } },
      ]);
      const province = (await repos.units.findByCode('P-C'))!;
      const listed = await repos.units.list({ parentId: province.id });
      expect(listed.map((u) => [u.code, u.parentCode, u.level])).toEqual([
        ['D-C1', 'P-C', 'district'],
        ['D-C2', 'P-C', 'district'],
      ]);
      expect(listed[0]!.profile).toEqual({ officials: 7 });
      expect(listed[1]!.profile).toBeNull();
      await repos.units.setExcluded('D-C1', true);
      // Upserting again renames, keeps what the input does not mention (excluded, profile).
      await repos.units.upsertMany([{ code: 'D-C1', name: 'District One', level: 'district', parentCode: 'P-C' }]);
      const d1 = (await repos.units.findByCode('D-C1'))!;
      expect([d1.name, d1.excluded, d1.profile]).toEqual(['District One', true, { officials: 7 }]);
      const before = await repos.units.count();
      await expect(
        repos.units.upsertMany([
          { code: 'D-C3', name: 'District 3', level: 'district', parentCode: 'P-C' },
          { code: 'X-ORPHAN', name: 'Orphan', level: 'commune', parentCode: 'NOWHERE' },
        ]),
      ).rejects.toThrow();
      expect(await repos.units.count()).toBe(before);
      expect(await repos.units.findByCode('D-C3')).toBeNull();
      expect((await repos.units.levelsByCode()).get('D-C2')).toBe('district');
    });
  });

  describe('people, accounts and memberships', () => {
    it('creates an account with its person once, and a membership granted again is the same one, revived after a revoke', async () => {
      const input = { channel: 'telegram' as const, externalId: 'c-1', chatId: 'c-1', displayName: 'Cán bộ', locale: 'vi', now };
      const account = await repos.people.ensureAccount(input);
      expect(await repos.people.ensureAccount({ ...input, displayName: 'Other' })).toEqual(account);
      expect(account).toMatchObject({
        channel: 'telegram',
        externalId: 'c-1',
        locale: 'vi',
        unreachable: false,
        failedInviteAttempts: 0,
        inviteLockedUntil: null,
      });
      expect(await repos.people.findPerson(account.personId)).toEqual({ id: account.personId, displayName: 'Cán bộ', locale: 'vi' });
      const unitId = await newCommune();
      const granted = await repos.people.grantMembership({ personId: account.personId, unitId, role: 'reporter' });
      expect(await repos.people.grantMembership({ personId: account.personId, unitId, role: 'reporter' })).toEqual(granted);
      const coordinator = await repos.people.grantMembership({ personId: account.personId, unitId, role: 'coordinator' });
      expect((await repos.people.listMemberships(account.personId)).map((m) => m.role)).toEqual(['reporter', 'coordinator']);
      await repos.people.revokeMembership(granted.id, now);
      expect(await repos.people.listMemberships(account.personId)).toEqual([coordinator]);
      expect(await repos.people.listMemberAccounts([unitId], 'reporter')).toEqual([]);
      expect((await repos.people.grantMembership({ personId: account.personId, unitId, role: 'reporter' })).id).toBe(granted.id);
      expect(await repos.people.listMemberAccounts([unitId], 'reporter')).toEqual([{ ...account, unitId }]);
    });

    it('counts wrong invite attempts with the lock, resets them, and tracks reachability and the language', async () => {
      const account = await repos.people.ensureAccount({ channel: 'zalo', externalId: 'z-1', chatId: 'z-1', displayName: 'Z', locale: 'vi', now });
      expect(await repos.people.recordInviteFailure(account.id, null)).toBe(1);
      expect(await repos.people.recordInviteFailure(account.id, later(15))).toBe(2);
      expect(await repos.people.findAccountById(account.id)).toMatchObject({ failedInviteAttempts: 2, inviteLockedUntil: later(15) });
      await repos.people.resetInviteFailures(account.id);
      expect(await repos.people.findAccountById(account.id)).toMatchObject({ failedInviteAttempts: 0, inviteLockedUntil: null });
      await repos.people.markUnreachable(account.id, now);
      expect((await repos.people.findAccount('zalo', 'z-1'))!.unreachable).toBe(true);
      await repos.people.markReachable(account.id, later(1));
      expect((await repos.people.findAccount('zalo', 'z-1'))!.unreachable).toBe(false);
      await repos.people.setPersonLocale(account.personId, 'en');
      expect((await repos.people.findPerson(account.personId))!.locale).toBe('en');
      expect((await repos.people.listAccountsOfPerson(account.personId)).map((a) => a.locale)).toEqual(['en']);
    });
  });

  describe('chats', () => {
    it('claims an update key once until it is released, and keeps the chat state as JSON', async () => {
      expect(await repos.chats.claimUpdate('tg:contract-1', now)).toBe(true);
      expect(await repos.chats.claimUpdate('tg:contract-1', later(1))).toBe(false);
      await repos.chats.releaseUpdate('tg:contract-1');
      expect(await repos.chats.claimUpdate('tg:contract-1', later(2))).toBe(true);
      expect(await repos.chats.getState('telegram', 'chat-c')).toBeNull();
      await repos.chats.saveState('telegram', 'chat-c', { accountId: null, submissionId: null, state: { v: 1, mode: 'idle', skip: undefined } });
      expect(await repos.chats.getState('telegram', 'chat-c')).toEqual({ v: 1, mode: 'idle' });
      await repos.chats.saveState('telegram', 'chat-c', { accountId: null, submissionId: null, state: { v: 1, mode: 'report', unitId: 'u' } });
      expect(await repos.chats.getState('telegram', 'chat-c')).toEqual({ v: 1, mode: 'report', unitId: 'u' });
      expect(await repos.chats.getState('zalo', 'chat-c')).toBeNull();
      expect(await repos.chats.claimUpdate('tg:contract-old', new Date('2020-01-01T00:00:00Z'))).toBe(true);
      expect(await repos.chats.pruneProcessed(new Date('2021-01-01T00:00:00Z'))).toBe(1);
      expect(await repos.chats.claimUpdate('tg:contract-old', now)).toBe(true);
    });

    it('completes a turn once: the update recorded and the state saved together, or neither', async () => {
      expect(await repos.chats.isProcessed('tg:turn-1')).toBe(false);
      const first = { accountId: null, submissionId: null, state: { v: 1, mode: 'report', unitId: 'first' } };
      expect(await repos.chats.completeTurn('tg:turn-1', now, 'telegram', 'chat-t', first)).toBe(true);
      expect(await repos.chats.isProcessed('tg:turn-1')).toBe(true);
      // A second delivery of the same update that finishes later saves nothing.
      const second = { accountId: null, submissionId: null, state: { v: 1, mode: 'report', unitId: 'second' } };
      expect(await repos.chats.completeTurn('tg:turn-1', later(1), 'telegram', 'chat-t', second)).toBe(false);
      expect(await repos.chats.getState('telegram', 'chat-t')).toEqual(first.state);
      expect(await repos.chats.completeTurn('tg:turn-2', later(2), 'telegram', 'chat-t', second)).toBe(true);
      expect(await repos.chats.getState('telegram', 'chat-t')).toEqual(second.state);
    });

    it('commits a turn with its answer: the claim, the answer, the version and the chat state together, or none of them', async () => {
      const s = await newSubmission();
      const state = (unitId: string) => ({ accountId: null, submissionId: s.id, state: { v: 1, mode: 'report', unitId } });
      const answer = (expectedVersion: number, value: AnswerValue, at: Date) => ({
        submissionId: s.id,
        change: { expectedVersion, actor, now: at, answers: [{ code: 'X-1.1', value, explanation: 'Đã ban hành' }], score: { v: 0 } as never },
      });
      expect(await repos.chats.commitTurn('tg:commit-1', later(1), 'telegram', 'chat-k', state('first'), answer(0, yes, later(1)))).toBe('done');
      expect(await repos.chats.openTurn('tg:commit-1', 'telegram', 'chat-k')).toEqual({ processed: true, state: state('first').state });
      const stored = (await repos.submissions.load(s.id))!;
      expect(stored.version).toBe(1);
      expect(stored.answers['X-1.1']).toMatchObject({ value: yes, explanation: 'Đã ban hành' });
      expect(await repos.submissions.history(s.id, 'X-1.1')).toMatchObject([
        { kind: 'answer', value: yes, explanation: 'Đã ban hành', personId: actor.personId },
      ]);
      // A second delivery of the update: nothing of it is written.
      expect(await repos.chats.commitTurn('tg:commit-1', later(2), 'telegram', 'chat-k', state('again'), answer(1, no, later(2)))).toBe('duplicate');
      // A stale version: the claim is undone with the write, so the turn can run again.
      expect(await repos.chats.commitTurn('tg:commit-2', later(3), 'telegram', 'chat-k', state('stale'), answer(0, no, later(3)))).toBe('conflict');
      expect(await repos.chats.openTurn('tg:commit-2', 'telegram', 'chat-k')).toEqual({ processed: false, state: state('first').state });
      const after = (await repos.submissions.load(s.id))!;
      expect(after.version).toBe(1);
      expect(after.answers['X-1.1']!.value).toEqual(yes);
      expect(await repos.submissions.history(s.id, 'X-1.1')).toHaveLength(1);
      expect(await repos.chats.commitTurn('tg:commit-2', later(4), 'telegram', 'chat-k', state('second'), answer(1, no, later(4)))).toBe('done');
      expect((await repos.submissions.load(s.id))!.answers['X-1.1']!.value).toEqual(no);
    });

    it('commits a turn: the score is replaced only when the change carries one; a published period refuses the whole turn', async () => {
      const s = await newSubmission();
      const state = { accountId: null, submissionId: s.id, state: { v: 1, mode: 'report', unitId: 'u' } };
      const change = (expectedVersion: number, at: Date, score?: unknown) => ({
        submissionId: s.id,
        change: { expectedVersion, actor, now: at, answers: [{ code: 'X-1.2', value: yes }], ...(score ? { score: score as never } : {}) },
      });
      const scoreOf = async () => (await repos.coordination.submissionsOf(seed.period.id, [communeSetId])).find((x) => x.id === s.id)!.score as unknown;
      expect(await repos.chats.commitTurn('tg:score-1', later(1), 'telegram', 'chat-s', state, change(0, later(1), { v: SCORE_VERSION, mark: 7 }))).toBe(
        'done',
      );
      expect(await scoreOf()).toEqual({ v: SCORE_VERSION, mark: 7 });
      expect(await repos.chats.commitTurn('tg:score-2', later(2), 'telegram', 'chat-s', state, change(1, later(2)))).toBe('done');
      expect(await scoreOf()).toEqual({ v: SCORE_VERSION, mark: 7 });
      const before = (await repos.submissions.load(s.id))!;
      expect(before.version).toBe(2);
      await repos.periods.setStatus(s.periodId, 'published');
      try {
        expect(await repos.chats.commitTurn('tg:score-3', later(3), 'telegram', 'chat-s', state, change(2, later(3), { v: SCORE_VERSION, mark: 9 }))).toBe(
          'published',
        );
        // A stale writer is refused as well (either reason, as applyChange: nothing is written).
        expect(['published', 'conflict']).toContain(await repos.chats.commitTurn('tg:score-4', later(3), 'telegram', 'chat-s', state, change(0, later(3))));
        expect(await repos.chats.openTurn('tg:score-3', 'telegram', 'chat-s')).toMatchObject({ processed: false });
        expect(await repos.submissions.load(s.id)).toEqual(before);
        expect(await repos.submissions.history(s.id, 'X-1.2')).toHaveLength(2);
        expect(await scoreOf()).toEqual({ v: SCORE_VERSION, mark: 7 });
      } finally {
        // The other cases share this period.
        await repos.periods.setStatus(s.periodId, 'open');
      }
    });

    it('opens a turn with one read: processed or not, and the chat state (null for a new chat)', async () => {
      expect(await repos.chats.openTurn('tg:open-1', 'telegram', 'chat-o')).toEqual({ processed: false, state: null });
      const state = { v: 1, mode: 'report', unitId: 'u', offered: { values: ['a', 'b'], exclusive: true, stamp: 'k1' } };
      expect(await repos.chats.completeTurn('tg:open-1', now, 'telegram', 'chat-o', { accountId: null, submissionId: null, state })).toBe(true);
      expect(await repos.chats.openTurn('tg:open-1', 'telegram', 'chat-o')).toEqual({ processed: true, state });
      expect(await repos.chats.openTurn('tg:open-2', 'telegram', 'chat-o')).toEqual({ processed: false, state });
      // Another channel's chat of the same id is another chat.
      expect(await repos.chats.openTurn('tg:open-2', 'zalo', 'chat-o')).toEqual({ processed: false, state: null });
    });
  });

  describe('invites and link codes', () => {
    it('consumes an invite up to its uses, never when expired or revoked', async () => {
      const unitId = await newCommune();
      const invite = await repos.invites.create({ codeHash: 'hash-a', role: 'reporter', unitId, expiresAt: later(60), maxUses: 2, createdById: null, now });
      expect(invite).toMatchObject({ role: 'reporter', unitId, maxUses: 2, uses: 0, revokedAt: null });
      expect(await repos.invites.consume(invite.id, now)).toBe(true);
      expect(await repos.invites.consume(invite.id, now)).toBe(true);
      expect(await repos.invites.consume(invite.id, now)).toBe(false);
      expect((await repos.invites.findByHash('hash-a'))!.uses).toBe(2);
      const other = await repos.invites.create({ codeHash: 'hash-b', role: 'coordinator', unitId, expiresAt: later(60), maxUses: 5, createdById: null, now });
      expect(await repos.invites.consume(other.id, later(60))).toBe(false);
      await repos.invites.revoke(other.id, now);
      expect(await repos.invites.consume(other.id, now)).toBe(false);
      expect(await repos.invites.findByHash('nope')).toBeNull();
    });

    it('uses a link code once, and merging moves the account and its memberships', async () => {
      const a = await repos.people.ensureAccount({ channel: 'telegram', externalId: 'l-1', chatId: 'l-1', displayName: 'A', locale: 'vi', now });
      const b = await repos.people.ensureAccount({ channel: 'zalo', externalId: 'l-2', chatId: 'l-2', displayName: 'B', locale: 'vi', now });
      const unitId = await newCommune();
      await repos.people.grantMembership({ personId: b.personId, unitId, role: 'reporter' });
      await repos.linkCodes.create({ codeHash: 'link-1', personId: a.personId, expiresAt: later(10), now });
      expect(await repos.linkCodes.consume('link-1', later(20))).toBeNull();
      await repos.linkCodes.create({ codeHash: 'link-2', personId: a.personId, expiresAt: later(10), now });
      expect(await repos.linkCodes.consume('link-2', now)).toBe(a.personId);
      expect(await repos.linkCodes.consume('link-2', now)).toBeNull();
      await repos.linkCodes.mergeAccountInto(b.id, b.personId, a.personId);
      expect((await repos.people.findAccountById(b.id))!.personId).toBe(a.personId);
      expect((await repos.people.listMemberships(a.personId)).map((m) => [m.unitId, m.role])).toEqual([[unitId, 'reporter']]);
      expect(await repos.people.listMemberships(b.personId)).toEqual([]);
    });
  });

  describe('criteria sets and periods', () => {
    it('keeps a set immutable per key and version, and finds the latest', async () => {
      const set = { ...communeSet, key: 'contract_set', version: 1 };
      const created = await repos.criteriaSets.importSet(set, 'sum-1');
      expect(created.kind).toBe('created');
      expect(await repos.criteriaSets.importSet(set, 'sum-1')).toEqual({ kind: 'unchanged', id: created.id });
      expect(await repos.criteriaSets.importSet(set, 'sum-other')).toEqual({ kind: 'conflict', id: created.id });
      const v2 = await repos.criteriaSets.importSet({ ...set, version: 2 }, 'sum-2');
      expect(await repos.criteriaSets.findLatest('contract_set')).toEqual({ id: v2.id, version: 2 });
      expect((await repos.criteriaSets.findByKey('contract_set', 1))!.id).toBe(created.id);
      expect((await repos.criteriaSets.findByKey('contract_set'))!.checksum).toBe('sum-2');
      expect((await repos.criteriaSets.findById(created.id))!.set).toEqual(set);
      expect((await repos.criteriaSets.list()).filter((s) => s.key === 'contract_set').map((s) => s.version)).toEqual([1, 2]);
    });

    it('upserts a period by name with its sets, finds it by id, key and among the open ones, and tells when it has answers', async () => {
      const link = { level: 'commune' as const, criteriaSetId: communeSetId };
      const first = await repos.periods.upsert(periodInput('Contract period'), [link]);
      const again = await repos.periods.upsert({ ...periodInput('Contract period'), lateToleranceWorkingDays: 3 }, [link]);
      expect(again.id).toBe(first.id);
      expect(again.lateToleranceWorkingDays).toBe(3);
      expect(again.sets).toEqual([{ level: 'commune', criteriaSetId: communeSetId, answeredBy: 'unit', key: communeSet.key, version: communeSet.version }]);
      expect((await repos.periods.findById(first.id))!.deadlines).toEqual({ commune: '2026-12-10' });
      expect((await repos.periods.listOpen()).map((p) => p.id)).toContain(first.id);
      await repos.periods.setStatus(first.id, 'closed');
      expect((await repos.periods.listOpen()).map((p) => p.id)).not.toContain(first.id);
      expect((await repos.periods.findById(first.id))!.status).toBe('closed');
      const keyed = await repos.periods.create(periodInput('Keyed period', 'contract-2026'), [link]);
      expect((await repos.periods.findByKey('contract-2026'))!.id).toBe(keyed);
      await repos.periods.replace(keyed, periodInput('Keyed period renamed', 'contract-2026'), []);
      expect(await repos.periods.findByKey('contract-2026')).toMatchObject({ name: 'Keyed period renamed', sets: [] });
      expect(await repos.periods.hasAnswers(first.id)).toBe(false);
      const unitId = await newCommune();
      const s = await repos.submissions.getOrCreate({ periodId: first.id, unitId, criteriaSetId: communeSetId, profile: {}, now });
      expect(await repos.periods.hasAnswers(first.id)).toBe(false);
      await repos.submissions.applyChange(s.id, { expectedVersion: 0, actor, now, answers: [{ code: 'X-1.1', value: yes }] });
      expect(await repos.periods.hasAnswers(first.id)).toBe(true);
    });
  });

  describe('submissions', () => {
    it('refuses, in the write itself, every change but a score refresh once the period is published', async () => {
      const s = await newSubmission();
      expect(await repos.submissions.applyChange(s.id, { expectedVersion: 0, actor, now: later(1), answers: [{ code: 'X-1.1', value: yes }] })).toEqual({
        ok: true,
        version: 1,
      });
      // Published by another process: nothing this caller cached is consulted.
      await repos.periods.setStatus(s.periodId, 'published');
      const refused = [
        { answers: [{ code: 'X-1.2', value: no }] },
        { cleared: ['X-1.1'] },
        { profile: { officials: 9 } },
        { status: { to: 'submitted' as const, event: 'submitted', firstSubmission: true } },
        { appraisal: 'in_progress' as const },
        { overrides: { set: { 'X-1.1': { points: 0, note: 'Không đạt' } } } },
      ];
      for (const change of refused)
        expect(await repos.submissions.applyChange(s.id, { expectedVersion: 1, actor, now: later(2), ...change })).toEqual({ ok: false, reason: 'published' });
      // A stale writer is refused as well (either reason: nothing is written).
      expect(await repos.submissions.applyChange(s.id, { expectedVersion: 0, actor, now: later(2), answers: [{ code: 'X-1.2', value: no }] })).toMatchObject({
        ok: false,
      });
      const loaded = (await repos.submissions.load(s.id))!;
      expect(loaded).toMatchObject({ version: 1, status: 'draft', profile: { officials: 3 } });
      expect(Object.keys(loaded.answers)).toEqual(['X-1.1']);
      // Evidence has no version to answer with: the refusal is thrown, and nothing is stored.
      const file = {
        kind: 'photo' as const,
        channel: 'telegram' as const,
        fileRef: 'f',
        sha256: null,
        size: 1,
        mime: 'image/png',
        fileName: null,
        storedPath: null,
        uploadedById: 'person-x',
      };
      const thrown = await repos.submissions.addEvidence({ ...file, submissionId: s.id, criterionCode: 'X-1.1', now: later(2) }).catch((e: unknown) => e);
      expect(isPeriodPublished(thrown)).toBe(true);
      expect(await repos.submissions.evidenceOf(s.id)).toEqual([]);
      // Rescoring after an upgrade only refreshes the cache: allowed.
      expect(await repos.submissions.applyChange(s.id, { expectedVersion: 1, actor, now: later(3), activity: false })).toEqual({ ok: true, version: 2 });
      // The other cases share this period.
      await repos.periods.setStatus(s.periodId, 'open');
    });

    it('creates one draft per period, unit and set, and guards every change with its version', async () => {
      const s = await newSubmission();
      expect(s).toMatchObject({ status: 'draft', version: 0, profile: { officials: 3 }, answers: {}, overrides: {}, appraisalState: 'not_started' });
      expect(s).toMatchObject({ firstSubmittedAt: null, submittedAt: null, returnNote: null });
      expect(await repos.submissions.getOrCreate({ periodId: s.periodId, unitId: s.unitId, criteriaSetId: s.criteriaSetId, profile: {}, now })).toEqual(s);
      const ok = await repos.submissions.applyChange(s.id, {
        expectedVersion: 0,
        actor,
        now: later(1),
        answers: [
          { code: 'X-1.1', value: yes },
          { code: 'X-1.2', value: no, explanation: 'Đang triển khai' },
        ],
        profile: { officials: 4 },
      });
      expect(ok).toEqual({ ok: true, version: 1 });
      const stale = await repos.submissions.applyChange(s.id, { expectedVersion: 0, actor, now: later(2), answers: [{ code: 'X-1.3', value: yes }] });
      expect(stale).toEqual({ ok: false, reason: 'conflict' });
      expect(await repos.submissions.applyChange('missing-id', { expectedVersion: 0, actor, now })).toEqual({ ok: false, reason: 'conflict' });
      expect(await repos.submissions.head(s.periodId, s.unitId, s.criteriaSetId)).toEqual({ id: s.id, version: 1 });
      const loaded = (await repos.submissions.load(s.id))!;
      expect(loaded.answers).toEqual({
        'X-1.1': { value: yes, evidenceCount: 0 },
        'X-1.2': { value: no, explanation: 'Đang triển khai', evidenceCount: 0 },
      });
      expect(loaded.profile).toEqual({ officials: 4 });
      expect(await repos.submissions.find(s.periodId, s.unitId, s.criteriaSetId)).toEqual(loaded);
      expect(await repos.submissions.loadMany([s.id])).toEqual([loaded]);
      expect((await repos.submissions.answerAuthors(s.id)).sort((a, b) => a.criterionCode.localeCompare(b.criterionCode))).toEqual([
        { criterionCode: 'X-1.1', answeredById: 'person-x', channel: 'telegram' },
        { criterionCode: 'X-1.2', answeredById: 'person-x', channel: 'telegram' },
      ]);
      // A cleared answer is gone; an empty explanation is no explanation.
      expect(
        await repos.submissions.applyChange(s.id, {
          expectedVersion: 1,
          actor,
          now: later(3),
          cleared: ['X-1.1'],
          answers: [{ code: 'X-1.2', value: no, explanation: '' }],
        }),
      ).toEqual({
        ok: true,
        version: 2,
      });
      expect((await repos.submissions.load(s.id))!.answers).toEqual({ 'X-1.2': { value: no, evidenceCount: 0 } });
      expect((await repos.submissions.history(s.id, 'X-1.1')).map((r) => r.kind)).toEqual(['answer', 'clear']);
    });

    it('records one checkpoint per submission and month with the change, replaces it when recorded again, and finds the latest', async () => {
      const s = await newSubmission();
      const m3 = { 'X-1.1': { value: yes }, 'X-1.2': { value: no, explanation: 'Đang triển khai' } };
      const first = await repos.submissions.applyChange(s.id, {
        expectedVersion: 0,
        actor,
        now: later(1),
        status: { to: 'draft', event: 'checkpoint_updated', note: 'm3' },
        checkpoint: { month: 3, answers: m3, profile: { officials: 3 } },
      });
      expect(first).toEqual({ ok: true, version: 1 });
      // A stale write records nothing: the checkpoint is part of the guarded transaction.
      const stale = await repos.submissions.applyChange(s.id, { expectedVersion: 0, actor, now: later(2), checkpoint: { month: 6, answers: {}, profile: {} } });
      expect(stale).toEqual({ ok: false, reason: 'conflict' });
      expect(await repos.submissions.checkpointsOf([s.id])).toEqual([
        {
          submissionId: s.id,
          periodId: s.periodId,
          unitId: s.unitId,
          month: 3,
          recordedAt: later(1),
          recordedById: 'person-x',
          answers: m3,
          profile: { officials: 3 },
        },
      ]);
      expect((await repos.submissions.load(s.id))!.status).toBe('draft');
      expect((await repos.submissions.events(s.id)).map((e) => [e.kind, e.note])).toEqual([['checkpoint_updated', 'm3']]);
      await repos.submissions.applyChange(s.id, {
        expectedVersion: 1,
        actor,
        now: later(3),
        checkpoint: { month: 3, answers: { 'X-1.1': { value: no } }, profile: { officials: 5 } },
      });
      await repos.submissions.applyChange(s.id, {
        expectedVersion: 2,
        actor,
        now: later(4),
        checkpoint: { month: 6, answers: { 'X-1.1': { value: yes } }, profile: { officials: 6 } },
      });
      const both = await repos.submissions.checkpointsOf([s.id, 'no-such-submission']);
      expect(both.map((c) => [c.month, c.answers, c.profile, c.recordedAt])).toEqual([
        [3, { 'X-1.1': { value: no } }, { officials: 5 }, later(3)],
        [6, { 'X-1.1': { value: yes } }, { officials: 6 }, later(4)],
      ]);
      expect(await repos.submissions.checkpointsOf([])).toEqual([]);
      expect((await repos.submissions.latestCheckpoint(s.unitId, [s.periodId]))?.month).toBe(6);
      expect(await repos.submissions.latestCheckpoint(s.unitId, ['other-period'])).toBeNull();
      expect(await repos.submissions.latestCheckpoint(s.unitId, [])).toBeNull();
    });

    it('counts evidence per criterion, also evidence sent before the answer', async () => {
      const s = await newSubmission();
      const evidence = {
        submissionId: s.id,
        kind: 'photo' as const,
        channel: 'telegram' as const,
        fileRef: 'f',
        sha256: null,
        size: 10,
        mime: 'image/png',
        storedPath: null,
        uploadedById: 'p',
      };
      expect(await repos.submissions.addEvidence({ ...evidence, criterionCode: 'X-1.1', fileName: 'a.png', now })).toBe(1);
      expect(await repos.submissions.addEvidence({ ...evidence, criterionCode: 'X-1.1', fileName: 'b.png', now: later(1) })).toBe(2);
      expect(await repos.submissions.addEvidence({ ...evidence, criterionCode: 'X-1.2', fileName: null, now: later(2) })).toBe(1);
      // The same file (by sha256) is recognised per criterion (on another submission: the rows below are this one's).
      const t = await newSubmission();
      await repos.submissions.addEvidence({ ...evidence, submissionId: t.id, criterionCode: 'X-1.3', sha256: 'ab'.repeat(32), fileName: null, now: later(3) });
      expect(await repos.submissions.hasEvidence(t.id, 'X-1.3', 'ab'.repeat(32))).toBe(true);
      expect(await repos.submissions.hasEvidence(t.id, 'X-1.3', 'cd'.repeat(32))).toBe(false);
      expect(await repos.submissions.hasEvidence(t.id, 'X-1.1', 'ab'.repeat(32))).toBe(false);
      expect((await repos.submissions.load(s.id))!.answers).toEqual({});
      await repos.submissions.applyChange(s.id, { expectedVersion: 0, actor, now: later(3), answers: [{ code: 'X-1.1', value: yes }] });
      expect((await repos.submissions.load(s.id))!.answers['X-1.1']!.evidenceCount).toBe(2);
      expect((await repos.submissions.evidenceOf(s.id)).map((e) => [e.criterionCode, e.fileName, e.kind, e.mime, e.size])).toEqual([
        ['X-1.1', 'a.png', 'photo', 'image/png', 10],
        ['X-1.1', 'b.png', 'photo', 'image/png', 10],
        ['X-1.2', null, 'photo', 'image/png', 10],
      ]);
    });

    it('reads many submissions for scoring: answers with evidence counts and appraised points, an empty one, never an unknown id', async () => {
      const s = await newSubmission();
      const empty = await newSubmission();
      const evidence = {
        submissionId: s.id,
        kind: 'photo' as const,
        channel: 'telegram' as const,
        fileRef: 'f',
        sha256: null,
        size: 1,
        mime: null,
        storedPath: null,
        uploadedById: 'p',
      };
      await repos.submissions.addEvidence({ ...evidence, criterionCode: 'X-1.1', fileName: 'a.png', now });
      await repos.submissions.addEvidence({ ...evidence, criterionCode: 'X-1.1', fileName: 'b.png', now });
      // Evidence of a criterion without an answer counts nowhere; on another submission, not here.
      await repos.submissions.addEvidence({ ...evidence, criterionCode: 'X-1.3', fileName: 'c.png', now });
      await repos.submissions.addEvidence({ ...evidence, submissionId: empty.id, criterionCode: 'X-1.2', fileName: 'd.png', now });
      await repos.submissions.applyChange(s.id, {
        expectedVersion: 0,
        actor,
        now,
        answers: [
          { code: 'X-1.1', value: yes, explanation: '=cmd|x' },
          { code: 'X-1.2', value: no, explanation: '' },
        ],
      });
      await repos.submissions.applyChange(s.id, { expectedVersion: 1, actor, now: later(1), overrides: { set: { 'X-1.2': { points: 1.5, note: 'n' } } } });
      const many = await repos.submissions.scoringMany([empty.id, 'no-such-submission', s.id]);
      expect([...many].sort((a, b) => (a.id === s.id ? -1 : b.id === s.id ? 1 : 0))).toEqual([
        {
          id: s.id,
          answers: {
            'X-1.1': { value: yes, explanation: '=cmd|x', evidenceCount: 2 },
            'X-1.2': { value: no, evidenceCount: 0 },
          },
          overrides: { 'X-1.2': { points: 1.5 } },
        },
        { id: empty.id, answers: {}, overrides: {} },
      ]);
      // The same figures as the full snapshot.
      const full = (await repos.submissions.load(s.id))!;
      expect(many.find((m) => m.id === s.id)!.answers).toEqual(full.answers);
      expect(await repos.submissions.scoringMany([])).toEqual([]);
    });

    it('reads many submissions whose answers share values (the same stored text), each answer with its own explanation', async () => {
      const ratio = { type: 'ratio' as const, numerator: 3, denominator: 4 };
      const subs = [await newSubmission(), await newSubmission(), await newSubmission()];
      for (const [i, sub] of subs.entries())
        await repos.submissions.applyChange(sub.id, {
          expectedVersion: 0,
          actor,
          now,
          answers: [
            { code: 'X-1.1', value: i === 2 ? no : yes, explanation: `giải trình ${i}` },
            { code: 'X-1.3', value: i === 1 ? { ...ratio, numerator: 1 } : ratio },
          ],
        });
      const many = new Map((await repos.submissions.scoringMany(subs.map((x) => x.id))).map((m) => [m.id, m.answers]));
      expect(subs.map((x) => many.get(x.id))).toEqual([
        { 'X-1.1': { value: yes, explanation: 'giải trình 0', evidenceCount: 0 }, 'X-1.3': { value: ratio, evidenceCount: 0 } },
        { 'X-1.1': { value: yes, explanation: 'giải trình 1', evidenceCount: 0 }, 'X-1.3': { value: { ...ratio, numerator: 1 }, evidenceCount: 0 } },
        { 'X-1.1': { value: no, explanation: 'giải trình 2', evidenceCount: 0 }, 'X-1.3': { value: ratio, evidenceCount: 0 } },
      ]);
      for (const sub of subs) expect(many.get(sub.id)).toEqual((await repos.submissions.load(sub.id))!.answers);
    });

    it("takes lists of thousands of ids, as a province's 10,000 units give: snapshots, checkpoints, signed forms, members", async () => {
      const s = await newSubmission();
      await repos.submissions.applyChange(s.id, { expectedVersion: 0, actor, now: later(1), checkpoint: { month: 6, answers: {}, profile: {} } });
      await repos.submissions.applyChange(s.id, { expectedVersion: 1, actor, now: later(2), checkpoint: { month: 3, answers: {}, profile: {} } });
      const form = {
        submissionId: s.id,
        answersSha256: 'a'.repeat(64),
        fileSha256: 'f'.repeat(64),
        signerSubject: 'CN=Nguyễn Văn A',
        signerName: 'Nguyễn Văn A',
        signingTime: later(3),
        uploadedById: 'person-x',
        channel: 'telegram',
        createdAt: later(3),
      };
      await repos.signedForms.record(form);
      await repos.signedForms.record({ ...form, signerName: 'Trần Thị B', createdAt: later(4) });
      const account = await repos.people.ensureAccount({
        channel: 'telegram',
        externalId: 'many-1',
        chatId: 'many-1',
        displayName: 'Cán bộ',
        locale: 'vi',
        now,
      });
      await repos.people.grantMembership({ personId: account.personId, unitId: s.unitId, role: 'reporter' });
      const others = Array.from({ length: 2400 }, (_, i) => `no-such-${i}`);
      const many = [...others.slice(0, 1200), s.id, ...others.slice(1200)];
      expect((await repos.submissions.loadMany(many)).map((x) => x.id)).toEqual([s.id]);
      expect((await repos.submissions.checkpointsOf(many)).map((c) => [c.submissionId, c.month])).toEqual([
        [s.id, 3],
        [s.id, 6],
      ]);
      const latest = await repos.signedForms.latestOf(many);
      expect([...latest.keys()]).toEqual([s.id]);
      expect(latest.get(s.id)?.signerName).toBe('Trần Thị B');
      const units = [...others.slice(0, 1200), s.unitId, ...others.slice(1200)];
      expect((await repos.people.listMemberAccounts(units, 'reporter')).map((a) => [a.id, a.unitId])).toEqual([[account.id, s.unitId]]);
    });

    it('reads a long list (the export reads 100 at a time; SQLite on its reading thread) exactly as short ones', async () => {
      const subs: SubmissionSnapshot[] = [];
      for (let i = 0; i < 40; i += 1) subs.push(await newSubmission());
      for (const [i, sub] of subs.entries()) {
        if (i % 5 === 4) continue; // some left empty
        await repos.submissions.applyChange(sub.id, {
          expectedVersion: 0,
          actor,
          now,
          answers: [
            { code: 'X-1.1', value: i % 2 ? yes : no, ...(i % 3 ? { explanation: `Xã ${i}: chưa đủ "kinh phí" & nhân lực` } : {}) },
            { code: 'X-1.3', value: { type: 'ratio', numerator: i % 7, denominator: 7 } },
          ],
        });
        if (i % 4 === 0) {
          await repos.submissions.addEvidence({
            submissionId: sub.id,
            criterionCode: 'X-1.1',
            kind: 'photo',
            channel: 'telegram',
            fileRef: `f${i}`,
            fileName: `${i}.png`,
            sha256: null,
            size: 1,
            mime: null,
            storedPath: null,
            uploadedById: 'p',
            now,
          });
          await repos.submissions.applyChange(sub.id, {
            expectedVersion: 1,
            actor,
            now: later(1),
            overrides: { set: { 'X-1.3': { points: 2.5, note: 'n' } } },
          });
        }
      }
      const ids = [...subs.map((x) => x.id), 'no-such-submission'];
      const long = await repos.submissions.scoringMany(ids);
      const short = (await Promise.all([0, 10, 20, 30].map((i) => repos.submissions.scoringMany(ids.slice(i, i + 10))))).flat();
      const byId = (xs: typeof long) => new Map(xs.map((x) => [x.id, x]));
      expect(long).toHaveLength(40);
      expect(byId(long)).toEqual(byId([...short, ...(await repos.submissions.scoringMany(ids.slice(40)))]));
      const eighth = byId(long).get(subs[8]!.id)!;
      expect(eighth).toEqual({
        id: subs[8]!.id,
        answers: {
          'X-1.1': { value: no, explanation: 'Xã 8: chưa đủ "kinh phí" & nhân lực', evidenceCount: 1 },
          'X-1.3': { value: { type: 'ratio', numerator: 1, denominator: 7 }, evidenceCount: 0 },
        },
        overrides: { 'X-1.3': { points: 2.5 } },
      });
      for (const sub of subs) expect(byId(long).get(sub.id)!.answers).toEqual((await repos.submissions.load(sub.id))!.answers);
    });

    it('keeps appraised points through answer updates until cleared, and refuses points on an unanswered criterion as a conflict', async () => {
      const s = await newSubmission();
      await repos.submissions.applyChange(s.id, { expectedVersion: 0, actor, now, answers: [{ code: 'X-1.1', value: yes }] });
      const verifier = { personId: 'verifier', channel: 'console' as const };
      const refused = await repos.submissions.applyChange(s.id, {
        expectedVersion: 1,
        actor: verifier,
        now: later(1),
        overrides: { set: { 'X-1.1': { points: 5, note: 'ok' }, 'X-9.9': { points: 1, note: 'none' } } },
        appraisal: 'in_progress',
      });
      expect(refused).toEqual({ ok: false, reason: 'conflict' });
      expect((await repos.submissions.load(s.id))!).toMatchObject({ version: 1, overrides: {}, appraisalState: 'not_started' });
      const set = await repos.submissions.applyChange(s.id, {
        expectedVersion: 1,
        actor: verifier,
        now: later(1),
        overrides: { set: { 'X-1.1': { points: 5, note: 'thiếu quyết định' } } },
        appraisal: 'in_progress',
      });
      expect(set).toEqual({ ok: true, version: 2 });
      expect((await repos.submissions.load(s.id))!).toMatchObject({
        appraisalState: 'in_progress',
        overrides: { 'X-1.1': { points: 5, note: 'thiếu quyết định', byId: 'verifier', at: later(1) } },
      });
      await repos.submissions.applyChange(s.id, { expectedVersion: 2, actor, now: later(2), answers: [{ code: 'X-1.1', value: no }] });
      expect((await repos.submissions.load(s.id))!.overrides['X-1.1']!.points).toBe(5);
      await repos.submissions.applyChange(s.id, { expectedVersion: 3, actor, now: later(3), overrides: { clear: ['X-1.1'] } });
      expect((await repos.submissions.load(s.id))!.overrides).toEqual({});
      const history = await repos.submissions.history(s.id, 'X-1.1');
      expect(history.map((h) => [h.kind, h.points, h.note, h.personId])).toEqual([
        ['answer', null, null, 'person-x'],
        ['verify', 5, 'thiếu quyết định', 'verifier'],
        ['answer', null, null, 'person-x'],
        ['verify_cleared', null, null, 'person-x'],
      ]);
      expect(history[0]!.value).toEqual(yes);
    });

    it('records submission, return and resubmission: the first submission date stays, events in order, the score cache and last activity', async () => {
      const s = await newSubmission();
      const answers = { 'X-1.1': { value: yes, evidenceCount: 0 } };
      const score = scoreCache(communeSet, seed.period, { answers, overrides: {} });
      await repos.submissions.applyChange(s.id, { expectedVersion: 0, actor, now: later(1), answers: [{ code: 'X-1.1', value: yes }], score });
      expect((await summaryOf(s.id)).score).toEqual(score);
      expect((await summaryOf(s.id)).lastActivityAt).toEqual(later(1));
      const submitter = { personId: 'reporter', channel: 'zalo' as const };
      await repos.submissions.applyChange(s.id, {
        expectedVersion: 1,
        actor: submitter,
        now: later(10),
        status: { to: 'submitted', event: 'submitted', firstSubmission: true },
      });
      expect(await repos.submissions.load(s.id)).toMatchObject({ status: 'submitted', firstSubmittedAt: later(10), submittedAt: later(10), version: 2 });
      await repos.submissions.applyChange(s.id, {
        expectedVersion: 2,
        actor,
        now: later(20),
        status: { to: 'returned', note: 'Thiếu biên bản', event: 'returned' },
      });
      expect(await repos.submissions.load(s.id)).toMatchObject({ status: 'returned', returnNote: 'Thiếu biên bản', firstSubmittedAt: later(10) });
      // System work (rescoring) does not count as the unit's activity.
      await repos.submissions.applyChange(s.id, { expectedVersion: 3, actor, now: later(25), score, activity: false });
      expect((await summaryOf(s.id)).lastActivityAt).toEqual(later(20));
      await repos.submissions.applyChange(s.id, {
        expectedVersion: 4,
        actor: submitter,
        now: later(30),
        status: { to: 'submitted', event: 'resubmitted', firstSubmission: false },
      });
      const resubmitted = (await repos.submissions.load(s.id))!;
      expect(resubmitted).toMatchObject({ status: 'submitted', firstSubmittedAt: later(10), submittedAt: later(30), version: 5 });
      await repos.submissions.applyChange(s.id, {
        expectedVersion: 5,
        actor,
        now: later(40),
        appraisal: 'done',
        status: { to: 'verified', event: 'verified' },
      });
      expect(await summaryOf(s.id)).toMatchObject({
        status: 'verified',
        appraisalState: 'done',
        firstSubmittedAt: later(10),
        submittedAt: later(30),
        version: 6,
      });
      expect((await repos.submissions.events(s.id)).map((e) => [e.kind, e.personId, e.note])).toEqual([
        ['submitted', 'reporter', null],
        ['returned', 'person-x', 'Thiếu biên bản'],
        ['resubmitted', 'reporter', null],
        ['verified', 'person-x', null],
      ]);
    });

    it('lists scores of another score version as stale, and hides them from the coordinators’ summaries', async () => {
      const s = await newSubmission();
      expect((await repos.submissions.staleScores(SCORE_VERSION, 10_000)).map((r) => r.id)).toContain(s.id);
      const score = scoreCache(communeSet, seed.period, { answers: {}, overrides: {} });
      await repos.submissions.applyChange(s.id, { expectedVersion: 0, actor, now, score: { ...score, v: SCORE_VERSION - 1 } });
      expect((await repos.submissions.staleScores(SCORE_VERSION, 10_000)).find((r) => r.id === s.id)).toEqual({
        id: s.id,
        periodId: seed.period.id,
        criteriaSetId: communeSetId,
        version: 1,
      });
      expect((await summaryOf(s.id)).score).toBeNull();
      await repos.submissions.applyChange(s.id, { expectedVersion: 1, actor, now, score });
      expect((await repos.submissions.staleScores(SCORE_VERSION, 10_000)).map((r) => r.id)).not.toContain(s.id);
      expect((await summaryOf(s.id)).score).toEqual(score);
    });
  });

  describe('outbox, leases and inbox', () => {
    it('enqueues each key once, claims due rows, and a lease has one live holder', async () => {
      const row = {
        idempotencyKey: 'contract:1',
        kind: 'reminder',
        channel: 'telegram',
        accountId: null,
        chatId: '1',
        payload: { locale: 'vi', replies: [] },
        nextAttemptAt: now,
      };
      expect(await repos.outbox.enqueue([row, { ...row, idempotencyKey: 'contract:2', nextAttemptAt: later(60) }], now)).toBe(2);
      expect(await repos.outbox.enqueue([row], now)).toBe(0);
      expect(await repos.outbox.keysWithPrefix('contract:')).toEqual(new Set(['contract:1', 'contract:2']));
      const claimed = await repos.outbox.claim('a', now, 10, 60_000);
      expect(claimed.map((r) => r.idempotencyKey)).toEqual(['contract:1']);
      expect(await repos.outbox.claim('b', later(0.5), 10, 60_000)).toEqual([]);
      await repos.outbox.markSent(claimed[0]!.id, now);
      expect(await repos.outbox.counts()).toEqual({ sent: 1, pending: 1 });
      expect(await repos.leases.acquire('contract', 'a', now, 60_000)).toBe(true);
      expect(await repos.leases.acquire('contract', 'b', later(0.5), 60_000)).toBe(false);
      expect(await repos.leases.holderOf('contract', later(0.5))).toBe('a');
      expect(await repos.leases.liveLease('contract', later(0.5))).toEqual({ holder: 'a', expiresAt: new Date(now.getTime() + 60_000) });
      expect(await repos.leases.liveLease('contract', later(2))).toBeNull();
      expect(await repos.leases.acquire('contract', 'b', later(2), 60_000)).toBe(true);
      expect(await repos.inbox.store('zalo:1', 'zalo', { a: 1 }, now)).toBe('new');
      expect(await repos.inbox.store('zalo:1', 'zalo', { a: 1 }, now)).toBe('duplicate');
      expect(await repos.inbox.pending('zalo', later(1))).toEqual([{ key: 'zalo:1', payload: { a: 1 } }]);
      await repos.inbox.markDone('zalo:1', later(1));
      expect(await repos.inbox.pending('zalo', later(1))).toEqual([]);
      // Pruned by age: the key can be stored again afterwards.
      await repos.inbox.store('zalo:2', 'zalo', {}, later(5));
      expect(await repos.inbox.prune(later(2))).toBe(1);
      expect(await repos.inbox.store('zalo:1', 'zalo', {}, later(6))).toBe('new');
      expect(await repos.inbox.store('zalo:2', 'zalo', {}, later(6))).toBe('duplicate');
    });
  });
});
