// Per-chat dialogue state and inbound de-duplication. Every turn's statements are raw SQL (each
// Prisma query costs the turn its compilation, and these are the hottest of all): one read opens
// the turn (processed? and the chat's state); one transaction ends it (the claim, the turn's
// answer when it has one, and the new state).
import { randomUUID } from 'node:crypto';
import type { Db } from '../database.ts';
import { guardFailure, singleAnswerStatements, type RawClient } from './answer-write.ts';
import { rawValues } from './raw-values.ts';
import { isUniqueViolation } from '../prisma-errors.ts';
import type { ChannelKind } from '../../app/inbound.ts';
import type { ChatRepository, ChatStateInput } from '../../app/ports.ts';

class GuardMissed extends Error {}

export const createChatRepository = (db: Db): ChatRepository => {
  const raw = rawValues(db);
  // The update's claim; false when another delivery of it claimed it first.
  const claim = async (tx: RawClient, key: string, now: Date): Promise<boolean> =>
    (await tx.$executeRaw`INSERT INTO "ProcessedUpdate" ("key", "processedAt") VALUES (${key}, ${raw.at(now)}) ON CONFLICT ("key") DO NOTHING`) > 0;
  const saveTurnState = (tx: RawClient, now: Date, channel: ChannelKind, chatId: string, input: ChatStateInput) =>
    tx.$executeRaw`
      INSERT INTO "ChatState" ("id", "channel", "chatId", "accountId", "submissionId", "state", "updatedAt")
      VALUES (${randomUUID()}, ${channel}, ${chatId}, ${input.accountId}, ${input.submissionId}, ${raw.json(input.state)}, ${raw.at(now)})
      ON CONFLICT ("channel", "chatId") DO UPDATE SET "accountId" = excluded."accountId", "submissionId" = excluded."submissionId",
        "state" = excluded."state", "updatedAt" = excluded."updatedAt"`;
  return {
    async getState(channel: ChannelKind, chatId: string): Promise<unknown> {
      const rows = await db.$queryRaw<{ state: unknown }[]>`SELECT "state" FROM "ChatState" WHERE "channel" = ${channel} AND "chatId" = ${chatId}`;
      const row = rows[0];
      return row ? raw.parsed(row.state) : null;
    },

    async saveState(channel: ChannelKind, chatId: string, input: ChatStateInput): Promise<void> {
      const data = { accountId: input.accountId, submissionId: input.submissionId, state: input.state as object };
      await db.chatState.upsert({ where: { channel_chatId: { channel, chatId } }, create: { channel, chatId, ...data }, update: data });
    },

    /** Records an inbound update key; false when it was already processed (a redelivery). */
    async claimUpdate(key: string, now: Date): Promise<boolean> {
      try {
        await db.processedUpdate.create({ data: { key, processedAt: now } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    async isProcessed(key) {
      return (await db.$queryRaw<unknown[]>`SELECT 1 AS "p" FROM "ProcessedUpdate" WHERE "key" = ${key}`).length > 0;
    },

    async openTurn(key, channel, chatId) {
      const rows = await db.$queryRaw<{ processed: unknown; state: unknown }[]>`
        SELECT (SELECT 1 FROM "ProcessedUpdate" WHERE "key" = ${key}) AS "processed",
          (SELECT "state" FROM "ChatState" WHERE "channel" = ${channel} AND "chatId" = ${chatId}) AS "state"`;
      const row = rows[0];
      return {
        processed: row?.processed !== null && row?.processed !== undefined,
        state: row?.state === null || row?.state === undefined ? null : raw.parsed(row.state),
      };
    },

    async completeTurn(key, now, channel, chatId, input) {
      return db.$transaction(async (tx) => (await claim(tx, key, now)) && (await saveTurnState(tx, now, channel, chatId, input), true));
    },

    async commitTurn(key, now, channel, chatId, input, write) {
      try {
        return await db.$transaction(async (tx) => {
          if (!(await claim(tx, key, now))) return 'duplicate' as const;
          // Nothing matched the version guard: undo the claim too, so the turn can run again.
          if ((await singleAnswerStatements(db, tx, write.submissionId, write.change)) === null) throw new GuardMissed();
          await saveTurnState(tx, now, channel, chatId, input);
          return 'done' as const;
        });
      } catch (error) {
        if (error instanceof GuardMissed) return guardFailure(db, write.submissionId);
        throw error;
      }
    },

    async releaseUpdate(key: string): Promise<void> {
      await db.processedUpdate.deleteMany({ where: { key } });
    },

    async pruneProcessed(before: Date): Promise<number> {
      return (await db.processedUpdate.deleteMany({ where: { processedAt: { lt: before } } })).count;
    },
  };
};
