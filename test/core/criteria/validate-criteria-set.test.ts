import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listShippedSets, loadCriteriaFile } from '../../../bot/platform/criteria-files.ts';
import { validateCriteriaSet, type CriteriaSetIssue } from '../../../core/criteria/validate-criteria-set.ts';
import { readSetFile } from './fixtures.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases below mutate arbitrary paths of a parsed YAML document
const base = () => structuredClone(readSetFile('commune-2025.yaml')) as Record<string, any>;
const issues = (input: unknown): CriteriaSetIssue[] => {
  const r = validateCriteriaSet(input);
  return r.ok ? [] : r.error;
};
const paths = (input: unknown) => issues(input).map((i) => `${i.code} ${i.path}`);

describe('shipped criteria sets', () => {
  const expected: Record<string, { criteria: number; total: number; prefix: string; scored: boolean }> = {
    'commune-2025.yaml': { criteria: 31, total: 1000, prefix: 'X-', scored: true },
    'district-2024.yaml': { criteria: 31, total: 1000, prefix: 'H-', scored: true },
    'department-2025.yaml': { criteria: 17, total: 1000, prefix: 'S-', scored: true },
    'web-portal-transparency-quarterly.yaml': { criteria: 16, total: 100, prefix: 'W-', scored: true },
    'quarterly-update.yaml': { criteria: 6, total: 0, prefix: 'Q-', scored: false },
  };

  it('lists every shipped file', () => {
    expect(listShippedSets().map((f) => path.basename(f))).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s validates and totals its declared points', async (name, want) => {
    const file = listShippedSets().find((f) => path.basename(f) === name) ?? '';
    const r = await loadCriteriaFile(file);
    if (!r.ok) throw new Error(r.error.message);
    const set = r.value;
    expect(set.criteria).toHaveLength(want.criteria);
    expect(set.scored).toBe(want.scored);
    expect(set.totalPoints).toBe(want.total);
    expect(set.criteria.reduce((s, c) => s + c.maxPoints, 0)).toBe(want.total);
    expect(set.criteria.every((c) => c.code.startsWith(want.prefix))).toBe(true);
    for (const g of set.groups.filter((x) => x.maxPoints !== undefined)) {
      expect(set.criteria.filter((c) => c.group === g.code).reduce((s, c) => s + c.maxPoints, 0)).toBe(g.maxPoints);
    }
  });

  it('the commune set has the DOMAIN.md C1 codes and group maxima', async () => {
    const r = await loadCriteriaFile(listShippedSets().find((f) => f.endsWith('commune-2025.yaml')) ?? '');
    if (!r.ok) throw new Error(r.error.message);
    const codes = r.value.criteria.map((c) => c.code);
    const want = [
      [1, 6],
      [2, 4],
      [3, 4],
      [4, 4],
      [5, 4],
      [6, 9],
    ].flatMap(([g, n]) => Array.from({ length: n ?? 0 }, (_, i) => `X-${g}.${i + 1}`));
    expect(codes).toEqual(want);
    expect(r.value.groups.map((g) => g.maxPoints)).toEqual([150, 150, 150, 100, 150, 300]);
    expect(r.value.profile.map((p) => p.key)).toEqual(expect.arrayContaining(['officials', 'villages', 'population', 'enterprises']));
    const dd = (code: string) => {
      const a = r.value.criteria.find((c) => c.code === code)?.answer;
      return a && 'defaultDenominator' in a ? a.defaultDenominator : undefined;
    };
    expect([dd('X-2.2'), dd('X-3.1'), dd('X-6.1'), dd('X-2.3')]).toEqual(['officials', 'officials', 'officials', 'villages']);
  });
});

