// Named leases in the database: exactly one instance holds "reminders" at a time; another takes
// over once the holder stops renewing (crash) and the lease expires.
import type { Db } from '../database.ts';
import type { LeaseRepository } from '../../app/ports.ts';
import { isUniqueViolation } from '../prisma-errors.ts';

export const createLeasesRepository = (db: Db): LeaseRepository => ({
  /** Takes or renews the lease; false when another live holder has it. */
  async acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const expiresAt = new Date(now.getTime() + ttlMs);
    const taken = await db.lease.updateMany({ where: { name, OR: [{ holder }, { expiresAt: { lt: now } }] }, data: { holder, expiresAt } });
    if (taken.count === 1) return true;
    try {
      await db.lease.create({ data: { name, holder, expiresAt } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  },

  async release(name: string, holder: string): Promise<void> {
    await db.lease.deleteMany({ where: { name, holder } });
  },

  async holderOf(name: string, now: Date): Promise<string | null> {
    const row = await db.lease.findUnique({ where: { name }, select: { holder: true, expiresAt: true } });
    return row && row.expiresAt > now ? row.holder : null;
  },

  async liveLease(name: string, now: Date) {
    const row = await db.lease.findUnique({ where: { name }, select: { holder: true, expiresAt: true } });
    return row && row.expiresAt > now ? { holder: row.holder, expiresAt: row.expiresAt } : null;
  },
});
