// Makes every message a Bot API client sends take a slot of the shared send budget first, so
// officers' replies and the reminder wave together stay under the bot's ceiling (the replies
// with priority). Calls that send nothing to a chat (getMe, getUpdates, answerCallbackQuery…)
// pass straight through.
import type { Transformer } from 'grammy';
import type { SendBudget, SendPriority } from '../../platform/send-budget.ts';

const sendsMessage = (method: string): boolean => /^(send|edit|copy|forward)/.test(method) && method !== 'sendChatAction';

export const budgetTransformer =
  (budget: SendBudget, priority: SendPriority): Transformer =>
  async (prev, method, payload, signal) => {
    if (!sendsMessage(method)) return prev(method, payload, signal);
    await budget.take(priority);
    const result = await prev(method, payload, signal);
    // Flood control applies to the bot: a 429 on a reply slows the whole budget (the wave too).
    if (!result.ok && result.error_code === 429) budget.pauseFor(Math.min(Math.max(1, result.parameters?.retry_after ?? 1), 60) * 1000);
    return result;
  };
