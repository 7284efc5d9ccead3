import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../core/criteria/format-number.ts';
import { parseNumber, parsePercent } from '../../../core/criteria/parse-number.ts';

const value = (text: string, opts = {}) => {
  const r = parseNumber(text, opts);
  return r.ok ? r.value : r.error.code;
};

describe('parseNumber', () => {
  it.each([
    ['45', {}, 45],
    ['  45  ', {}, 45],
    ['0', {}, 0],
    ['-0', {}, 0],
    ['1.234', {}, 1234],
    ['1.234', { integer: true }, 1234],
    ['12.500', {}, 12500],
    ['1.234.567', {}, 1234567],
    ['1 234', {}, 1234],
    ['1\u00a0234', {}, 1234],
    ['1 234 567', {}, 1234567],
    ['1 234,5', {}, 1234.5],
    ['12,5', {}, 12.5],
    ['12.5', {}, 12.5],
    ['0.125', {}, 0.125],
    ['0,125', {}, 0.125],
    [',5', {}, 0.5],
    ['1,234', {}, 1.234],
    ['1,234', { integer: true }, 1234],
    ['1,234,567', {}, 1234567],
    ['1.234,5', {}, 1234.5],
    ['1,234.5', {}, 1234.5],
    ['1.234.567,89', {}, 1234567.89],
    ['-5', {}, -5],
    ['\u22125', {}, -5],
    ['+7', {}, 7],
    ['12,5', { integer: true }, 'number.not_integer'],
    ['12.5', { integer: true }, 'number.not_integer'],
    ['', {}, 'input.empty'],
    ['   ', {}, 'input.empty'],
    ['abc', {}, 'number.invalid'],
    ['12a', {}, 'number.invalid'],
    ['😀', {}, 'number.invalid'],
    ['4😀5', {}, 'number.invalid'],
    ['1..2', {}, 'number.invalid'],
    ['1.2.3', {}, 'number.invalid'],
    ['12 5', {}, 'number.invalid'],
    ['1.23,4.5', {}, 'number.invalid'],
    ['NaN', {}, 'number.invalid'],
    ['Infinity', {}, 'number.invalid'],
    ['1e5', {}, 'number.invalid'],
    ['9'.repeat(400), {}, 'number.invalid'],
    ['99999999999999999999', {}, 'number.invalid'],
    ['99999999999999999999', { min: 0, max: 100 }, 'number.out_of_range'],
    ['-1', { min: 0, max: 10 }, 'number.out_of_range'],
    ['11', { min: 0, max: 10 }, 'number.out_of_range'],
    ['10', { min: 0, max: 10 }, 10],
    ['-1', { min: 0 }, 'number.too_small'],
    ['11', { max: 10 }, 'number.too_large'],
  ])('%j %j → %j', (text, opts, expected) => {
    expect(value(text, opts)).toBe(expected);
  });

  it('reports the range in the error params', () => {
    const r = parseNumber('600', { integer: true, min: 0, max: 500 });
    expect(r).toEqual({ ok: false, error: { code: 'number.out_of_range', params: { min: 0, max: 500 } } });
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.boolean(), (s, integer) => {
        const r = parseNumber(s, { integer });
        if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => void parseNumber(s)),
      { numRuns: 500 },
    );
    const numberish = fc.array(fc.constantFrom('0', '1', '5', '9', '.', ',', ' ', '-', '+', '%', '\u00a0'), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(numberish, fc.boolean(), (s, integer) => {
        const r = parseNumber(s, { integer, min: 0, max: 1e9 });
        if (r.ok) expect(r.value).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 3000 },
    );
    expect(() => parseNumber(undefined as unknown as string)).not.toThrow();
    expect(() => parseNumber('1'.repeat(1_000_000))).not.toThrow();
  });
});

describe('parsePercent', () => {
  it.each([
    ['85%', 85],
    ['85 %', 85],
    ['85,5%', 85.5],
    ['85.5', 85.5],
    ['0', 0],
    ['100', 100],
    ['100%', 100],
    ['100.0001', 'number.out_of_range'],
    ['100,0001%', 'number.out_of_range'],
    ['-1%', 'number.out_of_range'],
    ['%', 'input.empty'],
    ['abc%', 'number.invalid'],
  ])('%j → %j', (text, expected) => {
    const r = parsePercent(text);
    expect(r.ok ? r.value : r.error.code).toBe(expected);
  });
});

describe('formatNumber (vi-VN)', () => {
  it.each([
    [0, '0'],
    [1234, '1.234'],
    [1234567, '1.234.567'],
    [12.5, '12,5'],
    [1234.5, '1.234,5'],
    [0.125, '0,13'],
    [-5, '-5'],
    [-0.001, '0'],
    [1000.1, '1.000,1'],
  ])('%d → %s', (n, s) => {
    expect(formatNumber(n)).toBe(s);
  });

  it('round-trips integers through parseNumber', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => {
        expect(parseNumber(formatNumber(n), { integer: true })).toEqual({ ok: true, value: n === 0 ? 0 : n });
        expect(parseNumber(formatNumber(n))).toEqual({ ok: true, value: n === 0 ? 0 : n });
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips numbers with up to 2 decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (k) => {
        const n = k / 100;
        const r = parseNumber(formatNumber(n));
        expect(r).toEqual({ ok: true, value: n === 0 ? 0 : n });
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips any finite double to within its 2-decimal rounding', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (n) => {
        const r = parseNumber(formatNumber(n));
        expect(r.ok).toBe(true);
        if (r.ok) expect(Math.abs(r.value - n)).toBeLessThanOrEqual(0.005 + Math.abs(n) * 1e-15);
      }),
      { numRuns: 2000 },
    );
  });
});
