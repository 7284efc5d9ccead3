// Outgoing messages as rows. The unique idempotency key makes enqueueing repeatable; claiming
// is a conditional update, so two instances (or a restarted one) never send the same row twice
// while its claim is alive, and a crashed sender's claims expire and are taken over.
import { randomUUID } from 'node:crypto';
import type { Db } from '../database.ts';

export type OutboxPayload = { readonly locale: string; readonly replies: readonly unknown[] };

export type OutboxRow = {
  readonly id: string;
  readonly idempotencyKey: string;
  readonly kind: string;
  readonly channel: string;
  readonly accountId: string | null;
  readonly chatId: string;
  readonly payload: OutboxPayload;
  readonly attempts: number;
};

export type NewOutboxRow = Omit<OutboxRow, 'id' | 'attempts'> & { readonly nextAttemptAt: Date };

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'P2002';

const rowSelect = { id: true, idempotencyKey: true, kind: true, channel: true, accountId: true, chatId: true, payload: true, attempts: true } as const;

export const createMessageOutboxRepository = (db: Db) => ({
  /** Inserts the rows whose key is new; returns how many were inserted. */
  async enqueue(rows: readonly NewOutboxRow[], now: Date): Promise<number> {
    let inserted = 0;
    for (const row of rows) {
      try {
        await db.outbox.create({ data: { ...row, payload: row.payload as object, createdAt: now } });
        inserted += 1;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return inserted;
  },

  /** Keys already in the outbox under a prefix (e.g. one period), whatever their state. */
  async keysWithPrefix(prefix: string): Promise<Set<string>> {
    const rows = await db.outbox.findMany({ where: { idempotencyKey: { startsWith: prefix } }, select: { idempotencyKey: true } });
    return new Set(rows.map((r) => r.idempotencyKey));
  },

  /**
   * Claims up to `limit` due rows for `holder`: pending rows whose time has come, and rows
   * left 'sending' by a sender whose claim expired (it crashed mid-wave).
   */
  async claim(holder: string, now: Date, limit: number, claimMs: number): Promise<OutboxRow[]> {
    const due = {
      OR: [
        { status: 'pending', nextAttemptAt: { lte: now } },
        { status: 'sending', claimedUntil: { lt: now } },
      ],
    };
    const lost: string[] = [];
    // Another instance may win the same candidates; then look past them instead of stopping.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const candidates = await db.outbox.findMany({
        where: { ...due, ...(lost.length > 0 ? { id: { notIn: lost } } : {}) },
        select: { id: true },
        orderBy: [{ nextAttemptAt: 'asc' }, { createdAt: 'asc' }],
        take: limit,
      });
      if (candidates.length === 0) return [];
      const token = `${holder}:${randomUUID()}`;
      await db.outbox.updateMany({
        where: { id: { in: candidates.map((c) => c.id) }, ...due },
        data: { status: 'sending', claimedBy: token, claimedUntil: new Date(now.getTime() + claimMs) },
      });
      const rows = await db.outbox.findMany({
        where: { claimedBy: token, status: 'sending' },
        select: rowSelect,
        orderBy: [{ nextAttemptAt: 'asc' }, { createdAt: 'asc' }],
      });
      if (rows.length > 0) return rows.map((r) => ({ ...r, payload: r.payload as unknown as OutboxPayload }));
      lost.push(...candidates.map((c) => c.id));
    }
    return [];
  },

  async markSent(id: string, at: Date): Promise<void> {
    await db.outbox.update({ where: { id }, data: { status: 'sent', sentAt: at, claimedBy: null, claimedUntil: null, attempts: { increment: 1 } } });
  },

  async reschedule(id: string, nextAttemptAt: Date, error: string | null, countAttempt: boolean): Promise<void> {
    await db.outbox.update({
      where: { id },
      data: {
        status: 'pending',
        nextAttemptAt,
        lastError: error,
        claimedBy: null,
        claimedUntil: null,
        ...(countAttempt ? { attempts: { increment: 1 } } : {}),
      },
    });
  },

  async markDead(id: string, error: string): Promise<void> {
    await db.outbox.update({ where: { id }, data: { status: 'dead', lastError: error, claimedBy: null, claimedUntil: null, attempts: { increment: 1 } } });
  },

  async counts(): Promise<Record<string, number>> {
    const rows = await db.outbox.groupBy({ by: ['status'], _count: { _all: true } });
    return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
  },
});

export type MessageOutboxRepository = ReturnType<typeof createMessageOutboxRepository>;
