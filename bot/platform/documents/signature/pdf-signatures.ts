// Finds the signatures of a PDF the way a validator does: every /ByteRange [a b c d] whose gap
// [a+b, c) is exactly the hex string of its /Contents. Works on the raw bytes (latin1), so
// incremental updates (one revision per signature) are seen as they are in the file.

export type PdfSignature = {
  readonly byteRange: readonly [number, number, number, number];
  /** The CMS blob (hex-decoded /Contents, zero padding removed). */
  readonly cms: Buffer;
  /** The signed bytes: the file without the /Contents hex string. */
  readonly signedBytes: Buffer;
  /** /M of the signature dictionary (D:YYYYMMDDHHmmSS+hh'mm'), when present. */
  readonly claimedTime?: Date;
};

export type SignatureScan =
  | { readonly kind: 'none' }
  | { readonly kind: 'incomplete'; readonly detail: string }
  | { readonly kind: 'found'; readonly signatures: readonly PdfSignature[] };

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
const HEX = /^[0-9A-Fa-f\s]*$/;

/** PDF date "D:20241105093000+07'00'" → Date (UTC when the offset is missing). */
export const parsePdfDate = (text: string): Date | undefined => {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
  if (!m) return undefined;
  const [y, mo = '01', d = '01', h = '00', mi = '00', s = '00'] = m.slice(1, 7);
  const tz = m[7] && m[7] !== 'Z' ? `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}` : 'Z';
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${tz}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

// The signature dictionary spans roughly from the last "<<" before /ByteRange to the next ">>"
// after /Contents; /M sits somewhere in it.
const claimedTime = (text: string, at: number, end: number): Date | undefined => {
  const from = Math.max(0, text.lastIndexOf('<<', at) - 1);
  const to = Math.min(text.length, text.indexOf('>>', end) + 2 || end + 2048);
  const m = /\/M\s*\((D:[^)]+)\)/.exec(text.slice(from, to));
  return m?.[1] ? parsePdfDate(m[1]) : undefined;
};

export const scanSignatures = (pdf: Buffer): SignatureScan => {
  const text = pdf.toString('latin1');
  const signatures: PdfSignature[] = [];
  for (const m of text.matchAll(BYTE_RANGE)) {
    const [a, b, c, d] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as const;
    if (a !== 0) return { kind: 'incomplete', detail: `byte range starts at ${a}, not at the beginning of the file` };
    if (!(b > 0 && c > b + 1 && c + d <= pdf.length))
      return { kind: 'incomplete', detail: `byte range [${a} ${b} ${c} ${d}] does not fit a file of ${pdf.length} bytes` };
    const gap = text.slice(b, c);
    if (!gap.startsWith('<') || !gap.endsWith('>') || !HEX.test(gap.slice(1, -1))) {
      return { kind: 'incomplete', detail: `the excluded bytes ${b}–${c} are not a hex string` };
    }
    if (
      !text
        .slice(Math.max(0, b - 32), b)
        .trimEnd()
        .endsWith('/Contents')
    ) {
      return { kind: 'incomplete', detail: `the excluded bytes ${b}–${c} are not the signature's /Contents` };
    }
    const hex = gap.slice(1, -1).replace(/\s+/g, '');
    // Placeholders are padded with zeros after the DER blob; the DER parser ignores them.
    const cms = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
    const signedBytes = Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]);
    const time = claimedTime(text, m.index, c);
    signatures.push({ byteRange: [a, b, c, d], cms, signedBytes, ...(time ? { claimedTime: time } : {}) });
  }
  return signatures.length === 0 ? { kind: 'none' } : { kind: 'found', signatures };
};

/** Bytes after the last signed range, other than whitespace (an incremental update after signing). */
export const trailingAfter = (pdf: Buffer, signature: PdfSignature): number => {
  const [, , c, d] = signature.byteRange;
  const rest = pdf.subarray(c + d);
  return rest.toString('latin1').replace(/[\s\0]+/g, '').length;
};
