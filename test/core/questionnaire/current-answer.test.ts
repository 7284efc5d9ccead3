import { describe, expect, it } from 'vitest';
import { scoreSet } from '../../../core/criteria/scoring.ts';
import { currentAnswerReplies } from '../../../core/questionnaire/current-answer.ts';
import { loadSet } from '../criteria/fixtures.ts';

describe('currentAnswerReplies', () => {
  const set = loadSet('commune-2025.yaml');
  const answers = {
    'X-1.1': { value: { type: 'choice', option: 'head' }, evidenceCount: 1 },
    'X-1.2': { value: { type: 'count', count: 4 }, evidenceCount: 0, explanation: 'Chỉ họp 4 lần do sáp nhập' },
  } as const;
  const profile = { villages: 12 };
  const score = scoreSet(set, answers);

  it.each([
    [
      { kind: 'criterion', code: 'X-1.1' },
      'criteria:edit.current',
      { code: 'X-1.1', value: { key: 'criteria:value.choice' }, label: 'Bí thư/Chủ tịch', points: 20, max: 20, evidence: 1 },
    ],
    [{ kind: 'criterion', code: 'X-1.2' }, 'criteria:edit.current', { code: 'X-1.2', explanation: 'Chỉ họp 4 lần do sáp nhập', evidence: 0 }],
    [{ kind: 'profile', key: 'villages' }, 'criteria:edit.current_profile', { label: 'Số thôn, tổ dân phố', value: 12 }],
  ] as const)('shows what is stored at %j', (cursor, key, params) => {
    const [r] = currentAnswerReplies(set, score, answers, profile, cursor, 'vi');
    expect(r?.key).toBe(key);
    expect(r?.params).toMatchObject(params);
  });

  it.each([[{ kind: 'criterion', code: 'X-1.3' }], [{ kind: 'profile', key: 'officials' }], [{ kind: 'done' }]] as const)(
    'says nothing where nothing is stored (%j)',
    (cursor) => {
      expect(currentAnswerReplies(set, score, answers, profile, cursor, 'vi')).toEqual([]);
    },
  );
});
