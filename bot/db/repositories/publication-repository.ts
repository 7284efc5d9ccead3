// Published result tables: written once per period (the primary key refuses a second), read
// back as stored.
import type { Db } from '../database.ts';
import type { PublicationRepository, StoredPublication } from '../../app/ports.ts';

const select = { periodId: true, publishedAt: true, results: true } as const;

export const createPublicationRepository = (db: Db): PublicationRepository => ({
  async create(input): Promise<boolean> {
    const existing = await db.periodPublication.findUnique({ where: { periodId: input.periodId }, select: { periodId: true } });
    if (existing) return false;
    try {
      await db.periodPublication.create({ data: { periodId: input.periodId, publishedAt: input.publishedAt, results: input.results as object } });
      return true;
    } catch (error) {
      // Two publishers racing: the key lets one win; the other sees the stored one.
      if (await db.periodPublication.findUnique({ where: { periodId: input.periodId }, select: { periodId: true } })) return false;
      throw error;
    }
  },

  async find(periodId: string): Promise<StoredPublication | null> {
    return db.periodPublication.findUnique({ where: { periodId }, select });
  },

  async list(): Promise<StoredPublication[]> {
    return db.periodPublication.findMany({ select, orderBy: [{ publishedAt: 'desc' }, { periodId: 'asc' }] });
  },
});
