// vi and en catalogues of my namespaces must have the same keys and the same placeholders.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const load = (lng: string, ns: string) => JSON.parse(readFileSync(new URL(`../../../locales/${lng}/${ns}.json`, import.meta.url), 'utf8')) as unknown;

const flatten = (value: unknown, prefix = ''): Record<string, string> =>
  typeof value === 'string'
    ? { [prefix]: value }
    : Object.assign({}, ...Object.entries(value as Record<string, unknown>).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)));

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe.each(['ranking', 'reminders'])('locales/%s.json', (ns) => {
  const vi = flatten(load('vi', ns));
  const en = flatten(load('en', ns));
  it('vi and en have identical keys', () => expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort()));
  it('vi and en use identical placeholders', () => {
    for (const key of Object.keys(vi)) expect(placeholders(en[key] ?? ''), key).toEqual(placeholders(vi[key] ?? ''));
  });
});
