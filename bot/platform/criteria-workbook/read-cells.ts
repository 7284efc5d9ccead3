// Reading typed values out of a sheet: columns are found by their header text (or the YAML
// field name), every problem becomes an issue naming the cell, and every field read is recorded
// with its cell so that later schema and cross-field errors can be pointed back to it.
import type { Worksheet } from 'exceljs';
import { foldText } from '../../../core/criteria/fold-text.ts';
import type { LocalizedText } from '../../../core/criteria/localized-text.ts';
import { parseNumber } from '../../../core/criteria/parse-number.ts';
import { cellAt, cellRef, isBlank, showValue, type Plain } from './cell-values.ts';
import type { ColumnDef, Vocab } from './layout.ts';
import { workbookIssue, type WorkbookIssue } from './workbook-issues.ts';

/** Path in the YAML format (`criteria[3].answer.options[1].points`) → cell (`Tiêu chí!K7`). */
export type CellMap = Map<string, string>;
export type ReadSink = { readonly issues: WorkbookIssue[]; readonly cells: CellMap };

export type Table = {
  readonly ws: Worksheet;
  readonly sheet: string;
  readonly cols: ReadonlyMap<string, number>;
  readonly defs: ReadonlyMap<string, ColumnDef>;
};

const folded = (v: Plain): string => (typeof v === 'string' ? foldText(v) : '');

const NOTES_PREFIX = 'ghi chu';

/** Finds each column by header; unknown, repeated and missing required headers are issues. */
export const locateColumns = (ws: Worksheet, sheet: string, defs: readonly ColumnDef[], sink: ReadSink): Table => {
  const byName = new Map<string, ColumnDef>();
  for (const d of defs) {
    byName.set(foldText(d.header), d);
    byName.set(foldText(d.field), d);
  }
  const cols = new Map<string, number>();
  const width = Math.max(ws.columnCount, ws.getRow(1).cellCount);
  for (let c = 1; c <= width; c += 1) {
    const v = cellAt(ws, 1, c);
    if (isBlank(v)) continue;
    const name = folded(v) || foldText(showValue(v));
    // An officer's own working notes: "Ghi chú …" columns are left alone.
    if (name.startsWith(NOTES_PREFIX)) continue;
    const def = byName.get(name);
    if (!def) sink.issues.push(workbookIssue(cellRef(sheet, c, 1), 'unknown_column', { header: showValue(v).trim() }));
    else if (cols.has(def.key)) sink.issues.push(workbookIssue(cellRef(sheet, c, 1), 'duplicate_column', { header: def.header }));
    else cols.set(def.key, c);
  }
  for (const d of defs) {
    if (d.required && !cols.has(d.key)) sink.issues.push(workbookIssue(`${sheet}!1:1`, 'missing_column', { sheet, header: d.header }));
  }
  return { ws, sheet, cols, defs: new Map(defs.map((d) => [d.key, d])) };
};

/** The last row that has anything in one of the table's columns. */
export const lastRow = (t: Table): number => {
  for (let r = t.ws.rowCount; r >= 2; r -= 1) {
    for (const c of t.cols.values()) if (!isBlank(cellAt(t.ws, r, c))) return r;
  }
  return 1;
};

export type RowReader = ReturnType<typeof rowReader>;

export const rowReader = (t: Table, row: number, sink: ReadSink) => {
  const col = (key: string): number | undefined => t.cols.get(key);
  const ref = (key: string): string => {
    const c = col(key);
    return c === undefined ? `${t.sheet}!${row}:${row}` : cellRef(t.sheet, c, row);
  };
  const raw = (key: string): Plain => {
    const c = col(key);
    return c === undefined ? null : cellAt(t.ws, row, c);
  };
  const header = (key: string): string => t.defs.get(key)?.header ?? key;
  const mark = (key: string, path: string | undefined): void => {
    if (path !== undefined && (col(key) !== undefined || !sink.cells.has(path))) sink.cells.set(path, ref(key));
  };
  const missing = (key: string, required: boolean): undefined => {
    // A missing required column is reported once for the sheet, not once per row.
    if (required && col(key) !== undefined) sink.issues.push(workbookIssue(ref(key), 'required', { header: header(key) }));
    return undefined;
  };
  const text = (key: string, path?: string, required = false): string | undefined => {
    mark(key, path);
    const v = raw(key);
    if (isBlank(v)) return missing(key, required);
    return showValue(v).trim();
  };
  const number = (key: string, path?: string, opts: { integer?: boolean; required?: boolean } = {}): number | undefined => {
    mark(key, path);
    const v = raw(key);
    if (isBlank(v)) return missing(key, opts.required === true);
    const parsed =
      typeof v === 'number'
        ? v
        : typeof v === 'string'
          ? (() => {
              const r = parseNumber(v, { integer: opts.integer === true });
              return r.ok ? r.value : r.error.code === 'number.not_integer' ? Number.NaN : null;
            })()
          : null;
    if (parsed === null) sink.issues.push(workbookIssue(ref(key), opts.integer ? 'integer' : 'number', { header: header(key), value: showValue(v) }));
    else if (Number.isNaN(parsed) || (opts.integer && !Number.isInteger(parsed)))
      sink.issues.push(workbookIssue(ref(key), 'integer', { header: header(key), value: showValue(v) }));
    else return parsed;
    return undefined;
  };
  const choice = <T>(key: string, vocab: Vocab<T>, path?: string, required = false): T | undefined => {
    mark(key, path);
    const v = raw(key);
    if (isBlank(v)) return missing(key, required);
    const f = typeof v === 'boolean' ? (v ? 'true' : 'false') : foldText(showValue(v));
    const hit = vocab.find((e) => [e.label, String(e.value), ...(e.aliases ?? [])].some((name) => foldText(name) === f));
    if (hit) return hit.value;
    sink.issues.push(workbookIssue(ref(key), 'choice', { header: header(key), value: showValue(v), allowed: vocab.map((e) => e.label).join(', ') }));
    return undefined;
  };
  /** Vietnamese leads: an empty English cell takes the Vietnamese text; English alone is an error. */
  const localized = (viKey: string, enKey: string, path: string, required = false): LocalizedText | undefined => {
    const vi = text(viKey, `${path}.vi`);
    const en = text(enKey, `${path}.en`);
    if (vi !== undefined) return { vi, en: en ?? vi };
    if (en === undefined) return missing(viKey, required);
    sink.issues.push(workbookIssue(ref(viKey), 'translation_missing', { header: header(viKey), other: ref(enKey) }));
    return undefined;
  };
  return { row, ref, raw, header, mark, filled: (key: string) => !isBlank(raw(key)), text, number, choice, localized };
};
