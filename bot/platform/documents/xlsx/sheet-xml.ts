// SpreadsheetML for one worksheet: rows of typed cells (numbers as <v>, texts inline or shared;
// a large sheet's data rows straight as bytes, byte-sink.ts), column widths, a frozen header,
// merged header cells. Text is escaped and stripped of characters XML 1.0 forbids; cells longer
// than Excel's 32,767 characters are cut.
import { bytesOf, NUMBER_BYTES, putBytes, putDigits, putNumber, putPrefix, putText, type ByteSink } from './byte-sink.ts';
import type { StyleId } from './styles.ts';

/** A cell: a number, a text, or empty. `shared` puts a repeated text in the shared-string table. */
export type Cell =
  { readonly n: number | null | undefined; readonly s?: StyleId } | { readonly t: string | null | undefined; readonly s?: StyleId; readonly shared?: boolean };

export const num = (n: number | null | undefined, s?: StyleId): Cell => (s === undefined ? { n } : { n, s });
export const txt = (t: string | null | undefined, s?: StyleId, shared = false): Cell => ({ t, ...(s === undefined ? {} : { s }), shared });

// Characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/FFFF, unpaired surrogates).
// eslint-disable-next-line no-control-regex -- these control characters are exactly what must be removed
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// One cheap test first: most texts need no escaping at all (hot path of large sheets).
// eslint-disable-next-line no-control-regex -- see FORBIDDEN
const NEEDS_WORK = /[&<>"\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const SPECIAL = /[&<>"]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const MAX_CELL = 32_767;

export const escapeXml = (text: string): string => {
  const cut = text.length > MAX_CELL ? text.slice(0, MAX_CELL) : text;
  if (!NEEDS_WORK.test(cut)) return cut;
  return cut.replace(FORBIDDEN, '').replace(SPECIAL, (c) => ENTITY[c] ?? c);
};

const letters: string[] = [];
/** 0 → A, 25 → Z, 26 → AA … */
export const columnName = (index: number): string => {
  let name = letters[index];
  if (name === undefined) {
    name = '';
    for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) name = String.fromCharCode(65 + ((i - 1) % 26)) + name;
    letters[index] = name;
  }
  return name;
};

export type SharedStrings = { readonly index: (text: string) => number };

/** Resolves the style of a text cell (the caller swaps in a quote-prefix twin for formula-like text). */
export type TextStyle = (style: StyleId | undefined, text: string) => StyleId | undefined;

export const rowXml = (rowNumber: number, cells: readonly Cell[], shared: SharedStrings, textStyle: TextStyle, height?: number): string => {
  let xml = height ? `<row r="${rowNumber}" ht="${height}" customHeight="1">` : `<row r="${rowNumber}">`;
  for (let i = 0; i < cells.length; i += 1) {
    const c = cells[i];
    if (!c) continue;
    const ref = `${columnName(i)}${rowNumber}`;
    if ('n' in c) {
      // Empty stays empty: no cell at all, never an empty string.
      if (c.n === null || c.n === undefined || !Number.isFinite(c.n)) {
        if (c.s !== undefined) xml += `<c r="${ref}" s="${c.s}"/>`;
        continue;
      }
      xml += `<c r="${ref}"${c.s !== undefined ? ` s="${c.s}"` : ''}><v>${c.n}</v></c>`;
      continue;
    }
    if (c.t === null || c.t === undefined || c.t === '') {
      if (c.s !== undefined) xml += `<c r="${ref}" s="${c.s}"/>`;
      continue;
    }
    const s = textStyle(c.s, c.t);
    const sAttr = s !== undefined ? ` s="${s}"` : '';
    xml += c.shared
      ? `<c r="${ref}"${sAttr} t="s"><v>${shared.index(c.t)}</v></c>`
      : `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${escapeXml(c.t)}</t></is></c>`;
  }
  return `${xml}</row>`;
};

export type SheetLayout = {
  /** Column widths in characters. */
  readonly widths: readonly number[];
  /** Rows and columns kept in view when scrolling (the header and the unit's name). */
  readonly frozen?: { readonly rows: number; readonly columns: number };
};

