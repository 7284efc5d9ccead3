// A clock that moves only when the send budget waits, and only a macrotask later, so that what a
// grant set off has run first (as in real time). Budgets built on it grant in virtual time.
import { createSendBudget, type SendBudget } from '../../bot/platform/send-budget.ts';

export type VirtualClock = {
  readonly clock: { t: number };
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** A send budget on this clock. */
  readonly budget: (ratePerSecond: number) => SendBudget;
};

export const virtualClock = (start = 1_000_000): VirtualClock => {
  const clock = { t: start };
  const now = () => clock.t;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) =>
      setImmediate(() => {
        clock.t += ms;
        resolve();
      }),
    );
  return { clock, now, sleep, budget: (ratePerSecond) => createSendBudget({ ratePerSecond, now, sleep }) };
};
