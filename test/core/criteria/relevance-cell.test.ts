import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Relevance } from '../../../core/criteria/criteria-set.schema.ts';
import { formatRelevanceCell, parseRelevanceCell } from '../../../core/criteria/relevance-cell.ts';

describe('"Chỉ hỏi khi" cell syntax', () => {
  it.each([
    ['X-2.3 đã trả lời', { criterion: 'X-2.3', answered: true }],
    ['X-2.3 da tra loi', { criterion: 'X-2.3', answered: true }],
    ['S-4.1 >= 20 điểm', { criterion: 'S-4.1', minPoints: 20 }],
    ['S-4.1 ≥ 12,5', { criterion: 'S-4.1', minPoints: 12.5 }],
    ['X-1.1 = "head"', { criterion: 'X-1.1', equals: 'head' }],
    ['X-1.1 = head', { criterion: 'X-1.1', equals: 'head' }],
    ['X-1.1 = "1"', { criterion: 'X-1.1', equals: '1' }],
    ['X-1.2 = 3', { criterion: 'X-1.2', equals: 3 }],
    ['X-2.1 = có', { criterion: 'X-2.1', equals: true }],
    ['X-2.1 = khong', { criterion: 'X-2.1', equals: false }],
    ['X-2.1 = "say ""hi"""', { criterion: 'X-2.1', equals: 'say "hi"' }],
  ])('%j', (text, relevance) => {
    expect(parseRelevanceCell(text)).toEqual({ ok: true, value: relevance });
  });

  it.each(['X-2.3', 'X-2.3 khi có', 'S-4.1 >= nhiều', '= 3', 'X-1.1 ='])('refuses %j', (text) => {
    expect(parseRelevanceCell(text)).toEqual({ ok: false, error: 'relevance.syntax' });
  });

  const code = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,8}$/);
  const relevance: fc.Arbitrary<Relevance> = fc.oneof(
    fc.record({ criterion: code, answered: fc.constant(true as const) }),
    fc.record({ criterion: code, minPoints: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0.001, max: 1000, noNaN: true })) }),
    fc.record({ criterion: code, equals: fc.oneof(fc.string({ minLength: 1 }), fc.integer({ min: -1000, max: 1000 }), fc.boolean()) }),
  );

  it('reads back exactly what it writes (property)', () => {
    fc.assert(
      fc.property(relevance, (r) => {
        expect(parseRelevanceCell(formatRelevanceCell(r))).toEqual({ ok: true, value: r });
      }),
    );
  });
});
