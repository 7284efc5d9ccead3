import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StoredAnswerSchema } from '../../../core/criteria/answer-value.schema.ts';
import { scoreSet } from '../../../core/criteria/scoring.ts';
import { applyInput } from '../../../core/questionnaire/apply-input.ts';
import { describeQuestion } from '../../../core/questionnaire/describe-question.ts';
import { gotoCriterion, gotoProfile } from '../../../core/questionnaire/navigation.ts';
import { reviewSummary, submissionBlockers } from '../../../core/questionnaire/review-summary.ts';
import { SessionStateSchema, type QuestionnaireInput } from '../../../core/questionnaire/session-state.schema.ts';
import { startSession } from '../../../core/questionnaire/start-session.ts';
import { label, loadSet, makeSet, ratioLabels } from '../criteria/fixtures.ts';
import { Driver, render } from './support.ts';

const skip = { kind: 'skip' } as const;

describe('startSession', () => {
  const set = loadSet('commune-2025.yaml');
  it('starts with the profile block, then resumes at the first unanswered criterion', () => {
    expect(startSession(set, {}, {})).toEqual({ cursor: { kind: 'profile', key: 'officials' }, step: 'value', skipped: [] });
    const profile = { officials: 21, villages: 12, computers: 25, population: 1000, enterprises: 3 };
    const answers = { 'X-1.1': { value: { type: 'choice', option: 'head' }, evidenceCount: 1 } } as const;
    expect(startSession(set, answers, profile).cursor).toEqual({ kind: 'criterion', code: 'X-1.2' });
    expect(startSession(set, { ...answers, 'X-1.2': { value: { type: 'count', count: 4 }, evidenceCount: 0 } }, profile)).toMatchObject({
      cursor: { kind: 'criterion', code: 'X-1.3' },
      step: 'numerator',
    });
  });
});

describe('ratio questions', () => {
  const set = makeSet([{ code: 'R', maxPoints: 50, answer: { type: 'ratio', ...ratioLabels, defaultDenominator: 'officials' } }], {
    profile: [{ key: 'officials', label: label('Officials') }],
  });

  it('accept a/b in one go, even at the denominator step', () => {
    const d = new Driver(set, {}, {}, { officials: 20 });
    d.text('7');
    expect(d.where()).toBe('R/denominator');
    d.refuse('5', 'ratio.numerator_exceeds_denominator');
    d.text('45 / 50');
    expect(d.answers.R?.value).toEqual({ type: 'ratio', numerator: 45, denominator: 50 });
  });

  it('offer the profile default only when the profile has it', () => {
    const d = new Driver(set, {}, {}, {});
    d.send(skip); // profile: officials
    d.text('7');
    expect(d.question()?.choices).toEqual([]);
    d.refuse({ kind: 'choice', value: 'd:default' }, 'ratio.no_default_denominator');
    d.refuse({ kind: 'choice', value: 'y' }, 'input.unexpected_choice');
    d.text('10');
    expect(d.answers.R?.value).toEqual({ type: 'ratio', numerator: 7, denominator: 10 });
  });

  it('refuse a default denominator smaller than the numerator', () => {
    const d = new Driver(set, {}, {}, { officials: 5 });
    d.text('7');
    d.refuse({ kind: 'choice', value: 'd:default' }, 'ratio.numerator_exceeds_denominator');
  });
});

describe('skip and come back', () => {
  const set = makeSet([{ code: 'A' }, { code: 'B' }, { code: 'C' }]);
  it('puts skipped questions at the end, oldest first, and re-asks a lone one', () => {
    const d = new Driver(set);
    d.send(skip);
    d.choose('skip');
    expect(d.state.skipped).toEqual(['A', 'B']);
    expect(d.where()).toBe('C/value');
    d.text('có');
    expect(d.where()).toBe('A/value');
    d.text('có');
    expect(d.where()).toBe('B/value');
    expect(d.answers.B).toBeUndefined();
  });

  it('re-asks the last remaining question when it is skipped again', () => {
    const d = new Driver(makeSet([{ code: 'A' }]));
    d.send(skip);
    expect(d.where()).toBe('A/value');
    d.send(skip);
    expect(d.where()).toBe('A/value');
    d.text('no');
    expect(d.where()).toBe('A/explanation');
  });
});

