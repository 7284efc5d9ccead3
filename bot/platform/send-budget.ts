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
  /** Nothing goes out before `at` (epoch ms), e.g. after a 429's retry_after. */
  readonly pauseUntil: (at: number) => void;
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
  let nextSlot = Number.NEGATIVE_INFINITY;
  let pausedUntil = Number.NEGATIVE_INFINITY;
  let pumping = false;

  const pump = async (): Promise<void> => {
    pumping = true;
    try {
      while (queues.reply.length + queues.bulk.length > 0) {
        const t = now();
        const at = Math.max(nextSlot, pausedUntil);
        if (at > t) {
          await pause(at - t);
          continue;
        }
        // Stay on the even grid when a timer fires a little late (no drift below the rate), but
        // never bank idle time into a burst: after a gap the next slot is half an interval away.
        nextSlot = Math.max(nextSlot + interval, t + interval / 2);
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
    pauseUntil: (at) => {
      pausedUntil = Math.max(pausedUntil, at);
    },
    waiting: () => ({ reply: queues.reply.length, bulk: queues.bulk.length }),
  };
};
