import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanInput } from '../../../core/criteria/fold-text.ts';
import { parseChoice, parseMultiChoice } from '../../../core/criteria/parse-choice.ts';
import { parseDate } from '../../../core/criteria/parse-date.ts';
import { parsePercent } from '../../../core/criteria/parse-number.ts';
import { parseRatio, splitRatio } from '../../../core/criteria/parse-ratio.ts';
import { parseYesNo } from '../../../core/criteria/parse-yes-no.ts';
import type { Result } from '../../../core/result.ts';

const out = <T>(r: Result<T, { code: string }>): T | string => (r.ok ? r.value : r.error.code);

describe('parseRatio', () => {
  it.each([
    ['45/50', { numerator: 45, denominator: 50 }],
    ['45 / 50', { numerator: 45, denominator: 50 }],
    ['45 trên 50', { numerator: 45, denominator: 50 }],
    ['45 TRÊN 50', { numerator: 45, denominator: 50 }],
    ['45 tren 50', { numerator: 45, denominator: 50 }],
    ['45 of 50', { numerator: 45, denominator: 50 }],
    ['1.234/2.000', { numerator: 1234, denominator: 2000 }],
    ['0/0', { numerator: 0, denominator: 0 }],
    ['0/7', { numerator: 0, denominator: 7 }],
    ['50/50', { numerator: 50, denominator: 50 }],
    ['51/50', 'ratio.numerator_exceeds_denominator'],
    ['1/0', 'ratio.numerator_exceeds_denominator'],
    ['-1/50', 'number.too_small'],
    ['4,5/50', 'number.not_integer'],
    ['45', 'ratio.invalid'],
    ['', 'input.empty'],
    ['45/', 'ratio.invalid'],
    ['/50', 'ratio.invalid'],
    ['😀/50', 'number.invalid'],
    ['a/b', 'number.invalid'],
  ])('%j → %j', (text, expected) => {
    expect(out(parseRatio(text))).toEqual(expected);
  });

  it('carries both numbers in the a > b error', () => {
    expect(parseRatio('51/50')).toEqual({
      ok: false,
      error: { code: 'ratio.numerator_exceeds_denominator', params: { numerator: 51, denominator: 50 } },
    });
  });

  it('applies a maximum denominator and allows decimals when asked', () => {
    expect(out(parseRatio('5/2000', { maxDenominator: 1000 }))).toBe('number.out_of_range');
    expect(out(parseRatio('4,5/10', { integer: false }))).toEqual({ numerator: 4.5, denominator: 10 });
  });

  it('splits only ratio-shaped text', () => {
    expect(splitRatio('45')).toBeNull();
    expect(splitRatio(' 3  /  4 ')).toEqual(['3', '4']);
  });
});

describe('parseYesNo', () => {
  it.each(['có', 'Có', 'co', 'c', 'C', 'có ạ', 'Có ạ.', 'dạ có', 'đúng', 'yes', 'Y', 'x', '✓', '1', 'ok'])('%j → yes', (t) => {
    expect(out(parseYesNo(t))).toBe(true);
  });
  it.each(['không', 'Không', 'khong', 'k', 'ko', 'no', 'N', '0', 'chưa', 'không ạ', 'chưa có'])('%j → no', (t) => {
    expect(out(parseYesNo(t))).toBe(false);
  });
  it.each([
    ['', 'input.empty'],
    ['  ', 'input.empty'],
    ['maybe', 'yesno.invalid'],
    ['😀', 'yesno.invalid'],
    ['có không', 'yesno.invalid'],
  ])('%j → %s', (t, code) => {
    expect(out(parseYesNo(t))).toBe(code);
  });
});

describe('parseDate', () => {
  const window = { from: '2024-11-11', to: '2025-11-10' };
  it.each([
    ['15/9/2021', '2021-09-15'],
    ['15-09-21', '2021-09-15'],
    ['2021-09-15', '2021-09-15'],
    ['15.9.2021', '2021-09-15'],
    ['15 / 9 / 2021', '2021-09-15'],
    ['ngày 15 tháng 9 năm 2021', '2021-09-15'],
    ['29/2/2024', '2024-02-29'],
    ['29/2/2023', 'date.invalid'],
    ['31/4/2021', 'date.invalid'],
    ['0/1/2021', 'date.invalid'],
    ['15/13/2021', 'date.invalid'],
    ['2021-9-15', '2021-09-15'],
    ['15/9', 'date.invalid'],
    ['hôm qua', 'date.invalid'],
    ['😀', 'date.invalid'],
    ['', 'input.empty'],
  ])('%j → %s', (text, expected) => {
    expect(out(parseDate(text))).toBe(expected);
  });

  it('keeps dates within the data window, reporting it as dd/mm/yyyy', () => {
    expect(out(parseDate('31/3/2025', { window }))).toBe('2025-03-31');
    expect(out(parseDate('11/11/2024', { window }))).toBe('2024-11-11');
    expect(out(parseDate('10/11/2025', { window }))).toBe('2025-11-10');
    expect(parseDate('10/11/2024', { window })).toEqual({
      ok: false,
      error: { code: 'date.outside_window', params: { from: '11/11/2024', to: '10/11/2025' } },
    });
  });

  it('for a document in force during the window, accepts any date up to its end', () => {
    expect(out(parseDate('05/3/2019', { window, validity: 'in_force' }))).toBe('2019-03-05');
    expect(parseDate('11/11/2025', { window, validity: 'in_force' })).toEqual({
      ok: false,
      error: { code: 'date.after_window', params: { to: '10/11/2025' } },
    });
  });
});

