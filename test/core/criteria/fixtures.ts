import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { CriteriaSet, CriteriaSetInput } from '../../../core/criteria/criteria-set.schema.ts';
import { validateCriteriaSet } from '../../../core/criteria/validate-criteria-set.ts';

export const setsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'core', 'criteria', 'sets');

export const readSetFile = (name: string): unknown => parse(readFileSync(path.join(setsDir, name), 'utf8'));

export const loadSet = (name: string): CriteriaSet => {
  const r = validateCriteriaSet(readSetFile(name));
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value;
};

type CriterionInput = CriteriaSetInput['criteria'][number];

const t = (s: string) => ({ vi: s, en: s });

/** A one-group set around the given criteria; totalPoints is their sum unless overridden. */
export const makeSet = (criteria: Partial<CriterionInput>[], extra: Partial<CriteriaSetInput> = {}): CriteriaSet => {
  const full = criteria.map((c, i) => ({
    code: `C-${i + 1}`,
    group: 'g',
    text: t(`Criterion ${i + 1}`),
    maxPoints: 10,
    answer: { type: 'boolean' },
    ...c,
  })) as CriterionInput[];
  const input: CriteriaSetInput = {
    key: 'test_set',
    version: 1,
    title: t('Test set'),
    level: 'commune',
    totalPoints: full.reduce((s, c) => s + c.maxPoints, 0),
    groups: [{ code: 'g', title: t('Group') }],
    criteria: full,
    ...extra,
  };
  const r = validateCriteriaSet(input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

export const ratioLabels = { numeratorLabel: t('a'), denominatorLabel: t('b'), zeroDenominator: 'not_applicable' as const };
export const label = t;
