// Sends one outbox row as Zalo text, rendered in the recipient's language at send time, and
// classifies failures for the outbox sender by Zalo's error table (ZALO.md §6): 429 quota →
// rate limited; 403 is listed as an internal server error, so it is retried and only after
// a few refusals is the account taken as unreachable; 401 (token) and 408 are not the
// recipient's fault → retried later; 5xx and network errors → retried; 400/404 → permanent.
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

/** How many 403s in a row before the account is marked unreachable. */
export const ZALO_FORBIDDEN_ATTEMPTS = 3;

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
        const code = cause.errorCode ?? cause.status;
        if (code === 403) return { kind: 'forbidden', detail: cause.description, confirmAfterAttempts: ZALO_FORBIDDEN_ATTEMPTS };
        if (cause.transient || code === 401 || code === 408) return { kind: 'transient', detail: cause.description };
        return { kind: 'permanent', detail: cause.description };
      }
      return { kind: 'transient', detail: error instanceof Error ? error.message : String(error) };
    }
  };
