// A sheet's XML written straight into bytes. Built as strings, a 310,000-row detail sheet
// allocated about 650 MB (the rope of each row, its flattened copy, then its UTF-8 Buffer), and a
// row holding one Vietnamese text turned the whole rope two-byte; here the fixed parts of a row
// are bytes compiled once, numbers are written digit by digit, and only texts are encoded.

/** The UTF-8 bytes of a part compiled once. */
export const bytesOf = (text: string): Uint8Array => Buffer.from(text, 'utf8');

const CHUNK = 1024 * 1024;
// Chunks kept for reuse: as many as zlib may hold queued (its 2 MiB high-water mark) and a few more.
const POOL = 6;
const NONE: readonly Buffer[] = Object.freeze([]);

export class ByteSink {
  // Chunks handed to the reader come back through `release` once it is done with them: 169 MB
  // of sheet XML through fresh 1 MiB Buffers kept V8 running a full GC every ~200 ms (external
  // memory pressure), each one marking the whole heap of an export from the database.
  private readonly pool: Buffer[] = [];
  private chunk: Buffer = Buffer.allocUnsafe(CHUNK);
  private pos = 0;
  private readonly filled: Buffer[] = [];
  private filledBytes = 0;

  private fresh(n: number): Buffer {
    return n <= CHUNK ? (this.pool.pop() ?? Buffer.allocUnsafe(CHUNK)) : Buffer.allocUnsafe(n);
  }

  /** Room for `n` more bytes: a full chunk is set aside (a row may span two chunks). */
  private room(n: number): void {
    if (this.pos + n <= this.chunk.length) return;
    this.setAside();
    this.chunk = this.fresh(Math.max(CHUNK, n));
  }

  private setAside(): void {
    if (this.pos === 0) return;
    this.filled.push(this.chunk.subarray(0, this.pos));
    this.filledBytes += this.pos;
    this.pos = 0;
  }

  /**
   * Direct writing for a hot loop: room for `n` bytes in the returned chunk from `at()` on,
   * filled with the `put…` functions below, then `commit` the position they returned.
   */
  reserve(n: number): Buffer {
    this.room(n);
    return this.chunk;
  }

  at(): number {
    return this.pos;
  }

  commit(pos: number): void {
    this.pos = pos;
  }

  /** Bytes written since the last `take`. */
  size(): number {
    return this.filledBytes + this.pos;
  }

  bytes(b: Uint8Array): void {
    const c = this.reserve(b.length);
    this.pos = putBytes(c, this.pos, b);
  }

  /** A finite number as JavaScript prints it (what Excel reads back exactly). */
  number(v: number): void {
    const c = this.reserve(NUMBER_BYTES);
    this.pos = putNumber(c, this.pos, v);
  }

  text(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.room(s.length * 3);
    this.pos += this.chunk.write(s, this.pos, 'utf8');
  }

  /**
   * The chunks filled so far, not copied, now the reader's (who may `release` each when done);
   * the chunk being written stays.
   */
  takeFilled(): readonly Buffer[] {
    // Called after every row: no new array when nothing is ready.
    if (this.filled.length === 0) return NONE;
    const out = this.filled.splice(0);
    this.filledBytes = 0;
    return out;
  }

  /** Everything written since the last take, as one Buffer, now the reader's. */
  take(): Buffer {
    if (this.pos > 0) {
      this.setAside();
      this.chunk = this.fresh(CHUNK);
    }
    const parts = this.takeFilled();
    if (parts.length === 1) return parts[0]!;
    const out = Buffer.concat(parts);
    for (const p of parts) this.release(p);
    return out;
  }

  /** A chunk taken from this sink that its reader no longer needs: written over later. */
  release(b: Buffer): void {
    if (b.byteOffset === 0 && b.buffer.byteLength === CHUNK && this.pool.length < POOL) this.pool.push(Buffer.from(b.buffer, 0, CHUNK));
  }
}

// ── Writing into a reserved chunk: each takes the position and returns the one after ──────

/** The longest a finite number prints as ("-1.2345678901234567e-308"). */
export const NUMBER_BYTES = 26;

export const putBytes = (c: Buffer, p: number, b: Uint8Array): number => {
  const n = b.length;
  // A part of a few bytes: a loop beats TypedArray#set's call (about 20 ns) below 10 bytes.
  if (n < 10) {
    for (let i = 0; i < n; i += 1) c[p + i] = b[i]!;
    return p + n;
  }
  c.set(b, p);
  return p + n;
};

/** The first `n` bytes of `b`. */
export const putPrefix = (c: Buffer, p: number, b: Uint8Array, n: number): number => {
  for (let i = 0; i < n; i += 1) c[p + i] = b[i]!;
  return p + n;
};

/** A non-negative integer below 2^53, in decimal; returns the position after it. */
export const putDigits = (c: Uint8Array, p: number, v: number): number => {
  let len = 1;
  for (let x = v; x >= 10; x = Math.floor(x / 10)) len += 1;
  let x = v;
  for (let i = p + len - 1; i >= p; i -= 1) {
    c[i] = 48 + (x % 10);
    x = Math.floor(x / 10);
  }
  return p + len;
};

/**
 * A finite number exactly as String() prints it. Points and percents have at most two
 * decimals: below 10^9 (where doubles are far closer together than 0.01) a value equal to
 * k / 100 is what String() prints as those digits, so it is written from k; anything else
 * goes through String().
 */
export const putNumber = (c: Buffer, p: number, v: number): number => {
  if (v >= 0 && v < 1e9) {
    if (Number.isInteger(v)) return putDigits(c, p, v);
    const k = Math.round(v * 100);
    if (k / 100 === v) {
      let q = putDigits(c, p, Math.floor(k / 100));
      const cents = k % 100;
      c[q++] = 46; // '.'
      c[q++] = 48 + Math.floor(cents / 10);
      if (cents % 10 !== 0) c[q++] = 48 + (cents % 10);
      return q;
    }
  }
  return p + c.write(String(v), p, 'latin1');
};

/** A text as UTF-8, given room for 3 bytes per UTF-16 unit. */
export const putText = (c: Buffer, p: number, s: string): number => p + c.write(s, p, 'utf8');
