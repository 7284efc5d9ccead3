// Per-chat dialogue state and inbound de-duplication.
import type { Db } from '../database.ts';
import { isUniqueViolation } from '../prisma-errors.ts';
import type { ChannelKind } from '../../app/inbound.ts';
import type { ChatRepository } from '../../app/ports.ts';

export const createChatRepository = (db: Db): ChatRepository => ({
  async getState(channel: ChannelKind, chatId: string): Promise<unknown> {
    const row = await db.chatState.findUnique({ where: { channel_chatId: { channel, chatId } }, select: { state: true } });
    return row?.state ?? null;
  },

  async saveState(channel: ChannelKind, chatId: string, input: { accountId: string | null; submissionId: string | null; state: unknown }): Promise<void> {
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
    return (await db.processedUpdate.findUnique({ where: { key }, select: { key: true } })) !== null;
  },

  async completeTurn(key, now, channel, chatId, input) {
    const data = { accountId: input.accountId, submissionId: input.submissionId, state: input.state as object };
    try {
      await db.$transaction([
        db.processedUpdate.create({ data: { key, processedAt: now } }),
        db.chatState.upsert({ where: { channel_chatId: { channel, chatId } }, create: { channel, chatId, ...data }, update: data }),
      ]);
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  },

  async releaseUpdate(key: string): Promise<void> {
    await db.processedUpdate.deleteMany({ where: { key } });
  },

  async pruneProcessed(before: Date): Promise<number> {
    return (await db.processedUpdate.deleteMany({ where: { processedAt: { lt: before } } })).count;
  },
});
