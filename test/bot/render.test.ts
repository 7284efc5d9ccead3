import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, splitMessage, stripTags } from '../../bot/channels/render.ts';

describe('splitMessage', () => {
  it.each([
    ['short text stays whole', 'xin chào', 4096, ['xin chào']],
    ['splits at a paragraph', `${'a'.repeat(30)}\n\n${'b'.repeat(30)}`, 40, ['a'.repeat(30), 'b'.repeat(30)]],
    ['splits at a line', `${'a'.repeat(30)}\n${'b'.repeat(30)}`, 40, ['a'.repeat(30), 'b'.repeat(30)]],
  ])('%s', (_n, text, limit, expected) => {
    expect(splitMessage(text, limit)).toEqual(expected);
  });

  it('never exceeds the limit, never cuts a surrogate pair, keeps every non-space character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 3000 }), fc.integer({ min: 20, max: 500 }), (text, limit) => {
        const chunks = splitMessage(text, limit);
        for (const c of chunks) {
          expect(c.length).toBeLessThanOrEqual(limit);
          expect(/[\uD800-\uDBFF]$/.test(c)).toBe(false);
        }
        expect(chunks.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });

  it('does not cut inside an HTML tag or entity', () => {
    const text = `${'x'.repeat(35)}<b>bold</b> &amp; more`;
    for (const chunk of splitMessage(text, 38)) {
      expect(chunk).not.toMatch(/<[^>]*$/);
      expect(chunk).not.toMatch(/&[a-z]*$/);
    }
  });
});

describe('escaping', () => {
  it('escapes what officers type and strips tags for plain channels', () => {
    expect(escapeHtml('<script>&')).toBe('&lt;script&gt;&amp;');
    expect(stripTags('<b>X-1.1</b> &lt;b&gt; &amp;')).toBe('X-1.1 <b> &');
  });
});
