// Criteria sets of any size for the benchmarks: a realistic mix of yes/no, choices, counts with
// tiers and ratios, no evidence or explanation steps, so every answer is one message.
import { validateCriteriaSet } from '../core/criteria/validate-criteria-set.ts';
import type { CriteriaSet } from '../core/criteria/criteria-set.schema.ts';

const t = (vi: string, en: string) => ({ vi, en });

export const generatedSet = (n: number): CriteriaSet => {
  const criteria = Array.from({ length: n }, (_, i) => {
    const code = `B-${i + 1}`;
    const base = {
      code,
      group: String((i % 6) + 1),
      text: t(`Tiêu chí thử nghiệm ${i + 1}`, `Benchmark criterion ${i + 1}`),
      maxPoints: 10,
      evidence: 'none',
      explanation: 'never',
    };
    switch (i % 4) {
      case 0:
        return { ...base, answer: { type: 'boolean' } };
      case 1:
        return {
          ...base,
          answer: {
            type: 'choice',
            options: [
              { value: 'full', label: t('Đầy đủ', 'Full'), points: 10 },
              { value: 'part', label: t('Một phần', 'Partly'), points: 5 },
              { value: 'none', label: t('Không', 'None'), points: 0 },
            ],
          },
        };
      case 2:
        return {
          ...base,
          answer: {
            type: 'count',
            tiers: [
              { min: 0, points: 0 },
              { min: 2, points: 5 },
              { min: 4, points: 10 },
            ],
          },
        };
      default:
        return {
          ...base,
          answer: { type: 'ratio', numeratorLabel: t('Số đạt', 'Achieved'), denominatorLabel: t('Tổng số', 'Total'), zeroDenominator: 'not_applicable' },
        };
    }
  });
  const groups = Array.from({ length: 6 }, (_, g) => ({ code: String(g + 1), title: t(`Nhóm ${g + 1}`, `Group ${g + 1}`) }));
  const r = validateCriteriaSet({
    key: `bench_${n}`,
    version: 1,
    title: t(`Bộ thử ${n}`, `Bench ${n}`),
    level: 'commune',
    totalPoints: n * 10,
    groups,
    criteria,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error.slice(0, 3)));
  return r.value;
};

/** A valid full-points answer for criterion i of a generated set. */
export const answerFor = (i: number): { text?: string; choice?: string } =>
  i % 4 === 0 ? { choice: 'y' } : i % 4 === 1 ? { choice: 'c:full' } : i % 4 === 2 ? { text: '5' } : { text: '18/20' };
