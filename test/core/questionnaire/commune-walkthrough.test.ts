import { describe, expect, it } from 'vitest';
import { reviewReplies, reviewSummary } from '../../../core/questionnaire/review-summary.ts';
import { loadSet } from '../criteria/fixtures.ts';
import { Driver, render } from './support.ts';

const set = loadSet('commune-2025.yaml');
const window = { from: '2024-11-11', to: '2025-11-10' };
const evidence = { kind: 'evidence', count: 1 } as const;
const skip = { kind: 'skip' } as const;

describe('walking through the whole commune set', () => {
  it('answers all 31 criteria with mistakes, skips, ratios, explanations and evidence along the way', () => {
    const d = new Driver(set, { lang: 'vi', window });
    const at = (where: string) => expect(d.where()).toBe(where);

    // Unit profile first: its numbers become default denominators.
    at('profile:officials/value');
    expect(d.question()?.progress).toEqual({ index: 1, total: 5, done: 0, criteria: 31 });
    d.refuse('abc', 'number.invalid');
    d.refuse('0', 'number.out_of_range');
    d.refuse('12,5', 'number.not_integer');
    d.text('21');
    at('profile:villages/value');
    d.text('12');
    d.text('25');
    at('profile:population/value');
    d.text('15.763');
    expect(d.profile.population).toBe(15763);
    at('profile:enterprises/value');
    d.send(skip);

    at('X-1.1/value');
    const q = d.question();
    expect(q?.choicesExclusive).toBe(true);
    expect(q?.choices.map((c) => c.value)).toEqual(['c:head', 'c:deputy', 'c:none']);
    expect(q?.progress).toEqual({ index: 1, total: 31, done: 0, criteria: 31 });
    d.refuse('9', 'choice.unknown');
    d.refuse(evidence, 'evidence.answer_first');
    const r = d.text('Phó');
    expect(r.changed).toEqual({ code: 'X-1.1', kind: 'criterion', points: 0 });
    expect(r.replies[0]?.key).toBe('criteria:answer.saved_pending_evidence');
    at('X-1.1/explanation');
    d.refuse('ngắn', 'text.too_short');
    d.text('Chủ tịch UBND xã đang đi học dài hạn');
    at('X-1.1/evidence');
    d.send(evidence);
    at('X-1.1/evidence');
    expect(d.answers['X-1.1']).toMatchObject({ value: { type: 'choice', option: 'deputy' }, evidenceCount: 1 });
    d.choose('e:done');

    at('X-1.2/value');
    d.refuse('2,5', 'number.not_integer');
    d.refuse('-1', 'number.out_of_range');
    d.refuse('😀', 'number.invalid');
    d.text('4');
    at('X-1.2/evidence');
    const warned = d.send(skip);
    expect(warned.replies[0]?.key).toBe('criteria:evidence.skipped_required');

    // Ratio in two steps, with a numerator larger than the denominator refused on the way.
    at('X-1.3/numerator');
    d.text('5');
    at('X-1.3/denominator');
    d.refuse('4', 'ratio.numerator_exceeds_denominator');
    d.text('6');
    expect(d.answers['X-1.3']?.value).toEqual({ type: 'ratio', numerator: 5, denominator: 6 });
    at('X-1.3/explanation');
    d.text('Một cuộc họp do Phó Chủ tịch chủ trì');
    at('X-1.3/evidence');
    d.send(skip);

    at('X-1.4/value');
    d.refuse('31/2/2025', 'date.invalid');
    d.refuse('1/1/2020', 'date.outside_window');
    d.text('15/3/2025');
    at('X-1.4/evidence');
    d.send({ kind: 'evidence', count: 2 });
    d.text('xong');

    at('X-1.5/numerator');
    d.text('8 trên 10');
    d.text('Hai nhiệm vụ chuyển sang năm sau');
    d.send(skip);

    at('X-1.6/value');
    d.text('1');
    at('X-1.6/evidence');
    d.send(skip);

    at('X-2.1/value');
    d.refuse('có lẽ', 'yesno.invalid');
    d.text('có ạ');
    at('X-2.1/explanation');
    d.text('Nguyễn Văn A, công chức Văn phòng - Thống kê, kỹ sư CNTT');
    d.send(evidence);
    d.choose('e:done');

    // Default denominator offered from the profile.
    at('X-2.2/numerator');
    d.text('18');
    at('X-2.2/denominator');
    expect(d.question()?.defaultDenominator).toBe(21);
    expect(d.question()?.choices.map((c) => c.value)).toEqual(['d:default']);
    expect(d.question()?.choicesExclusive).toBe(false);
    d.choose('d:default');
    expect(d.answers['X-2.2']?.value).toEqual({ type: 'ratio', numerator: 18, denominator: 21 });
    d.text('Ba công chức mới tuyển chưa được tập huấn');
    d.send(evidence);
    d.choose('e:done');

    // Skip; depends on it, so it is not asked yet.
    at('X-2.3/numerator');
    d.send(skip);
    at('X-3.1/numerator');
    d.text('21/21');
    d.send(skip);

    at('X-3.2/value');
    d.choose('m:fibre');
    d.choose('m:lan');
    d.choose('m:tslcd');
    d.choose('m:tslcd');
    expect(d.state.draft?.items).toEqual(['fibre', 'lan']);
    d.refuse({ kind: 'choice', value: 'm:wifi6' }, 'input.unexpected_choice');
    d.choose('m:done');
    expect(d.answers['X-3.2']?.value).toEqual({ type: 'multi_check', items: ['fibre', 'lan'] });
    at('X-3.2/explanation');
    d.text('Chưa kết nối mạng truyền số liệu chuyên dùng');
    d.send(skip);

    at('X-3.3/value');
    d.text('2');
    d.text('Chưa có thiết bị đánh giá điện tử');
    d.send(skip);
    at('X-3.4/value');
    d.choose('c:full');
    d.send(evidence);
    d.choose('e:done');

    at('X-4.1/numerator');
    // "No applications received" is not "not applicable" for this criterion: it scores 0.
    const none = d.text('0/0');
    expect(none.replies[0]).toMatchObject({ key: 'criteria:answer.saved', params: { points: 0 } });
    at('X-4.1/explanation');
    d.text('Năm nay xã chưa tiếp nhận hồ sơ nào');
    at('X-4.2/numerator');
    d.text('30/30');
    d.send(skip);
    at('X-4.3/numerator');
    d.refuse('21/20', 'ratio.numerator_exceeds_denominator');
    d.text('20/20');
    d.send(skip);
    at('X-4.4/numerator');
    d.refuse('n/a', 'not_applicable.not_allowed');
    // No dataset was required this year: 0/0 is not applicable here, and the officer must say why.
    const na = d.text('0/0');
    expect(na.replies[0]?.key).toBe('criteria:answer.saved_not_applicable');
    at('X-4.4/explanation');
    expect(d.question()?.reply.key).toBe('criteria:prompt.explanation_not_applicable');
    d.send(skip); // left for later: it will block submission

    at('X-5.1/value');
    d.text('không');
    expect(d.answers['X-5.1']?.value).toEqual({ type: 'date', date: null });
    at('X-5.1/explanation');
    d.text('Đang xây dựng dự thảo quy chế');

    at('X-5.2/numerator');
    d.text('20');
    expect(d.question()?.defaultDenominator).toBe(25);
    d.choose('d:default');
    d.text('Năm máy cũ không cài được phần mềm');
    d.send(skip);
    at('X-5.3/numerator');
    d.text('0/0');
    expect(d.answers['X-5.3']?.value).toEqual({ type: 'ratio', numerator: 0, denominator: 0 });
    at('X-5.3/evidence');
    d.send(skip);
    at('X-5.4/numerator');
    d.text('21 / 21');
    d.send(skip);

    for (const [code, ratio] of [
      ['X-6.1', '21/21'],
      ['X-6.2', '1.200/1.200'],
      ['X-6.3', '2.400/2.400'],
      ['X-6.4', '50/50'],
      ['X-6.5', '85/100'],
      ['X-6.6', '300/300'],
      ['X-6.7', '40/40'],
      ['X-6.8', '320/320'],
    ] as const) {
      at(`${code}/numerator`);
      d.text(ratio);
      at(`${code}/evidence`);
      d.send(skip);
    }
    at('X-6.9/value');
    d.refuse('100,5', 'number.out_of_range');
    d.text('87,5%');
    d.text('Một số hồ sơ trễ hẹn do lỗi hệ thống');
    d.send(skip);

    // Put-off items come back in the order they were skipped.
    at('profile:enterprises/value');
    d.text('32');
    at('X-2.3/numerator');
    d.text('12');
    d.choose('d:default');
    d.send(evidence);
    d.choose('e:done');
    at('X-2.4/numerator');
    d.text('30/36');
    d.text('Một số thành viên mới bổ sung');
    const end = d.send(skip);
    at('done');
    expect(end.replies.at(-1)?.key).toBe('criteria:questionnaire.done');
    expect(d.question()).toBeNull();
    d.refuse('1', 'questionnaire.finished');

    const review = reviewSummary(set, d.answers, d.profile, { window });
    expect(review).toMatchObject({ answered: 31, total: 31, missing: [], profileMissing: [] });
    expect(review.belowMaxWithoutExplanation).toEqual(['X-4.4']);
    expect(review.evidenceMissing).toEqual(['X-1.2']);
    expect(review.blockers).toEqual([{ code: 'X-4.4', reason: 'explanation_missing' }]);
    expect(review.warnings).toEqual([{ code: 'X-1.2', reason: 'evidence_missing' }]);
    expect(review.canSubmit).toBe(false);
    expect(review.score.applicableMax).toBe(980); // X-4.4 (20 points) is not applicable
    expect(review.score.byCode['X-1.2']).toMatchObject({ status: 'blocked_by_evidence', rawPoints: 20, points: 0 });
    const lines = reviewReplies(set, review, 'vi').map((x) => render(x));
    expect(lines[0]).toContain('31/31');
    expect(lines.join('\n')).toContain('X-4.4');

    // Coming back to through /edit to add the explanation unblocks submission.
    const sum = review.score.criteria.reduce((s, c) => s + c.points, 0);
    expect(review.score.points).toBeCloseTo(sum, 6);
    expect(d.log.length).toBeGreaterThan(100);
    if (process.env.SHOW_LOG) console.log(d.log.slice(0, 60).join('\n---\n'));
  });
});
