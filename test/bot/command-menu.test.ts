import { Bot } from 'grammy';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../bot/platform/i18n.ts';
import { silentLogger } from '../../bot/platform/logger.ts';
import { menuCommands, setCommandMenus } from '../../bot/channels/telegram/start-telegram.ts';

describe('command menu', () => {
  it('is set per language, and a failure is not fatal', async () => {
    const bot = new Bot('1:x', { botInfo: { id: 1, is_bot: true, first_name: 'b', username: 'b' } as never });
    const calls: Record<string, unknown>[] = [];
    let fail = true;
    bot.api.config.use(async (_prev, method, payload) => {
      calls.push({ method, ...(payload as object) });
      if (fail) {
        fail = false;
        return { ok: false, error_code: 500, description: 'Internal Server Error' } as never;
      }
      return { ok: true, result: true } as never;
    });
    await expect(setCommandMenus(bot, createTranslator('vi'), silentLogger())).resolves.toBeUndefined();
    expect(calls).toHaveLength(2);
    const en = calls[1] as { language_code?: string; commands: { command: string; description: string }[] };
    expect(en.language_code).toBe('en');
    expect(en.commands.map((c) => c.command)).toEqual([...menuCommands]);
    expect(en.commands.find((c) => c.command === 'submit')?.description).toBe('Submit the report');
    const vi = calls[0] as { language_code?: string; commands: { command: string; description: string }[] };
    expect(vi.language_code).toBeUndefined();
    expect(vi.commands.find((c) => c.command === 'submit')?.description).toBe('Gửi báo cáo');
  });
});
