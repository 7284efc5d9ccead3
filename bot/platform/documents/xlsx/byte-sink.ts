// A sheet's XML written straight into bytes. Built as strings, a 310,000-row detail sheet
// allocated about 650 MB (the rope of each row, its flattened copy, then its UTF-8 Buffer), and a
// row holding one Vietnamese text turned the whole rope two-byte; here the fixed parts of a row
// are bytes compiled once, numbers are written digit by digit, and only texts are encoded.

/** The UTF-8 bytes of a part compiled once. */
export const bytesOf = (text: string): Uint8Array => Buffer.from(text, 'utf8');

const CHUNK = 1024 * 1024;
const MIN_REST = 64 * 1024;

export class ByteSink {
  private chunk: Buffer = Buffer.allocUnsafe(CHUNK);
  private pos = 0;
  private readonly filled: Buffer[] = [];
  private filledBytes = 0;

  /** Room for `n` more bytes: a full chunk is set aside (a row may span two chunks). */
  private room(n: number): void {
    if (this.pos + n <= this.chunk.length) return;
    if (this.pos > 0) {
      this.filled.push(this.chunk.subarray(0, this.pos));
      this.filledBytes += this.pos;
    }
    this.chunk = Buffer.allocUnsafe(Math.max(CHUNK, n));
    this.pos = 0;
  }

  /** Bytes written since the last `take`. */
  size(): number {
    return this.filledBytes + this.pos;
  }

  bytes(b: Uint8Array): void {
    const n = b.length;
    this.room(n);
    const c = this.chunk;
    let p = this.pos;
    // Most parts are a few bytes: a loop beats TypedArray#set's call for those.
    if (n < 24) for (let i = 0; i < n; i += 1) c[p++] = b[i]!;
    else {
      c.set(b, p);
      p += n;
    }
    this.pos = p;
  }

  /** A non-negative integer below 2^53, in decimal. */
  digits(v: number): void {
    this.room(16);
    const c = this.chunk;
    let len = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) len += 1;
    const end = this.pos + len;
    let p = end;
    let x = v;
    do {
      c[--p] = 48 + (x % 10);
      x = Math.floor(x / 10);
    } while (x > 0);
    this.pos = end;
  }

  /** A finite number as JavaScript prints it (what Excel reads back exactly). */
  number(v: number): void {
    if (Number.isSafeInteger(v) && v >= 0) this.digits(v);
    else this.text(String(v));
  }

  text(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.room(s.length * 3);
    this.pos += this.chunk.write(s, this.pos, 'utf8');
  }

  /** Everything written since the last call, as one Buffer, now the reader's. */
  take(): Buffer {
    if (this.pos > 0) {
      this.filled.push(this.chunk.subarray(0, this.pos));
      this.filledBytes += this.pos;
      // Writing goes on in the rest of the chunk, which the handed-over bytes do not overlap.
      this.chunk = this.chunk.length - this.pos >= MIN_REST ? this.chunk.subarray(this.pos) : Buffer.allocUnsafe(CHUNK);
      this.pos = 0;
    }
    const out = this.filled.length === 1 ? this.filled[0]! : Buffer.concat(this.filled, this.filledBytes);
    this.filled.length = 0;
    this.filledBytes = 0;
    return out;
  }
}
