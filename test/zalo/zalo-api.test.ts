import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZaloApi, ZaloApiError } from '../../bot/channels/zalo/zalo-api.ts';
import type { Logger } from '../../bot/platform/logger.ts';
import { startZaloEmulator, type ZaloEmulator } from '../support/zalo-emulator.ts';
import { recordingLogger } from './recording-logger.ts';

let emu: ZaloEmulator;
beforeEach(async () => {
  emu = await startZaloEmulator({ emptyPollWaitMs: 30 });
});
afterEach(async () => {
  await emu.close();
});

const apiFor = (e: ZaloEmulator, logger?: Logger, token = e.token) => createZaloApi({ token, apiRoot: e.url, timeoutMs: 2000, ...(logger ? { logger } : {}) });

const caught = async (promise: Promise<unknown>): Promise<ZaloApiError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZaloApiError);
  return error as ZaloApiError;
};

describe('createZaloApi', () => {
  it('accepts a pino logger', () => {
    const logger: Logger = pino({ level: 'silent' });
    expect(logger).toBeDefined();
  });

  it('calls getMe and sendMessage on success', async () => {
    const api = apiFor(emu);
    await expect(api.getMe()).resolves.toMatchObject({ id: '1234567890', account_type: 'BASIC' });
    const sent = await api.sendMessage({ chat_id: 'u1', text: 'Xin chào' });
    expect(sent.message_id).toMatch(/^[0-9a-f]{20}$/);
    expect(emu.sentTexts('u1')).toEqual(['Xin chào']);
  });

  it('manages webhooks: set, info, delete', async () => {
    const api = apiFor(emu);
    await expect(api.getWebhookInfo()).resolves.toMatchObject({ url: '' });
    await api.setWebhook({ url: 'https://example.test/zalo/webhook', secret_token: 'secret-123' });
    await expect(api.getWebhookInfo()).resolves.toMatchObject({ url: 'https://example.test/zalo/webhook' });
    await api.deleteWebhook();
    await expect(api.getWebhookInfo()).resolves.toMatchObject({ url: '' });
  });

  it('returns one update per getUpdates call and null on 408 (both 408 styles)', async () => {
    const api = apiFor(emu);
    emu.pushUserText('u1', 'a');
    emu.pushUserText('u1', 'b');
    await expect(api.getUpdates({ timeout: 1 })).resolves.toMatchObject({ message: { text: 'a' } });
    await expect(api.getUpdates({ timeout: 1 })).resolves.toMatchObject({ message: { text: 'b' } });
    await expect(api.getUpdates({ timeout: 1 })).resolves.toBeNull();

    const emu200 = await startZaloEmulator({ emptyPollWaitMs: 10, emptyPollStyle: 'ok-false-200' });
    try {
      await expect(apiFor(emu200).getUpdates({ timeout: 1 })).resolves.toBeNull();
    } finally {
      await emu200.close();
    }
  });

  it('throws a typed error on 401 without the token in message, fields or logs', async () => {
    const logger = recordingLogger();
    const wrongToken = '999:definitely-wrong-token';
    const error = await caught(apiFor(emu, logger, wrongToken).sendMessage({ chat_id: 'u1', text: 'x' }));
    expect(error).toMatchObject({ method: 'sendMessage', status: 401, errorCode: 401, notAccepted: true, transient: false });
    const everything = `${error.message} ${error.stack} ${JSON.stringify(error)} ${logger.text()}`;
    expect(everything).not.toContain(wrongToken);
    expect(everything).not.toContain('definitely-wrong-token');
    expect(emu.sent('u1')).toEqual([]);
  });

  it('treats HTTP 200 with ok:false as a failure', async () => {
    const server = await jsonServer(200, { ok: false, error_code: 400, description: 'Bad request' });
    try {
      const api = createZaloApi({ token: 'tok:en-abc', apiRoot: server.url });
      const error = await caught(api.getMe());
      expect(error).toMatchObject({ status: 200, errorCode: 400, description: 'Bad request', notAccepted: true });
    } finally {
      server.close();
    }
  });

  it('treats a 2xx body without ok:true (e.g. non-JSON) as an ambiguous failure', async () => {
    const server = await jsonServer(200, 'not json at all', true);
    try {
      const error = await caught(createZaloApi({ token: 'tok:en-abc', apiRoot: server.url }).getMe());
      expect(error).toMatchObject({ status: 200, notAccepted: false });
    } finally {
      server.close();
    }
  });

  it('reports 429 with retryAfter, and 500 as not accepted + transient', async () => {
    const api = apiFor(emu);
    emu.failNext('sendMessage', 429, { retryAfter: 3 });
    const quota = await caught(api.sendMessage({ chat_id: 'u1', text: 'x' }));
    expect(quota).toMatchObject({ status: 429, errorCode: 429, retryAfter: 3, notAccepted: true, transient: true });
    emu.failNext('sendMessage', 500);
    expect(await caught(api.sendMessage({ chat_id: 'u1', text: 'x' }))).toMatchObject({ notAccepted: true, transient: true });
    emu.failNext('sendMessage', 504);
    expect(await caught(api.sendMessage({ chat_id: 'u1', text: 'x' }))).toMatchObject({ notAccepted: false });
  });

  it('scrubs network errors: connection refused keeps only the code', async () => {
    const closed = await startZaloEmulator();
    const url = closed.url;
    await closed.close();
    const logger = recordingLogger();
    const token = '42:super-secret-network-token';
    const error = await caught(createZaloApi({ token, apiRoot: url, logger }).sendMessage({ chat_id: 'u', text: 'x' }));
    expect(error).toMatchObject({ networkCode: 'ECONNREFUSED', notAccepted: true, transient: true, status: undefined });
    expect(error.cause).toBeUndefined();
    expect(`${error.message} ${error.stack} ${JSON.stringify(error)} ${logger.text()}`).not.toContain('super-secret');
  });

  it('a timeout after sending is ambiguous (not accepted = false)', async () => {
    const server = createServer(() => {
      /* never answers */
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const api = createZaloApi({ token: '1:slow-token', apiRoot, timeoutMs: 100 });
      const error = await caught(api.sendMessage({ chat_id: 'u', text: 'x' }));
      expect(error.notAccepted).toBe(false);
      expect(error.message).not.toContain('slow-token');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('sends getUpdates timeout and never logs the URL', async () => {
    const logger = recordingLogger();
    await apiFor(emu, logger).getUpdates({ timeout: 1 });
    expect(emu.calls.at(-1)).toMatchObject({ method: 'getUpdates', body: { timeout: '1' } });
    expect(logger.text()).not.toContain(emu.token);
    expect(logger.entries.length).toBeGreaterThan(0);
  });
});

const jsonServer = async (status: number, body: unknown, raw = false): Promise<{ url: string; close(): void }> => {
  const server: Server = createServer((req, res) => {
    req.resume();
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(raw ? String(body) : JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
};
