import { describe, expect, it } from 'vitest';
import type { AnswerValue, StoredAnswer } from '../../../core/criteria/answer-value.schema.ts';
import { roundHalfUp2 } from '../../../core/criteria/rounding.ts';
import { scoreAnswer } from '../../../core/criteria/score-criterion.ts';
import { scoreSet, tierFor } from '../../../core/criteria/scoring.ts';
import { DEFAULT_TIERS } from '../../../core/criteria/criteria-set.schema.ts';
import { label, makeSet, ratioLabels } from './fixtures.ts';

const opt = (value: string, points: number) => ({ value, label: label(value), points });
const bands = [
  { minPercent: 80, points: 50 },
  { minPercent: 60, points: 38 },
  { minPercent: 40, points: 25 },
  { minPercent: 20, points: 12 },
  { minPercent: 0, points: 0 },
];

const SPECS = {
  boolean: { maxPoints: 20, answer: { type: 'boolean' } },
  choice: { maxPoints: 20, answer: { type: 'choice', options: [opt('head', 20), opt('deputy', 10), opt('none', 0)] } },
  multi: { maxPoints: 40, answer: { type: 'multi_check', items: [opt('a', 15), opt('b', 10), opt('c', 15)] } },
  multiCapped: { maxPoints: 20, answer: { type: 'multi_check', items: [opt('a', 15), opt('b', 10)], cap: 20 } },
  tiers: {
    maxPoints: 20,
    answer: {
      type: 'count',
      tiers: [
        { min: 0, points: 0 },
        { min: 1, points: 5 },
        { min: 2, points: 10 },
        { min: 3, points: 15 },
        { min: 4, points: 20 },
      ],
    },
  },
  capped: { maxPoints: 30, answer: { type: 'count', perItem: 10, cap: 30 } },
  ratio: { maxPoints: 50, answer: { type: 'ratio', ...ratioLabels } },
  ratioFull: { maxPoints: 40, answer: { type: 'ratio', ...ratioLabels, zeroDenominator: 'full' } },
  ratioZero: { maxPoints: 20, answer: { type: 'ratio', ...ratioLabels, zeroDenominator: 'zero' } },
  threshold: { maxPoints: 50, answer: { type: 'ratio_threshold', ...ratioLabels, bands } },
  percent: { maxPoints: 10, answer: { type: 'percent' } },
  percentBands: {
    maxPoints: 5,
    answer: {
      type: 'percent',
      bands: [
        { minPercent: 99.5, points: 5 },
        { minPercent: 98, points: 3 },
      ],
    },
  },
  date: { maxPoints: 40, answer: { type: 'date', byDate: [{ onOrBefore: '03-31', points: 40 }], otherwisePoints: 20, allowNone: true } },
  imported: { maxPoints: 20, answer: { type: 'imported_score', scale: 100 } },
  text: { maxPoints: 5, answer: { type: 'text', points: 5 } },
  evidenceOnly: { maxPoints: 10, answer: { type: 'evidence_only' } },
} as const;

const set = makeSet(Object.entries(SPECS).map(([code, spec]) => ({ code, ...spec }) as never));
const window = { from: '2024-11-11', to: '2025-11-10' };
const stored = (value: AnswerValue, evidenceCount = 0): StoredAnswer => ({ value, evidenceCount });

const score = (code: keyof typeof SPECS, value: AnswerValue, evidenceCount = 0) => {
  const c = set.criteria.find((x) => x.code === code);
  if (!c) throw new Error(code);
  const r = scoreAnswer(c, stored(value, evidenceCount), { window });
  return r.kind === 'points' ? r.points : r.kind;
};

