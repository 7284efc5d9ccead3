// Officers' Zalo replies share the process's send budget with the reminder wave: a reply takes
// the next slot ahead of every waiting reminder, a 429 on a reply slows the whole budget, and
// startZalo sends its replies through the budget it is given.
import { afterEach, describe, expect, it } from 'vitest';
import { budgetedReplies } from '../../bot/channels/zalo/budgeted-replies.ts';
import { startZalo } from '../../bot/channels/zalo/start-zalo.ts';
import { ZaloApiError } from '../../bot/channels/zalo/zalo-api.ts';
import { createHttpServer } from '../../bot/platform/http-server.ts';
import { createTranslator } from '../../bot/platform/i18n.ts';
import { silentLogger } from '../../bot/platform/logger.ts';
import { createSendBudget, type SendBudget, type SendPriority } from '../../bot/platform/send-budget.ts';
import { createInMemoryRepositories } from '../support/in-memory/create-in-memory-repositories.ts';
import { virtualClock } from '../support/virtual-clock.ts';
import { startZaloEmulator, type ZaloEmulator } from '../support/zalo-emulator.ts';

const sent = { message_id: 'm1', date: 0 };

describe('Zalo replies through the send budget', () => {
  it('a reply goes out in the next slot while a reminder wave waits', async () => {
    const { clock, budget: newBudget } = virtualClock();
    const budget = newBudget(30);
    const order: string[] = [];
    const api = budgetedReplies({ sendMessage: async () => (order.push('reply'), sent) }, budget);
    const wave = Array.from({ length: 100 }, (_, i) => budget.take('bulk').then(() => order.push(`bulk${i}`)));
    await Promise.resolve();
    const asked = clock.t;
    let repliedAt = 0;
    const reply = api.sendMessage({ chat_id: 'c', text: 'x' }).then(() => (repliedAt = clock.t));
    await Promise.all([...wave, reply]);
    expect(order.indexOf('reply')).toBeLessThanOrEqual(2);
    expect(repliedAt - asked).toBeLessThanOrEqual(Math.ceil(1000 / 29.1));
  });

  it('a 429 on a reply pauses every message of the budget for its Retry-After', async () => {
    const { clock, budget: newBudget } = virtualClock();
    const budget = newBudget(30);
    const quota = new ZaloApiError({
      method: 'sendMessage',
      status: 429,
      errorCode: 429,
      description: 'Quota exceeded',
      retryAfter: 7,
      notAccepted: true,
      transient: true,
    });
    const api = budgetedReplies(
      {
        sendMessage: async () => {
          throw quota;
        },
      },
      budget,
    );
    await expect(api.sendMessage({ chat_id: 'c', text: 'x' })).rejects.toBe(quota);
    const failedAt = clock.t;
    await budget.take('bulk');
    expect(clock.t - failedAt).toBeGreaterThanOrEqual(7_000);
  });

  describe('startZalo', () => {
    let emu: ZaloEmulator | undefined;
    afterEach(async () => emu?.close());

    it('takes a reply slot of the budget it is given for every message it sends', async () => {
      emu = await startZaloEmulator({ emptyPollWaitMs: 20 });
      const real = createSendBudget({ ratePerSecond: 30 });
      const taken: SendPriority[] = [];
      const budget: SendBudget = { ...real, take: (priority) => (taken.push(priority), real.take(priority)) };
      const dialogue = { handle: async () => ({ locale: 'vi' as const, replies: [{ key: 'dialogue:start.no_membership' }], exclusiveChoices: true }) };
      const running = await startZalo({
        settings: { token: emu.token, apiRoot: emu.url, mode: 'polling' },
        dialogue,
        translator: createTranslator('vi'),
        logger: silentLogger(),
        http: createHttpServer(silentLogger()),
        inbox: createInMemoryRepositories().inbox,
        now: () => new Date(),
        budget,
      });
      try {
        emu.pushUserText('u1', 'xin chào');
        const deadline = Date.now() + 10_000;
        while (emu.sentTexts('u1').length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        expect(emu.sentTexts('u1')).toHaveLength(1);
        expect(taken).toEqual(['reply']);
      } finally {
        await running.stop();
      }
    });
  });
});
