import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatExactNumber, formatRuleCell, parseRuleCell, parseRuleDate, type RuleClause } from '../../../core/criteria/rule-cell.ts';

describe('rule cell syntax', () => {
  it.each([
    [
      '>=0: 0; >=1: 5; >=4: 20',
      [
        { kind: 'min', min: 0, points: 0 },
        { kind: 'min', min: 1, points: 5 },
        { kind: 'min', min: 4, points: 20 },
      ],
    ],
    [
      '>=80%:50;>=0%:0',
      [
        { kind: 'min', min: 80, points: 50 },
        { kind: 'min', min: 0, points: 0 },
      ],
    ],
    ['≥ 60 % : 12,5 điểm', [{ kind: 'min', min: 60, points: 12.5 }]],
    [
      'có=20; không=0',
      [
        { kind: 'setting', name: 'yes', value: 20 },
        { kind: 'setting', name: 'no', value: 0 },
      ],
    ],
    [
      'co = 20\nkhong = 5',
      [
        { kind: 'setting', name: 'yes', value: 20 },
        { kind: 'setting', name: 'no', value: 5 },
      ],
    ],
    [
      'mỗi=20; trần=80',
      [
        { kind: 'setting', name: 'perItem', value: 20 },
        { kind: 'setting', name: 'cap', value: 80 },
      ],
    ],
    [
      '<=31/03: 40; còn lại=20',
      [
        { kind: 'date', onOrBefore: '03-31', points: 40 },
        { kind: 'setting', name: 'otherwise', value: 20 },
      ],
    ],
    ['<=1/7/2025: 10', [{ kind: 'date', onOrBefore: '2025-07-01', points: 10 }]],
    ['thang=100', [{ kind: 'setting', name: 'scale', value: 100 }]],
    ['', []],
  ])('%j', (text, clauses) => {
    expect(parseRuleCell(text)).toEqual({ ok: true, value: clauses });
  });

  it('reads "1,000" as one thousand where thresholds are counts, and as a decimal elsewhere', () => {
    expect(parseRuleCell('>=1,000: 5', { integerMin: true })).toEqual({ ok: true, value: [{ kind: 'min', min: 1000, points: 5 }] });
    expect(parseRuleCell('>=1,5: 5')).toEqual({ ok: true, value: [{ kind: 'min', min: 1.5, points: 5 }] });
  });

  it.each([
    ['>=4 20', 'rule.syntax'],
    ['bốn điểm', 'rule.syntax'],
    ['>=bốn: 20', 'rule.number'],
    ['>=4: hai mươi', 'rule.number'],
    ['<=31/02: 40', 'rule.date'],
    ['<=2025-13-01: 40', 'rule.date'],
    ['tối thiểu=5', 'rule.unknown_setting'],
  ])('refuses %j with %s', (text, code) => {
    const r = parseRuleCell(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual([{ code, clause: text }]);
  });

  it('dates keep their form: MM-DD in the assessment year or a full date', () => {
    expect(parseRuleDate('31/12')).toBe('12-31');
    expect(parseRuleDate('2025-03-31')).toBe('2025-03-31');
    expect(parseRuleDate('29/02')).toBe('02-29');
    expect(parseRuleDate('29/02/2025')).toBeNull();
  });

  it('formats numbers exactly, with a decimal comma', () => {
    expect(formatExactNumber(12.5)).toBe('12,5');
    expect(formatExactNumber(1000000)).toBe('1000000');
    expect(formatExactNumber(1.234)).toBe('1,234');
  });

  const points = fc.oneof(
    fc.integer({ min: 0, max: 100_000 }),
    fc.double({ min: 0, max: 100_000, noNaN: true, noDefaultInfinity: true }).filter((x) => x === 0 || x > 1e-6),
  );
  const date = fc
    .tuple(fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: undefined }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y === undefined ? '' : `${y}-`}${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const clause: fc.Arbitrary<RuleClause> = fc.oneof(
    fc.record({ kind: fc.constant('min' as const), min: fc.integer({ min: 0, max: 1_000_000 }), points }),
    fc.record({ kind: fc.constant('date' as const), onOrBefore: date, points }),
    fc.record({
      kind: fc.constant('setting' as const),
      name: fc.constantFrom('yes', 'no', 'perItem', 'cap', 'otherwise', 'scale', 'points' as const),
      value: points,
    }),
  );

  it('reads back exactly what it writes (property)', () => {
    fc.assert(
      fc.property(fc.array(clause, { maxLength: 8 }), fc.boolean(), (clauses, percent) => {
        expect(parseRuleCell(formatRuleCell(clauses, percent), { integerMin: true })).toEqual({ ok: true, value: clauses });
      }),
    );
  });
});
