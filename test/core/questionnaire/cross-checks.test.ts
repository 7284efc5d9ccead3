import { describe, expect, it } from 'vitest';
import { crossCheckReplies } from '../../../core/questionnaire/cross-checks.ts';
import { loadSet } from '../criteria/fixtures.ts';

describe('crossCheckReplies', () => {
  const set = loadSet('commune-2025.yaml');
  const trained = set.criteria.find((c) => c.answer.type !== 'boolean' && 'defaultDenominator' in c.answer && c.answer.defaultDenominator === 'officials')!;
  const ratio = (numerator: number, denominator: number) => ({ type: 'ratio', numerator, denominator }) as const;

  it.each([
    [ratio(20, 30), { officials: 25 }, 1],
    [ratio(20, 25), { officials: 25 }, 0],
    [ratio(0, 0), { officials: 25 }, 0],
    [ratio(20, 30), {}, 0],
  ] as const)('%j with profile %j warns %i time(s)', (value, profile, warnings) => {
    const r = crossCheckReplies(set, trained, value, profile, 'vi');
    expect(r).toHaveLength(warnings);
    if (warnings) expect(r[0]).toMatchObject({ key: 'criteria:answer.check_denominator', params: { code: trained.code, denominator: 30, expected: 25 } });
  });

  it('says nothing for answers that are not ratios', () => {
    const x11 = set.criteria.find((c) => c.code === 'X-1.1')!;
    expect(crossCheckReplies(set, x11, { type: 'choice', option: 'head' }, { officials: 25 }, 'vi')).toEqual([]);
  });
});
