import { describe, expect, it } from 'vitest';
import { scoreSet } from '../../../core/criteria/scoring.ts';
import { answerListReplies } from '../../../core/questionnaire/answer-list.ts';
import { loadSet } from '../criteria/fixtures.ts';

describe('answerListReplies', () => {
  const set = loadSet('commune-2025.yaml');
  const answers = { 'X-1.1': { value: { type: 'choice', option: 'head' }, evidenceCount: 2 } } as const;
  const rows = answerListReplies(set, scoreSet(set, answers), answers, 'vi');

  it('lists every criterion once, as compact rows under a title', () => {
    expect(rows[0]).toMatchObject({ key: 'criteria:list.title', params: { count: set.criteria.length } });
    expect(rows.slice(1).map((r) => r.params?.['code'])).toEqual(set.criteria.map((c) => c.code));
    expect(rows.slice(1).every((r) => r.row === true)).toBe(true);
  });

  it('shows the value, the points and the evidence of an answer, and says what is not answered', () => {
    expect(rows[1]).toMatchObject({
      key: 'criteria:list.row',
      params: { code: 'X-1.1', label: 'Bí thư/Chủ tịch', value: { key: 'criteria:value.choice' }, points: 20, max: 20, evidence: 2 },
    });
    expect(rows[2]).toMatchObject({ key: 'criteria:list.row_unanswered', params: { code: 'X-1.2' } });
  });
});
