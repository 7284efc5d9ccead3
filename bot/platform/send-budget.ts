// The bot's one sending budget per process: every outgoing message (an officer's reply or a
// reminder of the wave) takes a slot here, so together they stay under the platform's ceiling.
// Slots are evenly spaced (a small margin keeps network jitter from packing one rolling second
// over the limit); a waiting reply always gets the next slot before any waiting bulk message, so
// a wave never delays a reply by more than one slot. A 429 pauses everything (flood control
// applies to the bot, not to one chat). Only one loop ever sleeps, so a virtual clock drives it.
import { sleep as realSleep, type Sleep } from './retry.ts';

export type SendPriority = 'reply' | 'bulk';

export type SendBudget = {
  /** Resolves when this message may go; replies before bulk. */
  readonly take: (priority: SendPriority) => Promise<void>;
  /** Nothing goes out for `ms` from now (the budget's own clock), e.g. a 429's retry_after. */
  readonly pauseFor: (ms: number) => void;
  /** Messages waiting for a slot, by priority (for tests and logs). */
  readonly waiting: () => { reply: number; bulk: number };
};

export type SendBudgetOptions = {
  readonly ratePerSecond: number;
  /** Fraction of the ceiling actually used (default 0.97). */
  readonly margin?: number;
  readonly now?: () => number;
  readonly sleep?: Sleep;
};

export const createSendBudget = (options: SendBudgetOptions): SendBudget => {
  const now = options.now ?? Date.now;
  const pause = options.sleep ?? realSleep;
  const interval = 1000 / (options.ratePerSecond * (options.margin ?? 0.97));
  const queues: Record<SendPriority, (() => void)[]> = { reply: [], bulk: [] };
  // Besides the even grid, never more than the ceiling in any second and one slot: a timer that
  // fires late, or a request that reaches the platform up to a slot later than the one before
  // it (a busy event loop, the network), cannot pack one rolling second over the limit (the
  // platform counts arrivals). It costs a few ms per ceiling's worth of messages.
  const capacity = Math.max(1, Math.floor(options.ratePerSecond));
  const windowMs = 1000 + interval;
  const recent: number[] = [];
  let nextSlot = Number.NEGATIVE_INFINITY;
  let pausedUntil = Number.NEGATIVE_INFINITY;
  let pumping = false;

  const pump = async (): Promise<void> => {
    pumping = true;
    try {
      while (queues.reply.length + queues.bulk.length > 0) {
        const t = now();
        const windowOpens = recent.length >= capacity ? recent[recent.length - capacity]! + windowMs : Number.NEGATIVE_INFINITY;
        const at = Math.max(nextSlot, pausedUntil, windowOpens);
        if (at > t) {
          await pause(at - t);
          continue;
        }
        // Stay on the even grid when a timer fires a little late (no drift below the rate), but
        // never bank idle time: after a gap, at most one slot is caught up.
        nextSlot = Math.max(nextSlot + interval, t);
        recent.push(t);
        if (recent.length > capacity) recent.shift();
        const grant = queues.reply.shift() ?? queues.bulk.shift();
        grant?.();
      }
    } finally {
      pumping = false;
    }
  };

  return {
    take: (priority) =>
      new Promise<void>((resolve) => {
        queues[priority].push(resolve);
        if (!pumping) void pump();
      }),
    pauseFor: (ms) => {
      pausedUntil = Math.max(pausedUntil, now() + ms);
    },
    waiting: () => ({ reply: queues.reply.length, bulk: queues.bulk.length }),
  };
};
