// Two real bot processes on one PostgreSQL database in webhook mode, as behind a load balancer:
// an officer's updates go alternately to one and the other, some are delivered again to the other
// instance (Telegram retrying a webhook the proxy routes elsewhere), some to both at once. The
// officer completes and submits the commune set: every answer is stored once, and no update is
// answered twice. A webhook is answered 200 only after its turn completed and its replies were
// sent, so what the emulator holds after a 200 is everything that update produced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli/run-cli.ts';
import { openDatabase, type Database } from '../../bot/db/database.ts';
import { parseChatState } from '../../bot/app/dialogue/chat-state.ts';
import { loadCriteriaFile, listShippedSets } from '../../bot/platform/criteria-files.ts';
import { fetchBotMessages, TelegramServer } from '../support/telegram-test-server.ts';
import { buttonValue } from '../support/telegram-harness.ts';
import { nextAction } from '../support/answer-driver.ts';
import { startBotProcess, waitFor, type BotProcess } from '../support/bot-process.ts';
import { createTestDatabaseUrl, postgresReachable } from '../db/support/providers.ts';
import { testPortBase } from '../support/test-port.ts';

// CI sets TEST_DATABASE_URL: then an unreachable server fails the test instead of skipping it.
const runs = process.env['TEST_DATABASE_URL'] !== undefined || (await postgresReachable());
if (!runs) console.warn('[two instances] no PostgreSQL (TEST_DATABASE_URL unset and the local server unreachable): skipped');

const loaded = await loadCriteriaFile(listShippedSets().find((f) => f.includes('commune'))!);
if (!loaded.ok) throw new Error(loaded.error.message);
const communeSet = loaded.value;
const token = '123456:E2E-two-instances';
const secret = 'two-instances_secret';
const user = 5151;

type BotMessage = { message: { text: string; reply_markup?: { inline_keyboard?: { text: string; callback_data: string }[][] } } };