describe('broken criteria sets are rejected with the path of the bad field', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see base()
  it.each<[string, (s: Record<string, any>) => void, string]>([
    [
      'negative option points',
      (s) => {
        s.criteria[0].answer.options[1].points = -5;
      },
      'set.schema criteria[0].answer.options[1].points',
    ],
    [
      'option above max',
      (s) => {
        s.criteria[0].answer.options[1].points = 25;
      },
      'set.rule_exceeds_max criteria[0].answer.options[1].points',
    ],
    [
      'unknown answer type',
      (s) => {
        s.criteria[3].answer.type = 'slider';
      },
      'set.schema criteria[3].answer.type',
    ],
    [
      'misspelt field',
      (s) => {
        s.criteria[2].maxPoint = 20;
      },
      'set.schema criteria[2]',
    ],
    [
      'missing text.en',
      (s) => {
        delete s.criteria[4].text.en;
      },
      'set.schema criteria[4].text.en',
    ],
    [
      'duplicate code',
      (s) => {
        s.criteria[5].code = 'X-1.1';
      },
      'set.duplicate_code criteria[5].code',
    ],
    [
      'unknown group',
      (s) => {
        s.criteria[6].group = '9';
      },
      'set.unknown_group criteria[6].group',
    ],
    [
      'unknown default denominator',
      (s) => {
        s.criteria[7].answer.defaultDenominator = 'staff';
      },
      'set.unknown_profile_key criteria[7].answer.defaultDenominator',
    ],
    [
      'ratio checked against a criterion that is no count',
      (s) => {
        s.criteria[2].answer.denominatorCriterion = 'X-1.1';
      },
      'set.denominator_criterion criteria[2].answer.denominatorCriterion',
    ],
    [
      'ratio checked against an unknown criterion',
      (s) => {
        s.criteria[2].answer.denominatorCriterion = 'X-9.9';
      },
      'set.denominator_criterion criteria[2].answer.denominatorCriterion',
    ],
    [
      'count with both rules',
      (s) => {
        s.criteria[1].answer.perItem = 5;
      },
      'set.count_rule criteria[1].answer',
    ],
    [
      'bad by-date rule',
      (s) => {
        s.criteria[3].answer.byDate[0].onOrBefore = '02-30';
      },
      'set.rule_date criteria[3].answer.byDate[0].onOrBefore',
    ],
    [
      'forward relevance',
      (s) => {
        s.criteria[0].relevantWhen = { criterion: 'X-2.3', answered: true };
      },
      'set.relevance_forward criteria[0].relevantWhen.criterion',
    ],
    [
      'unknown relevance target',
      (s) => {
        s.criteria[9].relevantWhen = { criterion: 'X-9.9', answered: true };
      },
      'set.relevance_unknown criteria[9].relevantWhen.criterion',
    ],
    [
      'rule cannot reach max',
      (s) => {
        s.criteria[0].answer.options[0].points = 15;
      },
      'set.rule_below_max criteria[0].maxPoints',
    ],
    [
      'free tier without label',
      (s) => {
        s.tiers = [
          { key: 'xuat_sac', minPercent: 95 },
          { key: 'tot', minPercent: 0 },
        ];
      },
      'set.tier_label_missing tiers[0].label',
    ],
    [
      'level misspelt',
      (s) => {
        s.level = 'village';
      },
      'set.schema level',
    ],
    [
      'version not an integer',
      (s) => {
        s.version = 1.5;
      },
      'set.schema version',
    ],
  ])('%s', (_name, mutate, want) => {
    const s = base();
    mutate(s);
    expect(paths(s)).toContain(want);
  });

  it('reports a declared total that the criteria do not add up to', () => {
    const s = base();
    s.totalPoints = 999;
    expect(issues(s)).toContainEqual({ code: 'set.total_mismatch', path: 'totalPoints', params: { path: 'totalPoints', declared: 999, actual: 1000 } });
  });

  it('reports a group whose criteria do not add up to its maximum', () => {
    const s = base();
    s.criteria[0].maxPoints = 25;
    s.criteria[0].answer.options[0].points = 25;
    expect(paths(s)).toEqual(expect.arrayContaining(['set.group_total_mismatch groups[0].maxPoints', 'set.total_mismatch totalPoints']));
  });

  it('rejects input that is not an object at all', () => {
    expect(paths(null)).toEqual(['set.schema (root)']);
    expect(paths('hello')).toEqual(['set.schema (root)']);
  });

  it('loadCriteriaFile gives one line with the file, the path and the problem', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'criteria-'));
    const s = base();
    s.criteria[3].answer.byDate[0].points = 'forty';
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(s));
    const r = await loadCriteriaFile(file);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('set.invalid');
      expect(r.error.message).toMatch(/^broken\.json: criteria\[3\]\.answer\.byDate\[0\]\.points: set\.schema/);
      expect(r.error.message).not.toContain('\n');
    }
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, 'key: [unclosed\n');
    const y = await loadCriteriaFile(bad);
    expect(!y.ok && y.error.code).toBe('file.syntax');
    const missing = await loadCriteriaFile(path.join(dir, 'nope.yaml'));
    expect(!missing.ok && missing.error.code).toBe('file.unreadable');
  });
});
