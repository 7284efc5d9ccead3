import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/platform/logger.ts';

const capture = async (secrets: readonly string[], write: (logger: ReturnType<typeof createLogger>) => void): Promise<Record<string, unknown>[]> => {
  const lines: string[] = [];
  const original = pino.destination;
  (pino as unknown as { destination: unknown }).destination = () =>
    new Writable({
      write(chunk, _e, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
  try {
    write(createLogger({ level: 'info', pretty: false, secrets }));
    await new Promise((r) => setTimeout(r, 20));
  } finally {
    (pino as unknown as { destination: unknown }).destination = original;
  }
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
};

describe('logger', () => {
  it.each([[[]], [['123456:AAH-very-secret-token']]])('keeps an error’s type, message, code and stack (secrets %j)', async (secrets) => {
    const e = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const [line] = await capture(secrets, (l) => l.error({ err: new Error('turn failed', { cause: e }) }, 'dialogue turn failed'));
    const err = line!['err'] as Record<string, unknown>;
    expect(err['type']).toBe('Error');
    expect(err['message']).toBe('turn failed');
    expect(String(err['stack'])).toContain('logger.test.ts');
    expect(err['cause']).toMatchObject({ message: 'database is locked', code: 'SQLITE_BUSY' });
  });

  it('logs a failed API call as its method and chat, never its payload (what officers typed, invite codes)', async () => {
    const apiError = Object.assign(new Error("Call to 'sendMessage' failed! (400: Bad Request: can't parse entities)"), {
      name: 'GrammyError',
      method: 'sendMessage',
      error_code: 400,
      description: "Bad Request: can't parse entities",
      payload: { chat_id: 42, text: 'Giải trình: mã mời AB12CD34EF của xã', parse_mode: 'HTML' },
    });
    const [line] = await capture(['123456:AAH-very-secret-token'], (l) => l.error({ err: apiError }, 'send failed'));
    const all = JSON.stringify(line);
    expect(line!['err']).toMatchObject({ type: 'GrammyError', method: 'sendMessage', error_code: 400, chat: 42 });
    expect(all).not.toContain('AB12CD34EF');
    expect(all).not.toContain('Giải trình');
  });

  it('never writes a bot token or a webhook secret, in messages or fields', async () => {
    const token = '123456:AAH-very-secret-token';
    const lines: string[] = [];
    const original = pino.destination;
    // Capture what the logger writes instead of stderr.
    (pino as unknown as { destination: unknown }).destination = () =>
      new Writable({
        write(chunk, _e, cb) {
          lines.push(chunk.toString());
          cb();
        },
      });
    try {
      const logger = createLogger({ level: 'info', pretty: false, secrets: [token, 'webhook-secret-1'] });
      logger.info({ url: `https://api.telegram.org/bot${token}/getMe`, config: { TELEGRAM_BOT_TOKEN: token } }, `calling bot${token}/getMe`);
      logger.error(
        { err: new Error(`request to /bot${token}/sendMessage failed`), headers: { 'x-telegram-bot-api-secret-token': 'webhook-secret-1' } },
        'failed',
      );
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      (pino as unknown as { destination: unknown }).destination = original;
    }
    const all = lines.join('');
    expect(lines.length).toBe(2);
    expect(all).not.toContain(token);
    expect(all).not.toContain('webhook-secret-1');
    expect(all).toContain('[REDACTED]');
    expect(JSON.parse(lines[0]!).msg).toBe('calling bot[REDACTED]/getMe');
  });
});
