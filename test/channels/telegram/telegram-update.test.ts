import { describe, expect, it } from 'vitest';
import { normaliseTelegramUpdate } from '../../../bot/channels/telegram/telegram-update.ts';

const at = new Date('2026-11-22T02:00:00Z');
const message = (updateId: number, messageId: number, text = '20') => ({
  update_id: updateId,
  message: { message_id: messageId, date: 0, chat: { id: 42, type: 'private' }, from: { id: 42, is_bot: false, first_name: 'Lan' }, text },
});

describe('normaliseTelegramUpdate', () => {
  it('keys a redelivery like the first delivery', () => {
    expect(normaliseTelegramUpdate(message(7, 100), at)?.dedupeKey).toBe(normaliseTelegramUpdate(message(7, 100), at)?.dedupeKey);
  });

  it('never takes a reused update id (Telegram restarts ids after a quiet week) for a redelivery', () => {
    expect(normaliseTelegramUpdate(message(7, 100), at)?.dedupeKey).not.toBe(normaliseTelegramUpdate(message(7, 250), at)?.dedupeKey);
    const tap = (id: string) => ({
      update_id: 7,
      callback_query: {
        id,
        from: { id: 42, is_bot: false, first_name: 'Lan' },
        data: 'c:cmd:report',
        message: { message_id: 1, chat: { id: 42, type: 'private' } },
      },
    });
    expect(normaliseTelegramUpdate(tap('a1'), at)?.dedupeKey).not.toBe(normaliseTelegramUpdate(tap('b2'), at)?.dedupeKey);
  });

  it('ignores buttons tapped in a group and messages there (the channel answers groups itself)', () => {
    const group = { id: -100, type: 'supergroup' };
    expect(normaliseTelegramUpdate({ ...message(8, 1), message: { ...message(8, 1).message, chat: group } }, at)).toBeNull();
    expect(
      normaliseTelegramUpdate(
        { update_id: 9, callback_query: { id: 'x', from: { id: 42, is_bot: false, first_name: 'Lan' }, data: 'c:y', message: { message_id: 1, chat: group } } },
        at,
      ),
    ).toBeNull();
  });
});
