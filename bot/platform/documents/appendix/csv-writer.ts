// CSV for spreadsheet programs: UTF-8 with BOM (Excel otherwise reads Vietnamese as mojibake),
// CRLF line ends, RFC 4180 quoting, numbers as plain numbers (decimal point), texts that start
// like a formula prefixed with an apostrophe.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { neutraliseForCsv } from '../safe-text.ts';
import type { Value } from '../xlsx/sheet-xml.ts';

const QUOTE = /[",\r\n]/;

export const csvField = (v: Value): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = neutraliseForCsv(v);
  return QUOTE.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvLine = (values: readonly Value[]): string => `${values.map(csvField).join(',')}\r\n`;

export type CsvWriter = { readonly line: (values: readonly Value[]) => Promise<void>; readonly end: () => Promise<void> };

/** Writes to `out` with backpressure; `end()` ends `out` when `ownStream` (a file we opened). */
export const csvWriter = (out: Writable, header: readonly string[], ownStream: boolean): CsvWriter => {
  let buffer = `\uFEFF${csvLine(header)}`;
  const flush = async () => {
    if (!buffer) return;
    const ok = out.write(buffer, 'utf8');
    buffer = '';
    if (!ok) await once(out, 'drain');
  };
  return {
    line: async (values) => {
      buffer += csvLine(values);
      if (buffer.length >= 64 * 1024) await flush();
    },
    end: async () => {
      await flush();
      if (ownStream) {
        const finished = once(out, 'finish');
        out.end();
        await finished;
      }
    },
  };
};