describe('scoreAnswer, every answer type', () => {
  it.each<[keyof typeof SPECS, AnswerValue, number | string]>([
    ['boolean', { type: 'boolean', value: true }, 20],
    ['boolean', { type: 'boolean', value: false }, 0],
    ['choice', { type: 'choice', option: 'head' }, 20],
    ['choice', { type: 'choice', option: 'deputy' }, 10],
    ['choice', { type: 'choice', option: 'none' }, 0],
    ['choice', { type: 'choice', option: 'ghost' }, 'mismatch'],
    ['multi', { type: 'multi_check', items: [] }, 0],
    ['multi', { type: 'multi_check', items: ['a', 'c'] }, 30],
    ['multi', { type: 'multi_check', items: ['a', 'b', 'c'] }, 40],
    ['multiCapped', { type: 'multi_check', items: ['a', 'b'] }, 20],
    ['multi', { type: 'multi_check', items: ['zzz'] }, 'mismatch'],
    ['tiers', { type: 'count', count: 0 }, 0],
    ['tiers', { type: 'count', count: 1 }, 5],
    ['tiers', { type: 'count', count: 3 }, 15],
    ['tiers', { type: 'count', count: 4 }, 20],
    ['tiers', { type: 'count', count: 1_000_000 }, 20],
    ['capped', { type: 'count', count: 0 }, 0],
    ['capped', { type: 'count', count: 2 }, 20],
    ['capped', { type: 'count', count: 99 }, 30],
    ['ratio', { type: 'ratio', numerator: 0, denominator: 10 }, 0],
    ['ratio', { type: 'ratio', numerator: 45, denominator: 50 }, 45],
    ['ratio', { type: 'ratio', numerator: 50, denominator: 50 }, 50],
    ['ratio', { type: 'ratio', numerator: 1, denominator: 3 }, 16.67],
    ['ratio', { type: 'ratio', numerator: 2, denominator: 3 }, 33.33],
    ['ratio', { type: 'ratio', numerator: 0, denominator: 0 }, 'not_applicable'],
    ['ratio', { type: 'ratio', numerator: 51, denominator: 50 }, 'mismatch'],
    ['ratio', { type: 'ratio', numerator: 1e300, denominator: 1e301 }, 5],
    ['ratioFull', { type: 'ratio', numerator: 0, denominator: 0 }, 40],
    ['ratioZero', { type: 'ratio', numerator: 0, denominator: 0 }, 0],
    ['threshold', { type: 'ratio', numerator: 80, denominator: 100 }, 50],
    ['threshold', { type: 'ratio', numerator: 4, denominator: 5 }, 50],
    ['threshold', { type: 'ratio', numerator: 79, denominator: 100 }, 38],
    ['threshold', { type: 'ratio', numerator: 3, denominator: 5 }, 38],
    ['threshold', { type: 'ratio', numerator: 19, denominator: 100 }, 0],
    ['threshold', { type: 'ratio', numerator: 0, denominator: 0 }, 'not_applicable'],
    ['percent', { type: 'percent', percent: 0 }, 0],
    ['percent', { type: 'percent', percent: 85.5 }, 8.55],
    ['percent', { type: 'percent', percent: 100 }, 10],
    ['percent', { type: 'percent', percent: 100.0001 }, 'mismatch'],
    ['percent', { type: 'percent', percent: -1 }, 'mismatch'],
    ['percentBands', { type: 'percent', percent: 99.5 }, 5],
    ['percentBands', { type: 'percent', percent: 99.49 }, 3],
    ['percentBands', { type: 'percent', percent: 50 }, 0],
    ['date', { type: 'date', date: '2025-03-31' }, 40],
    ['date', { type: 'date', date: '2024-12-01' }, 40],
    ['date', { type: 'date', date: '2025-04-01' }, 20],
    ['date', { type: 'date', date: null }, 0],
    ['date', { type: 'date', date: '2023-01-01' }, 0],
    ['imported', { type: 'imported_score', score: 0 }, 0],
    ['imported', { type: 'imported_score', score: 87.5 }, 17.5],
    ['imported', { type: 'imported_score', score: 100 }, 20],
    ['imported', { type: 'imported_score', score: 1e9 }, 20],
    ['text', { type: 'text', text: 'ok' }, 5],
    ['text', { type: 'text', text: '   ' }, 0],
    ['evidenceOnly', { type: 'evidence_only' }, 0],
    ['boolean', { type: 'count', count: 1 }, 'mismatch'],
    ['boolean', { type: 'not_applicable' }, 'mismatch'],
  ])('%s %j → %s', (code, value, expected) => {
    expect(score(code, value)).toBe(expected);
  });

  it('evidence-only earns its points once a file is attached', () => {
    expect(score('evidenceOnly', { type: 'evidence_only' }, 2)).toBe(10);
  });

  it('never exceeds max and never goes below 0', () => {
    for (const c of set.criteria) {
      for (const value of [
        { type: 'count', count: 1e12 },
        { type: 'ratio', numerator: 3, denominator: 3 },
      ] as AnswerValue[]) {
        const r = scoreAnswer(c, stored(value, 1));
        if (r.kind === 'points') {
          expect(r.points).toBeLessThanOrEqual(c.maxPoints);
          expect(r.points).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });
});

describe('rounding', () => {
  it.each([
    [1.005, 1.01],
    [2.675, 2.68],
    [16.666666, 16.67],
    [0.004, 0],
    [0.005, 0.01],
    [NaN, 0],
    [Infinity, 0],
  ])('%d → %d', (x, y) => {
    expect(roundHalfUp2(x)).toBe(y);
  });
});

describe('scoreSet', () => {
  const small = makeSet([
    { code: 'A', maxPoints: 20, answer: { type: 'boolean' }, evidence: 'required' },
    { code: 'B', maxPoints: 30, answer: { type: 'ratio', ...ratioLabels } },
    { code: 'C', maxPoints: 50, answer: { type: 'ratio', ...ratioLabels }, allowNotApplicable: true },
    { code: 'D', maxPoints: 0, answer: { type: 'text' } },
  ]);

  it('unanswered criteria count 0 and stay in the denominator', () => {
    const s = scoreSet(small, {});
    expect(s.points).toBe(0);
    expect(s.applicableMax).toBe(100);
    expect(s.percent).toBe(0);
    expect(s.tier?.key).toBe('yeu');
    expect(s.byCode.B).toMatchObject({ status: 'unanswered', missing: 30 });
  });

  it('not-applicable answers leave the denominator; required evidence blocks points', () => {
    const s = scoreSet(small, {
      A: stored({ type: 'boolean', value: true }),
      B: stored({ type: 'ratio', numerator: 27, denominator: 30 }),
      C: stored({ type: 'ratio', numerator: 0, denominator: 0 }),
    });
    expect(s.byCode.A).toMatchObject({ status: 'blocked_by_evidence', rawPoints: 20, points: 0, missing: 20 });
    expect(s.byCode.C).toMatchObject({ status: 'not_applicable', applicableMax: 0, missing: 0 });
    expect(s.points).toBe(27);
    expect(s.applicableMax).toBe(50);
    expect(s.percent).toBe(54);
    expect(s.tier?.key).toBe('trung_binh');
    expect(s.groups).toEqual([{ code: 'g', points: 27, applicableMax: 50, maxPoints: 100, percent: 54 }]);
  });

  it('an explicit N/A answer counts as not applicable only where allowed', () => {
    const s = scoreSet(small, { C: stored({ type: 'not_applicable' }), B: stored({ type: 'not_applicable' }) });
    expect(s.byCode.C?.status).toBe('not_applicable');
    expect(s.byCode.B?.status).toBe('unanswered');
  });

  it('full marks give 100 % and the top tier', () => {
    const s = scoreSet(small, {
      A: stored({ type: 'boolean', value: true }, 1),
      B: stored({ type: 'ratio', numerator: 3, denominator: 3 }),
      C: stored({ type: 'ratio', numerator: 9, denominator: 9 }),
      D: stored({ type: 'text', text: 'x' }),
    });
    expect(s).toMatchObject({ points: 100, applicableMax: 100, percent: 100 });
    expect(s.tier?.key).toBe('tot');
  });

  it('everything not applicable gives 0 % and no tier', () => {
    const only = makeSet([{ code: 'C', maxPoints: 10, answer: { type: 'ratio', ...ratioLabels } }]);
    const s = scoreSet(only, { C: stored({ type: 'ratio', numerator: 0, denominator: 0 }) });
    expect(s).toMatchObject({ points: 0, applicableMax: 0, percent: 0, tier: null });
  });

  it('irrelevant criteria are not counted', () => {
    const rel = makeSet([
      { code: 'P', maxPoints: 10, answer: { type: 'boolean' } },
      { code: 'Q', maxPoints: 10, answer: { type: 'boolean' }, relevantWhen: { criterion: 'P', equals: true } },
      { code: 'R', maxPoints: 10, answer: { type: 'boolean' }, relevantWhen: { criterion: 'P', minPoints: 10 } },
      { code: 'S', maxPoints: 10, answer: { type: 'boolean' }, relevantWhen: { criterion: 'Q', answered: true } },
    ]);
    const no = scoreSet(rel, { P: stored({ type: 'boolean', value: false }) });
    expect(['Q', 'R', 'S'].map((c) => no.byCode[c]?.status)).toEqual(['irrelevant', 'irrelevant', 'irrelevant']);
    expect(no.applicableMax).toBe(10);
    const yes = scoreSet(rel, { P: stored({ type: 'boolean', value: true }), Q: stored({ type: 'boolean', value: true }) });
    expect(['Q', 'R', 'S'].map((c) => yes.byCode[c]?.status)).toEqual(['scored', 'unanswered', 'unanswered']);
    expect(yes.applicableMax).toBe(40);
  });

  it('tiers follow the Kon Tum thresholds', () => {
    expect([100, 90, 89.99, 70, 69.99, 50, 49.99, 0].map((p) => tierFor(DEFAULT_TIERS, p)?.key)).toEqual([
      'tot',
      'tot',
      'kha',
      'kha',
      'trung_binh',
      'trung_binh',
      'yeu',
      'yeu',
    ]);
  });

  it('tiers judge the published 2-decimal percent, and custom tiers (Xuất sắc) work', () => {
    expect(tierFor(DEFAULT_TIERS, 89.996)?.key).toBe('tot');
    expect(tierFor(DEFAULT_TIERS, 89.994)?.key).toBe('kha');
    const withExcellent = [{ key: 'xuat_sac', minPercent: 95 }, ...DEFAULT_TIERS];
    expect(tierFor(withExcellent, 96)?.key).toBe('xuat_sac');
    expect(tierFor(withExcellent, 92)?.key).toBe('tot');
  });

  it('a set scored with other tiers (a period override) classifies by those', () => {
    const set = makeSet([{ code: 'A', maxPoints: 100, answer: { type: 'percent' } }]);
    const answers = { A: stored({ type: 'percent', percent: 86 }) };
    expect(scoreSet(set, answers).tier?.key).toBe('kha');
    expect(
      scoreSet(set, answers, {
        tiers: [
          { key: 'tot', minPercent: 85 },
          { key: 'yeu', minPercent: 0 },
        ],
      }).tier?.key,
    ).toBe('tot');
  });

  it('an unscored set has no tier', () => {
    const q = makeSet([{ code: 'T', maxPoints: 0, answer: { type: 'text' } }], { scored: false, totalPoints: 0 });
    expect(scoreSet(q, { T: stored({ type: 'text', text: 'abc' }) }).tier).toBeNull();
  });
});

describe('date validity: issued in the window, or in force during it', () => {
  const window = { from: '2025-11-11', to: '2026-11-10' };
  const regulation = makeSet([{ code: 'R', maxPoints: 20, answer: { type: 'date', otherwisePoints: 20, allowNone: true, validity: 'in_force' } }]);
  const plan = makeSet([{ code: 'P', maxPoints: 20, answer: { type: 'date', otherwisePoints: 20, allowNone: true } }]);
  it.each([
    ['a regulation issued years before the window still counts', regulation, 'R', '2019-03-05', 20],
    ['a regulation issued inside the window counts', regulation, 'R', '2026-02-01', 20],
    ['a regulation issued after the window does not', regulation, 'R', '2026-12-01', 0],
    ['a plan issued before the window does not count', plan, 'P', '2019-03-05', 0],
    ['a plan issued inside the window counts', plan, 'P', '2026-02-01', 20],
  ] as const)('%s', (_name, set, code, date, points) => {
    expect(scoreSet(set, { [code]: stored({ type: 'date', date }) }, { window }).byCode[code]?.points).toBe(points);
  });
});
