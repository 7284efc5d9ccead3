// A province coordinator sends the criteria workbook in the chat: problems by cell, or a summary
// to confirm; "Nạp" imports the very file confirmed.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileFetcher } from '../../../bot/app/dialogue-port.ts';
import { createApp, type App } from '../../../bot/app/create-app.ts';
import { createInvite } from '../../../bot/app/admin/create-invite.ts';
import { seedDemo } from '../../../bot/app/admin/seed-demo.ts';
import { createFileEvidenceStore } from '../../../bot/db/file-evidence-store.ts';
import { loadCriteriaFile } from '../../../bot/platform/criteria-files.ts';
import { writeCriteriaWorkbook } from '../../../bot/platform/criteria-workbook/write-criteria-workbook.ts';
import { silentLogger } from '../../../bot/platform/logger.ts';
import { editWorkbook } from '../../bot/criteria-workbook/open-workbook.ts';
import { buttonValue, createTelegramHarness } from '../../support/telegram-harness.ts';
import { availableProviders, createTestDatabase, type TestDatabase } from '../support/providers.ts';

const providers = await availableProviders();

describe.each(providers)('criteria workbook sent in the chat on %s', (provider) => {
  let db: TestDatabase;
  let app: App;
  const now = new Date('2026-11-22T02:00:00Z');
  const files: Record<string, Buffer> = {};
  const fetchFile: FileFetcher = async (content) => {
    const buffer = files[content.fileRef];
    return buffer ? { ok: true, value: { buffer, mime: null, size: buffer.length } } : { ok: false, error: { code: 'download_failed' } };
  };
  let tg: ReturnType<typeof createTelegramHarness>;
  const send = (fileId: string) =>
    tg.deliver({
      update_id: tg.nextUpdateId(),
      message: {
        message_id: tg.nextUpdateId(),
        date: 0,
        chat: { id: 1601, type: 'private', first_name: 'Hà' },
        from: { id: 1601, is_bot: false, first_name: 'Hà' },
        document: { file_id: fileId, file_unique_id: fileId, file_name: 'bo-tieu-chi-so-2026.xlsx', file_size: 1000 },
      },
    } as never);

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    await seedDemo(db.repos, now);
    app = createApp({
      repos: db.repos,
      logger: silentLogger(),
      clock: () => now,
      evidence: createFileEvidenceStore(mkdtempSync(path.join(os.tmpdir(), 'egov-wb-'))),
      evidenceMaxBytes: 1 << 20,
      botUsername: 'egov_report_bot',
    });
    tg = createTelegramHarness(app.dialogue, () => now, { fetchFile });
    const loaded = await loadCriteriaFile('core/criteria/sets/department-2025.yaml');
    if (!loaded.ok) throw new Error(loaded.error.message);
    files['good'] = await writeCriteriaWorkbook({ ...loaded.value, version: 7 });
    files['broken'] = await editWorkbook(files['good'], (wb) => {
      const ws = wb.getWorksheet('Tiêu chí')!;
      const row = [...Array(ws.rowCount).keys()].map((i) => i + 2).find((r) => ws.getCell(r, 2).value !== null)!;
      ws.getCell(row, 6).value = 'nhiều';
    });
    const province = await app.deps.units.findByCode('HATINH');
    const { code } = await createInvite(app.deps.invites, { unitId: province!.id, role: 'coordinator', uses: 1, days: 7, createdById: null, now });
    await tg.text(1601, `/start ${code}`);
  });
  afterAll(async () => db.dispose());

  it('lists a broken workbook’s problems by cell and imports nothing', async () => {
    const [r] = await send('broken');
    expect(r?.text).toContain('Tiêu chí!F');
    expect(await db.repos.criteriaSets.findByKey('department_2025', 7)).toBeNull();
  });

  it('summarises a good workbook, and imports it on “Nạp”', async () => {
    const [summary] = await send('good');
    expect(summary?.text).toContain('department_2025 v7');
    expect(summary?.buttons.map((b) => buttonValue(b.data))).toEqual(['criteria_workbook:confirm', 'criteria_workbook:cancel']);
    const [done] = await tg.click(1601, 'criteria_workbook:confirm');
    expect(done?.text).toContain('Đã nạp department_2025 v7');
    expect(await db.repos.criteriaSets.findByKey('department_2025', 7)).not.toBeNull();
  });
});
