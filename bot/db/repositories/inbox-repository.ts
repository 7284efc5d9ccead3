// Durable inbox for webhook events that are acknowledged before being processed.
import type { Db } from '../database.ts';
import type { InboxRepository } from '../../app/ports.ts';
import { isUniqueViolation } from '../prisma-errors.ts';

export const createInboxRepository = (db: Db): InboxRepository => ({
  /** Stores the event; 'duplicate' when the same key was stored before (a redelivery). */
  async store(key: string, channel: string, payload: unknown, receivedAt: Date): Promise<'new' | 'duplicate'> {
    try {
      await db.inboxEvent.create({ data: { key, channel, payload: payload as object, receivedAt } });
      return 'new';
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  },

  async markDone(key: string, at: Date): Promise<void> {
    await db.inboxEvent.updateMany({ where: { key }, data: { status: 'done', processedAt: at } });
  },

  async prune(before: Date): Promise<number> {
    return (await db.inboxEvent.deleteMany({ where: { receivedAt: { lt: before } } })).count;
  },

  async markFailed(key: string): Promise<void> {
    await db.inboxEvent.updateMany({ where: { key }, data: { attempts: { increment: 1 } } });
  },

  /** Events stored but never processed (the process stopped in between), oldest first. */
  async pending(channel: string, olderThan: Date, limit = 100): Promise<{ key: string; payload: unknown }[]> {
    return db.inboxEvent.findMany({
      where: { channel, status: 'pending', receivedAt: { lt: olderThan }, attempts: { lt: 5 } },
      select: { key: true, payload: true },
      orderBy: { receivedAt: 'asc' },
      take: limit,
    });
  },
});
