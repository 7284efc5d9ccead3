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

  // counts the meetings; is the share of them chaired by the head (its denominator).
  const x12 = set.criteria.find((c) => c.code === 'X-1.2')!;
  const x13 = set.criteria.find((c) => c.code === 'X-1.3')!;
  const count = (n: number) => ({ type: 'count', count: n }) as const;
  const stored = (value: ReturnType<typeof count> | ReturnType<typeof ratio>) => ({ value, evidenceCount: 0 });

  it.each([
    ['the ratio after the count: 2 meetings, 0/0 chaired', x13, ratio(0, 0), { 'X-1.2': stored(count(2)) }, { denominator: 0, count: 2 }],
    ['the ratio after the count: 2 meetings, 1/3 chaired', x13, ratio(1, 3), { 'X-1.2': stored(count(2)) }, { denominator: 3, count: 2 }],
    ['the count after the ratio: 2/2 chaired, then 5 meetings', x12, count(5), { 'X-1.3': stored(ratio(2, 2)) }, { denominator: 2, count: 5 }],
    ['agreeing figures', x13, ratio(1, 2), { 'X-1.2': stored(count(2)) }, null],
    ['the count not answered yet', x13, ratio(0, 0), {}, null],
    ['the ratio not answered yet', x12, count(4), {}, null],
  ] as const)('counts against ratios: %s', (_, c, value, answers, warned) => {
    const r = crossCheckReplies(set, c, value, {}, 'vi', answers);
    if (warned === null) expect(r).toEqual([]);
    else expect(r).toEqual([{ key: 'criteria:answer.check_count', params: { code: 'X-1.3', countCode: 'X-1.2', ...warned } }]);
  });

  it('says nothing for answers that are not ratios', () => {
    const x11 = set.criteria.find((c) => c.code === 'X-1.1')!;
    expect(crossCheckReplies(set, x11, { type: 'choice', option: 'head' }, { officials: 25 }, 'vi')).toEqual([]);
  });
});
