// Drains the outbox within the platforms' limits, many chats at once: a pool of workers takes
// rows from claimed batches, each message waits for a slot of the shared send budget (the
// global rate, replies to officers first), at most one message per chat per `perChatMs`, and a
// 429 pauses the whole budget for its retry_after (bounded) while the row is rescheduled.
// 5xx/network errors are retried with backoff; a refusal marks the account unreachable (at
// once, or after a few attempts when the platform's refusal code is ambiguous).
// With a lease, the sender renews it while it drains and checks it before every message: a
// sender that lost it (another instance took over) puts its rows back and stops.
// A row is marked sent right after the platform accepted it; only a crash inside that window
// (a few ms) can repeat one message.
import type { Logger } from '../../platform/logger.ts';
import { backoffMs } from '../../platform/retry.ts';
import { createSendBudget, type SendBudget } from '../../platform/send-budget.ts';
import type { LeaseRepository, OutboxRepository, OutboxRow, RowSender } from '../ports.ts';

export type SenderLease = { readonly repo: LeaseRepository; readonly name: string; readonly ttlMs: number };

export type SenderDeps = {
  readonly outbox: OutboxRepository;
  readonly senders: Readonly<Partial<Record<string, RowSender>>>;
  readonly markUnreachable: (accountId: string, at: Date) => Promise<void>;
  readonly ratePerSecond: number;
  /** Shared with the channels' replies; one of its own (at ratePerSecond) when absent. */
  readonly budget?: SendBudget;
  readonly lease?: SenderLease;
  readonly perChatMs?: number;
  /** Messages in flight at once (default: enough to fill the rate at ~1 s of latency). */
  readonly concurrency?: number;
  readonly holder: string;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly maxAttempts?: number;
  readonly maxRetryAfterSeconds?: number;
  readonly batchSize?: number;
};

export type DrainStats = { sent: number; rateLimited: number; failed: number; dead: number; deferred: number; leaseLost: boolean };

const emptyStats = (): DrainStats => ({ sent: 0, rateLimited: 0, failed: 0, dead: 0, deferred: 0, leaseLost: false });

