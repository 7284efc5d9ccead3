import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZaloApi, ZaloApiError } from '../../bot/zalo/zalo-api.ts';
import { retryDelayMs, sendZaloText, splitZaloText, ZaloSendError } from '../../bot/zalo/zalo-sender.ts';
import { startZaloEmulator, type ZaloEmulator } from '../support/zalo-emulator.ts';

describe('splitZaloText', () => {
  it('keeps short text whole', () => {
    expect(splitZaloText('Xin chào')).toEqual(['Xin chào']);
    expect(splitZaloText('a'.repeat(2000))).toEqual(['a'.repeat(2000)]);
  });

  it('splits on line boundaries where possible', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `${i + 1}. ${'câu hỏi '.repeat(6)}`);
    const chunks = splitZaloText(lines.join('\n'));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(2000);
      expect(chunk.split('\n').every((line) => lines.includes(line))).toBe(true);
    }
    expect(chunks.join('\n')).toBe(lines.join('\n'));
  });

  it('hard-cuts at 2000 without splitting a surrogate pair', () => {
    const text = 'a' + '😀'.repeat(1500); // the pair straddles index 2000
    const chunks = splitZaloText(text);
    expect(chunks[0]!.length).toBe(1999);
    expect(chunks.join('')).toBe(text);
  });

  it('property: chunks fit, never break a surrogate pair, and lose only separators', () => {
    const unit = fc.constantFrom('a', 'ệ', ' ', '\n', '😀', 'Đ', '1');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 3000 }), fc.integer({ min: 2, max: 300 }), (parts, limit) => {
        const text = parts.join('');
        const chunks = splitZaloText(text, limit);
        for (const chunk of chunks) {
          expect(chunk.length).toBeLessThanOrEqual(limit);
          expect(chunk.trim()).not.toBe('');
          expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(chunk)).toBe(false);
        }
        expect(chunks.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
      { numRuns: 300 },
    );
  });
});

describe('retryDelayMs', () => {
  const quota = (retryAfter?: number) =>
    new ZaloApiError({
      method: 'sendMessage',
      status: 429,
      description: 'q',
      notAccepted: true,
      transient: true,
      ...(retryAfter === undefined ? {} : { retryAfter }),
    });
  it('doubles from the base, honours Retry-After, and caps', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(quota(), n, { baseDelayMs: 100 }))).toEqual([100, 200, 400]);
    expect(retryDelayMs(quota(5), 1, { baseDelayMs: 100 })).toBe(5000);
    expect(retryDelayMs(quota(), 10, { baseDelayMs: 100, maxDelayMs: 1000 })).toBe(1000);
  });
});

describe('sendZaloText over the emulator', () => {
  let emu: ZaloEmulator;
  const sleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
  };
  beforeEach(async () => {
    emu = await startZaloEmulator();
    sleeps.length = 0;
  });
  afterEach(async () => {
    await emu.close();
  });
  const api = () => createZaloApi({ token: emu.token, apiRoot: emu.url, timeoutMs: 2000 });

  it('sends a 4500-character text as three ordered messages', async () => {
    const text = Array.from({ length: 450 }, (_, i) => `dòng ${String(i).padStart(3, '0')}`).join('\n');
    const sent = await sendZaloText(api(), 'u1', text, { sleep });
    const texts = emu.sentTexts('u1');
    expect(sent).toHaveLength(texts.length);
    expect(texts.length).toBeGreaterThanOrEqual(3);
    expect(texts.every((t) => t.length <= 2000)).toBe(true);
    expect(texts.join('\n')).toBe(text);
  });

  it('retries a 429 after backoff and delivers exactly one message', async () => {
    emu.failNext('sendMessage', 429, { retryAfter: 2, times: 2 });
    const sent = await sendZaloText(api(), 'u1', 'Nhắc: hạn nộp báo cáo', { sleep, baseDelayMs: 500 });
    expect(sent).toHaveLength(1);
    expect(emu.sentTexts('u1')).toEqual(['Nhắc: hạn nộp báo cáo']);
    expect(emu.callCount('sendMessage')).toBe(3);
    expect(sleeps).toEqual([2000, 2000]);
  });

  it('retries a 500 with exponential delays', async () => {
    emu.failNext('sendMessage', 500, { times: 2 });
    await sendZaloText(api(), 'u1', 'x', { sleep, baseDelayMs: 100 });
    expect(sleeps).toEqual([100, 200]);
    expect(emu.sentTexts('u1')).toEqual(['x']);
  });

  it('gives up after maxAttempts and reports what was sent', async () => {
    const text = `${'a'.repeat(2000)}\n${'b'.repeat(10)}`;
    const client = api();
    await sendZaloText(client, 'u1', 'warm-up');
    emu.failNext('sendMessage', 429, { times: 10 });
    // First chunk fails; nothing of this text delivered.
    const error = await sendZaloText(client, 'u2', text, { sleep, maxAttempts: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloSendError);
    expect((error as ZaloSendError).sent).toEqual([]);
    expect((error as ZaloSendError).totalChunks).toBe(2);
    expect(emu.callCount('sendMessage')).toBe(1 + 3);
    expect(sleeps).toHaveLength(2);
  });

  it('does not retry an ambiguous 504 or a 400', async () => {
    emu.failNext('sendMessage', 504);
    await expect(sendZaloText(api(), 'u1', 'x', { sleep })).rejects.toBeInstanceOf(ZaloSendError);
    emu.failNext('sendMessage', 400);
    await expect(sendZaloText(api(), 'u1', 'x', { sleep })).rejects.toBeInstanceOf(ZaloSendError);
    expect(sleeps).toEqual([]);
    expect(emu.callCount('sendMessage')).toBe(2);
  });

  it('retries connection refused (request never sent)', async () => {
    const url = emu.url;
    await emu.close();
    let calls = 0;
    const refused = createZaloApi({ token: '1:t', apiRoot: url });
    const flaky = {
      sendMessage: async (p: { chat_id: string; text: string }) => {
        calls += 1;
        if (calls < 3) return refused.sendMessage(p);
        return { message_id: 'ok', date: 0 };
      },
    };
    await expect(sendZaloText(flaky, 'u1', 'x', { sleep, baseDelayMs: 10 })).resolves.toEqual([{ message_id: 'ok', date: 0 }]);
    expect(sleeps).toEqual([10, 20]);
    emu = await startZaloEmulator(); // for afterEach
  });

  it('refuses empty text', async () => {
    await expect(sendZaloText(api(), 'u1', '  \n ')).rejects.toThrow(/empty/);
  });
});