describe.runIf(runs)('two instances on one PostgreSQL database, webhook mode', () => {
  let server: TelegramServer;
  let db: Database;
  let cleanup: () => Promise<void> = async () => undefined;
  const bots: BotProcess[] = [];
  const apiPort = testPortBase();
  const ports = [apiPort + 1, apiPort + 2] as const;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = new TelegramServer({ port: apiPort, host: '127.0.0.1', storeTimeout: 600 });
    await server.start();
    const created = await createTestDatabaseUrl('postgresql');
    cleanup = created.cleanup;
    env = {
      DATABASE_URL: created.url,
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${apiPort}`,
      // Both register the one public address (the reverse proxy's in production).
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${ports[0]}/telegram/webhook`,
      TELEGRAM_WEBHOOK_SECRET: secret,
      EVIDENCE_STORE: 'database',
    };
    const io = { out: () => undefined, error: () => undefined };
    expect(await runCli(['demo', 'seed'], env, io)).toBe(0);
    db = openDatabase(env['DATABASE_URL']!);
    // Started together: both migrate the same database at once (the advisory lock serialises them).
    for (const [i, port] of ports.entries()) bots.push(startBotProcess({ ...env, PORT: String(port), INSTANCE_ID: `instance-${i + 1}` }));
    for (const port of ports)
      await waitFor(
        async () =>
          fetch(`http://127.0.0.1:${port}/readyz`).then(
            (r) => r.ok,
            () => false,
          ),
        60_000,
        `instance on ${port} ready`,
      );
  }, 120_000);
  afterAll(async () => {
    for (const b of bots) if (b.proc.exitCode === null) await b.stop();
    await db?.close();
    await server?.stop();
    await cleanup();
  });

  let updateId = 0;
  const received: BotMessage[] = [];
  const from = { id: user, is_bot: false, first_name: 'Lan', language_code: 'vi' };
  const chat = { id: user, type: 'private' as const, first_name: 'Lan' };
  const tap = (value: string): string => {
    for (const m of [...received].reverse()) {
      const b = (m.message.reply_markup?.inline_keyboard ?? []).flat().find((x) => buttonValue(x.callback_data) === value);
      if (b) return b.callback_data;
    }
    return `c:${value}`;
  };
  const makeUpdate = (what: { text: string } | { callback: string }) => {
    updateId += 1;
    return 'text' in what
      ? { update_id: updateId, message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat, from, text: what.text } }
      : {
          update_id: updateId,
          callback_query: {
            id: `cb${updateId}`,
            from,
            chat_instance: 'ci',
            data: tap(what.callback),
            message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat, from: { id: 1, is_bot: true, first_name: 'bot' }, text: '…' },
          },
        };
  };
  const post = async (instance: 0 | 1, update: unknown): Promise<number> =>
    (
      await fetch(`http://127.0.0.1:${ports[instance]}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        body: JSON.stringify(update),
      })
    ).status;
  const fetchSent = (): Promise<BotMessage[]> => fetchBotMessages<BotMessage>(apiPort, token, user);
  const rawState = async () => (await db.prisma.chatState.findUnique({ where: { channel_chatId: { channel: 'telegram', chatId: String(user) } } }))?.state;
  const chatState = async () => parseChatState(await rawState());

  let turns = 0;
  const redeliveries = { later: 0, atOnce: 0 };
  /** One update: to one instance, then sometimes again to the other, or to both at once. */
  const exchange = async (what: { text: string } | { callback: string }): Promise<string> => {
    const update = makeUpdate(what);
    const first = (turns % 2) as 0 | 1;
    const other = (1 - first) as 0 | 1;
    turns += 1;
    if (turns % 5 === 0) {
      // Telegram retried while the first delivery was still being handled, and the proxy sent it to the other instance.
      expect(await Promise.all([post(first, update), post(other, update)])).toEqual([200, 200]);
      redeliveries.atOnce += 1;
    } else expect(await post(first, update)).toBe(200);
    const replies = await waitFor(
      async () => {
        const r = await fetchSent();
        return r.length > 0 ? r : null;
      },
      30_000,
      `reply to ${JSON.stringify(update)} (last: ${JSON.stringify(received.at(-1))})`,
    ).catch(async (error: unknown) => {
      const keys = (await db.prisma.processedUpdate.findMany({ select: { key: true } })).map((k) => k.key);
      throw new Error(
        `${String(error)}\nprocessed: ${keys.join(' ')}\nstate: ${JSON.stringify((await chatState()).session)}\n${bots
          .map((b) =>
            b
              .output()
              .split('\n')
              .filter((l) => !l.includes('setMyCommands'))
              .join('\n'),
          )
          .join('\n----\n')}`,
      );
    });
    if (turns % 4 === 0) {
      // A later redelivery to the other instance: recognised, answered by nobody.
      expect(await post(other, update)).toBe(200);
      expect(await fetchSent()).toEqual([]);
      redeliveries.later += 1;
    }
    const texts = replies.map((r) => r.message.text);
    // The same update answered twice would repeat its reply.
    expect(new Set(texts).size, texts.join('\n---\n')).toBe(texts.length);
    received.push(...replies);
    return texts.join('\n');
  };

  it('the officer completes and submits the commune set with every answer stored once and no reply twice', async () => {
    const out: string[] = [];
    expect(await runCli(['invite', 'create', '--unit', 'X-THACHKHE', '--role', 'reporter'], env, { out: (l) => out.push(l), error: () => undefined })).toBe(0);
    const code = out[out.length - 1]!;
    expect(await exchange({ text: `/start ${code}` })).toContain('Xã Thạch Khê');
    expect(await exchange({ callback: 'cmd:report' })).toContain('Thông tin chung (1/');
    const asked: string[] = [];
    for (let i = 0; i < 200; i += 1) {
      const raw = await rawState();
      const action = nextAction(communeSet, raw, new Date().getUTCFullYear(), new Set(['*']));
      if (action.kind === 'done') break;
      const s = parseChatState(raw);
      asked.push(JSON.stringify([s.session?.cursor, s.session?.step]));
      if (action.kind === 'text') await exchange({ text: action.text });
      else await exchange({ callback: action.kind === 'photo' ? 'e:done' : action.value });
    }
    // "Done with the evidence" always moves on: coming back to the same criterion would mean the
    // instance chose the next question from answers it had not seen (stored by the other one).
    const back = asked.flatMap((a, i) => {
      const [cursor, step] = JSON.parse(a) as [{ code?: string }, string];
      const next = asked[i + 1] ? (JSON.parse(asked[i + 1]!) as [{ code?: string }, string])[0] : undefined;
      return step === 'evidence' && next?.code === cursor.code ? [a] : [];
    });
    expect(back, asked.join('\n')).toEqual([]);
    expect((await chatState()).session?.cursor.kind).toBe('done');
    expect(await exchange({ text: '/submit' })).toContain('Xác nhận gửi báo cáo?');
    expect(await exchange({ callback: 'confirm:submit' })).toContain('Đã gửi báo cáo');

    const submission = await db.prisma.submission.findFirstOrThrow({ where: { unit: { code: 'X-THACHKHE' } } });
    expect(submission.status).toBe('submitted');
    expect(await db.prisma.answer.count({ where: { submissionId: submission.id } })).toBe(31);
    expect((submission.score as { self: { done: number } }).self.done).toBe(31);
    // Each update's turn is recorded once, whichever instance took it.
    const processed = await db.prisma.processedUpdate.findMany({ where: { key: { startsWith: 'tg:' } }, select: { key: true } });
    expect(processed.length).toBe(new Set(processed.map((p) => p.key)).size);
    expect(redeliveries.atOnce).toBeGreaterThan(5);
    expect(redeliveries.later).toBeGreaterThan(5);
    for (const b of bots) expect(b.proc.exitCode, b.output()).toBeNull();
  }, 600_000);
});
