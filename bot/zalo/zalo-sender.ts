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
import { ZaloApiError, type ZaloApi, type ZaloSentMessage } from './zalo-api.ts';

export const ZALO_TEXT_LIMIT = 2000;

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

export type RetryPolicy = {
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly sleep?: Sleep;
};

/** Delay before attempt `attempt + 1` (attempt is 1-based): Retry-After if given, else doubling. */
export function retryDelayMs(error: ZaloApiError, attempt: number, policy: RetryPolicy = {}): number {
  const { baseDelayMs = 1000, maxDelayMs = 30_000 } = policy;
  const fromServer = error.retryAfter === undefined ? 0 : error.retryAfter * 1000;
  return Math.min(maxDelayMs, Math.max(fromServer, baseDelayMs * 2 ** (attempt - 1)));
}

export function isSafeToRetry(error: unknown): error is ZaloApiError {
  return error instanceof ZaloApiError && error.notAccepted && error.transient;
}

export async function withZaloRetry<T>(operation: () => Promise<T>, policy: RetryPolicy = {}): Promise<T> {
  const { maxAttempts = 4, sleep = realSleep } = policy;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (!isSafeToRetry(error) || attempt >= maxAttempts) throw error;
      await sleep(retryDelayMs(error, attempt, policy));
    }
  }
}

export class ZaloSendError extends Error {
  override readonly name = 'ZaloSendError';
  constructor(
    readonly sent: readonly ZaloSentMessage[],
    readonly totalChunks: number,
    override readonly cause: unknown,
  ) {
    super(`Zalo text sent ${sent.length}/${totalChunks} chunks: ${cause instanceof Error ? cause.message : 'unknown error'}`);
  }
}

/** Sends `text` as one or more messages, in order. Throws ZaloSendError with what was sent. */
export async function sendZaloText(api: Pick<ZaloApi, 'sendMessage'>, chatId: string, text: string, policy: RetryPolicy = {}): Promise<ZaloSentMessage[]> {
  const chunks = splitZaloText(text);
  if (chunks.length === 0) throw new Error('sendZaloText: nothing to send (empty text)');
  const sent: ZaloSentMessage[] = [];
  for (const chunk of chunks) {
    try {
      sent.push(await withZaloRetry(() => api.sendMessage({ chat_id: chatId, text: chunk }), policy));
    } catch (error) {
      throw new ZaloSendError(sent, chunks.length, error);
    }
  }
  return sent;
}

/**
 * Splits into chunks of at most `limit` UTF-16 code units (the unit JS and Zalo's text_styles
 * use). Prefers the last line break, then the last space; a hard cut never splits a surrogate
 * pair. The separator at a soft cut is dropped; whitespace-only chunks are discarded.
 */
export function splitZaloText(text: string, limit = ZALO_TEXT_LIMIT): string[] {
  if (limit < 2) throw new RangeError('limit must be at least 2');
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1); // a separator right at the limit still counts
    let cut = window.lastIndexOf('\n');
    if (cut <= 0) cut = window.lastIndexOf(' ');
    if (cut > 0) {
      chunks.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
      continue;
    }
    cut = limit;
    if (isHighSurrogate(rest.charCodeAt(cut - 1))) cut -= 1;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  chunks.push(rest);
  return chunks.filter((chunk) => chunk.trim() !== '');
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
