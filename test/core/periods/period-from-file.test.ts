import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { localDateTimeToInstant } from '../../../core/calendar/local-date.ts';
import { VIETNAM_CALENDAR as CAL } from '../../../core/calendar/working-days.ts';
import { lastDayOnTime, writtenDeadline } from '../../../core/periods/deadline-wording.ts';
import { isOpenForLevel, lateness } from '../../../core/periods/deadlines.ts';
import { planPeriodFromData, type PeriodPlan } from '../../../core/periods/period-from-file.ts';
import { dataWindowFor, opensAtFor } from '../../../core/periods/period-levels.ts';
import { periodSchema, type Period } from '../../../core/periods/period.schema.ts';

const example = (name: string, over: Record<string, unknown> = {}): PeriodPlan => {
  const data = { ...parse(readFileSync(new URL(`../../../core/periods/examples/${name}.yaml`, import.meta.url), 'utf8')), ...over };
  const plan = planPeriodFromData(data);
  if (!plan.ok) throw new Error(JSON.stringify(plan.error));
  return plan.value;
};
const asPeriod = (plan: PeriodPlan, status: Period['status'] = 'open'): Period => periodSchema.parse({ ...plan.period, id: 'p', status });

describe('the example files convert to the seeds’ periods', () => {
  it('Hà Tĩnh 2021: communes 10/11→10/11, other levels 15/11→15/11, all due 15/11/2021', () => {
    const { period, sets } = example('hatinh-2021');
    expect(period.levels).toEqual({
      department: { dataWindow: { from: '2020-11-15', to: '2021-11-15' }, opensAt: '2021-11-01' },
      district: { dataWindow: { from: '2020-11-15', to: '2021-11-15' }, opensAt: '2021-11-01' },
      commune: { dataWindow: { from: '2020-11-10', to: '2021-11-10' }, opensAt: '2021-11-01' },
    });
    // The shared fields older readers use: earliest from … latest to, earliest opening.
    expect(period.dataWindow).toEqual({ from: '2020-11-10', to: '2021-11-15' });
    expect(period.opensAt).toBe('2021-11-01');
    expect(period.deadlines).toEqual({ department: '2021-11-15', district: '2021-11-15', commune: '2021-11-15' });
    expect([period.key, period.name, period.nameEn, period.kind, period.scored, period.status]).toEqual([
      'hatinh-2021',
      'Đánh giá kết quả phát triển chính quyền số năm 2021 (Hà Tĩnh)',
      'Hà Tĩnh digital-government assessment 2021',
      'annual',
      true,
      'draft',
    ]);
    expect(sets).toEqual([
      { level: 'commune', key: 'commune_2025', version: 1 },
      { level: 'district', key: 'district_2024', version: 1 },
      { level: 'department', key: 'department_2025', version: 1 },
    ]);
  });

  it('Hà Tĩnh 2021 quarterly: not scored, updates on 15/02, 15/05, 15/08', () => {
    const { period } = example('hatinh-2021-quarterly');
    expect([period.kind, period.scored]).toEqual(['quarterly', false]);
    expect(period.checkpoints).toEqual([
      { month: 3, date: '2021-02-15' },
      { month: 6, date: '2021-05-15' },
      { month: 9, date: '2021-08-15' },
    ]);
  });

  it('Gia Lai 2019: departments due 18/10, districts and communes 25/10, no tolerance, missing → last', () => {
    const { period } = example('gialai-2019');
    expect(period.dataWindow).toEqual({ from: '2018-11-01', to: '2019-10-31' });
    expect(period.deadlines).toEqual({ department: '2019-10-18', district: '2019-10-25', commune: '2019-10-25' });
    expect(period.lateToleranceWorkingDays).toBe(0);
    expect(period.ranking).toEqual({ notSubmitted: 'last', lateBeyondTolerance: 'last' });
  });

  it('Bình Thuận 2019: departments and districts due 15/9, 5 working days, late or missing → not ranked, three milestones', () => {
    const { period, sets } = example('binhthuan-2019');
    expect(period.deadlines).toEqual({ department: '2019-09-15', district: '2019-09-15' });
    expect(sets.map((s) => s.level)).toEqual(['district', 'department']);
    expect(period.lateToleranceWorkingDays).toBe(5);
    expect(period.ranking).toEqual({ notSubmitted: 'unranked', lateBeyondTolerance: 'unranked' });
    expect(period.milestones?.map((m) => [m.key, m.date])).toEqual([
      ['preliminary', '2019-09-30'],
      ['field_checks', '2019-11-10'],
      ['decision', '2019-11-25'],
    ]);
  });
});