describe('parseChoice', () => {
  const options = [
    { value: 'head', label: { vi: 'Bí thư/Chủ tịch', en: 'Secretary/Chairman' } },
    { value: 'deputy', label: { vi: 'Phó Bí thư/Phó Chủ tịch', en: 'Deputy' } },
    { value: 'none', label: { vi: 'Chưa có BCĐ/khác', en: 'No committee' } },
  ];
  it.each([
    ['1', 'head'],
    ['2', 'deputy'],
    ['3.', 'none'],
    ['Bí thư/Chủ tịch', 'head'],
    ['bi thu/chu tich', 'head'],
    ['BÍ THƯ', 'head'],
    ['pho', 'deputy'],
    ['Phó', 'deputy'],
    ['chua', 'none'],
    ['deputy', 'deputy'],
    ['Secretary', 'head'],
    ['4', 'choice.unknown'],
    ['0', 'choice.unknown'],
    ['xyz', 'choice.unknown'],
    ['😀', 'choice.unknown'],
    ['', 'input.empty'],
  ])('%j → %s', (text, expected) => {
    expect(out(parseChoice(text, options))).toBe(expected);
  });

  it('refuses an ambiguous prefix', () => {
    const opts = [
      { value: 'a', label: { vi: 'Có, cập nhật thường xuyên', en: 'Yes, regularly' } },
      { value: 'b', label: { vi: 'Có, ít cập nhật', en: 'Yes, rarely' } },
    ];
    expect(parseChoice('có', opts)).toEqual({ ok: false, error: { code: 'choice.ambiguous', params: { count: 2 } } });
    expect(out(parseChoice('có, ít', opts))).toBe('b');
  });

  it('reads several checklist items', () => {
    expect(out(parseMultiChoice('1, 3', options))).toEqual(['head', 'none']);
    expect(out(parseMultiChoice('1 3 3', options))).toEqual(['head', 'none']);
    expect(out(parseMultiChoice('pho; chua', options))).toEqual(['deputy', 'none']);
    expect(out(parseMultiChoice('không', options))).toEqual([]);
    expect(out(parseMultiChoice('1, 9', options))).toBe('choice.unknown');
    expect(out(parseMultiChoice('', options))).toBe('input.empty');
  });
});

describe('parsers never throw', () => {
  const anyText = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e309', '\u0000', '%%', '//', 'trên'),
  );
  const opts = [
    { value: 'a', label: { vi: 'Có', en: 'Yes' } },
    { value: 'b', label: { vi: 'Không', en: 'No' } },
  ];
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        parseRatio(s);
        parseYesNo(s);
        parseDate(s, { window: { from: '2024-01-01', to: '2024-12-31' } });
        parseChoice(s, opts);
        parseMultiChoice(s, opts);
        parsePercent(s);
      }),
      { numRuns: 2000 },
    );
  });
  it('on huge input', () => {
    const huge = '1/'.repeat(200_000);
    const plain = 'a'.repeat(500_000);
    const started = performance.now();
    for (const f of [
      () => parseRatio(plain),
      () => parseYesNo(plain),
      () => parseDate(plain),
      () => parseChoice(plain, opts),
      () => parseMultiChoice(plain, opts),
    ]) {
      expect(f).not.toThrow();
    }
    expect(performance.now() - started).toBeLessThan(1000);
    for (const f of [
      () => parseRatio(huge),
      () => parseYesNo(huge),
      () => parseDate(huge),
      () => parseChoice(huge, opts),
      () => parseMultiChoice(huge, opts),
    ]) {
      expect(f).not.toThrow();
    }
  });
});

describe('cleanInput removes every invisible format character (Unicode Cf)', () => {
  it.each([
    ['\u2063<b>x</b>', '<b>x</b>'],
    ['a\u200bb\u200cc\u200dd\ufeff', 'abcd'],
    ['\u202eevil\u202c', 'evil'],
    ['\u2066isolate\u2069', 'isolate'],
    ['\u00adsoft', 'soft'],
    ['Xã\u00a0Thạch\u202fĐài', 'Xã Thạch Đài'],
  ])('%j → %j', (raw, clean) => {
    expect(cleanInput(raw)).toBe(clean);
  });
});
