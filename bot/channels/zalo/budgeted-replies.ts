// Officers' Zalo replies take a slot of the process's one send budget before each message (with
// the reply priority), so a reminder wave never delays a reply by more than a slot and the two
// together stay under the bot's quota. A 429 on a reply slows the whole budget, as it does for
// the outbox: Zalo's quota applies to the bot, not to one chat.
import type { SendBudget } from '../../platform/send-budget.ts';
import { ZaloApiError, type ZaloApi } from './zalo-api.ts';

/** Seconds the budget pauses on a 429 without a Retry-After (the outbox's Zalo default). */
const DEFAULT_QUOTA_PAUSE_SECONDS = 5;
/** A misbehaving Retry-After never stops every reply for long. */
const MAX_QUOTA_PAUSE_SECONDS = 60;

export const budgetedReplies = (api: Pick<ZaloApi, 'sendMessage'>, budget: SendBudget): Pick<ZaloApi, 'sendMessage'> => ({
  async sendMessage(params) {
    await budget.take('reply');
    try {
      return await api.sendMessage(params);
    } catch (error) {
      if (error instanceof ZaloApiError && (error.status === 429 || error.errorCode === 429)) {
        const seconds = Math.min(Math.max(1, error.retryAfter ?? DEFAULT_QUOTA_PAUSE_SECONDS), MAX_QUOTA_PAUSE_SECONDS);
        budget.pauseFor(seconds * 1000);
      }
      throw error;
    }
  },
});
