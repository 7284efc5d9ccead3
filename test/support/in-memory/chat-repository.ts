// Chat states and processed update keys in memory, mirroring bot/db/repositories/chat-repository.ts:
// claiming a key twice returns false the second time (a redelivery).
import type { ChatRepository } from '../../../bot/app/ports.ts';
import { json, type InMemoryStore } from './store.ts';
import { createInMemorySubmissionRepository } from './submission-repository.ts';

export const createInMemoryChatRepository = (store: InMemoryStore): ChatRepository => ({
  async getState(channel, chatId) {
    const row = store.chatStates.find((c) => c.channel === channel && c.chatId === chatId);
    return row ? json(row.state) : null;
  },

  async saveState(channel, chatId, input) {
    const data = { accountId: input.accountId, submissionId: input.submissionId, state: json(input.state) };
    const row = store.chatStates.find((c) => c.channel === channel && c.chatId === chatId);
    if (row) Object.assign(row, data);
    else store.chatStates.push({ channel, chatId, ...data });
  },

  async claimUpdate(key, now) {
    if (store.processedUpdates.has(key)) return false;
    store.processedUpdates.set(key, now);
    return true;
  },

  async isProcessed(key) {
    return store.processedUpdates.has(key);
  },

  async openTurn(key, channel, chatId) {
    const row = store.chatStates.find((c) => c.channel === channel && c.chatId === chatId);
    return { processed: store.processedUpdates.has(key), state: row ? json(row.state) : null };
  },

  async completeTurn(key, now, channel, chatId, input) {
    if (store.processedUpdates.has(key)) return false;
    store.processedUpdates.set(key, now);
    const data = { accountId: input.accountId, submissionId: input.submissionId, state: json(input.state) };
    const row = store.chatStates.find((c) => c.channel === channel && c.chatId === chatId);
    if (row) Object.assign(row, data);
    else store.chatStates.push({ channel, chatId, ...data });
    return true;
  },

  async commitTurn(key, now, channel, chatId, input, write) {
    // Claimed first, undone when the write is refused: all or nothing, as the transaction.
    if (store.processedUpdates.has(key)) return 'duplicate';
    store.processedUpdates.set(key, now);
    const outcome = await createInMemorySubmissionRepository(store).applyChange(write.submissionId, write.change);
    if (!outcome.ok) {
      store.processedUpdates.delete(key);
      return outcome.reason;
    }
    const data = { accountId: input.accountId, submissionId: input.submissionId, state: json(input.state) };
    const row = store.chatStates.find((c) => c.channel === channel && c.chatId === chatId);
    if (row) Object.assign(row, data);
    else store.chatStates.push({ channel, chatId, ...data });
    return 'done';
  },

  async releaseUpdate(key) {
    store.processedUpdates.delete(key);
  },

  async pruneProcessed(before) {
    let count = 0;
    for (const [key, at] of store.processedUpdates)
      if (at < before) {
        store.processedUpdates.delete(key);
        count += 1;
      }
    return count;
  },
});
