import { describe, expect, it } from 'vitest';
import { INBOX_RETENTION_DAYS, PROCESSED_UPDATE_RETENTION_DAYS, pruneRetention } from '../../../bot/app/admin/prune-retention.ts';
import { createInMemoryRepositories } from '../../support/in-memory/create-in-memory-repositories.ts';

describe('pruneRetention', () => {
  it('drops processed-update keys after 30 days and inbox events after 7, keeping newer ones', async () => {
    const repos = createInMemoryRepositories();
    const now = new Date('2026-11-22T02:00:00Z');
    const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
    await repos.chats.claimUpdate('tg:old', ago(PROCESSED_UPDATE_RETENTION_DAYS + 1));
    await repos.chats.claimUpdate('tg:new', ago(PROCESSED_UPDATE_RETENTION_DAYS - 1));
    await repos.inbox.store('zalo:old', 'zalo', {}, ago(INBOX_RETENTION_DAYS + 1));
    await repos.inbox.store('zalo:new', 'zalo', {}, ago(INBOX_RETENTION_DAYS - 1));
    expect(await pruneRetention(repos, now)).toEqual({ processed: 1, inbox: 1 });
    expect(await repos.chats.isProcessed('tg:old')).toBe(false);
    expect(await repos.chats.isProcessed('tg:new')).toBe(true);
    expect(await repos.inbox.store('zalo:new', 'zalo', {}, now)).toBe('duplicate');
    expect(await repos.inbox.store('zalo:old', 'zalo', {}, now)).toBe('new');
  });
});
