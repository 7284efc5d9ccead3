import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../bot/channels/inbound.ts';
import { createZaloApi, ZaloApiError, type ZaloApi } from '../../bot/zalo/zalo-api.ts';
import { startZaloPolling, ZaloWebhookActiveError } from '../../bot/zalo/zalo-polling.ts';
import { startZaloEmulator, type ZaloEmulator } from '../support/zalo-emulator.ts';
import { recordingLogger } from './recording-logger.ts';

const waitFor = async (check: () => boolean, ms = 2000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('startZaloPolling over the emulator', () => {
  let emu: ZaloEmulator;
  let api: ZaloApi;
  let controller: AbortController;
  const processed: InboundEvent[] = [];
  const seen = new Set<string>();
  const persist = async (ev: InboundEvent) => (seen.has(ev.dedupeKey) ? 'duplicate' : (seen.add(ev.dedupeKey), 'new')) as 'new' | 'duplicate';
  const onEvent = async (ev: InboundEvent) => {
    processed.push(ev);
  };

  beforeEach(async () => {
    emu = await startZaloEmulator({ emptyPollWaitMs: 20 });
    api = createZaloApi({ token: emu.token, apiRoot: emu.url, timeoutMs: 2000 });
    controller = new AbortController();
    processed.length = 0;
    seen.clear();
  });
  afterEach(async () => {
    controller.abort();
    await emu.close();
  });

  it('idles through 408s, then delivers events in order, skipping duplicates', async () => {
    const handle = await startZaloPolling({ api, onEvent, persist, signal: controller.signal, pollTimeoutSeconds: 1 });
    await waitFor(() => emu.calls.filter((c) => c.method === 'getUpdates' && c.status === 408).length >= 2);
    expect(processed).toEqual([]);
    const first = emu.pushUserText('u1', '1');
    emu.pushUserText('u1', '2');
    emu.push(first);
    emu.pushUserImage('u1', 'https://photo-stal-1.zdn.vn/x.jpg', { field: 'photo' });
    emu.pushUserText('u2', 'có');
    await waitFor(() => processed.length === 4);
    expect(processed.map((e) => (e.content.kind === 'text' ? e.content.text : e.content.kind))).toEqual(['1', '2', 'file', 'có']);
    controller.abort();
    await handle.done;
  });

  it('stops promptly when aborted during a long poll', async () => {
    const slow = await startZaloEmulator({ emptyPollWaitMs: 60_000 });
    try {
      const slowApi = createZaloApi({ token: slow.token, apiRoot: slow.url });
      const handle = await startZaloPolling({ api: slowApi, onEvent, persist, signal: controller.signal });
      await waitFor(() => slow.calls.length >= 1); // getWebhookInfo done; getUpdates hanging
      const started = Date.now();
      controller.abort();
      await handle.done;
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await slow.close();
    }
  });

  it('refuses to start while a webhook is set, unless allowed to delete it', async () => {
    await api.setWebhook({ url: 'https://bot.example.gov.vn/zalo/webhook', secret_token: 'secret-123' });
    await expect(startZaloPolling({ api, onEvent, persist, signal: controller.signal })).rejects.toBeInstanceOf(ZaloWebhookActiveError);
    await expect(startZaloPolling({ api, onEvent, persist, signal: controller.signal })).rejects.toThrow(
      /webhook is registered \(host bot\.example\.gov\.vn\)/,
    );
    expect(emu.callCount('getUpdates')).toBe(0);

    const handle = await startZaloPolling({ api, onEvent, persist, signal: controller.signal, deleteWebhookIfSet: true, pollTimeoutSeconds: 1 });
    expect(emu.webhookInfo()).toBeUndefined();
    emu.pushUserText('u1', 'hello');
    await waitFor(() => processed.length === 1);
    controller.abort();
    await handle.done;
  });

  it('backs off on errors (honouring Retry-After) and recovers', async () => {
    const sleeps: number[] = [];
    const logger = recordingLogger();
    emu.failNext('getUpdates', 500, { times: 2 });
    emu.pushUserText('u1', 'after errors');
    const handle = await startZaloPolling({
      api,
      onEvent,
      persist,
      logger,
      signal: controller.signal,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      backoff: { baseMs: 100, maxMs: 1000 },
      pollTimeoutSeconds: 1,
    });
    await waitFor(() => processed.length === 1);
    expect(sleeps).toEqual([100, 200]);
    emu.failNext('getUpdates', 429, { retryAfter: 7 });
    await waitFor(() => sleeps.length === 3);
    expect(sleeps[2]).toBe(1000); // Retry-After 7 s, capped by maxMs
    expect(logger.text()).not.toContain(emu.token);
    controller.abort();
    await handle.done;
  });

  it('keeps polling when onEvent or persist throws', async () => {
    let calls = 0;
    const handle = await startZaloPolling({
      api,
      persist,
      signal: controller.signal,
      pollTimeoutSeconds: 1,
      onEvent: async (ev) => {
        calls += 1;
        if (calls === 1) throw new ZaloApiError({ method: 'sendMessage', description: 'boom', notAccepted: false, transient: false });
        processed.push(ev);
      },
    });
    emu.pushUserText('u1', 'a');
    emu.pushUserText('u1', 'b');
    await waitFor(() => processed.length === 1);
    expect(processed[0]).toMatchObject({ content: { text: 'b' } });
    controller.abort();
    await handle.done;
  });
});
