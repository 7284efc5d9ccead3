import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCriteriaFile } from '../../../bot/platform/criteria-files.ts';
import { createTranslator } from '../../../bot/platform/i18n.ts';
import { readCriteriaWorkbook } from '../../../bot/platform/criteria-workbook/read-criteria-workbook.ts';
import { WORKBOOK_ISSUE_CODES, type WorkbookIssue } from '../../../bot/platform/criteria-workbook/workbook-issues.ts';
import { writeCriteriaWorkbook } from '../../../bot/platform/criteria-workbook/write-criteria-workbook.ts';
import { editWorkbook } from './open-workbook.ts';

const tr = createTranslator('en');
let commune: Buffer;

beforeAll(async () => {
  const loaded = await loadCriteriaFile('core/criteria/sets/commune-2025.yaml');
  if (!loaded.ok) throw new Error(loaded.error.message);
  commune = await writeCriteriaWorkbook(loaded.value);
});

const edit = editWorkbook;

const issuesOf = async (data: Buffer): Promise<WorkbookIssue[]> => {
  const r = await readCriteriaWorkbook(data);
  if (r.ok) throw new Error('expected the workbook to be refused');
  return r.error;
};

const en = (i: WorkbookIssue) => tr.t('en', i.key, i.params);
const criteria = (wb: ExcelJS.Workbook) => wb.getWorksheet('Tiêu chí')!;

