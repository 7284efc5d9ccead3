// A file or an explanation added to an answered criterion without answering it again, and the
// question on screen shown again after /help or /score.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseChatState } from '../../../bot/app/dialogue/chat-state.ts';
import { createHarness, keys, type Harness } from '../support/use-case-harness.ts';

describe('/file and /explain on an answered criterion', () => {
  let h: Harness;
  const start = new Date('2026-11-22T02:00:00Z');
  const user = 77;
  const stored = async () => {
    const state = await h.state(user);
    const snap = state.submissionId ? await h.repos.submissions.load(state.submissionId) : null;
    return { answers: snap?.answers ?? {} };
  };
  beforeAll(async () => {
    h = await createHarness(start);
    await h.join(user, 'X-TUNGLOC', 'reporter');
    await h.text(user, '/report');
    for (let i = 0; i < 5; i += 1) await h.text(user, '20');
    await h.click(user, 'c:deputy');
    await h.text(user, 'BCĐ do Phó Chủ tịch phụ trách');
    await h.text(user, 'xong');
  });

  it('adds a document reference to X-1.1 without answering it again, then goes on where it was', async () => {
    expect(parseChatState(await h.state(user)).session?.cursor).toEqual({ kind: 'criterion', code: 'X-1.2' });
    const shown = keys(await h.text(user, '/file X-1.1'));
    expect(shown[0]).toBe('criteria:edit.current');
    expect(parseChatState(await h.state(user)).session).toMatchObject({ cursor: { kind: 'criterion', code: 'X-1.1' }, step: 'evidence' });
    await h.text(user, 'QĐ số 123/QĐ-UBND ngày 05/3/2026 về kiện toàn Ban chỉ đạo');
    await h.text(user, 'xong');
    const { answers } = await stored();
    expect(answers['X-1.1']).toMatchObject({ value: { type: 'choice', option: 'deputy' }, evidenceCount: 1, explanation: 'BCĐ do Phó Chủ tịch phụ trách' });
    expect(parseChatState(await h.state(user)).session?.cursor).toEqual({ kind: 'criterion', code: 'X-1.2' });
  });

  it('changes only the explanation with /explain', async () => {
    await h.text(user, '/explain X-1.1');
    expect(parseChatState(await h.state(user)).session).toMatchObject({ cursor: { kind: 'criterion', code: 'X-1.1' }, step: 'explanation' });
    await h.text(user, 'Trưởng ban là Phó Chủ tịch UBND xã theo QĐ 123');
    const { answers } = await stored();
    expect(answers['X-1.1']).toMatchObject({
      value: { type: 'choice', option: 'deputy' },
      evidenceCount: 1,
      explanation: 'Trưởng ban là Phó Chủ tịch UBND xã theo QĐ 123',
    });
  });

  it('the review offers a file button for a criterion waiting for its evidence, which opens its evidence step', async () => {
    const other = 78;
    await h.join(other, 'X-VUONGLOC', 'reporter');
    await h.text(other, '/report');
    for (let i = 0; i < 5; i += 1) await h.text(other, '20');
    await h.click(other, 'c:head');
    await h.text(other, 'xong');
    const review = await h.text(other, '/review');
    const values = review.flatMap((r) => r.choices ?? []).map((c) => c.value);
    expect(values).toContain('file:X-1.1');
    expect(values).not.toContain('edit:X-1.1');
    expect(keys(await h.click(other, 'file:X-1.1'))[0]).toBe('criteria:edit.current');
    expect(parseChatState(await h.state(other)).session).toMatchObject({ cursor: { kind: 'criterion', code: 'X-1.1' }, step: 'evidence' });
  });

  it('refuses /file on a criterion not answered yet, and keeps the question', async () => {
    const r = keys(await h.text(user, '/file X-2.1'));
    expect(r[0]).toBe('criteria:error.questionnaire.answer_first');
  });

  it('shows the question on screen again after /help and /score', async () => {
    const help = keys(await h.text(user, '/help'));
    expect(help[0]).toBe('dialogue:help.intro');
    expect(help).toContain('criteria:question.header');
    const score = keys(await h.text(user, '/score'));
    expect(score).toContain('criteria:question.header');
  });
});