describe('explanations and evidence', () => {
  const set = makeSet([
    { code: 'E', maxPoints: 10, answer: { type: 'boolean' }, evidence: 'required' },
    { code: 'F', maxPoints: 10, answer: { type: 'evidence_only' } },
    { code: 'G', maxPoints: 0, answer: { type: 'text' }, constraints: { minLength: 3 } },
  ]);

  it('asks for an explanation below max, takes evidence there too, and keeps it on the same answer', () => {
    const d = new Driver(set);
    d.text('không');
    expect(d.where()).toBe('E/explanation');
    d.refuse({ kind: 'choice', value: 'y' }, 'input.unexpected_choice');
    d.send({ kind: 'evidence' });
    expect(d.answers.E?.evidenceCount).toBe(1);
    expect(d.where()).toBe('E/explanation');
    d.text('Chưa ban hành quy chế');
    // No points claimed, so no evidence step.
    expect(d.where()).toBe('F/value');
  });

  it('takes evidence-only answers as files, or "không" for none', () => {
    const d = new Driver(set, {}, { E: { value: { type: 'boolean', value: true }, evidenceCount: 1 } });
    expect(d.where()).toBe('F/value');
    d.refuse('hello', 'evidence.expected');
    d.send({ kind: 'evidence', count: 3 });
    expect(d.answers.F).toEqual({ value: { type: 'evidence_only' }, evidenceCount: 3 });
    expect(d.where()).toBe('F/evidence');
    d.refuse('hello', 'evidence.expected');
    d.choose('e:done');
    expect(d.where()).toBe('G/value');
    d.refuse('ab', 'text.too_short');
    d.refuse('x'.repeat(5000), 'input.too_long');
    d.text('abc');
    expect(d.where()).toBe('done');
    expect(scoreSet(set, d.answers).points).toBe(20);
  });

  it('counts required evidence sent later and reports the unblocked points', () => {
    const d = new Driver(set);
    d.text('có');
    expect(d.where()).toBe('E/evidence');
    expect(scoreSet(set, d.answers).byCode.E?.status).toBe('blocked_by_evidence');
    const r = d.send({ kind: 'evidence' });
    expect(r.replies.map((x) => x.key)).toEqual(['criteria:evidence.received', 'criteria:evidence.points_unblocked', 'criteria:prompt.evidence_more']);
    expect(r.changed).toEqual({ code: 'E', kind: 'evidence', points: 10 });
  });
});

describe('evidence as a document reference or a web address', () => {
  const set = makeSet([
    { code: 'R', maxPoints: 10, answer: { type: 'boolean' }, evidence: 'required', evidenceKinds: ['file', 'reference'] },
    { code: 'U', maxPoints: 10, answer: { type: 'boolean' }, evidence: 'required', evidenceKinds: ['url'] },
    { code: 'P', maxPoints: 10, answer: { type: 'boolean' }, evidence: 'required' },
  ]);

  it('counts a typed reference where the criterion accepts one, and says what was read', () => {
    const d = new Driver(set);
    d.text('có');
    expect(d.where()).toBe('R/evidence');
    d.refuse('QĐ ngày 05/3/2026 về kiện toàn', 'evidence.reference_number');
    const r = d.text('QĐ số 123/QĐ-UBND ngày 05/3/2026 về kiện toàn Ban Chỉ đạo chuyển đổi số');
    expect(r.reference).toMatchObject({ kind: 'document', number: '123/QĐ-UBND', date: '2026-03-05' });
    expect(r.replies[0]).toMatchObject({
      key: 'criteria:evidence.reference_received',
      params: { code: 'R', count: 1, number: '123/QĐ-UBND', date: '05/03/2026' },
    });
    expect(scoreSet(set, d.answers).byCode.R?.status).toBe('scored');
    d.text('xong');
    d.text('có');
    expect(d.where()).toBe('U/evidence');
    d.refuse('QĐ số 123/QĐ-UBND ngày 05/3/2026 về kiện toàn', 'evidence.expected_url');
    const u = d.text('https://xathachdai.hatinh.gov.vn/chuyen-muc/cds');
    expect(u.reference).toEqual({ kind: 'url', url: 'https://xathachdai.hatinh.gov.vn/chuyen-muc/cds' });
    expect(d.answers.U?.evidenceCount).toBe(1);
  });

  it.each(['xong', 'Xong', 'bỏ qua', 'bo qua', 'Bỏ qua', 'done', 'skip', 'không có'])(
    'moves on from the evidence step on %j, the words on the screen',
    (word) => {
      const d = new Driver(
        set,
        {},
        { R: { value: { type: 'boolean', value: true }, evidenceCount: 1 }, U: { value: { type: 'boolean', value: true }, evidenceCount: 1 } },
      );
      d.text('có');
      expect(d.where()).toBe('P/evidence');
      d.text(word);
      expect(d.where()).toBe('done');
    },
  );

  it('refuses typed text where only files count', () => {
    const d = new Driver(
      set,
      {},
      { R: { value: { type: 'boolean', value: true }, evidenceCount: 1 }, U: { value: { type: 'boolean', value: true }, evidenceCount: 1 } },
    );
    d.text('có');
    d.refuse('QĐ số 123/QĐ-UBND ngày 05/3/2026 về kiện toàn', 'evidence.expected');
  });
});

