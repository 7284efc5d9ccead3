// The ZIP under every workbook: each entry's CRC-32 and sizes, as written in its local header's
// data descriptor and in the central directory, are those of its bytes, whether it was streamed
// in many chunks, deferred, empty or tiny (readers such as exceljs do not check the CRC; Excel does).
import { PassThrough } from 'node:stream';
import { crc32, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZipWriter } from '../../../bot/platform/documents/xlsx/zip-writer.ts';

type Entry = { name: string; crc: number; compressed: number; size: number; data: Buffer };

// Reads the central directory (no ZIP64, as the writer) and inflates each entry.
const entriesOf = (zip: Buffer): Entry[] => {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out: Entry[] = [];
  for (let i = 0; i < count; i += 1) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + compressed);
    // The data descriptor after the body says the same.
    expect(zip.readUInt32LE(start + compressed)).toBe(0x08074b50);
    expect([zip.readUInt32LE(start + compressed + 4), zip.readUInt32LE(start + compressed + 8), zip.readUInt32LE(start + compressed + 12)]).toEqual([
      crc,
      compressed,
      size,
    ]);
    out.push({ name, crc, compressed, size, data: inflateRawSync(body) });
    at += 46 + nameLength + extra + comment;
  }
  return out;
};

const zipOf = async (write: (z: ZipWriter) => Promise<void>): Promise<Buffer> => {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const z = new ZipWriter(out, { level: 1, modifiedAt: new Date('2024-01-01T00:00:00Z') });
  await write(z);
  await z.finish();
  return Buffer.concat(chunks);
};

describe('zip writer', () => {
  it('writes the CRC-32 and sizes of every entry, streamed in many chunks, deferred, tiny or empty', async () => {
    // 6 MB in 1 MB chunks of varied, partly incompressible bytes.
    const big = Buffer.concat(
      Array.from({ length: 6 }, (_, i) => Buffer.from(Array.from({ length: 1 << 20 }, (_, j) => (j * 31 + i * 7 + ((j * j) >> 5)) & 0xff))),
    );
    const small = Buffer.from('<?xml version="1.0"?><a>Đánh giá</a>');
    const zip = await zipOf(async (z) => {
      const deferred = z.deferred('xl/deferred.xml');
      await deferred.write(small);
      await deferred.close();
      const e = await z.open('xl/big.xml');
      for (let i = 0; i < big.length; i += 1 << 20) await e.write(big.subarray(i, i + (1 << 20)));
      await e.close();
      await deferred.add();
      await z.add('empty.xml', '');
      await z.add('one.txt', 'x');
    });
    const entries = entriesOf(zip);
    expect(entries.map((e) => e.name)).toEqual(['xl/big.xml', 'xl/deferred.xml', 'empty.xml', 'one.txt']);
    for (const [e, data] of entries.map((x, i) => [x, [big, small, Buffer.alloc(0), Buffer.from('x')][i]!] as const)) {
      expect(e.data.equals(data)).toBe(true);
      expect(e.size).toBe(data.length);
      expect(e.crc).toBe(crc32(data));
    }
  });

  it('any bytes in any chunks come back with their CRC-32', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 12 }), async (parts) => {
        const zip = await zipOf(async (z) => {
          const e = await z.open('part.bin');
          for (const p of parts) await e.write(Buffer.from(p));
          await e.close();
        });
        const [entry] = entriesOf(zip);
        const all = Buffer.concat(parts.map((p) => Buffer.from(p)));
        expect(entry!.data.equals(all)).toBe(true);
        expect(entry!.crc).toBe(crc32(all));
      }),
      { numRuns: 60 },
    );
  });
});
