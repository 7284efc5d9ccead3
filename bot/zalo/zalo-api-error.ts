// Typed Zalo API failure. Two flags drive retries (see zalo-sender.ts):
//  - notAccepted: the platform definitely did NOT perform the call (explicit `ok:false`, 429,
//    500/502/503, or the TCP connection/DNS lookup failed before any byte was sent);
//  - transient: trying again later may succeed (429, 5xx, network).
// Anything ambiguous (timeout or reset after sending, 504, an odd 2xx) has notAccepted=false.
import { isAxiosError } from 'axios';

export type ZaloApiErrorFields = {
  readonly method: string;
  /** HTTP status; undefined when no response arrived. */
  readonly status?: number;
  /** Body `error_code` (400, 401, 403, 404, 408, 429 per ZALO.md §6). */
  readonly errorCode?: number;
  readonly description: string;
  /** Seconds, from a `Retry-After` header or `parameters.retry_after`. */
  readonly retryAfter?: number;
  /** Node/axios network code such as ECONNREFUSED, ECONNRESET, ERR_CANCELED. */
  readonly networkCode?: string;
  readonly notAccepted: boolean;
  readonly transient: boolean;
};

export class ZaloApiError extends Error {
  override readonly name = 'ZaloApiError';
  readonly method: string;
  readonly status: number | undefined;
  readonly errorCode: number | undefined;
  readonly description: string;
  readonly retryAfter: number | undefined;
  readonly networkCode: string | undefined;
  readonly notAccepted: boolean;
  readonly transient: boolean;

  /** `token` is only used to scrub the message and description; it is not stored. */
  constructor(fields: ZaloApiErrorFields, token?: string) {
    const description = scrub(fields.description, token);
    const where = fields.status === undefined ? (fields.networkCode ?? 'network error') : `HTTP ${fields.status}`;
    const code = fields.errorCode === undefined ? '' : ` error_code ${fields.errorCode}`;
    super(scrub(`Zalo ${fields.method} failed (${where}${code}): ${description}`, token));
    this.method = fields.method;
    this.status = fields.status;
    this.errorCode = fields.errorCode;
    this.description = description;
    this.retryAfter = fields.retryAfter;
    this.networkCode = fields.networkCode;
    this.notAccepted = fields.notAccepted;
    this.transient = fields.transient;
  }
}

export function scrub(text: string, token: string | undefined): string {
  return token ? text.split(token).join('<token>') : text;
}

export function isNoUpdate(error: ZaloApiError): boolean {
  return error.status === 408 || error.errorCode === 408;
}

export function errorFromResponse(method: string, status: number, data: unknown, headers: Record<string, unknown>, token: string): ZaloApiError {
  const body = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const errorCode = typeof body['error_code'] === 'number' ? body['error_code'] : undefined;
  const explicitReject = body['ok'] === false;
  const description = typeof body['description'] === 'string' ? body['description'] : explicitReject ? 'ok:false' : 'unexpected response';
  const quota = status === 429 || errorCode === 429;
  const code = errorCode ?? status;
  const transient = quota || code >= 500;
  // A 504 (gateway timeout) may hide a request the platform did process, whatever the body
  // says: treat it as unknown so that a sender never resends it.
  const notAccepted = status !== 504 && (explicitReject || quota || status === 500 || status === 502 || status === 503);
  const retryAfter = readRetryAfter(headers['retry-after'], body['parameters']);
  return new ZaloApiError(
    {
      method,
      status,
      ...(errorCode === undefined ? {} : { errorCode }),
      description,
      ...(retryAfter === undefined ? {} : { retryAfter }),
      notAccepted,
      transient,
    },
    token,
  );
}

// Codes raised before any request byte reaches the server.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

export function errorFromTransport(method: string, error: unknown, token: string): ZaloApiError {
  // Only the code is kept: axios errors carry config.url, which contains the token.
  const networkCode = isAxiosError(error) ? (error.code ?? 'ERR_NETWORK') : 'ERR_UNKNOWN';
  const aborted = networkCode === 'ERR_CANCELED';
  return new ZaloApiError(
    {
      method,
      description: aborted ? 'request aborted' : 'request failed',
      networkCode,
      notAccepted: NOT_SENT_CODES.has(networkCode),
      transient: !aborted,
    },
    token,
  );
}

function readRetryAfter(header: unknown, parameters: unknown): number | undefined {
  if (typeof parameters === 'object' && parameters !== null) {
    const value = (parameters as Record<string, unknown>)['retry_after'];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  }
  const text = Array.isArray(header) ? header[0] : header;
  if (typeof text === 'string' && /^\d+(\.\d+)?$/.test(text.trim())) return Number(text.trim());
  return undefined;
}