describe('editing with gotoCriterion', () => {
  const set = makeSet([
    { code: 'A' },
    {
      code: 'B',
      answer: {
        type: 'count',
        tiers: [
          { min: 0, points: 0 },
          { min: 2, points: 10 },
        ],
      },
    },
  ]);
  it('jumps to an answered criterion, keeps the explanation only when the value is unchanged', () => {
    const d = new Driver(set);
    d.text('không');
    d.text('Lý do chưa đạt điểm');
    d.text('2');
    expect(d.where()).toBe('done');
    const g = gotoCriterion(set, d.state, 'a');
    expect(g.ok).toBe(true);
    if (g.ok) d.state = g.value;
    expect(d.question()?.replies.map((r) => r.key)).toContain('criteria:question.editing');
    d.text('không');
    expect(d.answers.A?.explanation).toBe('Lý do chưa đạt điểm');
    expect(d.where()).toBe('done');
    if (g.ok) d.state = g.value;
    d.text('có');
    expect(d.answers.A?.explanation).toBeUndefined();
    expect(gotoCriterion(set, d.state, 'Z-9')).toEqual({ ok: false, error: { code: 'questionnaire.unknown_criterion', params: { code: 'Z-9' } } });
    expect(gotoProfile(set, d.state, 'nope').ok).toBe(false);
  });

  it('refuses to jump to a criterion that does not apply', () => {
    const rel = makeSet([{ code: 'P' }, { code: 'Q', relevantWhen: { criterion: 'P', equals: true } }]);
    const answers = { P: { value: { type: 'boolean', value: false }, evidenceCount: 0 } } as const;
    const r = gotoCriterion(rel, startSession(rel, answers, {}), 'Q', scoreSet(rel, answers));
    expect(r).toEqual({ ok: false, error: { code: 'questionnaire.not_relevant', params: { code: 'Q' } } });
  });
});

