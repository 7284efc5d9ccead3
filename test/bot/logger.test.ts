import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/logger.ts';

describe('logger', () => {
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
