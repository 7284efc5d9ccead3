// Outbound text for Zalo: split to the 2000-character limit and send with bounded retries.
//
// Delivery semantics. Zalo's sendMessage has no idempotency key, so a resend after an ambiguous
// failure could show the officer the same message twice. We therefore retry ONLY when the
// platform definitely did not accept the request (ZaloApiError.notAccepted && .transient):
// an explicit 429 quota answer, a 500/502/503 without `ok:true`, or a connection refused / DNS
// failure before any byte was sent. A timeout or connection reset after the request went out,
// or a 504, is ambiguous: we give up and surface the error. So each chunk is delivered
// at-most-once (never duplicated), and at-least-once only for definite rejections within the
// attempt budget; callers that must not lose a message need their own outbox on top of this.
import { backoffMs, retry, type Sleep } from '../../platform/retry.ts';
import { splitMessage } from '../split-message.ts';
import { ZaloApiError, type ZaloApi, type ZaloSentMessage } from './zalo-api.ts';

export const ZALO_TEXT_LIMIT = 2000;

export type RetryPolicy = {
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly sleep?: Sleep;
};

/** Delay before attempt `attempt + 1` (attempt is 1-based): Retry-After if given, else doubling. */
export const retryDelayMs = (error: ZaloApiError, attempt: number, policy: RetryPolicy = {}): number =>
  backoffMs(attempt, { baseMs: policy.baseDelayMs ?? 1000, maxMs: policy.maxDelayMs ?? 30_000 }, error.retryAfter === undefined ? 0 : error.retryAfter * 1000);

/** Only a failure the platform surely did not act on is sent again (no duplicate messages). */
export const isSafeToRetry = (error: unknown): error is ZaloApiError => error instanceof ZaloApiError && error.notAccepted && error.transient;

const send = <T>(operation: () => Promise<T>, policy: RetryPolicy): Promise<T> =>
  retry(operation, {
    maxAttempts: policy.maxAttempts ?? 4,
    retryable: isSafeToRetry,
    delayMs: (error, attempt) => retryDelayMs(error, attempt, policy),
    ...(policy.sleep ? { sleep: policy.sleep } : {}),
  });

export class ZaloSendError extends Error {
  override readonly name = 'ZaloSendError';
  readonly sent: readonly ZaloSentMessage[];
  readonly totalChunks: number;
  override readonly cause: unknown;

  constructor(sent: readonly ZaloSentMessage[], totalChunks: number, cause: unknown) {
    super(`Zalo text sent ${sent.length}/${totalChunks} chunks: ${cause instanceof Error ? cause.message : 'unknown error'}`);
    this.sent = sent;
    this.totalChunks = totalChunks;
    this.cause = cause;
  }
}

/** Sends `text` as one or more messages, in order. Throws ZaloSendError with what was sent. */
export const sendZaloText = async (api: Pick<ZaloApi, 'sendMessage'>, chatId: string, text: string, policy: RetryPolicy = {}): Promise<ZaloSentMessage[]> => {
  const chunks = splitMessage(text, ZALO_TEXT_LIMIT, 'plain').filter((c) => c.trim() !== '');
  if (chunks.length === 0) throw new Error('sendZaloText: nothing to send (empty text)');
  const sent: ZaloSentMessage[] = [];
  for (const chunk of chunks) {
    try {
      sent.push(await send(() => api.sendMessage({ chat_id: chatId, text: chunk }), policy));
    } catch (error) {
      throw new ZaloSendError(sent, chunks.length, error);
    }
  }
  return sent;
};
