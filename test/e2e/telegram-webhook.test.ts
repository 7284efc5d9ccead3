// Webhook mode: the process registers its webhook with the Bot API and accepts updates on
// PORT only with the right X-Telegram-Bot-Api-Secret-Token.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramServer } from '../support/telegram-test-server.ts';
import { runCli } from '../../bot/cli/run-cli.ts';
import { openDatabase, type Database } from '../../bot/db/database.ts';
import { startBotProcess, waitFor, type BotProcess } from '../support/bot-process.ts';
import { testPortBase } from '../support/test-port.ts';

const token = '123456:E2E-webhook-token';

describe('Telegram webhook mode', () => {
  let server: TelegramServer;
  let bot: BotProcess;
  let db: Database;
  const apiPort = testPortBase();
  const port = apiPort + 1;
  const secret = 'webhook-secret_123';

  beforeAll(async () => {
    server = new TelegramServer({ port: apiPort, host: '127.0.0.1', storeTimeout: 600 });
    await server.start();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-wh-'));
    const env = {
      DATABASE_URL: `file:${path.join(dir, 'wh.db')}`,
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${apiPort}`,
      PORT: String(port),
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/webhook`,
      TELEGRAM_WEBHOOK_SECRET: secret,
    };
    expect(await runCli(['demo', 'seed'], env, { out: () => undefined, error: () => undefined })).toBe(0);
    db = openDatabase(env.DATABASE_URL);
    bot = startBotProcess(env);
    await waitFor(
      async () =>
        fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.ok,
          () => false,
        ),
      20_000,
      'health',
    );
  });
  afterAll(async () => {
    if (bot?.proc.exitCode === null) await bot.stop();
    await db?.close();
    await server?.stop();
  });

  const post = (update: unknown, headers: Record<string, string>) =>
    fetch(`http://127.0.0.1:${port}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(update),
    });
  const update = (id: number, text: string) => ({
    update_id: id,
    message: { message_id: id, date: 0, chat: { id: 77, type: 'private' }, from: { id: 77, is_bot: false, first_name: 'Hà' }, text },
  });

  it('rejects a wrong or missing secret and processes nothing', async () => {
    expect((await post(update(1, '/start'), {})).status).toBe(401);
    expect((await post(update(2, '/start'), { 'x-telegram-bot-api-secret-token': 'wrong' })).status).toBe(401);
    expect(await db.prisma.processedUpdate.count()).toBe(0);
  });

  it('refuses a body over the cap with 413, declared or streamed, and processes nothing', async () => {
    const headers = { 'x-telegram-bot-api-secret-token': secret };
    const big = JSON.stringify({ ...update(3, '/help'), padding: 'x'.repeat(2 << 20) });
    expect((await post(JSON.parse(big), headers)).status).toBe(413);
    // Without a declared length: the body arrives as a stream of chunks.
    const chunks = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 40; i += 1) c.enqueue(new TextEncoder().encode('x'.repeat(64 * 1024)));
        c.close();
      },
    });
    const streamed = await fetch(`http://127.0.0.1:${port}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: chunks,
      duplex: 'half',
    } as RequestInit).then(
      (r) => r.status,
      () => 413,
    );
    expect(streamed).toBe(413);
    expect(await db.prisma.processedUpdate.count()).toBe(0);
  });

  it('accepts the right secret, answers once even when the update is delivered twice', async () => {
    const headers = { 'x-telegram-bot-api-secret-token': secret };
    expect((await post(update(10, '/help'), headers)).status).toBe(200);
    expect((await post(update(10, '/help'), headers)).status).toBe(200);
    const client = server.getClient(token, { userId: 77, chatId: 77 });
    // The emulator's client throws when nothing new arrived within its timeout.
    const fetchReplies = async () =>
      ((await client.getUpdates().catch(() => ({ result: [] }))) as unknown as { result: { message: { text: string } }[] }).result;
    const replies = await waitFor(async () => {
      const r = await fetchReplies();
      return r.length > 0 ? r : null;
    });
    await new Promise((r) => setTimeout(r, 300));
    const more = await fetchReplies();
    expect(replies.length + more.length).toBe(1);
    expect(replies[0]?.message.text).toContain('mã mời');
    // A stranger (no invite) leaves no rows; the redelivery is still answered once.
    expect(await db.prisma.processedUpdate.count()).toBe(0);
  });

  it('invite links name the bot Telegram reports (getMe), not the configured username', async () => {
    const out: string[] = [];
    const env = { DATABASE_URL: db.url };
    expect(await runCli(['invite', 'create', '--unit', 'H-THACHHA', '--role', 'coordinator'], env, { out: (l) => out.push(l), error: () => undefined })).toBe(
      0,
    );
    const code = out.at(-1)!;
    const headers = { 'x-telegram-bot-api-secret-token': secret };
    const at = (id: number, text: string) => ({
      ...update(id, text),
      message: { ...update(id, text).message, chat: { id: 78, type: 'private' }, from: { id: 78, is_bot: false, first_name: 'Minh' } },
    });
    const client = server.getClient(token, { userId: 78, chatId: 78 });
    const next = async (want: RegExp) =>
      waitFor(async () => {
        const r = ((await client.getUpdates().catch(() => ({ result: [] }))) as unknown as { result: { message: { text: string } }[] }).result;
        return r.map((u) => u.message.text).find((t) => want.test(t)) ?? null;
      });
    expect((await post(at(20, `/start ${code}`), headers)).status).toBe(200);
    await next(/Huyện Thạch Hà/);
    expect((await post(at(21, '/invite X-THACHDAI cán bộ'), headers)).status).toBe(200);
    const invite = await next(/t\.me\//);
    // The emulator's getMe says "TestNameBot"; TELEGRAM_BOT_USERNAME is left at its default.
    expect(invite).toContain('https://t.me/TestNameBot?start=');
    expect(invite).not.toContain('egov_report_bot');
  });

  it('shuts down gracefully on SIGTERM with exit code 0', async () => {
    expect(await bot.stop()).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
