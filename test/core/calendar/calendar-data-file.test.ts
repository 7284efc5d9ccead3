import { describe, expect, it } from 'vitest';
import { calendarFileSchema } from '../../../core/calendar/calendar-file.schema.ts';
import { calendarOf, mergeCalendarYears, summarizeYear } from '../../../core/calendar/calendar-sources.ts';
import { coveredYears, firstUncoveredDate, isDateCovered } from '../../../core/calendar/coverage.ts';
import { formatPath } from '../../../core/criteria/validate-criteria-set.ts';
import { SHIPPED_YEARS, VIETNAM_CALENDAR, isWorkingDay } from '../../../core/calendar/working-days.ts';

const estimated = (year: number) =>
  SHIPPED_YEARS.find((y) => y.year === year)!
    .holidays.filter((h) => h.status === 'estimated')
    .map((h) => h.date);

describe('shipped years as data', () => {
  it('marks what is not confirmed as estimated: all of 2027, 2026 only the 2/9 bridge day and 24/11', () => {
    expect(estimated(2026)).toEqual(['2026-09-01', '2026-11-24']);
    expect(estimated(2027)).toHaveLength(SHIPPED_YEARS.find((y) => y.year === 2027)!.holidays.length);
    for (const year of [2019, 2020, 2021, 2022, 2023, 2024, 2025]) expect(estimated(year), String(year)).toEqual([]);
  });

  it('keeps the knowledge of the old comments as sources and notes', () => {
    const y2019 = SHIPPED_YEARS.find((y) => y.year === 2019)!;
    expect(y2019.source).toBe('Văn phòng Chính phủ 6519/VPCP-KGVX (11/7/2018)');
    const bridge = SHIPPED_YEARS.find((y) => y.year === 2026)!.holidays.find((h) => h.date === '2026-09-01')!;
    expect(bridge.note).toContain('5-day break');
    for (const y of SHIPPED_YEARS) expect(y.note, String(y.year)).toBeTruthy();
  });

  it('counts estimated days as days off (24/11/2026 is a Tuesday)', () => {
    expect(isWorkingDay('2026-11-24', VIETNAM_CALENDAR)).toBe(false);
    expect(isWorkingDay('2026-11-25', VIETNAM_CALENDAR)).toBe(true);
  });
});

const issuesOf = (input: unknown): string[] => {
  const r = calendarFileSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
};
const day = (date: string, extra: object = {}) => ({ date, name: { vi: 'Tết', en: 'Tết' }, ...extra });
const y2028 = (holidays: unknown[], workingSaturdays: unknown[] = []) => ({ year: 2028, holidays, workingSaturdays });

describe('calendar file schema: every error names the field path', () => {
  it.each([
    [
      'a bad date',
      { years: [y2028([day('2028-01-01'), day('2028-01-02'), day('2028-01-03'), day('2028-13-01')])] },
      'years[0].holidays[3].date: expected a date YYYY-MM-DD',
    ],
    ['a day outside its year', { years: [y2028([day('2029-01-01')])] }, 'years[0].holidays[0].date: date outside the year'],
    ['a duplicate day', { years: [y2028([day('2028-01-01'), day('2028-01-01')])] }, 'years[0].holidays[1].date: duplicate date'],
    [
      'an unknown status',
      { years: [y2028([day('2028-01-01', { status: 'rumoured' })])] },
      'years[0].holidays[0].status: Invalid option: expected one of "announced"|"estimated"',
    ],
    ['a typo in a field name', { years: [y2028([day('2028-01-01', { stauts: 'estimated' })])] }, 'years[0].holidays[0]: Unrecognized key: "stauts"'],
    ['a working Saturday that is a Monday', { years: [y2028([], ['2028-01-03'])] }, 'years[0].workingSaturdays[0]: expected a Saturday of the year'],
    ['a missing name', { years: [y2028([{ date: '2028-01-01' }])] }, 'years[0].holidays[0].name: Invalid input: expected object, received undefined'],
    ['a year twice', { years: [y2028([]), y2028([])] }, 'years[1].year: year 2028 appears twice in the file'],
    ['no year', { years: [] }, 'years: expected at least one year'],
  ])('%s', (_what, input, expected) => {
    expect(issuesOf(input)).toContain(expected);
  });

  it('defaults a missing status to announced', () => {
    const r = calendarFileSchema.parse({ years: [y2028([day('2028-01-01')])] });
    expect(r.years[0]!.holidays[0]!.status).toBe('announced');
  });
});

describe('shipped + imported years', () => {
  const imported2026 = { year: 2026, holidays: [], workingSaturdays: [] };
  const imported2028 = calendarFileSchema.parse({ years: [y2028([day('2028-01-01'), day('2028-01-02', { status: 'estimated' })])] }).years[0]!;

  it('an imported year replaces the shipped one and a new year extends the coverage', () => {
    const merged = mergeCalendarYears(SHIPPED_YEARS, [imported2026, imported2028]);
    expect(merged.map((y) => `${y.calendar.year}:${y.source}`)).toEqual([
      '2019:shipped',
      '2020:shipped',
      '2021:shipped',
      '2022:shipped',
      '2023:shipped',
      '2024:shipped',
      '2025:shipped',
      '2026:imported',
      '2027:shipped',
      '2028:imported',
    ]);
    const cal = calendarOf(merged);
    expect(isWorkingDay('2026-02-17', cal)).toBe(true);
    expect(isWorkingDay('2028-01-01', cal)).toBe(false);
    expect(summarizeYear(merged.at(-1)!)).toEqual({ year: 2028, source: 'imported', holidayDays: 2, weekdaysOff: 0, estimated: 1 });
  });

  it('summarises a shipped year: 2026 lists 23 days off, 13 of them weekdays, 2 estimated', () => {
    expect(summarizeYear({ source: 'shipped', calendar: SHIPPED_YEARS.find((y) => y.year === 2026)! })).toEqual({
      year: 2026,
      source: 'shipped',
      holidayDays: 23,
      weekdaysOff: 13,
      estimated: 2,
    });
  });
});

describe('coverage', () => {
  it.each([
    ['2019-01-01', true],
    ['2027-12-31', true],
    ['2018-12-31', false],
    ['2028-01-01', false],
  ])('%s covered by the shipped calendar: %s', (date, covered) => {
    expect(isDateCovered(date, VIETNAM_CALENDAR)).toBe(covered);
  });

  it('lists the covered years and finds the first uncovered date', () => {
    expect(coveredYears(VIETNAM_CALENDAR)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    const dates = [
      { label: 'opens', date: '2027-11-01' },
      { label: 'deadline', date: '2028-01-10' },
      { label: 'milestone', date: '2028-02-01' },
    ];
    expect(firstUncoveredDate(dates, VIETNAM_CALENDAR)).toEqual({ label: 'deadline', date: '2028-01-10' });
    const with2028 = calendarOf(mergeCalendarYears(SHIPPED_YEARS, [{ year: 2028, holidays: [], workingSaturdays: [] }]));
    expect(firstUncoveredDate(dates, with2028)).toBeUndefined();
  });
});
