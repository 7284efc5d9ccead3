import { describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../bot/app/inbound.ts';
import { inboxPayload } from '../../bot/channels/zalo/inbox-payload.ts';

const event = (text: string): InboundEvent => ({
  channel: 'zalo',
  dedupeKey: 'zalo:message.text.received:1',
  externalUserId: 'u',
  chatId: 'u',
  receivedAt: new Date('2026-11-22T02:00:00Z'),
  content: { kind: 'text', text },
});

describe('inboxPayload', () => {
  it.each(['AB12CD34EF', 'ab12-cd34-ef', '/start AB12CD34EF', '/link K7P2Q9XZ', 'K7P2Q9XZ'])('never keeps the code in %j', (text) => {
    const kept = inboxPayload(event(text));
    expect(JSON.stringify(kept)).not.toContain(text.replace(/^\/\w+\s+/, ''));
    expect(kept.content).toEqual({ kind: 'unsupported', what: 'redacted_code' });
  });

  it.each(['20', '45/50', 'có', 'Đang triển khai theo kế hoạch', '/report', '/edit X-1.2', '123456'])('keeps an answer or a command %j', (text) => {
    expect(inboxPayload(event(text))).toEqual(event(text));
  });
});
