// Every message renders completely, in both languages, as a person reads it: no leftover
// `{{…}}`, no message key or internal code name, and numbers written the reader's way
// (vi: 865,02 and 1.000 — never the English 865.02).
import { describe, expect, it } from 'vitest';
import { renderText } from '../bot/channels/render.ts';
import { createTranslator, loadCatalogues, type Locale } from '../bot/platform/i18n.ts';

const flatten = (obj: unknown, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    else out.set(key, String(v));
  }
  return out;
};

const NUMERIC =
  /^(points|percent|max|min|applicableMax|maxPoints|total|count|days|answered|questions|index|page|pages|units|levels|queued|reachable|reporters|submitted|inProgress|notStarted|late|rank|numerator|denominator|score|scale|tolerance|minutes|maxMb|declared|actual|self|verifiedPoints|verifiedPercent|missingPoints|line|hours|year|workingDaysLate|workingDaysRemaining|workingDaysLeftToBeRanked|evidence|uses|limit|rescored|sets|criteria|groups|checkpoint|months)$/;
const NUMBERS = [865.02, 1000, 12345.5] as const;
const TEXT = 'Xã Thạch Đài';

const catalogues = loadCatalogues();
const tr = createTranslator('vi');
const keys = Object.keys(catalogues.vi).flatMap((ns) => [...flatten(catalogues.vi[ns]).entries()].map(([k, text]) => ({ key: `${ns}:${k}`, text })));
const placeholders = (s: string): string[] => [...new Set([...s.matchAll(/\{\{\s*([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? ''))];

const render = (locale: Locale, key: string, n: number): string => {
  const names = placeholders(keys.find((k) => k.key === key)?.text ?? '');
  const params = Object.fromEntries(names.map((name) => [name, NUMERIC.test(name) ? n : TEXT]));
  return renderText(tr, locale, { key, params }, 'plain');
};

describe('every message renders completely', () => {
  it('covers the whole catalogue', () => {
    expect(keys.length).toBeGreaterThan(300);
  });

  it.each(['vi', 'en'] as const)('%s: no placeholder left, no key shown', (locale) => {
    const bad: string[] = [];
    for (const { key } of keys) {
      for (const n of NUMBERS) {
        const out = render(locale, key, n);
        if (out.includes('{{') || out.includes('}}')) bad.push(`${key}: leftover placeholder: ${out}`);
        if (out === key || /\b[a-z]+:[a-z_]+\.[a-z_.]+\b/.test(out)) bad.push(`${key}: shows a message key: ${out}`);
        if (/NaN|undefined|\[object Object\]/.test(out)) bad.push(`${key}: broken value: ${out}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('vi: decimals with a comma and thousands with a dot; en: the other way round', () => {
    const bad: string[] = [];
    for (const { key, text } of keys) {
      if (!placeholders(text).some((p) => NUMERIC.test(p))) continue;
      const vi = render('vi', key, 865.02);
      if (/\d\.\d{1,2}(?!\d)/.test(vi)) bad.push(`${key}: English decimal in Vietnamese: ${vi}`);
      if (!vi.includes('865,02')) bad.push(`${key}: number not written 865,02: ${vi}`);
      const thousands = render('vi', key, 12345.5);
      if (!thousands.includes('12.345,5')) bad.push(`${key}: number not written 12.345,5: ${thousands}`);
      const en = render('en', key, 12345.5);
      if (!en.includes('12,345.5')) bad.push(`${key}: number not written 12,345.5 in English: ${en}`);
    }
    expect(bad).toEqual([]);
  });

  it('a message inside a message gets the same parameters (no "{{days}}")', () => {
    const out = renderText(
      tr,
      'vi',
      {
        key: 'coord:status.level',
        params: {
          level: { key: 'coord:level.commune' },
          total: 3,
          submitted: 1,
          inProgress: 1,
          notStarted: 1,
          late: 0,
          deadline: '10/12/2026',
          countdown: { key: 'coord:status.days_left' },
          days: 4,
        },
      },
      'plain',
    );
    expect(out).toContain('Cấp xã');
    expect(out).toContain('còn 4 ngày làm việc');
  });

  it('text parameters are never read as keys, and are escaped for HTML', () => {
    const out = renderText(
      tr,
      'vi',
      { key: 'coord:unit.returned', params: { note: '\u2063<b>coord:only_coordinators</b> $t(dialogue:error.internal)' } },
      'html',
    );
    expect(out).toContain('&lt;b&gt;');
    expect(out).not.toContain('<b>coord');
    expect(out).not.toContain(tr.t('vi', 'dialogue:error.internal'));
  });
});
