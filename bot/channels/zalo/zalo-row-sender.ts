// Sends one outbox row as Zalo text, rendered in the recipient's language at send time, and
// classifies failures for the outbox sender.
import { replyListSchema } from '../../app/delivery/payload.ts';
import type { RowSender } from '../../app/ports.ts';
import type { Reply } from '../../../core/reply.ts';
import { isLocale, type Translator } from '../../platform/i18n.ts';
import { renderPlain } from '../render-plain.ts';
import { ZaloApiError } from './zalo-api-error.ts';
import type { ZaloApi } from './zalo-api.ts';
import { sendZaloText, ZaloSendError } from './zalo-sender.ts';

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
    const text = renderPlain(translator, { locale: isLocale(row.payload.locale) ? row.payload.locale : 'vi', replies, exclusiveChoices: true });
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
