// Sends one outbox row through its channel, rendered in the recipient's language at send
// time, and classifies failures for the sender: rate limited, forbidden (the person blocked the
// bot), transient (5xx, network) or permanent.
import { GrammyError, HttpError, type Api } from 'grammy';
import { replyListSchema } from './payload.ts';
import type { Reply } from '../../core/reply.ts';
import { renderReplies } from '../channels/render.ts';
import { renderPlain } from '../console/render-plain.ts';
import { isLocale, type Translator } from '../i18n.ts';
import { sendRendered } from '../telegram/create-telegram-bot.ts';
import type { ZaloApi } from '../zalo/zalo-api.ts';
import { ZaloApiError } from '../zalo/zalo-api-error.ts';
import { sendZaloText, ZaloSendError } from '../zalo/zalo-sender.ts';
import type { OutboxRow } from '../db/repositories/message-outbox-repository.ts';

export type SendOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'rate_limited'; readonly retryAfterSeconds: number }
  | { readonly kind: 'forbidden'; readonly detail: string }
  | { readonly kind: 'transient'; readonly detail: string }
  | { readonly kind: 'permanent'; readonly detail: string }
  | { readonly kind: 'no_channel' };

export type RowSender = (row: OutboxRow) => Promise<SendOutcome>;

const localeOf = (row: OutboxRow) => (isLocale(row.payload.locale) ? row.payload.locale : 'vi');

export const telegramRowSender =
  (api: Api, translator: Translator): RowSender =>
  async (row) => {
    const replies = replyListSchema.parse(row.payload.replies);
    const rendered = renderReplies(translator, localeOf(row), replies, 'html');
    try {
      await sendRendered(api, row.chatId, rendered.text, rendered.choices);
      return { kind: 'sent' };
    } catch (error) {
      if (error instanceof GrammyError) {
        if (error.error_code === 429) return { kind: 'rate_limited', retryAfterSeconds: error.parameters.retry_after ?? 5 };
        if (error.error_code === 403) return { kind: 'forbidden', detail: error.description };
        if (error.error_code >= 500) return { kind: 'transient', detail: error.description };
        return { kind: 'permanent', detail: error.description };
      }
      if (error instanceof HttpError) return { kind: 'transient', detail: 'network error' };
      return { kind: 'transient', detail: error instanceof Error ? error.message : String(error) };
    }
  };

/**
 * Zalo has no buttons, and a typed number would be read against the chat's current question,
 * so a message sent outside the conversation says which command to type instead.
 */
export const withTypedHints = (replies: readonly Reply[]): Reply[] =>
  replies.flatMap((r) => {
    if (!r.choices || r.choices.length === 0) return [r];
    const hints = r.choices.map((c) => (c.value.startsWith('coord:') ? 'dialogue:hint.coordinator' : 'dialogue:hint.report'));
    const { choices: _dropped, ...bare } = r;
    return [bare, ...[...new Set(hints)].map((key) => ({ key }))];
  });

export const zaloRowSender =
  (api: ZaloApi, translator: Translator): RowSender =>
  async (row) => {
    const replies = withTypedHints(replyListSchema.parse(row.payload.replies));
    const text = renderPlain(translator, { locale: localeOf(row), replies, exclusiveChoices: true });
    try {
      await sendZaloText(api, row.chatId, text, { maxAttempts: 1 });
      return { kind: 'sent' };
    } catch (error) {
      const cause = error instanceof ZaloSendError ? error.cause : error;
      if (cause instanceof ZaloApiError) {
        if (cause.status === 429 || cause.errorCode === 429) return { kind: 'rate_limited', retryAfterSeconds: cause.retryAfter ?? 5 };
        if (cause.status === 403 || cause.errorCode === 403) return { kind: 'forbidden', detail: cause.description };
        if (cause.transient) return { kind: 'transient', detail: cause.description };
        return { kind: 'permanent', detail: cause.description };
      }
      return { kind: 'transient', detail: error instanceof Error ? error.message : String(error) };
    }
  };