describe('other answer types through the engine', () => {
  it('department: explicit "not applicable" and a relevance condition on points', () => {
    const set = loadSet('department-2025.yaml');
    const answers = Object.fromEntries(
      set.criteria
        .filter((c) => !['S-4.1', 'S-6.3', 'S-6.5'].includes(c.code))
        .map((c) => [c.code, { value: { type: 'not_applicable' as const }, evidenceCount: 0 }]),
    );
    const d = new Driver(set, { lang: 'en' }, answers, { staff: 40, computers: 40, info_systems: 2 });
    expect(d.where()).toBe('S-4.1/value');
    d.text('0');
    expect(d.where()).toBe('S-4.1/explanation');
    d.text('No sector databases yet');
    expect(d.where()).toBe('S-6.3/numerator');
    expect(d.question()?.choices.map((c) => c.value)).toEqual(['na']);
    d.choose('na');
    expect(d.where()).toBe('S-6.3/explanation');
    d.text('Sở không có thủ tục hành chính nào');
    expect(d.where()).toBe('S-6.5/value');
    d.text('không áp dụng');
    expect(d.where()).toBe('S-6.5/explanation');
    d.text('Sở không được đánh giá theo Bộ chỉ số 766');
    expect(d.where()).toBe('done');
    expect(scoreSet(set, d.answers).byCode['S-4.2']?.status).toBe('irrelevant');
  });

  it('quarterly update: unscored acknowledgements, no explanations', () => {
    const set = loadSet('quarterly-update.yaml');
    const d = new Driver(set);
    d.text('20');
    const r = d.text('1.234');
    expect(r.replies[0]).toEqual({ key: 'criteria:answer.saved_unscored', params: { code: 'Q-1' } });
    d.text('100/120');
    d.text('0/0');
    d.text('15');
    d.choose('d:default');
    d.text('Hoàn thành số hóa sổ hộ tịch');
    const end = d.text('Thiếu máy quét');
    expect(end.replies.at(-1)?.key).toBe('criteria:questionnaire.done_unscored');
    expect(reviewSummary(set, d.answers, d.profile).canSubmit).toBe(true);
  });

  it('web-portal review: percent bands, text and checklists', () => {
    const set = loadSet('web-portal-transparency-quarterly.yaml');
    expect(set.answeredBy).toBe('assessor');
    const d = new Driver(set);
    d.refuse('x', 'text.too_short');
    d.text('https://xa.hatinh.gov.vn');
    d.choose('c:full');
    expect(d.where()).toBe('W-1.1/evidence');
    d.send(skip);
    d.refuse('12,5', 'number.not_integer');
    d.text('12');
    d.text('y');
    d.text('5/5');
    d.text('có');
    d.text('0/0');
    expect(d.answers['W-2.3']?.value).toEqual({ type: 'ratio', numerator: 0, denominator: 0 });
    d.text('Không có dự thảo nào phải lấy ý kiến trong quý');
    d.text('1');
    d.text('4/4');
    d.text('1, 2');
    d.text('Chưa công khai tình hình thực hiện quý');
    d.text('n/a');
    d.text('Đơn vị không có dự án đầu tư công nào');
    d.text('có');
    d.text('có');
    d.text('có');
    d.refuse('100,5%', 'number.out_of_range');
    d.text('99,7 %');
    d.text('Cổng hoạt động tốt');
    expect(d.where()).toBe('done');
    const s = scoreSet(set, d.answers);
    expect(s).toMatchObject({ points: 83, applicableMax: 85 });
    expect(s.byCode['W-5.4']?.points).toBe(5);
  });
});

describe('review and submission blockers', () => {
  const set = makeSet([{ code: 'A', evidence: 'required' }, { code: 'B' }], {
    profile: [{ key: 'officials', label: label('Officials'), required: true }],
    evidenceBlocksSubmission: true,
  });
  it('lists missing profile numbers, answers and (when the set says so) evidence as blockers', () => {
    const answers = { A: { value: { type: 'boolean', value: true }, evidenceCount: 0 } } as const;
    expect(submissionBlockers(set, answers, {})).toEqual([
      { code: 'officials', reason: 'profile_missing' },
      { code: 'B', reason: 'missing' },
      { code: 'A', reason: 'evidence_missing' },
    ]);
  });
});

describe('describeQuestion', () => {
  it('describes a checklist with its ticks and a localised header', () => {
    const set = makeSet([
      {
        code: 'M',
        maxPoints: 20,
        answer: {
          type: 'multi_check',
          items: [
            { value: 'a', label: { vi: 'Mục A', en: 'Item A' }, points: 10 },
            { value: 'b', label: label('B'), points: 10 },
          ],
        },
      },
    ]);
    const state = { ...startSession(set, {}, {}), draft: { items: ['a'] } };
    const q = describeQuestion(set, state, {}, {}, { lang: 'en' });
    expect(q?.choices).toEqual([
      { value: 'm:a', key: 'criteria:choice.item_checked', params: { label: 'Item A' } },
      { value: 'm:b', key: 'criteria:choice.item_unchecked', params: { label: 'B' } },
      { value: 'm:done', key: 'criteria:choice.done' },
    ]);
    expect(q?.replies[0]).toEqual({ key: 'criteria:question.header', params: { index: 1, total: 1, code: 'M', text: 'Criterion 1', maxPoints: 20 } });
    expect(q).toMatchObject({ pointsAvailable: 20, runningScore: { points: 0, applicableMax: 20, percent: 0 }, allowsSkip: true, choicesExclusive: true });
    expect(render(q?.reply ?? { key: 'x' }, 'en')).toContain('☑ Item A');
  });
});

