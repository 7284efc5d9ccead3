// The outbox in memory (bot/db/repositories/message-outbox-repository.ts): keys are unique, so
// enqueueing is repeatable; claims take due pending rows and rows whose claim expired.
import type { OutboxPayload, OutboxRepository, OutboxRow } from '../../../bot/app/ports.ts';
import { json, recordNotFound, type InMemoryStore, type OutboxStoredRow } from './store.ts';

const toRow = (r: OutboxStoredRow): OutboxRow => ({
  id: r.id,
  idempotencyKey: r.idempotencyKey,
  kind: r.kind,
  channel: r.channel,
  accountId: r.accountId,
  chatId: r.chatId,
  payload: json(r.payload) as OutboxPayload,
  attempts: r.attempts,
});

export const createInMemoryOutboxRepository = (store: InMemoryStore): OutboxRepository => {
  const row = (id: string): OutboxStoredRow => {
    const found = store.outbox.find((r) => r.id === id);
    if (!found) throw recordNotFound(`outbox ${id}`);
    return found;
  };
  const released = { claimedBy: null, claimedUntil: null };
  let tokens = 0;
  return {
    async enqueue(rows, now) {
      let inserted = 0;
      for (const r of rows) {
        if (store.outbox.some((x) => x.idempotencyKey === r.idempotencyKey)) continue;
        store.outbox.push({
          ...r,
          payload: json(r.payload),
          id: store.newId('outbox'),
          status: 'pending',
          attempts: 0,
          lastError: null,
          sentAt: null,
          createdAt: now,
          ...released,
        });
        inserted += 1;
      }
      return inserted;
    },

    async keysWithPrefix(prefix) {
      return new Set(store.outbox.filter((r) => r.idempotencyKey.startsWith(prefix)).map((r) => r.idempotencyKey));
    },

    async claim(holder, now, limit, claimMs) {
      const due = store.outbox
        .filter((r) => (r.status === 'pending' && r.nextAttemptAt <= now) || (r.status === 'sending' && r.claimedUntil !== null && r.claimedUntil < now))
        .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime())
        .slice(0, limit);
      tokens += 1;
      for (const r of due) Object.assign(r, { status: 'sending', claimedBy: `${holder}:${tokens}`, claimedUntil: new Date(now.getTime() + claimMs) });
      return due.map(toRow);
    },

    async markSent(id, at) {
      const r = row(id);
      Object.assign(r, { status: 'sent', sentAt: at, ...released, attempts: r.attempts + 1 });
    },

    async reschedule(id, nextAttemptAt, error, countAttempt) {
      const r = row(id);
      Object.assign(r, { status: 'pending', nextAttemptAt, lastError: error, ...released, attempts: r.attempts + (countAttempt ? 1 : 0) });
    },

    async markDead(id, error) {
      const r = row(id);
      Object.assign(r, { status: 'dead', lastError: error, ...released, attempts: r.attempts + 1 });
    },

    async counts() {
      const out: Record<string, number> = {};
      for (const r of store.outbox) out[r.status] = (out[r.status] ?? 0) + 1;
      return out;
    },
  };
};
