import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { calendarOf, mergeCalendarYears } from '../../../core/calendar/calendar-sources.ts';
import { SHIPPED_YEARS, VIETNAM_CALENDAR as CAL } from '../../../core/calendar/working-days.ts';
import { movePeriodToYear, periodYear } from '../../../core/periods/move-period.ts';
import { checkPeriodCovered } from '../../../core/periods/period-coverage.ts';
import { planPeriodFromData, type PeriodDraft } from '../../../core/periods/period-from-file.ts';
import { changedSetLevels } from '../../../core/periods/period-sets.ts';
import { nextStatus } from '../../../core/periods/period-status.ts';

const example = (name: string, over: Record<string, unknown> = {}): PeriodDraft => {
  const data = { ...parse(readFileSync(new URL(`../../../core/periods/examples/${name}.yaml`, import.meta.url), 'utf8')), ...over };
  const plan = planPeriodFromData(data);
  if (!plan.ok) throw new Error(JSON.stringify(plan.error));
  return plan.value.period;
};
const with2028 = calendarOf(mergeCalendarYears(SHIPPED_YEARS, [{ year: 2028, holidays: [], workingSaturdays: [] }]));

describe('coverage of a period by the holiday calendar', () => {
  it('accepts the examples although Gia Lai and Bình Thuận windows start in 2018: windows count no working days', () => {
    for (const name of ['hatinh-2021', 'hatinh-2021-quarterly', 'gialai-2019', 'binhthuan-2019']) {
      expect(checkPeriodCovered(example(name), CAL), name).toEqual({ ok: true, value: true });
    }
  });

  it('names the first date in an uncovered year, until the year is added', () => {
    const p2028 = movePeriodToYear(example('hatinh-2021'), 2028);
    expect(checkPeriodCovered(p2028, CAL)).toEqual({
      ok: false,
      error: { code: 'CALENDAR_YEAR_MISSING', field: 'levels.commune.opensAt', date: '2028-11-01', year: 2028 },
    });
    expect(checkPeriodCovered(p2028, with2028).ok).toBe(true);
  });

  it.each([
    ['a milestone', { milestones: [{ key: 'decision', name: { vi: 'a', en: 'a' }, date: '05/01/2028' }] }, 'milestones[0].date', '2028-01-05'],
    // Due Tuesday 28/12/2027: five working days later is in January 2028.
    [
      'the end of the late tolerance',
      { levels: { district: { set: 'district_2024@1', dataWindow: { from: '01/01/2027', to: '31/12/2027' }, opensAt: '01/12/2027', deadline: '28/12/2027' } } },
      'levels.district.deadline + lateToleranceWorkingDays',
      '2028-01-04',
    ],
    ['a checkpoint', { kind: 'quarterly', checkpoints: [{ month: 3, date: '15/02/2028' }] }, 'checkpoints[0].date', '2028-02-15'],
  ] as [string, Record<string, unknown>, string, string][])('%s in 2028', (_what, over, field, date) => {
    const r = checkPeriodCovered(example('binhthuan-2019', over), CAL);
    expect(r.ok ? null : [r.error.field, r.error.date]).toEqual([field, date]);
  });
});

