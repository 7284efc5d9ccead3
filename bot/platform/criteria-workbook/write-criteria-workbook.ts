// A criteria set (or, for the template, nothing) → the workbook an officer edits: instructions,
// the set's properties, its groups and its criteria, with drop-down lists on every enumeration.
import ExcelJS from 'exceljs';
import type { CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';
import { writeInstructionsSheet } from './instructions-sheet.ts';
import { SHEETS } from './layout.ts';
import { PROFILE_FIRST_COLUMN } from './set-columns.ts';
import { writeCriteriaSheet } from './write-criteria-sheet.ts';
import { writeGroupsSheet, writeSetSheet } from './write-set-sheet.ts';

export const writeCriteriaWorkbook = async (set: CriteriaSet | null): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'egov-report-bot';
  // Fixed document dates: what the workbook says depends only on the set, never on the clock.
  wb.created = new Date(0);
  wb.modified = new Date(0);
  writeInstructionsSheet(wb.addWorksheet(SHEETS.instructions, { properties: { tabColor: { argb: 'FF70AD47' } } }));
  writeSetSheet(wb.addWorksheet(SHEETS.set), set);
  writeGroupsSheet(wb.addWorksheet(SHEETS.groups), set?.groups ?? []);
  writeCriteriaSheet(wb.addWorksheet(SHEETS.criteria), set?.criteria ?? [], PROFILE_FIRST_COLUMN);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
