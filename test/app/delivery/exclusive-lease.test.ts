// The Telegram polling lease: refused at once while its holder renews it, taken over once a
// holder that stopped renewing (killed) has let it expire, released on a clean stop.
import { describe, expect, it } from 'vitest';
import { acquireExclusiveLease } from '../../../bot/app/delivery/exclusive-lease.ts';
import { silentLogger } from '../../../bot/platform/logger.ts';
import { createInMemoryStore } from '../../support/in-memory/store.ts';
import { createInMemoryLeaseRepository } from '../../support/in-memory/lease-repository.ts';

const ttlMs = 30_000;

const setup = () => {
  const leases = createInMemoryLeaseRepository(createInMemoryStore());
  let t = Date.parse('2026-12-02T06:00:00Z');
  const slept: number[] = [];
  const clock = {
    now: () => new Date(t),
    advance: (ms: number) => void (t += ms),
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
  };
  // While the test's clock sleeps, `renewing` (a live holder) renews its lease as it would.
  let renewing: string | undefined;
  const sleep = async (ms: number) => {
    await clock.sleep(ms);
    if (renewing) await leases.acquire('telegram-polling', renewing, clock.now(), ttlMs);
  };
  const take = (holder: string) =>
    acquireExclusiveLease({ leases, name: 'telegram-polling', holder, ttlMs, logger: silentLogger(), now: clock.now, sleep, onLost: () => undefined });
  const renewedBy = (holder: string | undefined) => void (renewing = holder);
  return { leases, clock, slept, take, renewedBy };
};

describe('the exclusive (Telegram polling) lease', () => {
  it('is refused to a second instance while the first holds and renews it', async () => {
    const { take, slept, clock, renewedBy } = setup();
    const first = await take('a');
    expect(first.ok).toBe(true);
    renewedBy('a');
    clock.advance(5_000);
    expect(await take('b')).toEqual({ ok: false, holder: 'a' });
    // One look, one renewal period and a half later another: never a wait for the whole lease.
    expect(slept).toEqual([15_000]);
    if (first.ok) await first.lease.release();
  });

  it('is taken over after the lease of a holder that stopped renewing expires', async () => {
    const { take, leases, clock, slept } = setup();
    // A holder killed without releasing: its lease stays until it expires.
    expect(await leases.acquire('telegram-polling', 'dead', clock.now(), ttlMs)).toBe(true);
    clock.advance(5_000);
    const taken = await take('b');
    expect(taken.ok).toBe(true);
    expect(slept).toHaveLength(2);
    expect(await leases.holderOf('telegram-polling', clock.now())).toBe('b');
    if (taken.ok) await taken.lease.release();
  });

  it('is free again once released, and the same instance id takes its own lease back at once', async () => {
    const { take, leases, clock } = setup();
    const first = await take('a');
    if (!first.ok) throw new Error('not taken');
    await first.lease.release();
    expect(await leases.holderOf('telegram-polling', clock.now())).toBeNull();
    const second = await take('b');
    expect(second.ok).toBe(true);
    // A restart with the same INSTANCE_ID (a container's stable hostname) renews its own lease.
    const again = await take('b');
    expect(again.ok).toBe(true);
    if (again.ok) await again.lease.release();
  });
});
