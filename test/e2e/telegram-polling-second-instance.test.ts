// Long polling on a second instance of the same bot and database is refused at start-up with a
// clear message (Telegram hands each update to one getUpdates caller: two pollers would steal
// each other's updates). The first instance keeps serving; once it stops, another can poll.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramServer } from '../support/telegram-test-server.ts';
import { runCli } from '../../bot/cli/run-cli.ts';
import { startBotProcess, waitFor, type BotProcess } from '../support/bot-process.ts';
import { testPortBase } from '../support/test-port.ts';

const token = '123456:E2E-second-poller';

describe('a second long-polling instance', () => {
  let server: TelegramServer;
  const bots: BotProcess[] = [];
  const apiPort = testPortBase();
  let env: Record<string, string>;

  const ready = (port: number) =>
    waitFor(
      async () =>
        fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.ok,
          () => false,
        ),
      30_000,
      `ready on ${port}`,
    );

  beforeAll(async () => {
    server = new TelegramServer({ port: apiPort, host: '127.0.0.1', storeTimeout: 600 });
    await server.start();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-poll2-'));
    env = {
      DATABASE_URL: `file:${path.join(dir, 'poll.db')}`,
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${apiPort}`,
      EVIDENCE_DIR: path.join(dir, 'evidence'),
    };
    expect(await runCli(['demo', 'seed'], env, { out: () => undefined, error: () => undefined })).toBe(0);
  });
  afterAll(async () => {
    for (const b of bots) if (b.proc.exitCode === null) await b.stop();
    await server?.stop();
  });

  it('is refused at start-up, naming the instance that polls; the first goes on', async () => {
    const first = startBotProcess({ ...env, PORT: String(apiPort + 1), INSTANCE_ID: 'first' });
    bots.push(first);
    await ready(apiPort + 1);
    const second = startBotProcess({ ...env, PORT: String(apiPort + 2), INSTANCE_ID: 'second' });
    bots.push(second);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('Telegram long polling already runs on instance first with this database: only one instance may poll');
    expect(second.output()).toContain('TELEGRAM_WEBHOOK_URL');
    expect((await fetch(`http://127.0.0.1:${apiPort + 1}/readyz`)).status).toBe(200);
  }, 60_000);

  it('starts once the first instance has stopped (its lease released)', async () => {
    expect(await bots[0]!.stop()).toBe(0);
    const third = startBotProcess({ ...env, PORT: String(apiPort + 3), INSTANCE_ID: 'third' });
    bots.push(third);
    await ready(apiPort + 3);
    expect(third.proc.exitCode).toBeNull();
  }, 60_000);
});
