// One officer, two chat apps: a report started on Telegram is finished on Zalo after /link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../bot/app/create-app.ts';
import { createInvite } from '../../../bot/app/admin/create-invite.ts';
import type { FileFetcher } from '../../../bot/app/dialogue-port.ts';
import { renderPlain } from '../../../bot/channels/render-plain.ts';
import { loadCriteriaFile, listShippedSets } from '../../../bot/platform/criteria-files.ts';
import { createTranslator } from '../../../bot/platform/i18n.ts';
import { normaliseZaloUpdate } from '../../../bot/channels/zalo/zalo-update.schema.ts';
import { nextAction } from '../../support/answer-driver.ts';
import { createTelegramHarness } from '../../support/telegram-harness.ts';
import { demoApp } from '../support/demo-app.ts';
import { availableProviders, type TestDatabase } from '../support/providers.ts';

const providers = await availableProviders();
const loaded = await loadCriteriaFile(listShippedSets().find((f) => f.includes('commune'))!);
if (!loaded.ok) throw new Error(loaded.error.message);
const communeSet = loaded.value;
const noFiles: FileFetcher = async () => ({ ok: false, error: { code: 'download_failed' } });
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

describe.each(providers)('Telegram → Zalo continuation on %s', (provider) => {
  let db: TestDatabase;
  let app: App;
  const now = new Date('2026-11-23T03:00:00Z');
  beforeAll(async () => {
    ({ db, app } = await demoApp(provider, now, { botUsername: 'b', newCode: () => 'LINK2345' }));
  });
  afterAll(async () => db.dispose());

  let zaloId = 0;
  const zalo = async (text: string): Promise<string> => {
    zaloId += 1;
    const ev = normaliseZaloUpdate(
      {
        ok: true,
        result: {
          event_name: 'message.text.received',
          message: { message_id: `m${zaloId}`, date: now.getTime(), text, from: { id: 'z-officer', display_name: 'Lan' }, chat: { id: 'z-officer' } },
        },
      },
      now,
    );
    if (!ev.ok) throw new Error(ev.reason);
    const out = await app.dialogue.handle(ev.event, noFiles);
    return out ? renderPlain(createTranslator('vi'), out) : '';
  };

  it('answers an unsupported Zalo event (a sticker) with a hint', async () => {
    const ev = normaliseZaloUpdate(
      { event_name: 'message.sticker.received', message: { message_id: 'st1', date: 0, sticker: 'abc', from: { id: 'z-sticker' }, chat: { id: 'z-sticker' } } },
      now,
    );
    if (!ev.ok) throw new Error(ev.reason);
    const out = await app.dialogue.handle(ev.event, noFiles);
    expect(renderPlain(createTranslator('vi'), out!)).toContain('chỉ nhận tin nhắn chữ, ảnh và tệp');
  });

  it('links the Zalo account with /link and finishes the same submission there', async () => {
    const tg = createTelegramHarness(app.dialogue, () => now);
    const unit = await app.deps.units.findByCode('X-THACHLIEN');
    const { code } = await createInvite(app.deps.invites, { unitId: unit!.id, role: 'reporter', uses: 1, days: 7, createdById: null, now });
    await tg.text(3001, `/start ${code}`);
    await tg.text(3001, '/report');
    for (let i = 0; i < 5; i += 1) await tg.text(3001, '20');
    await tg.click(3001, 'c:head');
    const [link] = await tg.text(3001, '/link');
    expect(link?.text).toContain('LINK2345');

    // A stranger to the bot so far: told how to join, and nothing is stored about them.
    expect(await zalo('/report')).toContain('chưa được gán vào đơn vị nào');
    expect(await db.prisma.channelAccount.count({ where: { channel: 'zalo', externalId: 'z-officer' } })).toBe(0);
    expect(await zalo('/link LINK2345')).toContain('Đã liên kết');
    expect(await zalo('/report')).toContain('Xã Thạch Liên');
    for (let i = 0; i < 200; i += 1) {
      const s = (await app.deps.chats.getState('zalo', 'z-officer')) as Parameters<typeof nextAction>[1];
      const action = nextAction(communeSet, s, 2026, new Set(['*']));
      if (action.kind === 'done') break;
      if (action.kind === 'text') await zalo(action.text);
      else {
        const st = s as { offered?: { values: string[]; exclusive: boolean } };
        const value = action.kind === 'photo' ? 'e:done' : action.value;
        const index = st.offered?.values.indexOf(value) ?? -1;
        await zalo(index < 0 ? 'xong' : st.offered?.exclusive ? String(index + 1) : (LETTERS[index] ?? ''));
      }
    }
    await zalo('/submit');
    expect(await zalo('1')).toContain('Đã gửi báo cáo');
    const submission = await db.prisma.submission.findFirstOrThrow({ where: { unitId: unit!.id }, include: { answers: true } });
    expect(submission.status).toBe('submitted');
    const channels = new Set(submission.answers.map((a) => a.channel));
    expect(channels).toEqual(new Set(['telegram', 'zalo']));
    expect(new Set(submission.answers.map((a) => a.answeredById)).size).toBe(1);
  });
});
