import { describe, expect, it } from 'vitest';
import { yearCalendarSchema } from '../../../core/calendar/calendar.schema.ts';
import { dayOfWeek } from '../../../core/calendar/local-date.ts';
import { SHIPPED_YEARS, VIETNAM_CALENDAR, buildCalendar, checkCalendarCovers, holidayName, isWorkingDay } from '../../../core/calendar/working-days.ts';

describe('shipped holiday data', () => {
  it('covers 2019–2027, one entry per year, and every year validates', () => {
    expect(SHIPPED_YEARS.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    for (const y of SHIPPED_YEARS) expect(yearCalendarSchema.safeParse(y).success, String(y.year)).toBe(true);
  });

  const weekdays = (dates: { date: string }[]) => dates.filter((h) => ![0, 6].includes(dayOfWeek(h.date)));

  // Weekdays off = legal holidays on weekdays + compensation days + swapped days:
  // 10 holidays until 2020 (Labour Code 2012), 11 from 2021 (Labour Code 2019).
  it.each([
    [2019, 11], // 10 + swap 29/4 (31/12/2018 swap is in 2018); Giỗ Tổ on Sunday compensated
    [2020, 10],
    [2021, 11],
    [2022, 11],
    [2023, 11],
    [2024, 12], // + swap 29/4
    [2025, 12], // + swap 2/5
    [2026, 13], // + swap 2/1, + Ngày Văn hóa Việt Nam 24/11 (estimated)
    [2027, 12], // + Ngày Văn hóa Việt Nam 24/11 (estimated)
  ])('%i has %i weekdays off', (year, count) => {
    expect(weekdays(SHIPPED_YEARS.find((y) => y.year === year)?.holidays ?? [])).toHaveLength(count);
  });

  it('has five Tết weekdays off every year, weekends of the break listed too', () => {
    for (const y of SHIPPED_YEARS) expect(weekdays(y.holidays.filter((h) => h.name.vi.startsWith('Tết Nguyên đán'))), String(y.year)).toHaveLength(5);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2024-05-04', true, 'làm bù Saturday'],
    ['2024-05-11', false, 'ordinary Saturday'],
    ['2024-04-29', false, 'swapped Monday'],
    ['2024-05-02', true, 'Thursday after 1/5'],
    ['2023-05-03', false, 'nghỉ bù 30/4 on Sunday'],
    ['2023-09-04', false, 'nghỉ bù 2/9 on Saturday'],
    ['2025-04-26', true, 'làm bù Saturday'],
    ['2025-05-02', false, 'swapped Friday'],
    ['2026-01-02', false, 'swapped Friday'],
    ['2026-01-10', true, 'làm bù Saturday'],
    ['2026-02-20', false, 'Tết Bính Ngọ'],
    ['2026-02-23', true, 'first day back after Tết'],
    ['2019-04-15', false, 'nghỉ bù Giỗ Tổ'],
    ['2019-01-05', true, 'làm bù Saturday'],
    ['2024-11-15', true, 'Friday'],
    ['2024-11-17', false, 'Sunday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, VIETNAM_CALENDAR)).toBe(expected);
  });
});

describe('weekend days inside a break are listed as holidays', () => {
  it.each([
    ['2024-02-10', 'Tết Nguyên đán'],
    ['2024-04-27', 'Kỳ nghỉ lễ 30/4 – 1/5'],
    ['2023-04-29', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
  ])('%s → %s', (date, name) => {
    expect(holidayName(date, VIETNAM_CALENDAR)?.vi).toBe(name);
  });
  it('an ordinary weekend is not a holiday', () => {
    expect(holidayName('2024-03-09', VIETNAM_CALENDAR)).toBeUndefined();
  });
});

describe('calendar overrides and coverage', () => {
  it('a later entry for the same year replaces the shipped one', () => {
    const cal = buildCalendar([...SHIPPED_YEARS, { year: 2026, holidays: [], workingSaturdays: [] }]);
    expect(isWorkingDay('2026-02-17', cal)).toBe(true);
    expect(isWorkingDay('2025-01-29', cal)).toBe(false);
  });

  it('reports a year with no holiday data', () => {
    expect(checkCalendarCovers(VIETNAM_CALENDAR, '2026-11-15', '2027-11-15')).toEqual({ ok: true, value: true });
    expect(checkCalendarCovers(VIETNAM_CALENDAR, '2027-11-15', '2028-11-15')).toEqual({
      ok: false,
      error: { code: 'CALENDAR_YEAR_MISSING', year: 2028 },
    });
  });

  it('rejects malformed year data with the path of the bad field', () => {
    const bad = yearCalendarSchema.safeParse({
      year: 2030,
      holidays: [{ date: '2031-01-01', name: { vi: 'x', en: 'x' } }],
      workingSaturdays: ['2030-01-07'],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['holidays.0.date', 'workingSaturdays.0']);
  });
});
