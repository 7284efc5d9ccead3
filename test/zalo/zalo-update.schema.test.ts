import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseZaloUpdate } from '../../bot/zalo/zalo-update.schema.ts';

const at = new Date('2026-03-01T08:00:00Z');

// Shape of a real (bare) payload, ZALO.md §3 / C11.
const message = (extra: Record<string, unknown> = {}) => ({
  message_id: '2d758cb5e222177a4e35',
  date: 1750316131602,
  from: { id: '6ede9afa66b88fe6d6a9', display_name: 'Nguyễn Văn A', is_bot: false },
  chat: { id: '6ede9afa66b88fe6d6a9', chat_type: 'PRIVATE' },
  ...extra,
});
const bare = (event_name: string, extra: Record<string, unknown> = {}) => ({ event_name, message: message(extra) });

describe('normaliseZaloUpdate', () => {
  it('normalises a bare text update', () => {
    const result = normaliseZaloUpdate(bare('message.text.received', { text: '/start ABC123' }), at);
    expect(result).toMatchObject({
      ok: true,
      event: {
        channel: 'zalo',
        dedupeKey: 'zalo:message.text.received:2d758cb5e222177a4e35',
        externalUserId: '6ede9afa66b88fe6d6a9',
        chatId: '6ede9afa66b88fe6d6a9',
        displayName: 'Nguyễn Văn A',
        receivedAt: at,
        content: { kind: 'text', text: '/start ABC123' },
      },
    });
  });

  it('accepts the documented wrapped body identically', () => {
    const raw = bare('message.text.received', { text: 'xin chào' });
    const wrapped = normaliseZaloUpdate({ ok: true, result: raw }, at);
    const plain = normaliseZaloUpdate(raw, at);
    expect(wrapped.ok && plain.ok && wrapped.event).toEqual(plain.ok && plain.event);
  });

  it('uses chat.id (the group) as chatId in a group, from.id as the user', () => {
    const raw = bare('message.text.received', { text: '1', chat: { id: 'group-1', chat_type: 'GROUP' } });
    expect(normaliseZaloUpdate(raw, at)).toMatchObject({ ok: true, event: { chatId: 'group-1', externalUserId: '6ede9afa66b88fe6d6a9' } });
  });

  it('reads photo_url, falls back to photo, and keeps the caption', () => {
    const withUrl = normaliseZaloUpdate(
      bare('message.image.received', { photo_url: 'https://photo-stal-1.zdn.vn/a.jpg', photo: 'https://x/legacy.jpg', caption: 'Biên bản' }),
      at,
    );
    expect(withUrl).toMatchObject({
      ok: true,
      event: {
        content: {
          kind: 'file',
          fileKind: 'photo',
          fileRef: 'https://photo-stal-1.zdn.vn/a.jpg',
          url: 'https://photo-stal-1.zdn.vn/a.jpg',
          caption: 'Biên bản',
        },
      },
    });
    const legacy = normaliseZaloUpdate(bare('message.image.received', { photo: 'https://x/legacy.jpg' }), at);
    expect(legacy).toMatchObject({ ok: true, event: { content: { kind: 'file', fileRef: 'https://x/legacy.jpg' } } });
    const none = normaliseZaloUpdate(bare('message.image.received'), at);
    expect(none).toMatchObject({ ok: true, event: { content: { kind: 'unsupported', what: 'image_without_url' } } });
  });

  it.each([
    ['message.sticker.received', { sticker: 'abc', url: 'https://s/x.png' }, 'sticker'],
    ['message.voice.received', { voice_url: 'https://v/x.aac' }, 'voice'],
    ['message.unsupported.received', {}, 'unsupported'],
    ['message.video.received', {}, 'message.video.received'],
  ])('maps %s to unsupported content', (event, extra, what) => {
    const result = normaliseZaloUpdate(bare(event, extra), at);
    expect(result).toMatchObject({ ok: true, event: { content: { kind: 'unsupported', what }, dedupeKey: `zalo:${event}:2d758cb5e222177a4e35` } });
  });

  it('reads display_name, then name, and works without chat', () => {
    const raw = { event_name: 'message.text.received', message: { message_id: 'm1', from: { id: 'u1', name: 'Old Name' }, text: 'hi' } };
    expect(normaliseZaloUpdate(raw, at)).toMatchObject({ ok: true, event: { chatId: 'u1', displayName: 'Old Name' } });
  });

  it('ignores messages from bots', () => {
    const raw = bare('message.text.received', { text: 'x', from: { id: 'b', is_bot: true } });
    expect(normaliseZaloUpdate(raw, at)).toEqual({ ok: false, reason: 'from_bot' });
  });

  it.each([
    null,
    42,
    'text',
    [],
    {},
    { ok: true },
    { ok: false, result: bare('message.text.received') },
    { event_name: 'x' },
    { event_name: 'x', message: { from: { id: 'u' } } },
  ])('rejects %j with a reason', (raw) => {
    const result = normaliseZaloUpdate(raw, at);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/invalid_update/);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = normaliseZaloUpdate(value, at);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on near-valid updates with random field values', () => {
    const anyValue = fc.oneof(fc.jsonValue(), fc.constant(undefined));
    fc.assert(
      fc.property(fc.boolean(), anyValue, anyValue, anyValue, anyValue, anyValue, (wrap, name, id, from, text, photo) => {
        const raw = { event_name: name, message: { message_id: id, from, text, photo_url: photo, chat: from } };
        const result = normaliseZaloUpdate(wrap ? { ok: true, result: raw } : raw, at);
        if (result.ok) expect(result.event.dedupeKey.startsWith('zalo:')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
