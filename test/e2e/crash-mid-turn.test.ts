// A process killed at the worst points of a turn — a profile figure committed, the turn not yet
// recorded as processed; a criterion answer computed, its one transaction not yet committed — then restarted: the redelivered update is answered, and every answer
// is stored exactly once (a later redelivery of the same update changes nothing). Real
// processes in webhook mode on SQLite and PostgreSQL, killed by the FAULT_INJECT hook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli/run-cli.ts';
import { openDatabase, type Database } from '../../bot/db/database.ts';
import { parseChatState } from '../../bot/app/dialogue/chat-state.ts';
import { TelegramServer } from '../support/telegram-test-server.ts';
import { startBotProcess, waitFor, type BotProcess } from '../support/bot-process.ts';
import { availableProviders, createTestDatabaseUrl, type ProviderName } from '../db/support/providers.ts';
import { testPortBase } from '../support/test-port.ts';

const providers = await availableProviders();
const token = '123456:E2E-crash-token';
const secret = 'crash-secret_123';
const user = 88;

describe.each(providers)('a crash mid-turn on %s', (provider: ProviderName) => {
  let server: TelegramServer;
  let bot: BotProcess;
  let db: Database;
  let cleanup: () => Promise<void>;
  let env: Record<string, string>;
  const apiPort = testPortBase();
  const port = apiPort + 1;

  const healthy = () =>
    waitFor(
      async () =>
        fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.ok,
          () => false,
        ),
      30_000,
      'ready (channels up)',
    );
  const post = (id: number, text: string) =>
    fetch(`http://127.0.0.1:${port}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: JSON.stringify({
        update_id: id,
        message: { message_id: id, date: 0, chat: { id: user, type: 'private' }, from: { id: user, is_bot: false, first_name: 'Hà' }, text },
      }),
    }).then(
      (r) => r.status,
      () => 'dropped' as const,
    );
  const client = () => server.getClient(token, { userId: user, chatId: user });
  const replies = async (): Promise<string[]> =>
    (
      (await client()
        .getUpdates()
        .catch(() => ({ result: [] }))) as unknown as { result: { message: { text: string } }[] }
    ).result.map((r) => r.message.text);
  const profile = async () => (await db.prisma.submission.findFirstOrThrow({ where: { unit: { code: 'X-THACHKHE' } } })).profile as Record<string, number>;
  const cursor = async () =>
    parseChatState((await db.prisma.chatState.findUnique({ where: { channel_chatId: { channel: 'telegram', chatId: String(user) } } }))?.state).session?.cursor;

  beforeAll(async () => {
    server = new TelegramServer({ port: apiPort, host: '127.0.0.1', storeTimeout: 600 });
    await server.start();
    const created = await createTestDatabaseUrl(provider);
    cleanup = created.cleanup;
    env = {
      DATABASE_URL: created.url,
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${apiPort}`,
      PORT: String(port),
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/webhook`,
      TELEGRAM_WEBHOOK_SECRET: secret,
    };
    const io = { out: () => undefined, error: () => undefined };
    expect(await runCli(['demo', 'seed'], env, io)).toBe(0);
    db = openDatabase(env['DATABASE_URL']!);
  });
  afterAll(async () => {
    if (bot?.proc.exitCode === null) await bot.stop();
    await db?.close();
    await server?.stop();
    await cleanup?.();
  });

  it('answers the redelivered update after the restart and stores every answer once', async () => {
    const out: string[] = [];
    expect(await runCli(['invite', 'create', '--unit', 'X-THACHKHE', '--role', 'reporter'], env, { out: (l) => out.push(l), error: () => undefined })).toBe(0);
    const code = out[out.length - 1]!;
    // Dies the second time an answer is committed: after storing "12", before the turn is recorded.
    bot = startBotProcess({ ...env, FAULT_INJECT: 'answer_stored:2' });
    await healthy();
    expect(await post(1, `/start ${code}`)).toBe(200);
    expect(await post(2, '/report')).toBe(200);
    expect(await post(3, '45')).toBe(200); // officials
    await waitFor(async () => ((await replies()).length >= 3 ? true : null), 20_000, 'three replies');
    expect(await post(4, '12')).toBe('dropped'); // villages: stored, then the process dies
    await bot.exited;
    expect(await profile()).toEqual({ officials: 45, villages: 12 });
    expect(await db.prisma.processedUpdate.count({ where: { key: { startsWith: 'tg:4:' } } })).toBe(0);

    bot = startBotProcess(env);
    await healthy();
    // Telegram delivers the unacknowledged update again: it is answered, as the same question.
    expect(await post(4, '12')).toBe(200);
    const after = await waitFor(
      async () => {
        const r = await replies();
        return r.length > 0 ? r : null;
      },
      20_000,
      'reply to the redelivered update',
    );
    expect(after.join('\n')).not.toContain('đã có lỗi');
    expect(await cursor()).toEqual({ kind: 'profile', key: 'computers' });
    expect(await profile()).toEqual({ officials: 45, villages: 12 });
    // A second redelivery of the same update is recognised: no reply, nothing changes.
    expect(await post(4, '12')).toBe(200);
    expect(await post(5, '9')).toBe(200); // computers
    await waitFor(async () => ((await profile())['computers'] === 9 ? true : null), 20_000, 'computers stored');
    expect(await profile()).toEqual({ officials: 45, villages: 12, computers: 9 });
    expect(await cursor()).toEqual({ kind: 'profile', key: 'population' });
    const villagesRevisions = await db.prisma.answerRevision.count({ where: { criterionCode: { contains: 'villages' } } });
    expect(villagesRevisions).toBeLessThanOrEqual(2);
  });

  it('kills a criterion answer before its one transaction commits: nothing of the turn is stored, and the redelivery stores it once', async () => {
    const answerRows = async () =>
      db.prisma.answer.findMany({ where: { criterionCode: 'X-1.1', submission: { unit: { code: 'X-THACHKHE' } } }, select: { value: true } });
    const revisions = () => db.prisma.answerRevision.count({ where: { criterionCode: 'X-1.1', submission: { unit: { code: 'X-THACHKHE' } } } });
    await bot.stop();
    // The third turn of this process dies after its answer is computed, before the claim, the
    // answer, the version and the chat state commit together.
    bot = startBotProcess({ ...env, FAULT_INJECT: 'before_turn_completed:3' });
    await healthy();
    expect(await post(6, '1000')).toBe(200); // population
    expect(await post(7, '5')).toBe(200); // enterprises: the first criterion comes next
    await waitFor(async () => ((await cursor())?.kind === 'criterion' ? true : null), 20_000, 'the first criterion');
    const version = (await db.prisma.submission.findFirstOrThrow({ where: { unit: { code: 'X-THACHKHE' } } })).version;
    expect(await post(8, '1')).toBe('dropped'); // X-1.1 = "Bí thư/Chủ tịch": the process dies mid-turn
    await bot.exited;
    expect(await answerRows()).toEqual([]);
    expect(await revisions()).toBe(0);
    expect((await db.prisma.submission.findFirstOrThrow({ where: { unit: { code: 'X-THACHKHE' } } })).version).toBe(version);
    expect(await db.prisma.processedUpdate.count({ where: { key: { startsWith: 'tg:8:' } } })).toBe(0);

    bot = startBotProcess(env);
    await healthy();
    expect(await post(8, '1')).toBe(200);
    await waitFor(async () => ((await revisions()) === 1 ? true : null), 20_000, 'the answer stored');
    expect(await answerRows()).toHaveLength(1);
    expect((await db.prisma.submission.findFirstOrThrow({ where: { unit: { code: 'X-THACHKHE' } } })).version).toBe(version + 1);
    expect(await cursor()).toEqual({ kind: 'criterion', code: 'X-1.1' });
    // Once more: recognised as processed, nothing written again.
    expect(await post(8, '1')).toBe(200);
    expect(await post(9, '/help')).toBe(200);
    await waitFor(async () => ((await db.prisma.processedUpdate.count({ where: { key: { startsWith: 'tg:9:' } } })) === 1 ? true : null), 20_000, '/help');
    expect(await revisions()).toBe(1);
  });
});
