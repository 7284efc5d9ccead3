import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitMessage } from '../../bot/channels/split-message.ts';

const TAG = /<(\/?)([a-z]+)(?:\s[^<>]*)?>/gi;
/** Every opening tag closed, in order, inside the chunk itself. */
const balanced = (html: string): boolean => {
  const stack: string[] = [];
  for (const m of html.matchAll(TAG)) {
    if (m[1] === '/') {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2] ?? '');
  }
  return stack.length === 0;
};
const text = (html: string): string => html.replace(TAG, '').replace(/\s/g, '');

describe('splitMessage', () => {
  it.each([
    ['short text stays whole', 'xin chào', 4096, ['xin chào']],
    ['splits at a paragraph', `${'a'.repeat(30)}\n\n${'b'.repeat(30)}`, 40, ['a'.repeat(30), 'b'.repeat(30)]],
    ['splits at a line', `${'a'.repeat(30)}\n${'b'.repeat(30)}`, 40, ['a'.repeat(30), 'b'.repeat(30)]],
    ['splits at a word', `${'a'.repeat(30)} ${'b'.repeat(30)}`, 40, ['a'.repeat(30), 'b'.repeat(30)]],
    ['keeps exactly the limit', 'a'.repeat(2000), 2000, ['a'.repeat(2000)]],
  ])('%s (both modes)', (_n, input, limit, expected) => {
    expect(splitMessage(input, limit, 'plain')).toEqual(expected);
    expect(splitMessage(input, limit, 'html')).toEqual(expected);
  });

  it('hard-cuts without splitting a surrogate pair', () => {
    const input = 'a' + '😀'.repeat(1500); // the pair straddles index 2000
    const chunks = splitMessage(input, 2000, 'plain');
    expect(chunks[0]!.length).toBe(1999);
    expect(chunks.join('')).toBe(input);
  });

  it('keeps every line of a long numbered list whole (Zalo)', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `${i + 1}. ${'câu hỏi '.repeat(6)}`);
    const chunks = splitMessage(lines.join('\n'), 2000, 'plain');
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.split('\n').every((line) => lines.includes(line))).toBe(true);
    expect(chunks.join('\n')).toBe(lines.join('\n'));
  });

  it('never cuts inside a tag or an entity, and closes and re-opens formatting across chunks', () => {
    const input = `<b>${'đậm '.repeat(20)}</b> &amp; <i>nghiêng ${'x'.repeat(50)}</i>`;
    const chunks = splitMessage(input, 40, 'html');
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(40);
      expect(chunk).not.toMatch(/<[^>]*$/);
      expect(chunk).not.toMatch(/&[a-z]*$/);
      expect(balanced(chunk)).toBe(true);
    }
    expect(chunks[1]!.startsWith('<b>')).toBe(true);
    expect(chunks.map(text).join('')).toBe(text(input));
  });

  it('re-opens a link with its address', () => {
    const input = `<a href="https://example.gov.vn/a">${'liên kết '.repeat(10)}</a>`;
    const chunks = splitMessage(input, 60, 'html');
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk).toMatch(/^<a href="https:\/\/example\.gov\.vn\/a">.*<\/a>$/s);
  });

  it('property (plain): chunks fit, never break a surrogate pair, lose only whitespace', () => {
    const unit = fc.constantFrom('a', 'ệ', ' ', '\n', '😀', 'Đ', '1');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 3000 }), fc.integer({ min: 2, max: 300 }), (parts, limit) => {
        const input = parts.join('');
        const chunks = splitMessage(input, limit, 'plain');
        for (const chunk of chunks) {
          expect(chunk.length).toBeLessThanOrEqual(limit);
          expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(chunk)).toBe(false);
        }
        expect(chunks.join('').replace(/\s/g, '')).toBe(input.replace(/\s/g, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('property (html): every chunk fits and is balanced; the text survives', () => {
    const word = fc.constantFrom('xã', 'Thạch', 'Đài', '&amp;', '&lt;', '1.000', '😀');
    const piece = fc.oneof(
      word,
      fc.constantFrom(' ', '\n', '\n\n'),
      fc
        .array(word, { minLength: 1, maxLength: 6 })
        .chain((ws) => fc.constantFrom(`<b>${ws.join(' ')}</b>`, `<i>${ws.join(' ')}</i>`, `<code>${ws.join('')}</code>`)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), fc.integer({ min: 30, max: 400 }), (parts, limit) => {
        const input = parts.join('');
        const chunks = splitMessage(input, limit, 'html');
        for (const chunk of chunks) {
          expect(chunk.length).toBeLessThanOrEqual(limit);
          expect(balanced(chunk)).toBe(true);
          expect(chunk).not.toMatch(/&[a-z]*$/);
        }
        expect(chunks.map(text).join('')).toBe(text(input));
      }),
      { numRuns: 300 },
    );
  });
});
