// Webhook events acknowledged before processing, in memory (bot/db/repositories/inbox-repository.ts).
import type { InboxRepository } from '../../../bot/app/ports.ts';
import { json, type InMemoryStore } from './store.ts';

export const createInMemoryInboxRepository = (store: InMemoryStore): InboxRepository => ({
  async store(key, channel, payload, receivedAt) {
    if (store.inbox.some((e) => e.key === key)) return 'duplicate';
    store.inbox.push({ key, channel, payload: json(payload), status: 'pending', attempts: 0, receivedAt, processedAt: null });
    return 'new';
  },

  async markDone(key, at) {
    for (const e of store.inbox) if (e.key === key) Object.assign(e, { status: 'done', processedAt: at });
  },

  async prune(before) {
    const keep = store.inbox.filter((e) => e.receivedAt >= before);
    const count = store.inbox.length - keep.length;
    store.inbox.splice(0, store.inbox.length, ...keep);
    return count;
  },

  async markFailed(key) {
    for (const e of store.inbox) if (e.key === key) e.attempts += 1;
  },

  async pending(channel, olderThan, limit = 100) {
    return store.inbox
      .filter((e) => e.channel === channel && e.status === 'pending' && e.receivedAt < olderThan && e.attempts < 5)
      .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())
      .slice(0, limit)
      .map((e) => ({ key: e.key, payload: json(e.payload) }));
  },
});
