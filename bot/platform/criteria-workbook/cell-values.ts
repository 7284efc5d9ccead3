// Plain values out of exceljs cells: formulas give their cached result, rich text and hyperlinks
// their text, so an officer's formatting never changes what is read.
import type { CellValue, Worksheet } from 'exceljs';

export type Plain = string | number | boolean | Date | null;

export const columnLetter = (col: number): string => {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/** `Tiêu chí!F12`: how every message names a cell. */
export const cellRef = (sheet: string, col: number, row: number): string => `${sheet}!${columnLetter(col)}${row}`;

export const plainValue = (value: CellValue): Plain => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .normalize('NFC');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : String(value.hyperlink);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined || (typeof result === 'object' && result !== null && !(result instanceof Date)) ? null : (result as Plain);
  }
  if ('error' in value) return String(value.error);
  return null;
};

export const cellAt = (ws: Worksheet, row: number, col: number): Plain => plainValue(ws.getRow(row).getCell(col).value);

/** Empty means no value or only spaces. */
export const isBlank = (v: Plain): boolean => v === null || (typeof v === 'string' && v.trim() === '');

/** The text shown for a value in a message. */
export const showValue = (v: Plain): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''));
