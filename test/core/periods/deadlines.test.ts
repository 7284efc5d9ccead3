import { describe, expect, it } from 'vitest';
import { localDateTimeToInstant } from '../../../core/calendar/local-date.ts';
import { VIETNAM_CALENDAR as CAL } from '../../../core/calendar/working-days.ts';
import { deadlineFor, isOpenForLevel, lateness, quarterlyCheckpoints, workingDaysRemaining } from '../../../core/periods/deadlines.ts';
import { parsePeriod } from '../../../core/periods/parse-period.ts';
import type { Period, PeriodInput } from '../../../core/periods/period.schema.ts';

const mk = (over: Partial<PeriodInput> = {}): Period => {
  const parsed = parsePeriod({
    id: 'p2024',
    name: 'Đánh giá CQS 2024',
    kind: 'annual',
    scored: true,
    dataWindow: { from: '2023-11-15', to: '2024-11-15' },
    opensAt: '2024-04-01',
    // Friday before the 30/4–1/5 break (29/4 swapped with Saturday 4/5).
    deadlines: { commune: '2024-04-26', district: '2024-11-15' },
    status: 'open',
    ...over,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
};
const at = (date: string, time: string) => localDateTimeToInstant(date, time);

describe('parsePeriod', () => {
  it('applies defaults: tolerance 5 working days, status draft', () => {
    const p = parsePeriod({
      id: 'x',
      name: 'x',
      kind: 'quarterly',
      scored: false,
      dataWindow: { from: '2020-11-15', to: '2021-11-15' },
      opensAt: '2020-11-15',
      deadlines: {},
    });
    expect(p.ok && p.value.lateToleranceWorkingDays).toBe(5);
    expect(p.ok && p.value.status).toBe('draft');
  });

  it('returns the path of every bad field', () => {
    const p = parsePeriod({
      id: 'x',
      name: 'x',
      kind: 'annual',
      scored: true,
      dataWindow: { from: '2021-11-15', to: '2020-11-15' },
      opensAt: '2021-02-30',
      deadlines: { commune: '2021-11-10' },
    });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error.issues.map((i) => i.path)).toContain('opensAt');
  });
});

describe('deadlineFor', () => {
  it('ends at 24:00 local of the deadline day', () => {
    expect(deadlineFor(mk(), 'commune')).toEqual({
      ok: true,
      value: { date: '2024-04-26', endsBefore: new Date('2024-04-26T17:00:00.000Z') },
    });
  });
  it('is an error for a level with no deadline', () => {
    expect(deadlineFor(mk(), 'department')).toEqual({ ok: false, error: { code: 'NO_DEADLINE_FOR_LEVEL', level: 'department' } });
  });
});

describe('lateness (deadline Friday 26/4/2024, tolerance 5)', () => {
  it.each([
    ['2024-04-20', '10:00', false, 0, false],
    ['2024-04-26', '23:59', false, 0, false], // on the deadline day
    ['2024-04-27', '00:00', true, 1, false], // Saturday after the deadline counts as the next working day
    ['2024-04-30', '09:00', true, 1, false], // holiday, still the first working day
    ['2024-05-02', '09:00', true, 1, false], // Thursday: first working day after the break
    ['2024-05-04', '09:00', true, 3, false], // làm bù Saturday is a working day
    ['2024-05-07', '16:00', true, 5, false], // 5 working days late: ranked, flagged
    ['2024-05-08', '08:00', true, 6, true], // 6 working days late across a weekend and a holiday: not ranked
  ])('%s %s → late=%s, %i days, beyond=%s', (date, time, late, days, beyond) => {
    expect(lateness(mk(), 'commune', at(date, time), CAL)).toEqual({
      ok: true,
      value: { late, workingDaysLate: days, beyondTolerance: beyond },
    });
  });

  it('honours a custom tolerance', () => {
    const r = lateness(mk({ lateToleranceWorkingDays: 2 }), 'commune', at('2024-05-04', '09:00'), CAL);
    expect(r.ok && r.value.beyondTolerance).toBe(true);
  });

  it('Bình Thuận 2019: deadline Sunday 15/9, Friday 20/9 is the 5th working day, Monday 23/9 the 6th', () => {
    const p = mk({ deadlines: { department: '2019-09-15' }, opensAt: '2019-08-07' });
    expect(lateness(p, 'department', at('2019-09-20', '15:00'), CAL)).toEqual({ ok: true, value: { late: true, workingDaysLate: 5, beyondTolerance: false } });
    expect(lateness(p, 'department', at('2019-09-23', '08:00'), CAL)).toEqual({ ok: true, value: { late: true, workingDaysLate: 6, beyondTolerance: true } });
  });
});

describe('workingDaysRemaining', () => {
  it.each([
    ['2024-04-22', '08:00', 4],
    ['2024-04-25', '20:00', 1],
    ['2024-04-26', '08:00', 0],
    ['2024-04-27', '08:00', -1],
    ['2024-05-02', '08:00', -1],
    ['2024-05-03', '08:00', -2],
  ])('%s %s → %i', (date, time, expected) => {
    expect(workingDaysRemaining(mk(), 'commune', at(date, time), CAL)).toEqual({ ok: true, value: expected });
  });
});

describe('isOpenForLevel', () => {
  it.each([
    ['open', 'commune', '2024-04-01', '00:00', true],
    ['open', 'commune', '2024-03-31', '23:59', false],
    ['open', 'commune', '2024-05-20', '09:00', true], // late submissions still accepted
    ['open', 'department', '2024-04-10', '09:00', false], // no deadline for that level
    ['closed', 'commune', '2024-04-10', '09:00', false],
  ] as const)('%s %s at %s %s → %s', (status, level, date, time, expected) => {
    expect(isOpenForLevel(mk({ status }), level, at(date, time))).toBe(expected);
  });
});

describe('quarterlyCheckpoints', () => {
  it('Hà Tĩnh: months 3, 6, 9 of a 15/11 → 15/11 window', () => {
    const p = mk({ kind: 'quarterly', scored: false, dataWindow: { from: '2020-11-15', to: '2021-11-15' }, opensAt: '2020-11-15', deadlines: {} });
    expect(quarterlyCheckpoints(p)).toEqual([
      { month: 3, date: '2021-02-15' },
      { month: 6, date: '2021-05-15' },
      { month: 9, date: '2021-08-15' },
    ]);
  });
  it('commune window 10/11 → 10/11', () => {
    const p = mk({ dataWindow: { from: '2020-11-10', to: '2021-11-10' } });
    expect(quarterlyCheckpoints(p).map((c) => c.date)).toEqual(['2021-02-10', '2021-05-10', '2021-08-10']);
  });
  it('explicit checkpoints win', () => {
    const p = mk({
      checkpoints: [
        { month: 6, date: '2021-06-30' },
        { month: 3, date: '2021-03-31' },
      ],
    });
    expect(quarterlyCheckpoints(p)).toEqual([
      { month: 3, date: '2021-03-31' },
      { month: 6, date: '2021-06-30' },
    ]);
  });
});
