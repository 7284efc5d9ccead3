// Named leases in memory (bot/db/repositories/leases-repository.ts): the holder renews its own
// lease, anyone takes an expired one.
import type { LeaseRepository } from '../../../bot/app/ports.ts';
import type { InMemoryStore } from './store.ts';

export const createInMemoryLeaseRepository = (store: InMemoryStore): LeaseRepository => ({
  async acquire(name, holder, now, ttlMs) {
    const expiresAt = new Date(now.getTime() + ttlMs);
    const row = store.leases.find((l) => l.name === name);
    if (!row) {
      store.leases.push({ name, holder, expiresAt });
      return true;
    }
    if (row.holder !== holder && row.expiresAt >= now) return false;
    Object.assign(row, { holder, expiresAt });
    return true;
  },

  async release(name, holder) {
    const i = store.leases.findIndex((l) => l.name === name && l.holder === holder);
    if (i >= 0) store.leases.splice(i, 1);
  },

  async holderOf(name, now) {
    const row = store.leases.find((l) => l.name === name);
    return row && row.expiresAt > now ? row.holder : null;
  },

  async liveLease(name, now) {
    const row = store.leases.find((l) => l.name === name);
    return row && row.expiresAt > now ? { holder: row.holder, expiresAt: new Date(row.expiresAt) } : null;
  },
});
