import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONFIRM_IMPORT,
  MAX_LISTED_ISSUES,
  checkCriteriaWorkbook,
  importCriteriaWorkbook,
  type WorkbookUploadDeps,
} from '../../../bot/app/admin/criteria-workbook-upload.ts';
import { loadCriteriaFile } from '../../../bot/platform/criteria-files.ts';
import { createCriteriaSetRepository } from '../../../bot/db/repositories/criteria-set-repository.ts';
import type { Membership } from '../../../bot/app/ports.ts';
import { createUnitRepository } from '../../../bot/db/repositories/unit-repository.ts';
import { createTranslator } from '../../../bot/platform/i18n.ts';
import { criteriaChecksum } from '../../../bot/platform/criteria-workbook/criteria-checksum.ts';
import { writeCriteriaWorkbook } from '../../../bot/platform/criteria-workbook/write-criteria-workbook.ts';
import { demoUnits } from '../../../bot/app/admin/demo-units.ts';
import type { Reply } from '../../../core/reply.ts';
import { renderText } from '../../../bot/channels/render.ts';
import { editWorkbook } from '../../bot/criteria-workbook/open-workbook.ts';
import { availableProviders, createTestDatabase, type TestDatabase } from '../support/providers.ts';

const providers = await availableProviders();
const tr = createTranslator('en');
// Rendered as the channels do (message-key parameters translated, numbers formatted).
const text = (r: Reply) => renderText(tr, 'en', r, 'plain');

describe.each(providers)('criteria workbook upload in the chat on %s', (provider) => {
  let db: TestDatabase;
  let deps: WorkbookUploadDeps;
  let province: Membership[];
  let district: Membership[];
  let workbook: Buffer;
  let checksum: string;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    const units = createUnitRepository(db.prisma);
    await units.upsertMany(demoUnits);
    deps = { units, sets: createCriteriaSetRepository(db.prisma) };
    const unit = async (code: string) => (await units.findByCode(code))!.id;
    province = [{ id: 'm1', personId: 'p1', unitId: await unit('HATINH'), role: 'coordinator' }];
    district = [
      { id: 'm2', personId: 'p2', unitId: await unit('H-THACHHA'), role: 'coordinator' },
      { id: 'm3', personId: 'p2', unitId: await unit('HATINH'), role: 'reporter' },
    ];
    const loaded = await loadCriteriaFile('core/criteria/sets/department-2025.yaml');
    if (!loaded.ok) throw new Error(loaded.error.message);
    workbook = await writeCriteriaWorkbook(loaded.value);
    checksum = criteriaChecksum(loaded.value);
  });
  afterAll(async () => db?.dispose());

  it('only a province coordinator may check or import a workbook', async () => {
    const check = await checkCriteriaWorkbook(deps, { memberships: district, data: workbook });
    expect(check.kind).toBe('denied');
    expect(check.replies.map(text)).toEqual(['Only a province coordinator can load a criteria set.']);
    expect((await importCriteriaWorkbook(deps, { memberships: [], data: workbook, checksum })).kind).toBe('denied');
    expect(await deps.sets.findByKey('department_2025')).toBeNull();
  });

  it('a bad workbook: the count, the first problems with their cells, and how many more — nothing imported', async () => {
    const brokenRows: number[] = [];
    const broken = await editWorkbook(workbook, (wb) => {
      const ws = wb.getWorksheet('Tiêu chí')!;
      // The first 11 criterion rows (option rows below a criterion have no code).
      const rows = [...Array(ws.rowCount).keys()]
        .map((i) => i + 2)
        .filter((r) => ws.getCell(r, 2).value !== null)
        .slice(0, 11);
      for (const r of rows) ws.getCell(r, 6).value = 'nhiều';
      brokenRows.push(...rows);
    });
    const check = await checkCriteriaWorkbook(deps, { memberships: province, data: broken });
    expect(check.kind).toBe('invalid');
    const lines = check.replies.map(text);
    expect(lines[0]).toBe('The workbook has 11 problem(s); nothing was loaded. Fix them and send the file again:');
    expect(lines.slice(1, 1 + MAX_LISTED_ISSUES)).toEqual(
      brokenRows.slice(0, MAX_LISTED_ISSUES).map((r) => `Tiêu chí!F${r}: expected a number such as 20 or 12,5 (Điểm tối đa), found "nhiều".`),
    );
    expect(lines.at(-1)).toBe('… and 3 more. The full list: npm run cli -- criteria validate <file.xlsx>.');
    expect(check.replies).toHaveLength(1 + MAX_LISTED_ISSUES + 1);
    const imported = await importCriteriaWorkbook(deps, { memberships: province, data: broken, checksum });
    expect(imported.kind).toBe('invalid');
    expect(await deps.sets.findByKey('department_2025')).toBeNull();
    expect((await checkCriteriaWorkbook(deps, { memberships: province, data: Buffer.from('not a workbook') })).replies.map(text)).toEqual([
      'The workbook has 1 problem(s); nothing was loaded. Fix them and send the file again:',
      'The file is not an Excel workbook (.xlsx) that can be read. Save it as .xlsx and try again.',
    ]);
  });

  it('a good workbook: a summary to confirm, then the import; the same file again is unchanged, a changed v1 a conflict', async () => {
    const check = await checkCriteriaWorkbook(deps, { memberships: province, data: workbook });
    if (check.kind !== 'ready') throw new Error(check.kind);
    expect(check.summary).toEqual({
      key: 'department_2025',
      version: 1,
      level: 'department',
      title: expect.any(String),
      groups: 6,
      criteria: 17,
      totalPoints: 1000,
      checksum,
    });
    expect(text(check.replies[0]!)).toBe(
      `Criteria set department_2025 v1 — ${check.summary.title}\nLevel: department/agency · 6 groups · 17 criteria · 1,000 points\nChecksum: ${checksum.slice(0, 12)}\nLoad it?`,
    );
    expect(check.replies[0]!.choices?.map((c) => c.value)).toEqual([CONFIRM_IMPORT, 'criteria_workbook:cancel']);

    const other = await editWorkbook(workbook, (wb) => {
      wb.getWorksheet('Tiêu chí')!.getCell('C2').value = 'Nội dung khác';
    });
    expect((await importCriteriaWorkbook(deps, { memberships: province, data: other, checksum })).kind).toBe('changed');
    expect(await deps.sets.findByKey('department_2025')).toBeNull();

    const done = await importCriteriaWorkbook(deps, { memberships: province, data: workbook, checksum: check.summary.checksum });
    expect(done.kind).toBe('created');
    expect(done.replies.map(text)).toEqual(['✅ Loaded department_2025 v1 (17 criteria).']);
    expect((await deps.sets.findByKey('department_2025', 1))?.checksum).toBe(checksum);

    expect((await checkCriteriaWorkbook(deps, { memberships: province, data: workbook })).kind).toBe('unchanged');
    expect((await importCriteriaWorkbook(deps, { memberships: province, data: workbook, checksum })).kind).toBe('unchanged');
    const conflict = await checkCriteriaWorkbook(deps, { memberships: province, data: other });
    expect(conflict.kind).toBe('conflict');
    expect(conflict.replies.map(text)[0]).toMatch(/^department_2025 v1 is already loaded with different content/);
  });

  it('messages exist in Vietnamese too', async () => {
    const check = await checkCriteriaWorkbook(deps, { memberships: district, data: workbook });
    expect(tr.t('vi', check.replies[0]!.key)).toBe('Chỉ đầu mối cấp tỉnh mới được nạp bộ tiêu chí.');
  });
});
