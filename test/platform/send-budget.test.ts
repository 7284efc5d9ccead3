// The shared send budget on a virtual clock: even slots under the rate in every rolling second,
// replies ahead of a waiting wave, and a 429 pause holding everything back.
import { describe, expect, it } from 'vitest';
import { maxPerRollingSecond } from '../support/rate-limited-bot-api.ts';
import { virtualClock } from '../support/virtual-clock.ts';

describe('send budget', () => {
  it('grants at most the rate in any rolling second, close to it when the queue is full', async () => {
    const { clock, budget: newBudget } = virtualClock();
    const budget = newBudget(30);
    const granted: number[] = [];
    await Promise.all(Array.from({ length: 300 }, () => budget.take('bulk').then(() => granted.push(clock.t))));
    expect(granted).toHaveLength(300);
    expect(maxPerRollingSecond(granted)).toBeLessThanOrEqual(30);
    // 300 slots at 97 % of 30/s (1000/29.1 ms apart), each 31st at least a second and a slot
    // after the 1st: 9 such windows, then 29 slots (virtual time, not wall time).
    const slot = 1000 / 29.1;
    const span = granted.at(-1)! - granted[0]!;
    expect(span).toBeGreaterThanOrEqual(9 * (1000 + slot) - 1);
    expect(span).toBeLessThanOrEqual(Math.ceil(9 * (1000 + slot) + 29 * slot) + 1);
    for (let i = 30; i < granted.length; i += 1) expect(granted[i]! - granted[i - 30]!).toBeGreaterThanOrEqual(1000 + slot - 1e-6);
  });

  it('gives a reply the next slot even with a whole wave waiting', async () => {
    const { clock, budget: newBudget } = virtualClock();
    const budget = newBudget(30);
    const order: string[] = [];
    const wave = Array.from({ length: 100 }, (_, i) => budget.take('bulk').then(() => order.push(`bulk${i}`)));
    // The reply arrives while the wave's slots are being handed out.
    await Promise.resolve();
    const asked = clock.t;
    let repliedAt = 0;
    const reply = budget.take('reply').then(() => {
      repliedAt = clock.t;
      order.push('reply');
    });
    await Promise.all([...wave, reply]);
    expect(order.indexOf('reply')).toBeLessThanOrEqual(2);
    expect(repliedAt - asked).toBeLessThanOrEqual(Math.ceil(1000 / 29.1));
  });

  it('a pause (a 429 retry_after) holds every message back until it ends', async () => {
    const { clock, budget: newBudget } = virtualClock();
    const budget = newBudget(30);
    await budget.take('bulk');
    const pausedAt = clock.t;
    budget.pauseFor(5_000);
    const times: number[] = [];
    await Promise.all([budget.take('reply'), budget.take('bulk')].map((p) => p.then(() => times.push(clock.t))));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(pausedAt + 5_000);
  });
});
