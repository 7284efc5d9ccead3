import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadCriteriaFile } from '../../../bot/platform/criteria-files.ts';
import { CRITERIA_COLUMNS } from '../../../bot/platform/criteria-workbook/criteria-columns.ts';
import { SPARE_ROWS, type ColumnDef } from '../../../bot/platform/criteria-workbook/layout.ts';
import { PROFILE_COLUMNS, PROFILE_FIRST_COLUMN, SET_PROPERTIES } from '../../../bot/platform/criteria-workbook/set-columns.ts';
import { writeCriteriaWorkbook } from '../../../bot/platform/criteria-workbook/write-criteria-workbook.ts';
import { validateCriteriaSet } from '../../../core/criteria/validate-criteria-set.ts';
import { everyTypeSet } from './every-type-set.ts';
import { openWorkbook } from './open-workbook.ts';

const open = openWorkbook;

const listOf = (def: ColumnDef): string => `"${(def.vocab ?? []).map((v) => v.label).join(',')}"`;
const enums = (defs: readonly ColumnDef[]) => defs.filter((d) => d.kind === 'enum');

const columnByHeader = (ws: ExcelJS.Worksheet, header: string): number => {
  const row = ws.getRow(1);
  for (let c = 1; c <= row.cellCount; c += 1) if (row.getCell(c).value === header) return c;
  throw new Error(`no column ${header}`);
};

const every = (): ReturnType<typeof validateCriteriaSet> => validateCriteriaSet(everyTypeSet);

describe('drop-down lists read back with exceljs', () => {
  it.each([
    ['the template', null],
    ['an exported set', 'every'],
  ] as const)('%s: every enumeration cell has its list, data rows and spare rows', async (_name, which) => {
    const set =
      which === null
        ? null
        : (() => {
            const r = every();
            if (!r.ok) throw new Error('fixture');
            return r.value;
          })();
    const wb = await open(await writeCriteriaWorkbook(set));
    const ws = wb.getWorksheet('Tiêu chí')!;
    const rows =
      (set
        ? set.criteria.reduce(
            (n, c) => n + Math.max(1, c.answer.type === 'choice' ? c.answer.options.length : c.answer.type === 'multi_check' ? c.answer.items.length : 1),
            0,
          )
        : 0) + SPARE_ROWS;
    const listColumns = [...enums(CRITERIA_COLUMNS), ...CRITERIA_COLUMNS.filter((d) => d.kind === 'group' || d.kind === 'profile_key')];
    expect(listColumns.map((d) => d.key).sort()).toEqual([
      'allowNone',
      'allowNotApplicable',
      'dateValidity',
      'defaultDenominator',
      'evidence',
      'evidenceKinds',
      'explanation',
      'group',
      'integer',
      'type',
      'zeroDenominator',
    ]);
    for (const def of listColumns) {
      const col = columnByHeader(ws, def.header);
      const formula = def.kind === 'enum' ? listOf(def) : def.kind === 'group' ? "'Nhóm'!$A$2:$A$500" : "'Bộ tiêu chí'!$J$2:$J$500";
      for (const r of [2, Math.floor(rows / 2), rows + 1]) {
        const dv = ws.getCell(r, col).dataValidation;
        expect(dv, `${def.header} row ${r}`).toMatchObject({ type: 'list', formulae: [formula] });
      }
      // Whatever the writer put in the column is one of the list's values.
      if (def.kind === 'enum') {
        const allowed = new Set((def.vocab ?? []).map((v) => v.label));
        for (let r = 2; r <= rows; r += 1) {
          const v = ws.getCell(r, col).value;
          if (v !== null) expect(allowed.has(String(v)), `${def.header} row ${r}: ${String(v)}`).toBe(true);
        }
      }
    }
    const setSheet = wb.getWorksheet('Bộ tiêu chí')!;
    for (const def of enums(SET_PROPERTIES)) {
      const row = SET_PROPERTIES.indexOf(def) + 2;
      expect(setSheet.getCell(row, 1).value).toBe(def.header);
      expect(setSheet.getCell(row, 2).dataValidation, def.header).toMatchObject({ type: 'list', formulae: [listOf(def)] });
    }
    expect(enums(SET_PROPERTIES).map((d) => d.key)).toEqual(['level', 'answeredBy', 'scored', 'evidenceBlocksSubmission']);
    const required = PROFILE_COLUMNS.find((d) => d.key === 'required')!;
    const col = PROFILE_FIRST_COLUMN + PROFILE_COLUMNS.indexOf(required);
    expect(setSheet.getCell(1, col).value).toBe(required.header);
    for (const r of [2, 20]) expect(setSheet.getCell(r, col).dataValidation).toMatchObject({ type: 'list', formulae: [listOf(required)] });
  });

  it('numbers get a non-negative number check; the instructions sheet comes first and explains every column', async () => {
    const loaded = await loadCriteriaFile('core/criteria/sets/commune-2025.yaml');
    if (!loaded.ok) throw new Error(loaded.error.message);
    const wb = await open(await writeCriteriaWorkbook(loaded.value));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Bộ tiêu chí', 'Nhóm', 'Tiêu chí']);
    const ws = wb.getWorksheet('Tiêu chí')!;
    expect(ws.getCell(2, columnByHeader(ws, 'Điểm tối đa')).dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    const text: string[] = [];
    wb.getWorksheet('Hướng dẫn')!.eachRow((row) =>
      row.eachCell((c) => {
        text.push(String(c.value));
      }),
    );
    const all = text.join('\n');
    for (const def of [...CRITERIA_COLUMNS, ...SET_PROPERTIES, ...PROFILE_COLUMNS]) expect(all).toContain(def.header);
    for (const example of ['>=0: 0; >=2: 10; >=4: 20', '<=31/03: 40; còn lại=20', 'có=20; không=0', 'X-2.3 đã trả lời']) expect(all).toContain(example);
  });
});
