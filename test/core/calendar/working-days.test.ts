import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, formatDateVi, localDateTimeToInstant, toLocalDate } from '../../../core/calendar/local-date.ts';
import { VIETNAM_CALENDAR as CAL, addWorkingDays, isWorkingDay, workingDaysBetween } from '../../../core/calendar/working-days.ts';

describe('Asia/Ho_Chi_Minh is a fixed UTC+7', () => {
  it.each([
    ['2024-11-15T16:59:59.999Z', '2024-11-15'],
    ['2024-11-15T17:00:00.000Z', '2024-11-16'],
    ['2024-12-31T17:00:00.000Z', '2025-01-01'],
    ['2024-02-28T20:00:00.000Z', '2024-02-29'],
  ])('toLocalDate(%s) = %s', (instant, date) => {
    expect(toLocalDate(new Date(instant))).toBe(date);
  });

  it('localDateTimeToInstant is UTC−7', () => {
    expect(localDateTimeToInstant('2024-11-15', '07:30').toISOString()).toBe('2024-11-15T00:30:00.000Z');
    expect(localDateTimeToInstant('2024-11-15', '00:00').toISOString()).toBe('2024-11-14T17:00:00.000Z');
    expect(() => localDateTimeToInstant('2024-11-15', '24:00')).toThrow(RangeError);
  });

  it('date helpers', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addMonths('2020-11-30', 3)).toBe('2021-02-28');
    expect(addMonths('2020-11-15', 9)).toBe('2021-08-15');
    expect(formatDateVi('2019-09-05')).toBe('05/09/2019');
  });
});

describe('addWorkingDays / workingDaysBetween', () => {
  it.each([
    // Friday 26/4/2024 + 1: 29/4 swap, 30/4, 1/5 off → Thursday 2/5.
    ['2024-04-26', 1, '2024-05-02'],
    // … the làm bù Saturday 4/5 counts.
    ['2024-04-26', 3, '2024-05-04'],
    ['2024-04-26', 6, '2024-05-08'],
    // Thursday 31/8/2023: 1/9 off, weekend, 4/9 nghỉ bù → Tuesday 5/9.
    ['2023-08-31', 1, '2023-09-05'],
    ['2024-02-07', 1, '2024-02-15'], // across Tết Giáp Thìn
    ['2024-02-15', -1, '2024-02-07'],
    ['2024-11-18', 0, '2024-11-18'],
  ])('addWorkingDays(%s, %i) = %s', (from, n, expected) => {
    expect(addWorkingDays(from, n, CAL)).toBe(expected);
  });

  it.each([
    ['2024-04-26', '2024-05-08', 6], // from exclusive, to inclusive
    ['2024-04-26', '2024-04-26', 0],
    ['2024-04-26', '2024-04-28', 0], // only the weekend
    ['2024-05-08', '2024-04-26', -6],
    ['2019-09-15', '2019-09-20', 5], // Bình Thuận 2019: deadline Sunday 15/9, 5 days → Friday 20/9
  ])('workingDaysBetween(%s, %s) = %i', (from, to, expected) => {
    expect(workingDaysBetween(from, to, CAL)).toBe(expected);
  });

  const dateInRange = fc.integer({ min: 0, max: 365 * 8 }).map((offset) => addDays('2019-03-01', offset));

  it('workingDaysBetween(a, addWorkingDays(a, n)) = n', () => {
    fc.assert(
      fc.property(dateInRange, fc.integer({ min: -40, max: 40 }), (a, n) => {
        expect(workingDaysBetween(a, addWorkingDays(a, n, CAL), CAL)).toBe(n);
      }),
    );
  });

  it('addWorkingDays(a, workingDaysBetween(a, b)) = b whenever b is a working day', () => {
    fc.assert(
      fc.property(dateInRange, fc.integer({ min: -60, max: 60 }), (a, delta) => {
        const b = addDays(a, delta);
        fc.pre(isWorkingDay(b, CAL));
        expect(addWorkingDays(a, workingDaysBetween(a, b, CAL), CAL)).toBe(b);
      }),
    );
  });

  it('the result of a non-zero addWorkingDays is always a working day, strictly monotonic in n', () => {
    fc.assert(
      fc.property(dateInRange, fc.integer({ min: 1, max: 30 }), (a, n) => {
        const d = addWorkingDays(a, n, CAL);
        expect(isWorkingDay(d, CAL)).toBe(true);
        expect(addWorkingDays(a, n + 1, CAL) > d).toBe(true);
      }),
    );
  });
});
