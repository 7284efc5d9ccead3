// A lease only one running instance may hold, taken at start-up and renewed while it runs: the
// Telegram long poller. Telegram hands each update to one getUpdates caller, so two pollers of
// one bot steal each other's updates (and fail with 409 Conflict); several instances must run in
// webhook mode instead. A holder that renews is alive: refused. A holder that stopped renewing
// (killed without releasing) is waited out until its lease expires, then taken over.
import type { Logger } from '../../platform/logger.ts';
import type { LeaseRepository } from '../ports.ts';

export const TELEGRAM_POLLING_LEASE = 'telegram-polling';
export const TELEGRAM_POLLING_LEASE_MS = 30_000;

export type ExclusiveLeaseInput = {
  readonly leases: LeaseRepository;
  readonly name: string;
  readonly holder: string;
  readonly ttlMs: number;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Called when a renewal finds the lease taken by someone else (this process stalled past its expiry). */
  readonly onLost: (holder: string | null) => void;
};

export type ExclusiveLease = { readonly release: () => Promise<void> };
export type ExclusiveLeaseResult = { readonly ok: true; readonly lease: ExclusiveLease } | { readonly ok: false; readonly holder: string };

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const acquireExclusiveLease = async (input: ExclusiveLeaseInput): Promise<ExclusiveLeaseResult> => {
  const { leases, name, holder, ttlMs, logger, now } = input;
  const sleep = input.sleep ?? defaultSleep;
  const renewEveryMs = Math.max(1, Math.floor(ttlMs / 3));
  // A live holder renews every renewEveryMs; a killed one leaves its expiry where it was. One
  // look now and one after a renewal period and a half tell them apart.
  let seen: { readonly holder: string; readonly expiresAt: Date } | undefined;
  for (;;) {
    if (await leases.acquire(name, holder, now(), ttlMs)) break;
    const live = await leases.liveLease(name, now());
    if (!live) continue;
    if (!seen) {
      seen = live;
      logger.warn({ lease: name, holder: live.holder }, 'lease held by another instance; checking whether it is still running');
      await sleep(Math.ceil(renewEveryMs * 1.5));
      continue;
    }
    if (live.holder !== seen.holder || live.expiresAt.getTime() > seen.expiresAt.getTime()) return { ok: false, holder: live.holder };
    const left = live.expiresAt.getTime() - now().getTime();
    logger.warn({ lease: name, holder: live.holder, waitMs: left }, 'the lease holder stopped renewing it (killed?); taking over once it expires');
    await sleep(left + 50);
  }
  let released = false;
  const timer = setInterval(() => {
    void leases.acquire(name, holder, now(), ttlMs).then(
      async (held) => {
        if (held || released) return;
        released = true;
        clearInterval(timer);
        input.onLost(await leases.holderOf(name, now()).catch(() => null));
      },
      (error: unknown) => logger.warn({ err: error, lease: name }, 'renewing the lease failed; trying again'),
    );
  }, renewEveryMs);
  timer.unref();
  return {
    ok: true,
    lease: {
      release: async () => {
        if (released) return;
        released = true;
        clearInterval(timer);
        await leases.release(name, holder);
      },
    },
  };
};
