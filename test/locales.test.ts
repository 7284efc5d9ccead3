// Every user-facing word lives in locales/vi and locales/en: same namespaces, same keys, same
// {{placeholders}}; and every literal `namespace:key` the code uses has a message.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogues } from '../bot/platform/i18n.ts';

const flatten = (obj: unknown, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    else out.set(key, String(v));
  }
  return out;
};
const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? '').sort();

const catalogues = loadCatalogues();

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (f === 'generated' || f === 'node_modules') return [];
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });

describe('locale catalogues', () => {
  it('vi and en have the same namespaces', () => {
    expect(Object.keys(catalogues.en).sort()).toEqual(Object.keys(catalogues.vi).sort());
  });

  for (const ns of Object.keys(catalogues.vi)) {
    it(`${ns}: same keys and placeholders in vi and en`, () => {
      const vi = flatten(catalogues.vi[ns]);
      const en = flatten(catalogues.en[ns]);
      expect([...en.keys()].sort()).toEqual([...vi.keys()].sort());
      for (const [key, text] of vi) expect(placeholders(en.get(key) ?? ''), `${ns}:${key}`).toEqual(placeholders(text));
    });
  }

  it('every literal message key used in bot/ and core/ exists in both languages', () => {
    const known = new Set<string>();
    for (const [ns, tree] of Object.entries(catalogues.vi)) for (const key of flatten(tree).keys()) known.add(`${ns}:${key}`);
    const missing: string[] = [];
    for (const file of [...sourceFiles('bot'), ...sourceFiles('core')]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(
        /'((?:dialogue|criteria|commands|cli|coord|coordinator|ranking|reminders|common|year|admin|documents):[a-z_]+(?:\.[a-z_]+)*)'/g,
      )) {
        const key = m[1] ?? '';
        if (!known.has(key)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
