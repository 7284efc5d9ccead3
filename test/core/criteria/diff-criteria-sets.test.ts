import { describe, expect, it } from 'vitest';
import { diffCriteriaSets } from '../../../core/criteria/diff-criteria-sets.ts';
import { loadSet, makeSet } from './fixtures.ts';

const t = (s: string) => ({ vi: s, en: s });

describe('diff of two criteria sets', () => {
  it('a set against itself has no changes', () => {
    const set = loadSet('commune-2025.yaml');
    expect(diffCriteriaSets(set, structuredClone(set))).toEqual([]);
  });

  it('reports added, removed, re-worded and re-scored criteria, one change each', () => {
    const before = makeSet([
      { code: 'A', text: t('Old wording') },
      { code: 'B', maxPoints: 10 },
      {
        code: 'C',
        answer: {
          type: 'choice',
          options: [
            { value: 'y', label: t('Yes'), points: 10 },
            { value: 'n', label: t('No'), points: 0 },
          ],
        },
      },
      { code: 'D' },
      {
        code: 'E',
        text: t('E'),
        answer: {
          type: 'choice',
          options: [
            { value: 'y', label: t('Yes'), points: 10 },
            { value: 'n', label: t('No'), points: 0 },
          ],
        },
      },
    ]);
    const after = makeSet([
      { code: 'A', text: t('New wording') },
      { code: 'B', maxPoints: 20 },
      {
        code: 'C',
        answer: {
          type: 'choice',
          options: [
            { value: 'y', label: t('Yes'), points: 10 },
            { value: 'n', label: t('No'), points: 5 },
          ],
        },
      },
      // Only an option label changed: wording, not scoring.
      {
        code: 'E',
        text: t('E'),
        answer: {
          type: 'choice',
          options: [
            { value: 'y', label: t('Có'), points: 10 },
            { value: 'n', label: t('No'), points: 0 },
          ],
        },
      },
      { code: 'F', text: t('Brand new'), maxPoints: 5 },
    ]);
    expect(diffCriteriaSets(before, after)).toEqual([
      { kind: 'reworded', code: 'A', before: t('Old wording'), after: t('New wording') },
      { kind: 'rescored', code: 'B', maxBefore: 10, maxAfter: 20, ruleChanged: false },
      { kind: 'rescored', code: 'C', maxBefore: 10, maxAfter: 10, ruleChanged: true },
      { kind: 'added', code: 'F', text: t('Brand new'), maxPoints: 5 },
      { kind: 'removed', code: 'D', text: t('Criterion 4'), maxPoints: 10 },
    ]);
  });
});
