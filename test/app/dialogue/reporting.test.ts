// The reporting conversation as use cases over the in-memory ports with a fixed clock: join
// with an invite, walk the commune set, wrong input, evidence, review, submit and lateness.
// Assertions are on the reply descriptors (keys and params) and on what the ports stored.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { hashCode } from '../../../bot/app/admin/invite-codes.ts';
import { createInvite } from '../../../bot/app/admin/create-invite.ts';
import { latenessOf, scoreCache, scoreOf } from '../../../bot/app/scores.ts';
import { localDateTimeToInstant } from '../../../core/calendar/local-date.ts';
import { addWorkingDays, VIETNAM_CALENDAR } from '../../../core/calendar/working-days.ts';
import type { CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';
import type { Reply } from '../../../core/reply.ts';
import { nextAction } from '../../support/answer-driver.ts';
import { createHarness, keys, pngBytes, type Harness } from '../support/use-case-harness.ts';

const start = new Date('2026-11-24T03:00:00.000Z');

describe('the reporting dialogue over in-memory ports', () => {
  let h: Harness;
  let set: CriteriaSet;
  let setId: string;
  /** 10:00 local on the n-th working day after the commune deadline (15/12/2026 in the seed). */
  const lateBy = (n: number): Date => localDateTimeToInstant(addWorkingDays(h.seed.period.deadlines.commune!, n, VIETNAM_CALENDAR), '10:00');
  const submissionOf = async (unitCode: string) => (await h.repos.submissions.find(h.seed.period.id, await h.unitId(unitCode), setId))!;
  const cursorOf = async (user: number) => (await h.state(user)).session?.cursor;

  /** Answers with the driver until `stop` says so (or the set is done); returns the last replies. */
  const walk = async (user: number, stop: (cursor: { kind: string; code?: string } | undefined, step: string | undefined) => boolean = () => false) => {
    const sent = new Set<string>();
    let last: readonly Reply[] = [];
    for (let i = 0; i < 300; i += 1) {
      const state = await h.state(user);
      if (stop(state.session?.cursor, state.session?.step)) return last;
      const action = nextAction(set, state, 2026, sent);
      if (action.kind === 'done') return last;
      if (action.kind === 'photo') {
        const cursor = state.session?.cursor;
        sent.add(cursor?.kind === 'criterion' ? cursor.code : '');
        last = await h.photo(user);
      } else if (action.kind === 'choice') last = await h.click(user, action.value);
      else last = await h.text(user, action.text);
    }
    throw new Error('the questionnaire did not finish');
  };

  beforeAll(async () => {
    h = await createHarness(start);
    ({ id: setId, set } = await h.setOf('commune'));
  });

  it('joins with an invite; a wrong code is counted and grants nothing; a redelivered update is answered once', async () => {
    expect(keys(await h.text(10, '/start AAAAAAAAAA'))).toEqual(['dialogue:join.unknown']);
    const account = (await h.repos.people.findAccount('telegram', '10'))!;
    expect(account.failedInviteAttempts).toBe(1);
    expect(await h.repos.people.listMemberships(account.personId)).toEqual([]);

    const unitId = await h.unitId('X-THACHDAI');
    const { code } = await createInvite(h.repos.invites, { unitId, role: 'reporter', uses: 1, days: 7, createdById: null, now: start });
    const joined = await h.send(10, { kind: 'text', text: `/start ${code}` }, 'tg:join-10');
    expect(joined!.replies).toEqual([
      {
        key: 'dialogue:join.joined_reporter',
        params: { unit: 'Xã Thạch Đài', code: 'X-THACHDAI' },
        choices: [{ value: 'cmd:report', key: 'dialogue:choice.report' }],
      },
    ]);
    expect((await h.repos.people.listMemberships(account.personId)).map((m) => [m.unitId, m.role])).toEqual([[unitId, 'reporter']]);
    expect((await h.repos.invites.findByHash(hashCode(code)))!.uses).toBe(1);
    expect((await h.repos.people.findAccountById(account.id))!.failedInviteAttempts).toBe(0);
    expect(await h.send(10, { kind: 'text', text: `/start ${code}` }, 'tg:join-10')).toBeNull();
    // The code is used up for the next person.
    expect(keys(await h.text(11, `/start ${code}`))).toEqual(['dialogue:join.used_up']);
  });

  it('walks the profile block; a wrong number keeps the question and stores nothing', async () => {
    const opened = await h.click(10, 'cmd:report');
    expect(opened[0]).toEqual({
      key: 'dialogue:report.intro',
      params: { unit: 'Xã Thạch Đài', period: h.seed.period.name, deadline: '15/12/2026', answered: 0, total: set.criteria.length },
    });
    const question = opened[1]!;
    expect(question).toMatchObject({ key: 'criteria:prompt.profile', params: { index: 1, total: set.profile.length } });
    const before = await submissionOf('X-THACHDAI');

    const wrong = await h.text(10, 'hai mươi');
    expect(wrong).toEqual([{ key: 'criteria:error.number.invalid', params: {} }, question]);
    expect(await cursorOf(10)).toEqual({ kind: 'profile', key: set.profile[0]!.key });
    expect(await submissionOf('X-THACHDAI')).toEqual(before);

    for (const p of set.profile) expect((await h.text(10, '20'))[0]).toEqual({ key: 'criteria:profile.saved', params: { label: p.label.vi, value: 20 } });
    const stored = await submissionOf('X-THACHDAI');
    expect(stored.profile).toEqual(Object.fromEntries(set.profile.map((p) => [p.key, 20])));
    expect(stored.version).toBe(before.version + set.profile.length);
    expect(await cursorOf(10)).toEqual({ kind: 'criterion', code: set.criteria[0]!.code });
  });

  it('stores an answer with its score, refuses oversized evidence keeping the question, and counts a photo sent', async () => {
    const first = set.criteria[0]!;
    expect(first.code).toBe('X-1.1');
    const saved = await h.click(10, 'c:head');
    expect(saved[0]).toMatchObject({ key: 'criteria:answer.saved_pending_evidence', params: { code: 'X-1.1', points: 20 } });
    const afterAnswer = await submissionOf('X-THACHDAI');
    expect(afterAnswer.answers['X-1.1']).toEqual({ value: { type: 'choice', option: 'head' }, evidenceCount: 0 });
    // The score cache written with the answer is the score function's result on the stored snapshot.
    const summary = (await h.repos.coordination.submissionsOf(h.seed.period.id, [setId])).find((s) => s.id === afterAnswer.id)!;
    expect(summary.score).toEqual(scoreCache(set, h.seed.period, afterAnswer));
    expect(summary.lastActivityAt).toEqual(start);

    const big = await h.photo(10, 5 * 1024 * 1024);
    expect(big[0]).toEqual({ key: 'dialogue:evidence.too_large', params: { maxMb: 1 } });
    expect(keys(big).at(-1)).toBe('criteria:prompt.evidence_required');
    expect(await h.repos.submissions.evidenceOf(afterAnswer.id)).toEqual([]);
    expect((await h.state(10)).session).toMatchObject({ cursor: { code: 'X-1.1' }, step: 'evidence' });

    const photo = await h.photo(10);
    expect(photo[0]).toEqual({ key: 'criteria:evidence.received', params: { code: 'X-1.1', count: 1 } });
    const files = await h.repos.submissions.evidenceOf(afterAnswer.id);
    expect(files).toMatchObject([{ criterionCode: 'X-1.1', kind: 'photo', mime: 'image/png', size: pngBytes.length, createdAt: start }]);
    const row = h.repos.store.evidence[0]!;
    expect(row.sha256).toBe(createHash('sha256').update(pngBytes).digest('hex'));
    expect(h.evidence.files.get(row.storedPath!)).toEqual(pngBytes);
    expect((await submissionOf('X-THACHDAI')).answers['X-1.1']!.evidenceCount).toBe(1);
    expect(keys(await h.click(10, 'e:done'))).toContain('criteria:question.header');
    expect(await cursorOf(10)).toEqual({ kind: 'criterion', code: 'X-1.2' });
  });

  it('a ratio above its total is refused with the question kept, and nothing is stored for it', async () => {
    await walk(10, (cursor, step) => cursor?.code === 'X-1.3' && (step === 'value' || step === 'numerator'));
    const wrong = await h.text(10, '60/50');
    expect(wrong[0]!.key).toMatch(/^criteria:error\.ratio\./);
    // One short line and the input hint: the question itself is still on screen above.
    expect(wrong).toHaveLength(2);
    expect(wrong.some((r) => r.key === 'criteria:question.header')).toBe(false);
    expect(wrong[1]!.key).toMatch(/^criteria:prompt\./);
    expect((await submissionOf('X-THACHDAI')).answers['X-1.3']).toBeUndefined();
    expect(await cursorOf(10)).toEqual({ kind: 'criterion', code: 'X-1.3' });
  });

  it('/review lists what blocks submitting with edit buttons, and /submit is refused while anything does', async () => {
    const review = await h.text(10, '/review');
    expect(review[0]).toEqual({ key: 'dialogue:review.title', params: { unit: 'Xã Thạch Đài', period: h.seed.period.name } });
    const snap = await submissionOf('X-THACHDAI');
    const self = scoreOf(set, h.seed.period, snap).self;
    expect(review[1]).toMatchObject({
      key: 'criteria:review.summary',
      params: { total: self.points, applicableMax: self.applicableMax, percent: self.percent },
    });
    expect(review.some((r) => r.key === 'criteria:review.blocker_missing' && r.params?.['code'] === 'X-1.3')).toBe(true);
    const choices = review.flatMap((r) => r.choices ?? []).map((c) => c.value);
    expect(choices).toContain('edit:X-1.3');
    expect(choices).not.toContain('cmd:submit');

    const refused = await h.text(10, '/submit');
    expect(refused[0]!.key).toBe('dialogue:submit.blocked');
    expect((await h.state(10)).mode).not.toBe('confirm_submit');
    expect((await submissionOf('X-THACHDAI')).status).toBe('draft');
  });

  it('/edit of an answered criterion offers to keep it or remove it; removing deletes it from the store and records why', async () => {
    await h.join(45, 'X-TUNGLOC', 'reporter');
    await h.text(45, '/report');
    for (let i = 0; i < set.profile.length; i += 1) await h.text(45, '20');
    await h.click(45, 'c:head');
    const edit = await h.text(45, '/edit X-1.1');
    expect(edit[0]?.key).toBe('criteria:edit.current');
    const choices = edit.at(-1)!.choices!.map((c) => c.key);
    expect(choices.slice(-2)).toEqual(['dialogue:choice.keep', 'dialogue:choice.clear']);
    expect(choices).not.toContain('dialogue:choice.skip');
    const kept = await h.click(45, 'skip');
    expect(kept[0]).toEqual({ key: 'criteria:questionnaire.kept', params: { code: 'X-1.1' } });
    expect((await submissionOf('X-TUNGLOC')).answers['X-1.1']).toBeDefined();

    await h.text(45, '/edit X-1.1');
    const removed = await h.click(45, 'x:clear');
    expect(removed[0]?.key).toBe('criteria:questionnaire.cleared');
    const snap = await submissionOf('X-TUNGLOC');
    expect(snap.answers['X-1.1']).toBeUndefined();
    expect(scoreOf(set, h.seed.period, snap).self.points).toBe(0);
    expect((await h.repos.submissions.history(snap.id, 'X-1.1')).map((r) => r.kind)).toContain('clear');
    expect(await cursorOf(45)).toEqual({ kind: 'criterion', code: 'X-1.1' });
  });

  it('a forged button, or one of an older message, is refused and the question on screen asked again, with nothing stored', async () => {
    await h.join(40, 'X-HODO', 'reporter');
    await h.text(40, '/report');
    for (let i = 0; i < set.profile.length; i += 1) await h.text(40, '20');
    const before = await submissionOf('X-HODO');
    const forged = await h.click(40, 'c:zzz');
    expect(forged[0]).toEqual({ key: 'dialogue:stale_choice' });
    expect(forged.find((r) => r.key === 'criteria:question.header')!.params).toMatchObject({ code: 'X-1.1' });
    // A real value on a button of an older message (another stamp) is refused the same way.
    const older = await h.send(40, { kind: 'callback', data: 'c:head', stamp: 'old0' });
    expect(older!.replies[0]).toEqual({ key: 'dialogue:stale_choice' });
    expect(await submissionOf('X-HODO')).toEqual(before);
  });

  it('two reporters of one unit answering at once in one process: the second waits for the first’s commit, so neither loses its version', async () => {
    const [a, b] = [await h.join(30, 'X-VUONGLOC', 'reporter'), await h.join(31, 'X-VUONGLOC', 'reporter')];
    for (const user of [30, 31]) {
      await h.text(user, '/report');
      for (let i = 0; i < set.profile.length; i += 1) await h.text(user, '20');
    }
    await h.text(31, '/edit X-1.2');
    // Each answer commits with its turn (claim, answer, chat state); the submission's lock is
    // kept until then, so the second reads the first's committed version.
    const commits = vi.spyOn(h.repos.chats, 'commitTurn');
    try {
      await Promise.all([h.click(30, 'c:head'), h.text(31, '4')]);
      const outcomes = await Promise.all(commits.mock.results.map((r) => r.value as Promise<string>));
      expect(outcomes).toEqual(['done', 'done']);
    } finally {
      commits.mockRestore();
    }
    const snap = await submissionOf('X-VUONGLOC');
    expect(Object.keys(snap.answers).sort()).toEqual(['X-1.1', 'X-1.2']);
    expect(snap.answers['X-1.2']!.value).toEqual({ type: 'count', count: 4 });
    const authors = await h.repos.submissions.answerAuthors(snap.id);
    expect(Object.fromEntries(authors.map((x) => [x.criterionCode, x.answeredById]))).toEqual({ 'X-1.1': a, 'X-1.2': b });
  });

  it('a writer in another process takes the version before the turn commits: the turn runs again on its answers and both are kept', async () => {
    const person = await h.join(32, 'X-THIENLOC', 'reporter');
    await h.text(32, '/report');
    for (let i = 0; i < set.profile.length; i += 1) await h.text(32, '20');
    const before = await submissionOf('X-THIENLOC');
    const commit = h.repos.chats.commitTurn.bind(h.repos.chats);
    let interfered = false;
    const commits = vi.spyOn(h.repos.chats, 'commitTurn').mockImplementation(async (...args) => {
      if (!interfered) {
        interfered = true;
        // Another instance's reporter stores between this turn's answer and its commit.
        const other = await h.repos.submissions.applyChange(before.id, {
          expectedVersion: before.version,
          actor: { personId: person, channel: 'zalo' },
          now: h.now(),
          answers: [{ code: 'X-1.2', value: { type: 'count', count: 3 } }],
          score: scoreCache(set, h.seed.period, {
            answers: { ...before.answers, 'X-1.2': { value: { type: 'count', count: 3 }, evidenceCount: 0 } },
            overrides: {},
          }),
        });
        expect(other.ok).toBe(true);
      }
      return commit(...args);
    });
    try {
      const saved = await h.click(32, 'c:deputy');
      expect(saved[0]).toMatchObject({ key: 'criteria:answer.saved_pending_evidence', params: { code: 'X-1.1', points: 10 } });
      const outcomes = await Promise.all(commits.mock.results.map((r) => r.value as Promise<string>));
      expect(outcomes).toEqual(['conflict', 'done']);
    } finally {
      commits.mockRestore();
    }
    const snap = await submissionOf('X-THIENLOC');
    expect(snap.version).toBe(before.version + 2);
    expect(snap.answers['X-1.1']!.value).toEqual({ type: 'choice', option: 'deputy' });
    expect(snap.answers['X-1.2']!.value).toEqual({ type: 'count', count: 3 });
    expect(await h.repos.submissions.history(snap.id, 'X-1.1')).toHaveLength(1);
  });

  it('completes the set and submits on time: the figures are the score function’s, the report is locked, the first submission recorded', async () => {
    await h.text(10, '/report');
    await walk(10);
    const snap = await submissionOf('X-THACHDAI');
    const self = scoreOf(set, h.seed.period, snap).self;
    const confirm = await h.text(10, '/submit');
    // First the whole list of answers to be sent, then the totals to confirm.
    expect(confirm[0]).toMatchObject({ key: 'criteria:list.title', params: { count: set.criteria.length } });
    expect(confirm.filter((r) => r.key.startsWith('criteria:list.row'))).toHaveLength(set.criteria.length);
    expect(confirm.find((r) => r.key === 'dialogue:submit.confirm')).toMatchObject({
      key: 'dialogue:submit.confirm',
      params: { unit: 'Xã Thạch Đài', points: self.points, applicableMax: self.applicableMax },
    });
    expect(keys(confirm)).not.toContain('dialogue:submit.late');
    expect((await h.state(10)).mode).toBe('confirm_submit');

    const done = await h.click(10, 'confirm:submit');
    expect(done[0]).toEqual({ key: 'dialogue:submit.done', params: expect.objectContaining({ points: self.points, at: '24/11/2026' }) as unknown });
    expect(done[1]).toMatchObject({ key: 'dialogue:submit.receipt', params: { total: set.criteria.length } });
    const submitted = await submissionOf('X-THACHDAI');
    expect(submitted).toMatchObject({ status: 'submitted', firstSubmittedAt: start, submittedAt: start, version: snap.version + 1 });
    expect((await h.repos.submissions.events(submitted.id)).map((e) => e.kind)).toEqual(['submitted']);
    expect(keys(await h.text(10, '/edit X-1.1'))).toEqual(['dialogue:report.locked']);
    expect((await submissionOf('X-THACHDAI')).version).toBe(submitted.version);
  });

  it('submitting after the deadline says how many working days late, and lateness is judged from that first submission', async () => {
    await h.join(20, 'X-THACHKHE', 'reporter');
    await h.text(20, '/report');
    await walk(20);
    h.setNow(lateBy(3));
    try {
      const confirm = await h.text(20, '/submit');
      expect(confirm.find((r) => r.key === 'dialogue:submit.late')).toEqual({ key: 'dialogue:submit.late', params: { days: 3, tolerance: 5 } });
      const done = await h.click(20, 'confirm:submit');
      expect(keys(done)).toEqual(['dialogue:submit.done', 'dialogue:submit.recorded_late', 'dialogue:submit.receipt']);
      expect(done[1]!.params).toEqual({ days: 3 });
      const submitted = await submissionOf('X-THACHKHE');
      expect(submitted.firstSubmittedAt).toEqual(lateBy(3));
      expect(latenessOf(h.seed.period, 'commune', submitted.firstSubmittedAt, VIETNAM_CALENDAR)).toEqual({
        late: true,
        workingDaysLate: 3,
        beyondTolerance: false,
      });
    } finally {
      h.setNow(start);
    }
  });
});
