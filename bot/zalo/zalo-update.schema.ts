// Incoming Zalo updates (webhook body or getUpdates result), ZALO.md §3. Both the documented
// wrapped body `{ok, result: {event_name, message}}` and the bare `{event_name, message}` seen in
// real deliveries are accepted. There is no update_id: de-duplication uses event_name + message_id.
import { z } from 'zod';
import type { InboundContent, InboundEvent } from '../channels/inbound.ts';

const IdSchema = z.union([z.string().min(1), z.number()]).transform(String);
const OptionalText = z.string().optional().catch(undefined);

export const ZaloFromSchema = z.looseObject({
  id: IdSchema,
  display_name: OptionalText,
  name: OptionalText,
  first_name: OptionalText,
  is_bot: z.boolean().optional().catch(undefined),
});

export const ZaloChatSchema = z.looseObject({
  id: IdSchema,
  chat_type: OptionalText,
});

export const ZaloMessageSchema = z.looseObject({
  message_id: IdSchema,
  /** Epoch milliseconds. */
  date: z.number().optional().catch(undefined),
  from: ZaloFromSchema,
  chat: ZaloChatSchema.optional().catch(undefined),
  text: OptionalText,
  caption: OptionalText,
  /** Real payloads and the official SDK use photo_url; the docs tables say photo. */
  photo_url: OptionalText,
  photo: OptionalText,
  sticker: OptionalText,
  url: OptionalText,
  voice_url: OptionalText,
  message_type: OptionalText,
});

export const ZaloUpdateSchema = z.looseObject({
  event_name: z.string().min(1),
  message: ZaloMessageSchema,
});
export type ZaloUpdate = z.infer<typeof ZaloUpdateSchema>;

const WrappedUpdateSchema = z.looseObject({ ok: z.literal(true), result: ZaloUpdateSchema });

export const ZaloIncomingSchema = z.union([ZaloUpdateSchema, WrappedUpdateSchema.transform((wrapped) => wrapped.result)]);

export const ZALO_EVENTS = {
  text: 'message.text.received',
  image: 'message.image.received',
  sticker: 'message.sticker.received',
  voice: 'message.voice.received',
  unsupported: 'message.unsupported.received',
} as const;

export type NormaliseResult =
  { readonly ok: true; readonly event: InboundEvent; readonly update: ZaloUpdate } | { readonly ok: false; readonly reason: string };

export function zaloDedupeKey(update: Pick<ZaloUpdate, 'event_name'> & { message: { message_id: string } }): string {
  return `zalo:${update.event_name}:${update.message.message_id}`;
}

export function normaliseZaloUpdate(raw: unknown, receivedAt: Date): NormaliseResult {
  const parsed = ZaloIncomingSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `invalid_update: ${summariseIssues(parsed.error)}` };
  const update = parsed.data;
  const { message } = update;
  if (message.from.is_bot === true) return { ok: false, reason: 'from_bot' };
  const displayName = message.from.display_name ?? message.from.name ?? message.from.first_name;
  const event: InboundEvent = {
    channel: 'zalo',
    dedupeKey: zaloDedupeKey(update),
    externalUserId: message.from.id,
    // In a private chat chat.id equals from.id; replies always go to chat.id.
    chatId: message.chat?.id ?? message.from.id,
    ...(displayName ? { displayName } : {}),
    receivedAt,
    content: toContent(update),
  };
  return { ok: true, event, update };
}

function toContent(update: ZaloUpdate): InboundContent {
  const { message } = update;
  switch (update.event_name) {
    case ZALO_EVENTS.text:
      return message.text !== undefined ? { kind: 'text', text: message.text } : { kind: 'unsupported', what: 'empty_text' };
    case ZALO_EVENTS.image: {
      const url = message.photo_url || message.photo;
      if (!url) return { kind: 'unsupported', what: 'image_without_url' };
      return {
        kind: 'file',
        fileKind: 'photo',
        fileRef: url,
        url,
        ...(message.caption ? { caption: message.caption } : {}),
      };
    }
    case ZALO_EVENTS.sticker:
      return { kind: 'unsupported', what: 'sticker' };
    case ZALO_EVENTS.voice:
      return { kind: 'unsupported', what: 'voice' };
    case ZALO_EVENTS.unsupported:
      // Also what Zalo sends for protected users and links: content withheld, do not retry.
      return { kind: 'unsupported', what: 'unsupported' };
    default:
      return { kind: 'unsupported', what: update.event_name };
  }
}

function summariseIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`)
    .join('; ');
}
