import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INPUT_ERROR_CODES } from '../../../core/criteria/input-error.ts';
import { SET_ISSUE_CODES } from '../../../core/criteria/validate-criteria-set.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const load = (lang: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(root, 'locales', lang, 'criteria.json'), 'utf8'));

const flatten = (o: Record<string, unknown>, prefix = ''): Record<string, string> =>
  Object.entries(o).reduce<Record<string, string>>((acc, [k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'string' ? { ...acc, [key]: v } : { ...acc, ...flatten(v as Record<string, unknown>, key) };
  }, {});

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

const vi = flatten(load('vi'));
const en = flatten(load('en'));

const coreFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? coreFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );

describe('locales/{vi,en}/criteria.json', () => {
  it('have identical keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('have identical placeholders for every key', () => {
    const diff = Object.keys(vi).filter((k) => JSON.stringify(placeholders(vi[k] ?? '')) !== JSON.stringify(placeholders(en[k] ?? '')));
    expect(diff).toEqual([]);
  });

  it('have no empty messages', () => {
    expect(Object.entries({ ...vi }).filter(([, v]) => v.trim() === '')).toEqual([]);
    expect(Object.entries({ ...en }).filter(([, v]) => v.trim() === '')).toEqual([]);
  });

  it('have a message for every input error code', () => {
    expect(INPUT_ERROR_CODES.filter((c) => !(`error.${c}` in vi))).toEqual([]);
  });

  it('have a message for every criteria-set issue code', () => {
    expect(SET_ISSUE_CODES.filter((c) => !(c in vi))).toEqual([]);
  });

  it('have a message for every reply key the core uses', () => {
    const used = new Set(
      [...coreFiles(path.join(root, 'core', 'criteria')), ...coreFiles(path.join(root, 'core', 'questionnaire'))].flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/'criteria:([a-z_.]+)'/g)].map((m) => m[1] ?? ''),
      ),
    );
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((k) => !(k in vi))).toEqual([]);
  });
});