export const sheetStart = (layout: SheetLayout): string => {
  const f = layout.frozen;
  const pane = f
    ? `<pane xSplit="${f.columns}" ySplit="${f.rows}" topLeftCell="${columnName(f.columns)}${f.rows + 1}" activePane="bottomRight" state="frozen"/>`
    : '';
  const cols = layout.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${cols}</cols><sheetData>`
  );
};

/** `merges` as "A1:C1" ranges. */
export const sheetEnd = (merges: readonly string[]): string =>
  '</sheetData>' +
  (merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '') +
  '<pageMargins left="0.5" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
  '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
  '</worksheet>';

/**
 * A data column of a large sheet: its kind and style are fixed, so each row is only values.
 * 'auto' writes numbers as numbers and anything else as text (a rank that may read "cuối").
 */
export type DataColumn = { readonly kind: 'number' | 'text' | 'shared' | 'auto'; readonly style: StyleId };
export type Value = string | number | null | undefined;

/**
 * Precompiles the XML around each cell of a data row (the hot path: 300,000+ rows) as bytes: a
 * row is then a few copies per cell into the sheet's sink, with no string built per row.
 */
const TAIL_CACHE = 2_000;

export const compileRow = (columns: readonly DataColumn[], shared: SharedStrings, textStyle: TextStyle) => {
  const inlineOpen = '><is><t xml:space="preserve">';
  const inlineClose = '</t></is></c>';
  const valueOpen = '><v>';
  const valueClose = '</v></c>';
  // Each cell is written as its row number, its head, its value, then one part that closes it
  // and opens the next cell (or the row's end): a few copies per cell, none per separator.
  const opens = columns.map((_, i) => `<c r="${columnName(i)}`);
  const after = (i: number) => opens[i + 1] ?? '</row>';
  const parts = columns.map((c, i) => {
    const quoted = textStyle(c.style, '=') ?? c.style;
    const textKind = c.kind === 'shared' ? ' t="s"' : ' t="inlineStr"';
    const body = c.kind === 'shared' ? valueOpen : inlineOpen;
    return {
      kind: c.kind,
      style: c.style,
      // Empty stays empty (a styled cell without a value), never an empty string.
      empty: bytesOf(`" s="${c.style}"/>${after(i)}`),
      number: bytesOf(`" s="${c.style}"${valueOpen}`),
      numberEnd: bytesOf(`${valueClose}${after(i)}`),
      plain: `" s="${c.style}"${textKind}${body}`,
      quoted: `" s="${quoted}"${textKind}${body}`,
      plainBytes: bytesOf(`" s="${c.style}"${textKind}${body}`),
      quotedBytes: bytesOf(`" s="${quoted}"${textKind}${body}`),
      textEnd: bytesOf(`${c.kind === 'shared' ? valueClose : inlineClose}${after(i)}`),
    };
  });
  const rowStart = bytesOf('<row r="');
  const firstCell = bytesOf(`">${opens[0] ?? ''}`);
  const emptyRowEnd = bytesOf('"></row>');
  // The most a row takes besides its texts: every cell as its longest fixed form, a row number
  // in each reference and a number in each value.
  const fixed =
    rowStart.length +
    16 +
    Math.max(firstCell.length, emptyRowEnd.length) +
    parts.reduce((n, p) => n + 16 + Math.max(p.empty.length, p.number.length + NUMBER_BYTES + p.numberEnd.length, p.quotedBytes.length + p.textEnd.length), 0);
  // Per shared column, the bytes of a text's head and index: a unit's name repeats on each of
  // its detail rows running (the last one is kept), and criterion texts on every unit's (the
  // first 2,000 texts are kept), so such a cell is one comparison or one lookup.
  const tails = parts.map(() => new Map<string, Uint8Array>());
  const lastText: (string | undefined)[] = parts.map(() => undefined);
  const lastTail: (Uint8Array | undefined)[] = parts.map(() => undefined);
  const tailOf = (i: number, text: string): Uint8Array => {
    const p = parts[i]!;
    const head = textStyle(p.style, text) === p.style ? p.plain : p.quoted;
    const cache = tails[i]!;
    const bytes = bytesOf(head + shared.index(text));
    if (cache.size < TAIL_CACHE) cache.set(text, bytes);
    return bytes;
  };
  // Per row: each cell's text part (shared head-and-index bytes, or the escaped inline text).
  const texts: (Uint8Array | string | undefined)[] = parts.map(() => undefined);
  const ref = new Uint8Array(16);
  return (rowNumber: number, values: readonly Value[], sink: ByteSink): void => {
    // Texts first, to know the room the row needs; then the row in one pass into the chunk.
    let room = fixed;
    for (let i = 0; i < parts.length; i += 1) {
      const v = values[i];
      const kind = parts[i]!.kind;
      if (typeof v !== 'string' || v === '' || kind === 'number') {
        texts[i] = undefined;
      } else if (kind === 'shared') {
        let tail = lastText[i] === v ? lastTail[i] : undefined;
        if (tail === undefined) {
          tail = tails[i]!.get(v) ?? tailOf(i, v);
          lastText[i] = v;
          lastTail[i] = tail;
        }
        texts[i] = tail;
        room += tail.length;
      } else {
        const escaped = escapeXml(v);
        texts[i] = escaped;
        room += escaped.length * 3;
      }
    }
    const c = sink.reserve(room);
    let p = sink.at();
    const refLength = putDigits(ref, 0, rowNumber);
    p = putBytes(c, p, rowStart);
    p = putPrefix(c, p, ref, refLength);
    if (parts.length === 0) {
      sink.commit(putBytes(c, p, emptyRowEnd));
      return;
    }
    p = putBytes(c, p, firstCell);
    for (let i = 0; i < parts.length; i += 1) {
      const part = parts[i]!;
      p = putPrefix(c, p, ref, refLength);
      const text = texts[i];
      if (text !== undefined) {
        if (typeof text !== 'string') p = putBytes(c, p, text);
        else {
          // Mostly unique texts (explanations): never joined with their markup into a string.
          p = putBytes(c, p, textStyle(part.style, values[i] as string) === part.style ? part.plainBytes : part.quotedBytes);
          p = putText(c, p, text);
        }
        p = putBytes(c, p, part.textEnd);
        continue;
      }
      const v = values[i];
      if (typeof v === 'number' && Number.isFinite(v)) {
        p = putBytes(c, p, part.number);
        p = putNumber(c, p, v);
        p = putBytes(c, p, part.numberEnd);
      } else p = putBytes(c, p, part.empty);
    }
    sink.commit(p);
  };
};
