// A minimal streaming ZIP writer (PKWARE APPNOTE 6.3: deflate, data descriptors, UTF-8 names, no
// ZIP64): entries are compressed on zlib's thread pool while the caller builds the next rows, and
// written straight to the output, so memory stays flat however large a sheet is. An entry can
// also be compressed into memory first and added later, for a small sheet that must be written
// while a large one streams.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createGzip, type Gzip } from 'node:zlib';

const MAX32 = 0xffffffff;
// Bytes the output may hold before the writer waits for it (a file or socket drains on its own thread).
const OUT_BACKLOG = 8 * 1024 * 1024;

type Done = { readonly crc: number; readonly size: number; readonly compressedSize: number };
type Central = Done & { readonly name: Buffer; readonly offset: number };

/** An open entry: write its text in order, then close it. */
export type EntryWriter = {
  /** `consumed` is called once zlib has read the chunk: its bytes may then be reused. */
  readonly write: (chunk: string | Buffer, consumed?: () => void) => Promise<void>;
  /**
   * A turn of the event loop when zlib has work in hand, else undefined. zlib's thread starts
   * its next chunk only once the main thread has taken the last one's result, which happens
   * only there: a caller that builds rows synchronously calls this every few hundred rows so
   * that the compressor keeps pace (without it, 8 MB queued up and the export waited on it).
   */
  readonly service: () => Promise<void> | undefined;
  readonly close: () => Promise<void>;
};

const turn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

// gzip framing around the deflate stream a ZIP entry holds: zlib's thread then computes the
// CRC-32 as it compresses (on the main thread it was 50 ms of a 170 MB sheet). Its 10-byte
// header is dropped and its 8-byte trailer (CRC-32, size) read, never written.
const GZIP_HEADER = 10;
const GZIP_TRAILER = 8;

// Deflates into `sink`, tracking the CRC and both sizes; `sink` may apply backpressure.
const deflater = (level: number, sink: (chunk: Buffer) => Promise<void> | void) => {
  // Large buffers on both sides, so the main thread builds the next rows while zlib's thread
  // compresses the last ones (a 16 KiB high-water mark would make every write wait).
  const z: Gzip = createGzip({
    level,
    memLevel: 9,
    chunkSize: 256 * 1024,
    writableHighWaterMark: 2 * 1024 * 1024,
    readableHighWaterMark: 8 * 1024 * 1024,
  } as never);
  let size = 0;
  let compressedSize = 0;
  let failure: unknown;
  let header = GZIP_HEADER;
  // The last bytes seen, held back until more come: at the end they are the trailer.
  let held: Buffer = Buffer.alloc(0);
  const emit = (b: Buffer) => {
    if (b.length === 0) return;
    compressedSize += b.length;
    const pending = sink(b);
    if (pending) {
      z.pause();
      pending.then(
        () => z.resume(),
        (e: unknown) => z.destroy(e as Error),
      );
    }
  };
  z.on('error', (e) => (failure = e));
  z.on('data', (chunk: Buffer) => {
    let c = chunk;
    if (header > 0) {
      const cut = Math.min(header, c.length);
      header -= cut;
      c = c.subarray(cut);
    }
    if (c.length >= GZIP_TRAILER) {
      emit(held);
      emit(c.subarray(0, c.length - GZIP_TRAILER));
      held = Buffer.from(c.subarray(c.length - GZIP_TRAILER));
    } else if (c.length > 0) {
      const all = Buffer.concat([held, c]);
      emit(all.subarray(0, Math.max(0, all.length - GZIP_TRAILER)));
      held = all.subarray(Math.max(0, all.length - GZIP_TRAILER));
    }
  });
  return {
    write: async (chunk: Buffer, consumed?: () => void) => {
      if (failure) throw failure;
      size += chunk.length;
      // Through the event loop first, so zlib has taken its last result (see `service`).
      if (z.writableLength > 0) await turn();
      // A chunk zlib failed on is never handed back for reuse: it may still be referenced.
      const queued = consumed ? z.write(chunk, (e) => (e ? undefined : consumed())) : z.write(chunk);
      if (!queued) await once(z, 'drain');
    },
    service: (): Promise<void> | undefined => (z.writableLength > 0 ? turn() : undefined),
    end: async (): Promise<Done> => {
      const ended = once(z, 'end');
      z.end();
      await ended;
      if (failure) throw failure;
      if (held.length !== GZIP_TRAILER || held.readUInt32LE(4) !== size % 2 ** 32) throw new Error('zip: the compressed stream ended without its trailer');
      return { crc: held.readUInt32LE(0), size, compressedSize };
    },
  };
};