describe('applyInput never throws and keeps a valid state', () => {
  const set = loadSet('commune-2025.yaml');
  const input: fc.Arbitrary<QuestionnaireInput> = fc.oneof(
    fc.string({ maxLength: 30 }).map((text) => ({ kind: 'text', text }) as const),
    fc
      .constantFrom('1', '2', '0', '45/50', '5', '10', 'có', 'không', '15/3/2025', '85%', 'Giải trình đủ dài ở đây', 'xong', 'n/a', '0/0')
      .map((text) => ({ kind: 'text', text }) as const),
    fc
      .constantFrom('y', 'n', 'c:head', 'c:none', 'm:lan', 'm:done', 'd:default', 'e:done', 'na', 'none', 'skip', 'bogus')
      .map((value) => ({ kind: 'choice', value }) as const),
    fc.constant({ kind: 'skip' } as const),
    fc.integer({ min: -3, max: 3 }).map((count) => ({ kind: 'evidence', count }) as const),
  );
  it('for random input sequences', () => {
    fc.assert(
      fc.property(fc.array(input, { maxLength: 120 }), (inputs) => {
        let state = startSession(set, {}, {});
        let answers = {};
        let profile = {};
        for (const i of inputs) {
          const r = applyInput(set, state, answers, profile, i, { window: { from: '2024-11-11', to: '2025-11-10' } });
          if (r.ok) ({ state, answers, profile } = r.value);
        }
        expect(SessionStateSchema.safeParse(state).success).toBe(true);
        for (const a of Object.values(answers)) expect(StoredAnswerSchema.safeParse(a).success).toBe(true);
        const s = scoreSet(set, answers);
        expect(s.points).toBeLessThanOrEqual(s.applicableMax);
      }),
      { numRuns: 300 },
    );
  });
});

describe('editing an answered criterion: keep as is, or remove the answer', () => {
  const set = loadSet('commune-2025.yaml');
  const profile = { officials: 21, villages: 12, computers: 25, population: 1000, enterprises: 3 };
  const answered = { 'X-1.1': { value: { type: 'choice', option: 'head' }, evidenceCount: 1, explanation: 'Đã kiện toàn.' } } as const;
  const atX11 = () => {
    const moved = gotoCriterion(set, startSession(set, answered, profile), 'X-1.1');
    if (!moved.ok) throw new Error('no X-1.1');
    return moved.value;
  };

  it.each([
    ['the keep button (skip)', skip],
    ['"giữ nguyên" typed', { kind: 'text', text: 'Giữ nguyên' }],
    ['"keep" typed', { kind: 'text', text: 'keep' }],
  ] as const)('%s keeps the answer and does not ask it again at the end', (_, input) => {
    const r = applyInput(set, atX11(), answered, profile, input as QuestionnaireInput);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.replies[0]).toEqual({ key: 'criteria:questionnaire.kept', params: { code: 'X-1.1' } });
    expect(r.value.changed).toBeNull();
    expect(r.value.answers).toEqual(answered);
    expect(r.value.state.skipped).not.toContain('X-1.1');
    expect(r.value.state.cursor).toEqual({ kind: 'criterion', code: 'X-1.2' });
  });

  it.each([
    ['the remove button', { kind: 'choice', value: 'x:clear' }],
    ['"xoá" typed', { kind: 'text', text: 'xoá' }],
    ['"Xóa câu trả lời" typed', { kind: 'text', text: 'Xóa câu trả lời' }],
  ] as const)('%s removes the answer and asks the question again', (_, input) => {
    const r = applyInput(set, atX11(), answered, profile, input as QuestionnaireInput);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.answers['X-1.1']).toBeUndefined();
    expect(r.value.changed).toEqual({ code: 'X-1.1', kind: 'cleared', points: 0 });
    expect(r.value.replies[0]?.key).toBe('criteria:questionnaire.cleared');
    expect(r.value.state).toMatchObject({ cursor: { kind: 'criterion', code: 'X-1.1' }, step: 'value' });
    expect(r.value.replies.some((x) => x.key === 'criteria:question.header' && x.params?.['code'] === 'X-1.1')).toBe(true);
  });

  it('an unanswered criterion has nothing to remove, and its skip is still "ask again at the end"', () => {
    const moved = gotoCriterion(set, startSession(set, {}, profile), 'X-1.2');
    if (!moved.ok) throw new Error('no X-1.2');
    const cleared = applyInput(set, moved.value, {}, profile, { kind: 'choice', value: 'x:clear' });
    expect(cleared.ok).toBe(false);
    const skipped = applyInput(set, moved.value, {}, profile, skip);
    expect(skipped.ok && skipped.value.state.skipped).toEqual(['X-1.2']);
  });
});
