import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../bot/app/inbound.ts';
import { createZaloApi } from '../../bot/channels/zalo/zalo-api.ts';
import { createZaloWebhookHandler, ZALO_WEBHOOK_PATH, type ZaloWebhookHandler } from '../../bot/channels/zalo/zalo-webhook.ts';
import { startZaloEmulator, type ZaloEmulator } from '../support/zalo-emulator.ts';
import { recordingLogger } from './recording-logger.ts';

const SECRET = 'webhook-secret-0123456789';

type Harness = {
  url: string;
  handler: ZaloWebhookHandler;
  processed: InboundEvent[];
  persisted: string[];
  server: Server;
};

const memoryPersist = (persisted: string[]) => {
  const seen = new Set<string>();
  return async (ev: InboundEvent): Promise<'new' | 'duplicate'> => {
    if (seen.has(ev.dedupeKey)) return 'duplicate';
    seen.add(ev.dedupeKey);
    persisted.push(ev.dedupeKey);
    return 'new';
  };
};

const startHarness = async (overrides: Partial<Parameters<typeof createZaloWebhookHandler>[0]> = {}): Promise<Harness> => {
  const processed: InboundEvent[] = [];
  const persisted: string[] = [];
  const handler = createZaloWebhookHandler({
    secret: SECRET,
    persist: memoryPersist(persisted),
    onEvent: async (ev) => {
      processed.push(ev);
    },
    maxBodyBytes: 4096,
    ...overrides,
  });
  const server = createServer((req, res) => {
    if (req.url === ZALO_WEBHOOK_PATH) void handler(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${ZALO_WEBHOOK_PATH}`;
  return { url, handler, processed, persisted, server };
};

const update = (id: string, text: string) => ({
  event_name: 'message.text.received',
  message: { message_id: id, date: 1, from: { id: 'u1', display_name: 'A' }, chat: { id: 'u1', chat_type: 'PRIVATE' }, text },
});

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('createZaloWebhookHandler', () => {
  let h: Harness;
  afterEach(() => {
    h.server.closeAllConnections();
    h.server.close();
  });

  it('rejects a missing secret with 401 and a wrong one with 403; nothing persisted or processed', async () => {
    h = await startHarness();
    const body = JSON.stringify(update('m1', 'hi'));
    expect((await post(h.url, body)).status).toBe(401);
    expect((await post(h.url, body, { 'X-Bot-Api-Secret-Token': 'webhook-secret-WRONG' })).status).toBe(403);
    expect((await post(h.url, body, { 'X-Bot-Api-Secret-Token': SECRET.slice(0, -1) })).status).toBe(403);
    await h.handler.drain();
    expect(h.persisted).toEqual([]);
    expect(h.processed).toEqual([]);
  });

  it('answers 400 to invalid JSON, 413 to an oversized body, 405 to GET, 200 to an empty probe', async () => {
    h = await startHarness();
    const auth = { 'X-Bot-Api-Secret-Token': SECRET };
    expect((await post(h.url, '{not json', auth)).status).toBe(400);
    expect((await post(h.url, JSON.stringify(update('m1', 'x'.repeat(5000))), auth)).status).toBe(413);
    expect((await fetch(h.url, { headers: auth })).status).toBe(405);
    expect((await post(h.url, '', auth)).status).toBe(200);
    expect((await post(h.url, JSON.stringify({ hello: 'world' }), auth)).status).toBe(200);
    await h.handler.drain();
    expect(h.processed).toEqual([]);
  });

  it('acknowledges only after persist resolves, without waiting for processing', async () => {
    let releasePersist!: () => void;
    let releaseProcess!: () => void;
    const persistGate = new Promise<void>((r) => (releasePersist = r));
    const processGate = new Promise<void>((r) => (releaseProcess = r));
    const order: string[] = [];
    h = await startHarness({
      persist: async () => {
        await persistGate;
        order.push('persisted');
        return 'new';
      },
      onEvent: async () => {
        order.push('processing');
        await processGate;
        order.push('processed');
      },
    });
    let answered = false;
    const response = post(h.url, JSON.stringify({ ok: true, result: update('m1', 'hi') }), { 'X-Bot-Api-Secret-Token': SECRET }).then((r) => {
      answered = true;
      order.push('acked');
      return r;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    releasePersist();
    expect((await response).status).toBe(200);
    expect(order[0]).toBe('persisted');
    expect(order).not.toContain('processed'); // the ack did not wait for onEvent
    releaseProcess();
    await h.handler.drain();
    expect(order.at(-1)).toBe('processed');
  });

  it('answers 500 when persist fails (so Zalo may redeliver) and does not process', async () => {
    h = await startHarness({
      persist: async () => {
        throw new Error('db down');
      },
    });
    expect((await post(h.url, JSON.stringify(update('m1', 'hi')), { 'X-Bot-Api-Secret-Token': SECRET })).status).toBe(500);
    await h.handler.drain();
    expect(h.processed).toEqual([]);
  });

  it('logs onEvent failures without crashing and keeps serving', async () => {
    const logger = recordingLogger();
    h = await startHarness({
      logger,
      onEvent: async () => {
        throw new Error('use case exploded');
      },
    });
    const auth = { 'X-Bot-Api-Secret-Token': SECRET };
    expect((await post(h.url, JSON.stringify(update('m1', 'a')), auth)).status).toBe(200);
    await h.handler.drain();
    expect((await post(h.url, JSON.stringify(update('m2', 'b')), auth)).status).toBe(200);
    await h.handler.drain();
    expect(logger.entries.filter((e) => e.level === 'error')).toHaveLength(2);
    expect(logger.text()).not.toContain(SECRET);
  });

  it('runs events of one chat sequentially, in arrival order', async () => {
    const order: string[] = [];
    h = await startHarness({
      onEvent: async (ev) => {
        const text = ev.content.kind === 'text' ? ev.content.text : '?';
        order.push(`start ${text}`);
        await new Promise((r) => setTimeout(r, text === 'a' ? 40 : 1));
        order.push(`end ${text}`);
      },
    });
    const auth = { 'X-Bot-Api-Secret-Token': SECRET };
    await post(h.url, JSON.stringify(update('m1', 'a')), auth);
    await post(h.url, JSON.stringify(update('m2', 'b')), auth);
    await h.handler.drain();
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
  });
});

describe('webhook mode against the emulator', () => {
  let emu: ZaloEmulator;
  let h: Harness;
  beforeEach(async () => {
    emu = await startZaloEmulator();
    h = await startHarness();
    await createZaloApi({ token: emu.token, apiRoot: emu.url }).setWebhook({ url: h.url, secret_token: SECRET });
  });
  afterEach(async () => {
    await emu.close();
    h.server.closeAllConnections();
    h.server.close();
  });

  it('delivers pushed updates with the secret (wrapped body) and processes a duplicate once', async () => {
    const first = emu.pushUserText('u7', '/start ABC123');
    emu.push(first); // Zalo redelivers the same message
    emu.pushUserImage('u7', 'https://photo-stal-1.zdn.vn/x.jpg', { caption: 'ảnh' });
    await emu.idle();
    await h.handler.drain();
    expect(emu.deliveries.map((d) => d.status)).toEqual([200, 200, 200]);
    expect(h.processed.map((e) => e.content.kind)).toEqual(['text', 'file']);
    expect(h.processed[0]).toMatchObject({ chatId: 'u7', content: { kind: 'text', text: '/start ABC123' } });
  });

  it('accepts bare bodies too', async () => {
    const bareEmu = await startZaloEmulator({ webhookBodyShape: 'bare' });
    try {
      await createZaloApi({ token: bareEmu.token, apiRoot: bareEmu.url }).setWebhook({ url: h.url, secret_token: SECRET });
      bareEmu.pushUserText('u8', 'xin chào');
      await bareEmu.idle();
      await h.handler.drain();
      expect(h.processed).toHaveLength(1);
    } finally {
      await bareEmu.close();
    }
  });

  it('a webhook registered with another secret gets 403 and nothing is processed', async () => {
    await createZaloApi({ token: emu.token, apiRoot: emu.url }).setWebhook({ url: h.url, secret_token: 'some-other-secret' });
    emu.pushUserText('u7', 'hi');
    await emu.idle();
    await h.handler.drain();
    expect(emu.deliveries.map((d) => d.status)).toEqual([403]);
    expect(h.processed).toEqual([]);
  });
});
