import { describe, expect, it } from 'vitest';
import { databaseProvider, parseConfig } from '../../bot/platform/config.ts';

describe('parseConfig', () => {
  it('gives the embedded defaults with an empty environment', () => {
    const c = parseConfig({});
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.value.DATABASE_URL).toBe('file:./data/egov.db');
    expect(c.value.PORT).toBe(8080);
    expect(c.value.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(c.value.SEND_RATE_PER_SECOND).toBe(30);
    expect(c.value.ZALO_API_ROOT).toBe('https://bot-api.zaloplatforms.com');
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgresql://' }, 'DATABASE_URL'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ TELEGRAM_BOT_TOKEN: 'not a token' }, 'TELEGRAM_BOT_TOKEN'],
    [{ TELEGRAM_API_ROOT: 'ftp://x' }, 'TELEGRAM_API_ROOT'],
    [{ TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/tg' }, 'TELEGRAM_WEBHOOK_SECRET'],
    [{ ZALO_BOT_TOKEN: 'abc', ZALO_MODE: 'webhook' }, 'ZALO_WEBHOOK_SECRET'],
    [{ ZALO_MODE: 'push' }, 'ZALO_MODE'],
    [{ SEND_RATE_PER_SECOND: '0' }, 'SEND_RATE_PER_SECOND'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('%o is rejected with one line naming %s', (env, name) => {
    const c = parseConfig(env);
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.error.startsWith(`Invalid configuration: ${name}: `)).toBe(true);
    expect(c.error).not.toContain('\n');
  });

  it('treats empty strings as unset and recognises both providers', () => {
    const c = parseConfig({ TELEGRAM_BOT_TOKEN: '', TELEGRAM_WEBHOOK_URL: '' });
    expect(c.ok).toBe(true);
    expect(databaseProvider('file:./x.db')).toBe('sqlite');
    expect(databaseProvider('postgresql://u@h:5432/d')).toBe('postgresql');
  });
});
