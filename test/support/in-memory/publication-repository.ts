// Published result tables in memory, mirroring bot/db/repositories/publication-repository.ts:
// one per period, newest first.
import type { PublicationRepository } from '../../../bot/app/ports.ts';
import { json, type InMemoryStore } from './store.ts';

export const createInMemoryPublicationRepository = (store: InMemoryStore): PublicationRepository => ({
  async create(input) {
    if (store.publications.some((p) => p.periodId === input.periodId)) return false;
    store.publications.push({ periodId: input.periodId, publishedAt: input.publishedAt, results: json(input.results) });
    return true;
  },
  async find(periodId) {
    const row = store.publications.find((p) => p.periodId === periodId);
    return row ? { ...row, results: json(row.results) } : null;
  },
  async list() {
    return [...store.publications]
      .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.periodId < b.periodId ? -1 : 1))
      .map((row) => ({ ...row, results: json(row.results) }));
  },
});