export const createOutboxSender = (deps: SenderDeps) => {
  const now = deps.now ?? (() => new Date());
  // Pacing is in real time even when `now` is shifted or fixed (tests, a restarted instance).
  const budget = deps.budget ?? createSendBudget({ ratePerSecond: deps.ratePerSecond });
  const perChatMs = (deps.perChatMs ?? 1000) * 1.05;
  const maxAttempts = deps.maxAttempts ?? 8;
  const maxRetryAfter = deps.maxRetryAfterSeconds ?? 60;
  const batchSize = deps.batchSize ?? Math.max(10, deps.ratePerSecond * 2);
  const concurrency = deps.concurrency ?? Math.max(4, Math.ceil(deps.ratePerSecond));
  const lastByChat = new Map<string, number>();
  const busyChats = new Set<string>();
  let stopped = false;

  /** The lease as this sender knows it: valid until `heldUntil`, renewed a third of the way. */
  const leaseKeeper = (lease: SenderLease) => {
    let heldUntil = 0;
    let renewedAt = Number.NEGATIVE_INFINITY;
    let lost = false;
    let renewing: Promise<boolean> | undefined;
    const renew = async (): Promise<boolean> => {
      const at = now().getTime();
      const ok = await lease.repo.acquire(lease.name, deps.holder, new Date(at), lease.ttlMs);
      if (!ok) {
        lost = true;
        return false;
      }
      renewedAt = at;
      // A safety margin for clock skew between instances and a send already under way.
      heldUntil = at + lease.ttlMs * 0.8;
      return true;
    };
    return {
      /** Whether this sender may send one more message now. */
      holds: async (): Promise<boolean> => {
        if (lost) return false;
        const t = now().getTime();
        if (t - renewedAt < lease.ttlMs / 3 && t < heldUntil) return true;
        renewing ??= renew().finally(() => (renewing = undefined));
        return (await renewing) && now().getTime() < heldUntil;
      },
      lost: () => lost,
    };
  };

  const handle = async (row: OutboxRow, stats: DrainStats, mayStillSend: () => Promise<boolean>): Promise<void> => {
    const send = deps.senders[row.channel];
    if (!send) {
      // The channel is not running on this instance: leave the row for one that has it.
      await deps.outbox.reschedule(row.id, new Date(now().getTime() + 60_000), 'channel not configured', false);
      stats.deferred += 1;
      return;
    }
    const chatKey = `${row.channel}:${row.chatId}`;
    const last = lastByChat.get(chatKey);
    const t = now().getTime();
    if (busyChats.has(chatKey) || (last !== undefined && t - last < perChatMs)) {
      // A message to this chat is on its way (or just went): a second after it, never earlier than now.
      await deps.outbox.reschedule(row.id, new Date((busyChats.has(chatKey) ? t : (last ?? t)) + perChatMs), null, false);
      stats.deferred += 1;
      return;
    }
    busyChats.add(chatKey);
    try {
      await budget.take('bulk');
      if (stopped || !(await mayStillSend())) {
        // Stopped or no longer the lease holder: this row was not sent; give it back at once.
        await deps.outbox.reschedule(row.id, now(), null, false);
        return;
      }
      lastByChat.set(chatKey, now().getTime());
      const outcome = await send(row);
      await record(row, outcome, stats);
    } finally {
      busyChats.delete(chatKey);
    }
  };

  const record = async (row: OutboxRow, outcome: Awaited<ReturnType<RowSender>>, stats: DrainStats): Promise<void> => {
    const at = now();
    const retryLater = async (detail: string): Promise<void> => {
      stats.failed += 1;
      if (row.attempts + 1 >= maxAttempts) {
        await deps.outbox.markDead(row.id, detail);
        stats.dead += 1;
        return;
      }
      const delay = backoffMs(row.attempts + 1, { baseMs: 2_000, maxMs: 10 * 60_000 });
      await deps.outbox.reschedule(row.id, new Date(at.getTime() + delay), detail, true);
    };
    switch (outcome.kind) {
      case 'sent':
        await deps.outbox.markSent(row.id, at);
        stats.sent += 1;
        return;
      case 'rate_limited': {
        const wait = Math.min(Math.max(1, outcome.retryAfterSeconds), maxRetryAfter) * 1000;
        stats.rateLimited += 1;
        // Flood control applies to the bot: the whole sender (and the replies) slow down.
        // (A duration: the budget keeps real time even when this sender's `now` is shifted.)
        budget.pauseFor(wait);
        await deps.outbox.reschedule(row.id, new Date(at.getTime() + wait), 'rate limited', false);
        return;
      }
      case 'forbidden':
        if (outcome.confirmAfterAttempts !== undefined && row.attempts + 1 < outcome.confirmAfterAttempts) {
          await retryLater(`forbidden?: ${outcome.detail}`);
          return;
        }
        if (row.accountId) await deps.markUnreachable(row.accountId, at);
        await deps.outbox.markDead(row.id, `forbidden: ${outcome.detail}`);
        stats.dead += 1;
        return;
      case 'permanent':
        await deps.outbox.markDead(row.id, outcome.detail);
        stats.dead += 1;
        return;
      case 'no_channel':
        await retryLater('no channel');
        return;
      case 'transient':
        await retryLater(outcome.detail);
        return;
    }
  };

  return {
    /** Sends everything due now (at most `limit` rows); returns what happened. */
    async drain(limit = Number.POSITIVE_INFINITY): Promise<DrainStats> {
      const stats = emptyStats();
      stopped = false;
      const keeper = deps.lease ? leaseKeeper(deps.lease) : undefined;
      const mayStillSend = keeper ? keeper.holds : async () => true;
      if (!(await mayStillSend())) return { ...stats, leaseLost: true };
      const buffer: OutboxRow[] = [];
      let claimedCount = 0;
      let exhausted = false;
      let refilling: Promise<void> | undefined;
      const refill = async (): Promise<void> => {
        const claimMs = Math.max(60_000, (batchSize / deps.ratePerSecond) * 3000);
        const rows = await deps.outbox.claim(deps.holder, now(), Math.min(batchSize, limit - claimedCount), claimMs);
        claimedCount += rows.length;
        if (rows.length === 0 || claimedCount >= limit) exhausted = true;
        buffer.push(...rows);
      };
      const nextRow = async (): Promise<OutboxRow | undefined> => {
        while (buffer.length === 0 && !exhausted && !stopped && !keeper?.lost()) {
          refilling ??= refill().finally(() => (refilling = undefined));
          await refilling;
        }
        return buffer.shift();
      };
      const worker = async (): Promise<void> => {
        for (let row = await nextRow(); row; row = await nextRow()) {
          if (stopped || keeper?.lost()) {
            await deps.outbox.reschedule(row.id, now(), null, false);
            continue;
          }
          try {
            await handle(row, stats, mayStillSend);
          } catch (error) {
            deps.logger.error({ err: error, id: row.id }, 'outbox row failed');
            await deps.outbox.reschedule(row.id, new Date(now().getTime() + 30_000), 'sender error', true).catch(() => undefined);
          }
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      if (keeper?.lost()) {
        stats.leaseLost = true;
        deps.logger.warn({ holder: deps.holder }, 'outbox sender lost its lease and stopped');
      }
      return stats;
    },
    stop(): void {
      stopped = true;
    },
  };
};

export type OutboxSender = ReturnType<typeof createOutboxSender>;
