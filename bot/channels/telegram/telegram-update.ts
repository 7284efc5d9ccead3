// Normalises the parts of a Telegram update the dialogue uses; everything else is ignored.
import { z } from 'zod';
import type { InboundContent, InboundEvent } from '../../app/inbound.ts';
import { unpackChoice, type UnpackedChoice } from './callback-data.ts';

const from = z.object({
  id: z.number(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
  is_bot: z.boolean().optional(),
});
const chat = z.object({ id: z.number(), type: z.string() });
const photoSize = z.object({ file_id: z.string(), file_unique_id: z.string().optional(), file_size: z.number().optional(), width: z.number().optional() });
const message = z.object({
  message_id: z.number(),
  from: from.optional(),
  chat,
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(photoSize).optional(),
  document: z.object({ file_id: z.string(), file_size: z.number().optional(), mime_type: z.string().optional(), file_name: z.string().optional() }).optional(),
});
const update = z.object({
  update_id: z.number(),
  message: message.optional(),
  callback_query: z.object({ id: z.string(), from, data: z.string().optional(), message: z.object({ chat }).optional() }).optional(),
});

const nameOf = (u: z.infer<typeof from>): string => [u.first_name, u.last_name].filter(Boolean).join(' ') || u.username || String(u.id);

const callbackContent = (c: UnpackedChoice | null): InboundContent =>
  c === null ? { kind: 'callback', data: '' } : { kind: 'callback', data: c.value, ...(c.stamp !== undefined ? { stamp: c.stamp } : {}) };

export const normaliseTelegramUpdate = (raw: unknown, receivedAt: Date): InboundEvent | null => {
  const parsed = update.safeParse(raw);
  if (!parsed.success) return null;
  const u = parsed.data;
  // Telegram picks update ids at random again after a week without updates: the key also names
  // the update's own callback id or message (chat and message id), so a reused id is never taken
  // for a redelivery.
  const own = u.callback_query ? `q${u.callback_query.id}` : u.message ? `m${u.message.chat.id}.${u.message.message_id}` : '';
  const dedupeKey = `tg:${u.update_id}:${own}`;
  if (u.callback_query) {
    const cq = u.callback_query;
    // A button in a group is never a report: only private chats reach the dialogue.
    if (cq.from.is_bot || !cq.message || cq.message.chat.type !== 'private') return null;
    return {
      channel: 'telegram',
      dedupeKey,
      externalUserId: String(cq.from.id),
      chatId: String(cq.message.chat.id),
      displayName: nameOf(cq.from),
      ...(cq.from.language_code ? { languageCode: cq.from.language_code } : {}),
      receivedAt,
      // Forged or malformed payloads become '' and are refused by the dialogue as stale buttons.
      content: callbackContent(unpackChoice(cq.data ?? '')),
    };
  }
  const m = u.message;
  if (!m || !m.from || m.from.is_bot || m.chat.type !== 'private') return null;
  const base = {
    channel: 'telegram' as const,
    dedupeKey,
    externalUserId: String(m.from.id),
    chatId: String(m.chat.id),
    displayName: nameOf(m.from),
    ...(m.from.language_code ? { languageCode: m.from.language_code } : {}),
    receivedAt,
  };
  if (m.text !== undefined) return { ...base, content: { kind: 'text', text: m.text } };
  const largest = m.photo ? [...m.photo].sort((a, b) => (b.file_size ?? 0) - (a.file_size ?? 0))[0] : undefined;
  if (largest) {
    return {
      ...base,
      content: {
        kind: 'file',
        fileKind: 'photo',
        fileRef: largest.file_id,
        ...(largest.file_size ? { size: largest.file_size } : {}),
        mime: 'image/jpeg',
        ...(m.caption ? { caption: m.caption } : {}),
      },
    };
  }
  if (m.document) {
    const d = m.document;
    return {
      ...base,
      content: {
        kind: 'file',
        fileKind: 'document',
        fileRef: d.file_id,
        ...(d.file_size ? { size: d.file_size } : {}),
        ...(d.mime_type ? { mime: d.mime_type } : {}),
        ...(d.file_name ? { fileName: d.file_name } : {}),
        ...(m.caption ? { caption: m.caption } : {}),
      },
    };
  }
  return { ...base, content: { kind: 'unsupported', what: 'message' } };
};
