import { describe, expect, it } from 'vitest';
import { checkpointDue, windowsOverlap } from '../../../core/periods/checkpoint-due.ts';
import { parsePeriod } from '../../../core/periods/parse-period.ts';
import type { Period, PeriodInput } from '../../../core/periods/period.schema.ts';

const mk = (over: Partial<PeriodInput> = {}): Period => {
  const parsed = parsePeriod({
    id: 'q2021',
    name: 'Cập nhật số liệu 2021',
    kind: 'quarterly',
    scored: false,
    dataWindow: { from: '2020-11-15', to: '2021-11-15' },
    opensAt: '2020-11-16',
    deadlines: { commune: '2021-08-15' },
    status: 'open',
    ...over,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
};

describe('checkpointDue', () => {
  // Hà Tĩnh 2021: the window starts 15/11/2020, so the updates are due 15/02, 15/05, 15/08.
  const computed = mk();
  it.each([
    ['2020-11-16', 3, '2021-02-15'],
    ['2021-02-14', 3, '2021-02-15'],
    ['2021-02-15', 3, '2021-02-15'], // the checkpoint day itself still counts for it
    ['2021-02-16', 6, '2021-05-15'],
    ['2021-05-15', 6, '2021-05-15'],
    ['2021-05-16', 9, '2021-08-15'],
    ['2021-08-15', 9, '2021-08-15'],
    ['2021-10-01', 9, '2021-08-15'], // after the last one: a late 9-month update
  ] as const)('on %s → month %i (due %s)', (date, month, due) => {
    expect(checkpointDue(computed, date)).toEqual({ month, date: due });
  });

  it('explicit checkpoint dates win over the computed ones', () => {
    const p = mk({
      checkpoints: [
        { month: 9, date: '2021-08-20' },
        { month: 3, date: '2021-02-20' },
        { month: 6, date: '2021-05-20' },
      ],
    });
    expect(checkpointDue(p, '2021-02-18')).toEqual({ month: 3, date: '2021-02-20' });
    expect(checkpointDue(p, '2021-02-21')).toEqual({ month: 6, date: '2021-05-20' });
  });
});

describe('windowsOverlap', () => {
  it.each([
    [{ from: '2020-11-15', to: '2021-11-15' }, { from: '2020-11-15', to: '2021-11-15' }, true],
    [{ from: '2020-11-15', to: '2021-11-15' }, { from: '2021-11-15', to: '2022-11-15' }, true],
    [{ from: '2020-11-15', to: '2021-11-14' }, { from: '2021-11-15', to: '2022-11-15' }, false],
    [{ from: '2022-01-01', to: '2022-12-31' }, { from: '2020-11-15', to: '2021-11-15' }, false],
  ])('%o and %o → %s', (a, b, expected) => {
    expect(windowsOverlap(a, b)).toBe(expected);
    expect(windowsOverlap(b, a)).toBe(expected);
  });
});