const dosDateTime = (d: Date): { time: number; date: number } => ({
  time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  date: ((Math.max(1980, d.getUTCFullYear()) - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
});

export class ZipWriter {
  private offset = 0;
  private readonly central: Central[] = [];
  private busy = false;
  private readonly stamp: { time: number; date: number };

  constructor(
    private readonly out: Writable,
    private readonly options: { level?: number; modifiedAt?: Date } = {},
  ) {
    this.stamp = dosDateTime(options.modifiedAt ?? new Date(Date.UTC(1980, 0, 1)));
  }

  private async raw(buf: Buffer): Promise<void> {
    this.offset += buf.length;
    if (!this.out.write(buf) && this.out.writableLength > OUT_BACKLOG) await once(this.out, 'drain');
  }

  private localHeader(name: Buffer): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0808, 6); // bit 3: sizes in the data descriptor; bit 11: UTF-8 name
    h.writeUInt16LE(8, 8);
    h.writeUInt16LE(this.stamp.time, 10);
    h.writeUInt16LE(this.stamp.date, 12);
    h.writeUInt16LE(name.length, 26);
    return Buffer.concat([h, name]);
  }

  private async finishEntry(name: Buffer, offset: number, done: Done): Promise<void> {
    if (done.size > MAX32 || done.compressedSize > MAX32 || this.offset > MAX32) {
      throw new RangeError(`xlsx: ${name.toString()} exceeds 4 GiB, which needs ZIP64 (not supported)`);
    }
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(done.crc >>> 0, 4);
    d.writeUInt32LE(done.compressedSize, 8);
    d.writeUInt32LE(done.size, 12);
    await this.raw(d);
    this.central.push({ name, offset, ...done });
  }

  /** Opens an entry written straight to the output; only one at a time. */
  async open(path: string): Promise<EntryWriter> {
    if (this.busy) throw new Error(`zip: cannot open ${path} while another entry is open`);
    this.busy = true;
    const name = Buffer.from(path, 'utf8');
    const offset = this.offset;
    await this.raw(this.localHeader(name));
    const z = deflater(this.options.level ?? 6, (chunk) => {
      this.offset += chunk.length;
      return this.out.write(chunk) || this.out.writableLength <= OUT_BACKLOG ? undefined : once(this.out, 'drain').then(() => undefined);
    });
    return {
      write: (chunk, consumed) => z.write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk, consumed),
      service: z.service,
      close: async () => {
        await this.finishEntry(name, offset, await z.end());
        this.busy = false;
      },
    };
  }

  /** An entry compressed into memory now; `add()` it when no entry is open. */
  deferred(path: string): EntryWriter & { readonly add: () => Promise<void> } {
    const chunks: Buffer[] = [];
    const z = deflater(this.options.level ?? 6, (chunk) => void chunks.push(chunk));
    let done: Done | undefined;
    return {
      write: (chunk, consumed) => z.write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk, consumed),
      service: z.service,
      close: async () => void (done = await z.end()),
      add: async () => {
        if (!done) throw new Error(`zip: ${path} was not closed`);
        if (this.busy) throw new Error(`zip: cannot add ${path} while another entry is open`);
        const name = Buffer.from(path, 'utf8');
        const offset = this.offset;
        await this.raw(this.localHeader(name));
        for (const c of chunks.splice(0)) await this.raw(c);
        await this.finishEntry(name, offset, done);
      },
    };
  }

  /** A whole entry at once. */
  async add(path: string, data: string | Buffer): Promise<void> {
    const e = await this.open(path);
    await e.write(data);
    await e.close();
  }

  /** Writes the central directory; the caller ends the output stream. */
  async finish(): Promise<void> {
    if (this.busy) throw new Error('zip: an entry is still open');
    const start = this.offset;
    for (const e of this.central) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x0808, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.compressedSize, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      await this.raw(Buffer.concat([h, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.central.length, 8);
    end.writeUInt16LE(this.central.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.raw(end);
  }
}
