// Sends one outbox row through the Bot API, rendered in the recipient's language at send
// time, and classifies failures for the sender: rate limited, forbidden (the person blocked
// the bot), transient (5xx, network) or permanent.
import { GrammyError, HttpError, type Api } from 'grammy';
import { replyListSchema } from '../../app/delivery/payload.ts';
import type { RowSender } from '../../app/ports.ts';
import { isLocale, type Translator } from '../../platform/i18n.ts';
import { renderReplies } from '../render.ts';
import { sendRendered } from './create-telegram-bot.ts';

export const telegramRowSender =
  (api: Api, translator: Translator): RowSender =>
  async (row) => {
    const replies = replyListSchema.parse(row.payload.replies);
    const rendered = renderReplies(translator, isLocale(row.payload.locale) ? row.payload.locale : 'vi', replies, 'html');
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
