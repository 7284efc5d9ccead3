// Telegram replies take a reply slot of the shared send budget; a 429 on a reply slows the whole
// budget (flood control applies to the bot), and calls that send nothing pass straight through.
import { describe, expect, it } from 'vitest';
import type { Transformer } from 'grammy';
import { budgetTransformer } from '../../../bot/channels/telegram/budget-transformer.ts';
import type { SendBudget, SendPriority } from '../../../bot/platform/send-budget.ts';
import { virtualClock } from '../../support/virtual-clock.ts';

type Prev = Parameters<Transformer>[0];
const answering =
  (result: unknown): Prev =>
  async () =>
    result as never;

describe('budgetTransformer', () => {
  it('takes a slot for messages only', async () => {
    const budget = virtualClock().budget(30);
    const taken: SendPriority[] = [];
    const spy: SendBudget = { ...budget, take: (p) => (taken.push(p), budget.take(p)) };
    const t = budgetTransformer(spy, 'reply');
    await t(answering({ ok: true, result: true }), 'sendMessage', { chat_id: 1, text: 'x' } as never);
    await t(answering({ ok: true, result: true }), 'editMessageText', { chat_id: 1, message_id: 2, text: 'x' } as never);
    await t(answering({ ok: true, result: true }), 'answerCallbackQuery', { callback_query_id: 'q' } as never);
    await t(answering({ ok: true, result: true }), 'sendChatAction', { chat_id: 1, action: 'typing' } as never);
    expect(taken).toEqual(['reply', 'reply']);
  });

  it('a 429 on a reply pauses every message for its retry_after', async () => {
    const v = virtualClock();
    const budget = v.budget(30);
    const t = budgetTransformer(budget, 'reply');
    const flood = { ok: false, error_code: 429, description: 'Too Many Requests: retry after 4', parameters: { retry_after: 4 } };
    await expect(t(answering(flood), 'sendMessage', { chat_id: 1, text: 'x' } as never)).resolves.toEqual(flood);
    const at = v.clock.t;
    await budget.take('bulk');
    expect(v.clock.t - at).toBeGreaterThanOrEqual(4_000);
  });
});