describe('period copy: every date moved to another year', () => {
  it('moves windows, openings, deadlines, milestones and replaces the year in key and names', () => {
    const moved = movePeriodToYear({ ...example('hatinh-2021'), status: 'open' }, 2028);
    expect(periodYear(moved)).toBe(2028);
    expect([moved.key, moved.name, moved.nameEn, moved.status]).toEqual([
      'hatinh-2028',
      'Đánh giá kết quả phát triển chính quyền số năm 2028 (Hà Tĩnh)',
      'Hà Tĩnh digital-government assessment 2028',
      'draft',
    ]);
    expect(moved.levels?.commune).toEqual({ dataWindow: { from: '2027-11-10', to: '2028-11-10' }, opensAt: '2028-11-01' });
    expect(moved.levels?.district).toEqual({ dataWindow: { from: '2027-11-15', to: '2028-11-15' }, opensAt: '2028-11-01' });
    expect(moved.dataWindow).toEqual({ from: '2027-11-10', to: '2028-11-15' });
    expect(moved.deadlines).toEqual({ department: '2028-11-15', district: '2028-11-15', commune: '2028-11-15' });
    expect(moved.milestones?.[0]?.date).toBe('2028-12-15');
    expect(moved.milestones?.[0]?.name.en).toBe('Verification of the 2028 reports by the provincial IT association');
  });

  it('moves checkpoints, and back again gives the original', () => {
    const q = example('hatinh-2021-quarterly');
    const moved = movePeriodToYear(q, 2025);
    expect(moved.checkpoints?.map((c) => c.date)).toEqual(['2025-02-15', '2025-05-15', '2025-08-15']);
    expect(movePeriodToYear(moved, 2021)).toEqual(q);
  });

  it('29/02 becomes 28/02, and a "before" deadline keeps its written date (1/3 → 29/2 in a leap year)', () => {
    const p = example('gialai-2019', {
      deadlineWording: 'before',
      levels: { department: { set: 'department_2025@1', dataWindow: { from: '29/02/2020', to: '28/02/2021' }, opensAt: '01/02/2021', deadline: '01/03/2021' } },
    });
    expect(p.deadlines.department).toBe('2021-02-28');
    const moved = movePeriodToYear(p, 2024);
    expect(moved.deadlines.department).toBe('2024-02-29');
    expect(moved.levels?.department?.dataWindow).toEqual({ from: '2023-02-28', to: '2024-02-28' });
  });

  it('a key without the year gets it appended, years that are not the period’s stay', () => {
    const moved = movePeriodToYear({ ...example('gialai-2019'), key: 'gialai', name: 'QĐ 1867 (2019)' }, 2020);
    expect([moved.key, moved.name]).toEqual(['gialai-2020', 'QĐ 1867 (2020)']);
  });
});

describe('status changes', () => {
  it.each([
    ['draft', 'open', { ok: true, value: 'open' }],
    ['closed', 'open', { ok: true, value: 'open' }],
    ['open', 'open', { ok: false, error: { code: 'PERIOD_STATUS_UNCHANGED', from: 'open', action: 'open' } }],
    ['published', 'open', { ok: false, error: { code: 'PERIOD_STATUS_FORBIDDEN', from: 'published', action: 'open' } }],
    ['open', 'close', { ok: true, value: 'closed' }],
    ['draft', 'close', { ok: false, error: { code: 'PERIOD_STATUS_FORBIDDEN', from: 'draft', action: 'close' } }],
    ['closed', 'close', { ok: false, error: { code: 'PERIOD_STATUS_UNCHANGED', from: 'closed', action: 'close' } }],
  ] as const)('%s + %s', (from, action, expected) => {
    expect(nextStatus(from, action)).toEqual(expected);
  });
});

describe('changed criteria sets per level', () => {
  const cur = [
    { level: 'commune', key: 'commune_2025', version: 1 },
    { level: 'district', key: 'district_2024', version: 1 },
    { level: 'commune', key: 'web_portal', version: 1 },
  ];
  it.each([
    ['the same sets in another order', [cur[2]!, cur[1]!, cur[0]!], []],
    ['a new version for communes', [{ ...cur[0]!, version: 2 }, cur[1]!, cur[2]!], ['commune']],
    ['a level removed', [cur[0]!, cur[2]!], ['district']],
    ['a level added', [...cur, { level: 'department', key: 'department_2025', version: 1 }], ['department']],
    ['an extra set removed and districts changed', [cur[0]!, { ...cur[1]!, key: 'district_2025' }], ['district', 'commune']],
  ])('%s', (_what, next, changed) => {
    expect(changedSetLevels(cur, next)).toEqual(changed);
  });
});
