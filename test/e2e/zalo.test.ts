// The real process against a loopback Zalo Bot Platform emulator, in polling and webhook mode:
// an officer joins by typing the invite code, completes the commune set (typed numbers for
// options, a photo as evidence, invalid answers along the way) and submits; a 429 from
// sendMessage is retried without a duplicate message.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChatState } from '../../bot/app/dialogue/chat-state.ts';
import { runCli } from '../../bot/cli/run-cli.ts';
import { loadCriteriaFile, listShippedSets } from '../../bot/platform/criteria-files.ts';
import { openDatabase, type Database } from '../../bot/db/database.ts';
import { nextAction } from '../support/answer-driver.ts';
import { startBotProcess, waitFor, type BotProcess } from '../support/bot-process.ts';
import { pngBytes } from '../support/telegram-harness.ts';
import { startZaloEmulator, type ZaloEmulator } from '../support/zalo-emulator.ts';
import { testPortBase } from '../support/test-port.ts';

const loaded = await loadCriteriaFile(listShippedSets().find((f) => f.includes('commune'))!);
if (!loaded.ok) throw new Error(loaded.error.message);
const communeSet = loaded.value;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

describe.each(['polling', 'webhook'] as const)('Zalo channel in %s mode', (mode) => {
  let emu: ZaloEmulator;
  let bot: BotProcess;
  let db: Database;
  let env: Record<string, string>;
  const user = `zalo-user-${mode}`;

  beforeAll(async () => {
    emu = await startZaloEmulator({ emptyPollWaitMs: 50 });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-zalo-'));
    const port = testPortBase();
    env = {
      DATABASE_URL: `file:${path.join(dir, 'zalo.db')}`,
      ZALO_BOT_TOKEN: emu.token,
      ZALO_API_ROOT: emu.url,
      ZALO_MODE: mode,
      PORT: String(port),
      EVIDENCE_DIR: path.join(dir, 'evidence'),
      ...(mode === 'webhook' ? { ZALO_WEBHOOK_SECRET: 'zalo-secret-123', ZALO_WEBHOOK_URL: `http://127.0.0.1:${port}/zalo/webhook` } : {}),
    };
    expect(await runCli(['demo', 'seed'], env, { out: () => undefined, error: () => undefined })).toBe(0);
    db = openDatabase(env['DATABASE_URL']!);
    bot = startBotProcess(env);
    if (mode === 'webhook') await waitFor(() => emu.webhookInfo()?.url, 20_000, 'webhook registration');
  });
  afterAll(async () => {
    await bot?.stop();
    await db?.close();
    await emu?.close();
  });

  const say = async (text: string): Promise<string> => {
    const before = emu.sent(user).length;
    emu.pushUserText(user, text);
    await waitFor(() => emu.sent(user).length > before, 20_000, `reply to ${text}`);
    await new Promise((r) => setTimeout(r, 20));
    return emu.sentTexts(user).slice(before).join('\n');
  };
  const state = async () => parseChatState((await db.prisma.chatState.findUnique({ where: { channel_chatId: { channel: 'zalo', chatId: user } } }))?.state);

  it('joins with the typed code, completes and submits the commune set', async () => {
    const out: string[] = [];
    await runCli(['invite', 'create', '--unit', 'X-TUNGLOC', '--role', 'reporter'], env, { out: (l) => out.push(l), error: () => undefined });
    const code = out[out.length - 1]!;
    expect(await say('xin chào')).toContain('mã mời');
    expect(await say(code)).toContain('Xã Tùng Lộc');
    expect(await say('1')).toContain('Thông tin chung (1/');

    let photoSent = false;
    let ratioError = false;
    for (let i = 0; i < 200; i += 1) {
      const s = await state();
      const cursor = s.session?.cursor;
      if (!ratioError && cursor?.kind === 'criterion' && s.session?.step === 'numerator') {
        const reply = await say('70/50');
        expect(reply).toContain('Tử số');
        // One short line and the input hint, not the whole question again.
        expect(reply).toContain('Nhập tử số');
        expect(reply).not.toContain(cursor.code);
        ratioError = true;
        continue;
      }
      if (!photoSent && cursor?.kind === 'criterion' && s.session?.step === 'evidence') {
        const before = emu.sent(user).length;
        emu.pushUserImage(user, emu.servePhoto(`ev-${mode}.png`, pngBytes, { mime: 'image/png' }));
        await waitFor(() => emu.sent(user).length > before, 20_000, 'photo reply');
        expect(emu.sentTexts(user).slice(before).join('\n')).toContain('Đã nhận tài liệu');
        photoSent = true;
        continue;
      }
      const action = nextAction(communeSet, s, new Date().getUTCFullYear(), new Set(['*']));
      if (action.kind === 'done') break;
      if (action.kind === 'text') {
        await say(action.text);
        continue;
      }
      const value = action.kind === 'photo' ? 'e:done' : action.value;
      const index = s.offered?.values.indexOf(value) ?? -1;
      await say(index < 0 ? (value === 'e:done' ? 'xong' : value) : s.offered?.exclusive ? String(index + 1) : (LETTERS[index] ?? ''));
    }
    expect(ratioError && photoSent).toBe(true);
    // A 429 from sendMessage is retried after the back-off, and the officer gets one message.
    const before = emu.sent(user).length;
    const calls = emu.callCount('sendMessage');
    emu.failNext('sendMessage', 429, { retryAfter: 1, times: 1 });
    expect(await say('/score')).toContain('Điểm tự đánh giá');
    await new Promise((r) => setTimeout(r, 300));
    expect(emu.sent(user).length - before).toBe(1);
    expect(emu.callCount('sendMessage') - calls).toBe(2);
    expect(await say('/submit')).toContain('Xác nhận gửi báo cáo?');
    expect(await say('1')).toContain('Đã gửi báo cáo');
    const submission = await db.prisma.submission.findFirstOrThrow({ where: { unit: { code: 'X-TUNGLOC' } } });
    expect(submission.status).toBe('submitted');
    expect(await db.prisma.evidence.count({ where: { submissionId: submission.id, channel: 'zalo' } })).toBe(1);
    const texts = emu.sentTexts(user);
    expect(texts.every((t) => t.length <= 2000)).toBe(true);
  });

  it.runIf(mode === 'webhook')('rejects a wrong or missing webhook secret and processes nothing', async () => {
    const url = `http://127.0.0.1:${env['PORT']}/zalo/webhook`;
    const body = JSON.stringify({
      ok: true,
      result: {
        event_name: 'message.text.received',
        message: { message_id: 'forged-1', date: 0, text: '/help', from: { id: 'intruder' }, chat: { id: 'intruder' } },
      },
    });
    const missing = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const wrong = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': 'not-the-secret' }, body });
    expect([401, 403]).toContain(missing.status);
    expect([401, 403]).toContain(wrong.status);
    await new Promise((r) => setTimeout(r, 300));
    expect(emu.sent('intruder')).toEqual([]);
    expect(await db.prisma.inboxEvent.count({ where: { key: { contains: 'forged-1' } } })).toBe(0);
  });

  it('applies a duplicate delivery once', async () => {
    const update = emu.pushUserText(user, '/help');
    await waitFor(() => emu.sentTexts(user).at(-1)?.includes('/report'), 20_000, 'help');
    const count = emu.sent(user).length;
    emu.push(update);
    await new Promise((r) => setTimeout(r, 600));
    expect(emu.sent(user).length).toBe(count);
  });
});
