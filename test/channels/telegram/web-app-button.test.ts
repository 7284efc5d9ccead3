// Issue #17: on Telegram a coordinator gets the dashboard as a Mini App — a web_app button
// under the answers that offer it (/status, /ranking, /dashboard) and the chat's menu button —
// only when the dashboard has an https address; without one nothing of the kind is sent.
import { describe, expect, it } from 'vitest';
import type { Dialogue, DialogueOutput } from '../../../bot/app/dialogue-port.ts';
import { reply } from '../../../core/reply.ts';
import { createTelegramHarness } from '../../support/telegram-harness.ts';

const answering = (out: Omit<DialogueOutput, 'locale' | 'exclusiveChoices'>): Dialogue => ({
  handle: async () => ({ locale: 'vi', exclusiveChoices: true, ...out }),
});
const url = 'https://bot.example.vn/app/';
type Markup = { inline_keyboard: { text: string; web_app?: { url: string }; callback_data?: string }[][] };

describe('Telegram: the dashboard as a Mini App', () => {
  it('a web_app button under an answer that offers the dashboard, after its choices', async () => {
    const tg = createTelegramHarness(
      answering({ replies: [reply('coord:ranking.title', { period: 'P' }, [{ value: 'x', key: 'dialogue:help.intro' }])], dashboardButton: true }),
      () => new Date(),
      { webAppUrl: url },
    );
    await tg.text(7, '/ranking');
    const send = tg.calls.find((c) => c.method === 'sendMessage')!;
    const rows = (send.payload['reply_markup'] as Markup).inline_keyboard;
    expect(rows.at(-1)).toEqual([{ text: '📊 Mở bảng điều hành', web_app: { url } }]);
    expect(rows[0]?.[0]?.callback_data).toBeDefined();
  });

  it("a coordinator's menu button opens the dashboard", async () => {
    const tg = createTelegramHarness(answering({ replies: [reply('dialogue:help.intro')], menu: 'coordinator' }), () => new Date(), { webAppUrl: url });
    await tg.text(8, '/help');
    const set = tg.calls.find((c) => c.method === 'setChatMenuButton');
    expect(set?.payload).toEqual({ chat_id: 8, menu_button: { type: 'web_app', text: 'Bảng điều hành', web_app: { url } } });
  });

  it('without an https dashboard address: no button, no menu button', async () => {
    const tg = createTelegramHarness(
      answering({ replies: [reply('coord:ranking.title', { period: 'P' })], dashboardButton: true, menu: 'coordinator' }),
      () => new Date(),
    );
    await tg.text(9, '/ranking');
    expect(tg.calls.map((c) => c.method)).not.toContain('setChatMenuButton');
    expect(tg.calls.find((c) => c.method === 'sendMessage')?.payload['reply_markup']).toBeUndefined();
  });
});
