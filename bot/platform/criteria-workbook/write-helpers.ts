// Shared formatting for the workbook writer: header rows with explanatory notes, drop-down lists
// for every enumeration, number checks, and text format for code columns (so "1.10" stays text).
import type { DataValidation, Worksheet } from 'exceljs';
import { columnLetter } from './cell-values.ts';
import { SHEETS, type ColumnDef, type Vocab } from './layout.ts';

export const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;
export const REQUIRED_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } } as const;

/** Rows the group and profile-key lists look at. */
export const LIST_ROWS = 500;

export const listFormula = (vocab: Vocab): string => {
  const labels = vocab.map((v) => v.label);
  // Excel keeps inline lists to 255 characters and splits them at commas.
  if (labels.some((l) => l.includes(',')) || labels.join(',').length > 250) throw new Error(`list too long for a cell: ${labels.join(',')}`);
  return `"${labels.join(',')}"`;
};

export const listValidation = (formula: string, allowed: string): DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [formula],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: 'Giá trị không hợp lệ',
  error: `Chọn một giá trị trong danh sách: ${allowed}`,
});

const numberValidation = (integer: boolean): DataValidation => ({
  type: integer ? 'whole' : 'decimal',
  operator: 'greaterThanOrEqual',
  allowBlank: true,
  formulae: [0],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: 'Cần nhập số',
  error: integer ? 'Nhập một số nguyên không âm, ví dụ 10.' : 'Nhập một số không âm, ví dụ 20 hoặc 12,5.',
});

/** The validation a column's cells get, if any. */
export const validationFor = (def: ColumnDef, profileKeyColumn: number): DataValidation | undefined => {
  if (def.kind === 'enum' && def.vocab) return listValidation(listFormula(def.vocab), def.vocab.map((v) => v.label).join(', '));
  if (def.kind === 'group') return listValidation(`'${SHEETS.groups}'!$A$2:$A$${LIST_ROWS}`, `các mã nhóm trong sheet "${SHEETS.groups}"`);
  if (def.kind === 'profile_key') {
    const col = columnLetter(profileKeyColumn);
    return listValidation(`'${SHEETS.set}'!$${col}$2:$${col}$${LIST_ROWS}`, `các mã thông tin chung trong sheet "${SHEETS.set}"`);
  }
  // Constraint bounds may be negative; every other number in the format is a non-negative amount.
  if ((def.kind === 'number' || def.kind === 'integer') && !def.field.startsWith('constraints.min') && !def.field.startsWith('constraints.max')) {
    return numberValidation(def.kind === 'integer');
  }
  return undefined;
};

const TEXT_KINDS = new Set(['code', 'group', 'text', 'rule', 'relevance', 'profile_key']);

/** Header row for `defs` starting at `firstCol`, with widths, notes and per-row cell formats. */
export const writeHeader = (ws: Worksheet, defs: readonly ColumnDef[], firstCol: number, rows: number, profileKeyColumn: number): void => {
  defs.forEach((def, i) => {
    const col = firstCol + i;
    const cell = ws.getRow(1).getCell(col);
    cell.value = def.header;
    cell.font = { bold: true };
    cell.fill = def.required ? REQUIRED_FILL : HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.note = `${def.help}${def.example ? `\nVí dụ: ${def.example}` : ''}`;
    const column = ws.getColumn(col);
    column.width = def.width;
    if (TEXT_KINDS.has(def.kind)) column.numFmt = '@';
    const dv = validationFor(def, profileKeyColumn);
    if (dv) for (let r = 2; r <= rows + 1; r += 1) ws.getRow(r).getCell(col).dataValidation = dv;
  });
};

/**
 * Sets the row tall enough for its wrapped text: spreadsheet programs do not all grow rows with
 * wrapped cells on opening, and an overlapping criterion text is unreadable.
 */
export const fitRowHeight = (ws: Worksheet, rowNumber: number): void => {
  const row = ws.getRow(rowNumber);
  let lines = 1;
  row.eachCell((cell, col) => {
    const text = typeof cell.value === 'string' ? cell.value : cell.value === null ? '' : String(cell.value);
    // Column widths count wide digits; average text is narrower, hence the 1.2.
    const width = Math.max(4, ((ws.getColumn(col).width ?? 10) - 1) * 1.2);
    const needed = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / width)), 0);
    lines = Math.max(lines, needed);
  });
  row.height = Math.min(15 * lines, 150);
};
