// Drains the outbox within the platforms' limits: at most `ratePerSecond` messages overall
// (paced evenly, so bursts never provoke a 429), at most one per chat per `perChatMs`, a 429's
// retry_after honoured (bounded) by pausing and rescheduling, 5xx/network errors retried with
// backoff, and a 403 marking the account unreachable. A row is marked sent right after the
// platform accepted it; only a crash inside that window (a few ms) can repeat one message.
import type { Logger } from '../../platform/logger.ts';
import { backoffMs, sleep } from '../../platform/retry.ts';
import type { OutboxRepository, OutboxRow, RowSender } from '../ports.ts';

export type SenderDeps = {
  readonly outbox: OutboxRepository;
  readonly senders: Readonly<Partial<Record<string, RowSender>>>;
  readonly markUnreachable: (accountId: string, at: Date) => Promise<void>;
  readonly ratePerSecond: number;
  readonly perChatMs?: number;
  readonly holder: string;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly maxAttempts?: number;
  readonly maxRetryAfterSeconds?: number;
  readonly batchSize?: number;
};

export type DrainStats = { sent: number; rateLimited: number; failed: number; dead: number; deferred: number };

export const createOutboxSender = (deps: SenderDeps) => {
  const now = deps.now ?? (() => new Date());
  const pause = deps.sleep ?? sleep;
  // A 3% margin keeps network jitter from packing 31 messages into one rolling second.
  const interval = 1000 / (deps.ratePerSecond * 0.97);
  const perChatMs = (deps.perChatMs ?? 1000) * 1.05;
  const maxAttempts = deps.maxAttempts ?? 8;
  const maxRetryAfter = deps.maxRetryAfterSeconds ?? 60;
  const batchSize = deps.batchSize ?? Math.max(10, deps.ratePerSecond * 2);
  const lastByChat = new Map<string, number>();
  let nextSlot = 0;
  let stopped = false;

  /** Waits for the next global send slot (even pacing at ratePerSecond). */
  const takeSlot = async (): Promise<void> => {
    const t = now().getTime();
    const at = Math.max(t, nextSlot);
    nextSlot = at + interval;
    if (at > t) await pause(at - t);
  };

  const handle = async (row: OutboxRow, stats: DrainStats): Promise<void> => {
    const send = deps.senders[row.channel];
    if (!send) {
      // The channel is not running on this instance: leave the row for one that has it.
      await deps.outbox.reschedule(row.id, new Date(now().getTime() + 60_000), 'channel not configured', false);
      stats.deferred += 1;
      return;
    }
    const chatKey = `${row.channel}:${row.chatId}`;
    const last = lastByChat.get(chatKey);
    if (last !== undefined && now().getTime() - last < perChatMs) {
      await deps.outbox.reschedule(row.id, new Date(last + perChatMs), null, false);
      stats.deferred += 1;
      return;
    }
    await takeSlot();
    lastByChat.set(chatKey, now().getTime());
    const outcome = await send(row);
    const at = now();
    switch (outcome.kind) {
      case 'sent':
        await deps.outbox.markSent(row.id, at);
        stats.sent += 1;
        return;
      case 'rate_limited': {
        const wait = Math.min(Math.max(1, outcome.retryAfterSeconds), maxRetryAfter) * 1000;
        stats.rateLimited += 1;
        nextSlot = Math.max(nextSlot, at.getTime() + wait);
        await deps.outbox.reschedule(row.id, new Date(at.getTime() + wait), 'rate limited', false);
        return;
      }
      case 'forbidden':
        if (row.accountId) await deps.markUnreachable(row.accountId, at);
        await deps.outbox.markDead(row.id, `forbidden: ${outcome.detail}`);
        stats.dead += 1;
        return;
      case 'permanent':
        await deps.outbox.markDead(row.id, outcome.detail);
        stats.dead += 1;
        return;
      case 'no_channel':
      case 'transient': {
        stats.failed += 1;
        if (row.attempts + 1 >= maxAttempts) {
          await deps.outbox.markDead(row.id, outcome.kind === 'transient' ? outcome.detail : 'no channel');
          stats.dead += 1;
          return;
        }
        const delay = backoffMs(row.attempts + 1, { baseMs: 2_000, maxMs: 10 * 60_000 });
        await deps.outbox.reschedule(row.id, new Date(at.getTime() + delay), outcome.kind === 'transient' ? outcome.detail : 'no channel', true);
        return;
      }
    }
  };

  return {
    /** Sends everything due now, batch by batch; returns what happened. */
    async drain(limit = Number.POSITIVE_INFINITY): Promise<DrainStats> {
      const stats: DrainStats = { sent: 0, rateLimited: 0, failed: 0, dead: 0, deferred: 0 };
      stopped = false;
      let handled = 0;
      while (!stopped && handled < limit) {
        const claimMs = Math.max(60_000, (batchSize / deps.ratePerSecond) * 3000);
        const rows = await deps.outbox.claim(deps.holder, now(), Math.min(batchSize, limit - handled), claimMs);
        if (rows.length === 0) break;
        for (const row of rows) {
          if (stopped) {
            await deps.outbox.reschedule(row.id, now(), null, false);
            continue;
          }
          try {
            await handle(row, stats);
          } catch (error) {
            deps.logger.error({ err: error, id: row.id }, 'outbox row failed');
            await deps.outbox.reschedule(row.id, new Date(now().getTime() + 30_000), 'sender error', true).catch(() => undefined);
          }
          handled += 1;
        }
      }
      return stats;
    },
    stop(): void {
      stopped = true;
    },
  };
};

export type OutboxSender = ReturnType<typeof createOutboxSender>;
