// Per-chat dialogue state and inbound de-duplication. Every turn's statements are raw SQL (each
// Prisma query costs the turn its compilation, and these are the hottest of all): one read opens
// the turn (processed? and the chat's state); one statement ends it (turn-commit.ts: the claim,
// the turn's answer when it has one, and the new state).
import type { Db } from '../database.ts';
import { createTurnCommit } from './turn-commit.ts';
import { rawValues } from './raw-values.ts';
import { isUniqueViolation } from '../prisma-errors.ts';
import type { ChannelKind } from '../../app/inbound.ts';
import type { ChatRepository, ChatStateInput } from '../../app/ports.ts';

export const createChatRepository = (db: Db): ChatRepository => {
  const raw = rawValues(db);
  const commit = createTurnCommit(db);
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
      return (await commit(key, now, channel, chatId, input)) === 'done';
    },

    commitTurn: commit,

    async releaseUpdate(key: string): Promise<void> {
      await db.processedUpdate.deleteMany({ where: { key } });
    },

    async pruneProcessed(before: Date): Promise<number> {
      return (await db.processedUpdate.deleteMany({ where: { processedAt: { lt: before } } })).count;
    },
  };
};