// Rows of the exported commune set: is row 2 (options on rows 2–4), X-1.2 row 5.
describe('a refused workbook names the cell and what is expected', () => {
  it('a broken number cell: only that cell, with the column and the expected form', async () => {
    const issues = await issuesOf(
      await edit(commune, (wb) => {
        criteria(wb).getCell('F5').value = 'hai mươi';
      }),
    );
    expect(issues.map(en)).toEqual(['Tiêu chí!F5: expected a number such as 20 or 12,5 (Điểm tối đa), found "hai mươi".']);
  });

  it.each<[string, (wb: ExcelJS.Workbook) => void, string[]]>([
    [
      'an unknown answer type',
      (wb) => {
        criteria(wb).getCell('E5').value = 'số đếm';
      },
      ['Tiêu chí!E5 admin:workbook.choice'],
    ],
    [
      'a rule the type cannot read',
      (wb) => {
        criteria(wb).getCell('G5').value = '>=4 20';
      },
      ['Tiêu chí!G5 admin:workbook.rule_syntax'],
    ],
    [
      'a yes/no setting on a count',
      (wb) => {
        criteria(wb).getCell('G5').value = 'có=20';
      },
      ['Tiêu chí!G5 admin:workbook.rule_setting_not_used'],
    ],
    [
      'a column the type does not use',
      (wb) => {
        criteria(wb).getCell('T5').value = 'Tử số';
      },
      ['Tiêu chí!T5 admin:workbook.not_used'],
    ],
    [
      'a row without a code',
      (wb) => {
        criteria(wb).getCell('C3').value = 'Quên mã';
      },
      ['Tiêu chí!B3 admin:workbook.orphan_row'],
    ],
    [
      'an unknown column header',
      (wb) => {
        criteria(wb).getCell('AM1').value = 'Điểm thưởng';
      },
      ['Tiêu chí!AM1 admin:workbook.unknown_column'],
    ],
    [
      'an unreadable condition',
      (wb) => {
        criteria(wb).getCell('Q5').value = 'nếu X-1.1 có';
      },
      ['Tiêu chí!Q5 admin:workbook.relevance_syntax'],
    ],
    [
      'a bad set level',
      (wb) => {
        wb.getWorksheet('Bộ tiêu chí')!.getCell('B6').value = 'thôn';
      },
      ['Bộ tiêu chí!B6 admin:workbook.choice'],
    ],
    [
      'a bad criterion code (schema)',
      (wb) => {
        criteria(wb).getCell('B5').value = 'X 1.2';
      },
      ['Tiêu chí!B5 admin:workbook.bad_code'],
    ],
    [
      'a choice with one option (schema)',
      (wb) => {
        for (const r of [3, 4]) for (const c of ['H', 'I', 'J', 'K']) criteria(wb).getCell(`${c}${r}`).value = null;
      },
      ['Tiêu chí!H2 admin:workbook.too_few'],
    ],
    [
      'an unknown group (cross-field)',
      (wb) => {
        criteria(wb).getCell('A5').value = '9';
      },
      ['Nhóm!D2 criteria:set.group_total_mismatch', 'Tiêu chí!A5 criteria:set.unknown_group'],
    ],
    [
      'an option above the maximum (cross-field)',
      (wb) => {
        criteria(wb).getCell('K2').value = 25;
      },
      ['Tiêu chí!K2 criteria:set.rule_exceeds_max'],
    ],
    [
      'a duplicated code (cross-field)',
      (wb) => {
        criteria(wb).getCell('B5').value = 'X-1.1';
      },
      // Row 5 was X-1.2, the meetings that X-1.3's denominator (row 6) is checked against.
      ['Tiêu chí!B5 criteria:set.duplicate_code', 'Tiêu chí!AO6 criteria:set.denominator_criterion'],
    ],
    [
      'a maximum the totals do not match (cross-field)',
      (wb) => {
        criteria(wb).getCell('F5').value = 30;
      },
      ['Bộ tiêu chí!B7 criteria:set.total_mismatch', 'Nhóm!D2 criteria:set.group_total_mismatch', 'Tiêu chí!F5 criteria:set.rule_below_max'],
    ],
  ])('%s', async (_name, change, expected) => {
    const issues = await issuesOf(await edit(commune, change));
    expect(issues.map((i) => `${i.cell} ${i.key}`)).toEqual(expected);
    for (const i of issues) expect(en(i)).toMatch(new RegExp(`^${i.cell.replace(/[!.]/g, '\\$&')}: `));
  });

  it('list cells accept the other spelling, no accents, or the YAML value', async () => {
    const data = await edit(commune, (wb) => {
      const ws = criteria(wb);
      ws.getCell('E6').value = 'tỉ lệ';
      ws.getCell('E8').value = 'ratio';
      ws.getCell('L2').value = 'BAT BUOC';
    });
    expect((await readCriteriaWorkbook(data)).ok).toBe(true);
  });

  it('columns headed "Ghi chú…" are the officer\'s notes and are ignored', async () => {
    const data = await edit(commune, (wb) => {
      criteria(wb).getCell('AM1').value = 'Ghi chú của Sở';
      criteria(wb).getCell('AM5').value = 'xem lại';
    });
    expect((await readCriteriaWorkbook(data)).ok).toBe(true);
  });

  it('a missing sheet and a file that is no workbook', async () => {
    expect((await issuesOf(await edit(commune, (wb) => wb.removeWorksheet(wb.getWorksheet('Nhóm')!.id)))).map(en)).toEqual([
      'The sheet "Nhóm" is missing; start from the template (criteria template) and keep its sheet names.',
    ]);
    expect((await issuesOf(Buffer.from('key: not a workbook'))).map((i) => i.key)).toEqual(['admin:workbook.unreadable']);
  });

  it('the template reads as an empty set: each required cell named, nothing else', async () => {
    const issues = await issuesOf(await writeCriteriaWorkbook(null));
    expect(issues.map(en)).toEqual([
      'Bộ tiêu chí!B2: must be filled in (Mã bộ tiêu chí).',
      'Bộ tiêu chí!B3: must be filled in (Phiên bản).',
      'Bộ tiêu chí!B4: must be filled in (Tên bộ tiêu chí (vi)).',
      'Bộ tiêu chí!B6: must be filled in (Cấp đánh giá).',
      'Bộ tiêu chí!B7: must be filled in (Tổng điểm).',
      'Nhóm!A2: the sheet "Nhóm" has no rows; fill it from row 2.',
      'Tiêu chí!A2: the sheet "Tiêu chí" has no rows; fill it from row 2.',
    ]);
  });

  it('every issue code has a message in both languages', () => {
    for (const code of WORKBOOK_ISSUE_CODES) {
      for (const lng of ['vi', 'en'] as const) expect(tr.has(lng, `admin:workbook.${code}`), `${lng} ${code}`).toBe(true);
    }
  });
});
