// A criteria workbook (.xlsx) → a validated criteria set, or every problem found, each naming its
// cell. Problems of the cells themselves come first; schema and cross-field checks run on what
// could be read, and a problem already reported for a cell is not reported again.
import ExcelJS from 'exceljs';
import { CriteriaSetSchema, type CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';
import { foldText } from '../../../core/criteria/fold-text.ts';
import { validateCriteriaSet } from '../../../core/criteria/validate-criteria-set.ts';
import { err, ok, type Result } from '../../../core/result.ts';
import { SHEETS } from './layout.ts';
import { fromSetIssues, fromZod } from './map-issues.ts';
import type { ReadSink } from './read-cells.ts';
import { readCriteriaSheet } from './read-criteria-sheet.ts';
import { readGroupsSheet, readSetSheet } from './read-set-sheet.ts';
import { workbookIssue, type WorkbookIssue } from './workbook-issues.ts';

const SHEET_ORDER: readonly string[] = [SHEETS.set, SHEETS.groups, SHEETS.criteria];

const position = (cell: string): [number, number, number] => {
  const [sheet = '', at = ''] = cell.split('!');
  const m = /^([A-Z]+)(\d+)$/.exec(at);
  const col = m ? [...(m[1] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 0;
  const index = SHEET_ORDER.indexOf(sheet);
  return [index < 0 ? -1 : index, m ? Number(m[2]) : 0, col];
};

/** Sheet by sheet, then row by row, then column by column: the order an officer fixes them in. */
export const sortIssues = (issues: readonly WorkbookIssue[]): WorkbookIssue[] =>
  issues
    .map((issue, i) => ({ issue, i, at: position(issue.cell) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.at[2] - b.at[2] || a.i - b.i)
    .map((x) => x.issue);

const loadWorkbook = async (data: Uint8Array): Promise<ExcelJS.Workbook | null> => {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    return wb;
  } catch {
    // Not a zip, or not a spreadsheet inside: an expected input error.
    return null;
  }
};

/** The input of the set as read, before the schema; exported for tests of the reader alone. */
export const readWorkbookInput = (wb: ExcelJS.Workbook, sink: ReadSink): Record<string, unknown> | null => {
  const sheet = (name: string) => {
    const ws = wb.worksheets.find((w) => foldText(w.name) === foldText(name));
    if (!ws) sink.issues.push(workbookIssue(name, 'missing_sheet', { sheet: name }));
    return ws;
  };
  const set = sheet(SHEETS.set);
  const groups = sheet(SHEETS.groups);
  const criteria = sheet(SHEETS.criteria);
  if (!set || !groups || !criteria) return null;
  return { ...readSetSheet(set, sink), groups: readGroupsSheet(groups, sink), criteria: readCriteriaSheet(criteria, sink) };
};

export const readCriteriaWorkbook = async (data: Uint8Array): Promise<Result<CriteriaSet, WorkbookIssue[]>> => {
  const wb = await loadWorkbook(data);
  if (!wb) return err([workbookIssue('', 'unreadable')]);
  const sink: ReadSink = { issues: [], cells: new Map() };
  const input = readWorkbookInput(wb, sink);
  if (!input) return err(sink.issues);
  const parsed = CriteriaSetSchema.safeParse(input);
  if (!parsed.success || sink.issues.length > 0) {
    const known = new Set(sink.issues.map((i) => i.cell));
    const extra = parsed.success ? [] : fromZod(sink.cells, parsed.error).filter((i) => !known.has(i.cell));
    const unique = new Map([...sink.issues, ...extra].map((i) => [`${i.cell}|${i.key}|${JSON.stringify(i.params)}`, i]));
    return err(sortIssues([...unique.values()]));
  }
  const validated = validateCriteriaSet(input);
  return validated.ok ? ok(validated.value) : err(sortIssues(fromSetIssues(sink.cells, validated.error)));
};