describe('"trước ngày X": deadline wording', () => {
  it.each([
    ['2019-09-15', 'by', '2019-09-15'],
    ['2019-09-15', 'before', '2019-09-14'],
    ['2024-03-01', 'before', '2024-02-29'],
    ['2020-01-01', 'before', '2019-12-31'],
  ] as const)('written %s, %s → last day %s (and back)', (written, wording, last) => {
    expect(lastDayOnTime(written, wording)).toBe(last);
    expect(writtenDeadline(last, wording)).toBe(written);
  });

  // Gia Lai's departments: "trước ngày 18/10/2019", a Friday.
  it.each([
    ['by', '2019-10-18', '15:00', { late: false, workingDaysLate: 0, beyondTolerance: false }],
    ['before', '2019-10-18', '15:00', { late: true, workingDaysLate: 1, beyondTolerance: true }],
    ['before', '2019-10-17', '23:59', { late: false, workingDaysLate: 0, beyondTolerance: false }],
    ['by', '2019-10-19', '09:00', { late: true, workingDaysLate: 1, beyondTolerance: true }],
  ] as const)('%s: a report on %s %s', (wording, date, time, expected) => {
    const period = asPeriod(example('gialai-2019', { deadlineWording: wording }));
    expect(lateness(period, 'department', localDateTimeToInstant(date, time), CAL)).toEqual({ ok: true, value: expected });
  });

  it('the file default is `by`', () => {
    const { deadlineWording: _w, ...rest } = parse(readFileSync(new URL('../../../core/periods/examples/gialai-2019.yaml', import.meta.url), 'utf8'));
    const plan = planPeriodFromData(rest);
    expect(plan.ok && [plan.value.period.deadlineWording, plan.value.period.deadlines.department]).toEqual(['by', '2019-10-18']);
  });
});

describe('dataWindowFor / opensAtFor', () => {
  const hatinh = asPeriod(example('hatinh-2021-quarterly'));
  const legacy = periodSchema.parse({
    id: 'old',
    name: 'Đánh giá 2024',
    kind: 'annual',
    scored: true,
    dataWindow: { from: '2023-11-15', to: '2024-11-15' },
    opensAt: '2024-10-01',
    deadlines: { commune: '2024-11-20' },
  });

  it.each([
    ['per level', hatinh, 'commune', { from: '2020-11-10', to: '2021-11-10' }, '2020-11-11'],
    ['per level', hatinh, 'district', { from: '2020-11-15', to: '2021-11-15' }, '2020-11-16'],
    ['a period stored before per-level schedules', legacy, 'commune', { from: '2023-11-15', to: '2024-11-15' }, '2024-10-01'],
    ['a level without its own schedule', { ...hatinh, levels: { commune: hatinh.levels!.commune! } }, 'department', hatinh.dataWindow, hatinh.opensAt],
  ] as const)('%s: %s', (_what, period, level, window, opens) => {
    expect(dataWindowFor(period, level)).toEqual(window);
    expect(opensAtFor(period, level)).toBe(opens);
  });

  it('a level opens on its own day', () => {
    const at = localDateTimeToInstant('2020-11-12', '09:00');
    expect(isOpenForLevel(hatinh, 'commune', at)).toBe(true);
    expect(isOpenForLevel(hatinh, 'district', at)).toBe(false);
    expect(isOpenForLevel(hatinh, 'district', localDateTimeToInstant('2020-11-16', '00:00'))).toBe(true);
  });

  it('the stored schema refuses a level deadline before that level opens', () => {
    const bad = periodSchema.safeParse({ ...hatinh, levels: { ...hatinh.levels, commune: { ...hatinh.levels!.commune!, opensAt: '2021-09-01' } } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual(['deadlines.commune', 'must not be before levels.commune.opensAt']);
  });
});
