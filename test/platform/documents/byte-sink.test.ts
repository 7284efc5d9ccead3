// The byte sink under the large sheets: numbers print as JavaScript prints them, texts as UTF-8,
// and bytes already handed to zlib never change when writing goes on (a chunk is reused).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteSink, bytesOf } from '../../../bot/platform/documents/xlsx/byte-sink.ts';

describe('byte sink', () => {
  it.each([0, 7, 10, 99, 100, 1_000_000, 2 ** 31, Number.MAX_SAFE_INTEGER, -5, 865.02, 0.1 + 0.2, 1e21, -0, 2 ** 53 + 2])('prints %d as String() does', (n) => {
    const sink = new ByteSink();
    sink.number(n);
    expect(sink.take().toString('utf8')).toBe(String(n));
  });

  it('keeps any mix of parts, numbers and texts in order, across chunks, and never rewrites bytes it handed over', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'grapheme', maxLength: 400 }).map((t) => ({ kind: 'text' as const, t })),
            fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => ({ kind: 'number' as const, n })),
            fc.string({ maxLength: 40 }).map((t) => ({ kind: 'bytes' as const, t })),
            fc.constant({ kind: 'take' as const }),
          ),
          { maxLength: 300 },
        ),
        fc.integer({ min: 1, max: 4000 }),
        (ops, repeat) => {
          const sink = new ByteSink();
          const taken: { bytes: Buffer; copy: string }[] = [];
          let expected = '';
          const take = () => {
            const b = sink.take();
            taken.push({ bytes: b, copy: b.toString('utf8') });
          };
          for (const op of ops) {
            if (op.kind === 'take') take();
            else if (op.kind === 'number') {
              sink.number(op.n);
              expected += String(op.n);
            } else {
              // Long texts: some rows outgrow the 1 MiB chunk.
              const t = op.kind === 'text' ? op.t.repeat(op.t.length > 300 ? repeat : 1) : op.t;
              if (op.kind === 'text') sink.text(t);
              else sink.bytes(bytesOf(t));
              expected += t;
            }
          }
          take();
          expect(taken.map((x) => x.copy).join('')).toBe(expected);
          // What was handed over is unchanged by everything written after it.
          for (const x of taken) expect(x.bytes.toString('utf8')).toBe(x.copy);
          expect(sink.size()).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('byte sink, direct writing', () => {
  it('writes numbers with at most two decimals (points, percents) exactly as String() does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (k) => {
        for (const v of [k / 100, k, k / 10]) {
          const sink = new ByteSink();
          sink.number(v);
          expect(sink.take().toString('latin1')).toBe(String(v));
        }
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const sink = new ByteSink();
        sink.number(v);
        expect(sink.take().toString('latin1')).toBe(String(v));
      }),
      { numRuns: 3000 },
    );
  });

  it('reuses a chunk only once its reader released it: bytes still held never change', () => {
    const sink = new ByteSink();
    const line = bytesOf(`${'x'.repeat(1000)}\n`);
    const held: { bytes: Buffer; copy: string }[] = [];
    for (let round = 0; round < 40; round += 1) {
      for (let i = 0; i < 1100; i += 1) sink.bytes(bytesOf(`${round}:${i};`));
      for (let i = 0; i < 300; i += 1) sink.bytes(line);
      for (const [n, b] of sink.takeFilled().entries()) {
        // Every other chunk is kept by its reader, the rest go back for reuse.
        if (n % 2 === 0) held.push({ bytes: b, copy: b.toString('latin1') });
        else sink.release(b);
      }
    }
    expect(held.length).toBeGreaterThan(5);
    for (const h of held) expect(h.bytes.toString('latin1')).toBe(h.copy);
  });
});
