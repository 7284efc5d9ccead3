// What the bot keeps about inbound traffic, and for how long: processed-update keys exist to
// recognise redeliveries (Telegram retries for at most a day), inbox rows to replay events a
// stopped process had acknowledged. Both are pruned; nothing inbound is kept forever.
import type { Repositories } from '../ports.ts';

/** Processed-update keys are kept 30 days: far beyond any redelivery. */
export const PROCESSED_UPDATE_RETENTION_DAYS = 30;
/** Inbox events (Zalo webhooks) are kept 7 days: enough to replay after an outage and look into one. */
export const INBOX_RETENTION_DAYS = 7;

const daysBefore = (now: Date, days: number): Date => new Date(now.getTime() - days * 86_400_000);

export const pruneRetention = async (repos: Pick<Repositories, 'chats' | 'inbox'>, now: Date): Promise<{ processed: number; inbox: number }> => ({
  processed: await repos.chats.pruneProcessed(daysBefore(now, PROCESSED_UPDATE_RETENTION_DAYS)),
  inbox: await repos.inbox.prune(daysBefore(now, INBOX_RETENTION_DAYS)),
});
