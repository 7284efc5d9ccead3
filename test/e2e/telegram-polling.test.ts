// The real process in long-polling mode against a loopback Bot API emulator
// (telegram-test-api): a new officer joins with an invite, completes and submits the commune
// set with invalid answers along the way; the process is killed with SIGKILL mid-set and the
// officer continues at the same criterion after the restart.
import { buttonValue } from '../support/telegram-harness.ts';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBotMessages, TelegramServer } from '../support/telegram-test-server.ts';
import { runCli } from '../../bot/cli/run-cli.ts';
import { parseChatState } from '../../bot/app/dialogue/chat-state.ts';
import { loadCriteriaFile, listShippedSets } from '../../bot/platform/criteria-files.ts';
import { openDatabase, type Database } from '../../bot/db/database.ts';
import { nextAction } from '../support/answer-driver.ts';
import { startBotProcess, waitFor, type BotProcess } from '../support/bot-process.ts';
import { availableProviders, createTestDatabaseUrl } from '../db/support/providers.ts';
import { testPortBase } from '../support/test-port.ts';

const providers = await availableProviders();

const loaded = await loadCriteriaFile(listShippedSets().find((f) => f.includes('commune'))!);
if (!loaded.ok) throw new Error(loaded.error.message);
const communeSet = loaded.value;
const token = '123456:E2E-test-token';
const userId = 4242;

type BotMessage = { message: { text: string; reply_markup?: { inline_keyboard?: { text: string; callback_data: string }[][] } } };

describe.each(providers)('Telegram long polling against an emulated Bot API on %s', (provider) => {
  let server: TelegramServer;
  let client: ReturnType<TelegramServer['getClient']>;
  let bot: BotProcess;
  let db: Database;
  let env: Record<string, string>;
  let dropDatabase: () => Promise<void> = async () => undefined;
  const port = testPortBase();

  beforeAll(async () => {
    server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 600 });
    await server.start();
    client = server.getClient(token, { userId, chatId: userId, firstName: 'Lan', timeout: 5000 });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-e2e-'));
    const database = await createTestDatabaseUrl(provider);
    dropDatabase = database.cleanup;
    env = {
      DATABASE_URL: database.url,
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
      PORT: String(port + 1),
      EVIDENCE_DIR: path.join(dir, 'evidence'),
      // The restart after SIGKILL comes back as the same instance (as a container does, its hostname
      // stable) and takes its own Telegram polling lease back at once.
      INSTANCE_ID: 'polling-e2e',
    };
    const io = { out: () => undefined, error: () => undefined };
    expect(await runCli(['demo', 'seed'], env, io)).toBe(0);
    db = openDatabase(env['DATABASE_URL']!);
    bot = startBotProcess(env);
  });
  afterAll(async () => {
    await bot?.stop();
    await db?.close();
    await server?.stop();
    await dropDatabase();
  });

  const received: BotMessage[] = [];
  /** The payload of the newest button with this value, as a tap on it sends (with its message's stamp). */
  const tap = (value: string): string => {
    for (const m of [...received].reverse()) {
      const b = (m.message.reply_markup?.inline_keyboard ?? []).flat().find((x) => buttonValue(x.callback_data) === value);
      if (b) return b.callback_data;
    }
    return `c:${value}`;
  };
  /** Sends a message or a button press and waits for the bot's answer. */
  const exchange = async (what: { text: string } | { callback: string }): Promise<BotMessage[]> => {
    if ('text' in what) await client.sendMessage(client.makeMessage(what.text));
    else await client.sendCallback(client.makeCallbackQuery(tap(what.callback), { message: { chat: { id: userId, type: 'private' } } } as never));
    const got = await waitFor(
      async () => {
        const r = await fetchBotMessages<BotMessage>(port, token, userId);
        return r.length > 0 ? r : null;
      },
      // Generous: a loaded CI machine runs the bot process, the emulator and other suites at once.
      60_000,
      `reply to ${JSON.stringify(what)}`,
    );
    received.push(...got);
    return got;
  };
  const lastText = (msgs: BotMessage[]) => msgs.map((m) => m.message.text).join('\n');
  const chatState = async () =>
    parseChatState((await db.prisma.chatState.findUnique({ where: { channel_chatId: { channel: 'telegram', chatId: String(userId) } } }))?.state);

  const step = async (): Promise<boolean> => {
    const s = await chatState();
    const action = nextAction(communeSet, s, new Date().getUTCFullYear(), new Set(['*']));
    if (action.kind === 'done') return false;
    if (action.kind === 'text') await exchange({ text: action.text });
    else await exchange({ callback: action.kind === 'photo' ? 'e:done' : action.value });
    return true;
  };

  it('joins, answers with errors along the way, survives kill -9, and submits', async () => {
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), error: () => undefined };
    expect(await runCli(['invite', 'create', '--unit', 'X-THACHKHE', '--role', 'reporter'], env, io)).toBe(0);
    const code = out[out.length - 1]!;
    expect(out.some((l) => l.includes(`https://t.me/egov_report_bot?start=${code}`))).toBe(true);

    expect(lastText(await exchange({ text: `/start ${code}` }))).toContain('Xã Thạch Khê');
    expect(lastText(await exchange({ callback: 'cmd:report' }))).toContain('Thông tin chung (1/');
    const bad = lastText(await exchange({ text: 'nhiều lắm' }));
    expect(bad).toContain('Không đọc được số');
    expect(bad).toContain('Thông tin chung (1/');

    for (let i = 0; i < 12; i += 1) await step();
    const before = await chatState();
    const answersBefore = await db.prisma.answer.count();
    expect(before.session?.cursor.kind, JSON.stringify(received.slice(-3).map((m) => m.message.text)) + bot.output()).toBe('criterion');

    await bot.kill9();
    bot = startBotProcess(env);
    const resumed = lastText(await exchange({ text: '/report' }));
    const code1 = before.session?.cursor.kind === 'criterion' ? before.session.cursor.code : '';
    expect(resumed).toContain(code1);
    expect(await db.prisma.answer.count()).toBe(answersBefore);
    expect((await chatState()).session?.cursor).toEqual(before.session?.cursor);

    let sawRatioError = false;
    for (let i = 0; i < 150; i += 1) {
      const s = await chatState();
      if (!sawRatioError && s.session?.cursor.kind === 'criterion' && s.session.step === 'numerator') {
        const err = lastText(await exchange({ text: '9/5' }));
        expect(err).toContain('Tử số');
        // One short line and the input hint; the question stays where it is.
        expect(err).toContain('Nhập tử số');
        expect((await chatState()).session?.cursor).toEqual(s.session.cursor);
        sawRatioError = true;
      }
      if (!(await step())) break;
    }
    expect(sawRatioError).toBe(true);
    expect(lastText(await exchange({ text: '/submit' }))).toContain('Xác nhận gửi báo cáo?');
    expect(lastText(await exchange({ callback: 'confirm:submit' }))).toContain('Đã gửi báo cáo');
    const submission = await db.prisma.submission.findFirstOrThrow({ where: { unit: { code: 'X-THACHKHE' } } });
    expect(await db.prisma.answer.count({ where: { submissionId: submission.id } })).toBe(31);
    expect(submission.status).toBe('submitted');
    expect((submission.score as { self: { done: number } }).self.done).toBe(31);
    // setMyCommands is not implemented by the emulator: logged, never fatal.
    expect(bot.proc.exitCode).toBeNull();
    // A whole commune set through a real process: minutes on a loaded CI machine, never a speed check.
  }, 300_000);
});
