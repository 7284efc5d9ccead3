// Zalo Bot Platform client (see shared/ZALO.md §1–2, §6). POST JSON to `${apiRoot}/bot<token>/<method>`;
// success only when HTTP is 2xx AND the body says `ok: true`. The token lives in the URL path, so
// no URL, axios config or axios error ever leaves this module: failures become ZaloApiError,
// built from the method name, status and the platform's description only (token scrubbed anyway).
import axios from 'axios';
import { z } from 'zod';
import { ZaloApiError, errorFromResponse, errorFromTransport, isNoUpdate } from './zalo-api-error.ts';
import { silentZaloLogger, type ZaloLogger } from './zalo-logger.ts';

export { ZaloApiError } from './zalo-api-error.ts';

export const DEFAULT_ZALO_API_ROOT = 'https://bot-api.zaloplatforms.com';

const IdSchema = z.union([z.string(), z.number()]).transform(String);

export const ZaloBotInfoSchema = z.looseObject({
  id: IdSchema,
  account_name: z.string().optional(),
  account_type: z.string().optional(),
  can_join_groups: z.boolean().optional(),
});
export type ZaloBotInfo = z.infer<typeof ZaloBotInfoSchema>;

export const ZaloSentMessageSchema = z.looseObject({
  message_id: IdSchema,
  date: z.number().optional(),
});
export type ZaloSentMessage = z.infer<typeof ZaloSentMessageSchema>;

export const ZaloWebhookInfoSchema = z.looseObject({
  url: z
    .string()
    .nullish()
    .transform((u) => u ?? ''),
  updated_at: z.number().optional(),
});
export type ZaloWebhookInfo = z.infer<typeof ZaloWebhookInfoSchema>;

export type ZaloCallOptions = { readonly signal?: AbortSignal };

export type ZaloApi = {
  getMe(): Promise<ZaloBotInfo>;
  /** One raw update (bare `{event_name, message}`), or null when the long poll ended empty (408). */
  getUpdates(params?: { timeout?: number }, options?: ZaloCallOptions): Promise<unknown>;
  sendMessage(params: { chat_id: string; text: string; parse_mode?: 'markdown' | 'html' }): Promise<ZaloSentMessage>;
  /** `photo` must be a public URL; Zalo fetches it itself (possibly more than once). */
  sendPhoto(params: { chat_id: string; photo: string; caption?: string }): Promise<ZaloSentMessage>;
  sendChatAction(params: { chat_id: string; action: 'typing' | 'upload_photo' }): Promise<void>;
  setWebhook(params: { url: string; secret_token: string }): Promise<ZaloWebhookInfo>;
  deleteWebhook(): Promise<ZaloWebhookInfo>;
  /** `url` is '' when no webhook is registered. */
  getWebhookInfo(): Promise<ZaloWebhookInfo>;
};

export type CreateZaloApiOptions = {
  readonly token: string;
  readonly apiRoot?: string;
  /** HTTP timeout for ordinary calls; getUpdates uses its poll timeout + 10 s. */
  readonly timeoutMs?: number;
  readonly logger?: ZaloLogger;
};

export function createZaloApi(options: CreateZaloApiOptions): ZaloApi {
  const { token, timeoutMs = 15_000, logger = silentZaloLogger } = options;
  if (!token) throw new Error('createZaloApi: token is required');
  const apiRoot = (options.apiRoot ?? DEFAULT_ZALO_API_ROOT).replace(/\/+$/, '');
  const http = axios.create({
    // Status and body are judged here, never by axios: its errors would carry the URL.
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    headers: { 'Content-Type': 'application/json' },
    maxRedirects: 0,
  });

  async function call<S extends z.ZodType>(
    method: string,
    body: object,
    schema: S,
    extra: { timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<z.output<S>> {
    const started = Date.now();
    let response;
    try {
      response = await http.post<string>(`${apiRoot}/bot${token}/${method}`, body, {
        timeout: extra.timeoutMs ?? timeoutMs,
        ...(extra.signal ? { signal: extra.signal } : {}),
      });
    } catch (error) {
      const apiError = errorFromTransport(method, error, token);
      logger.debug({ method, ms: Date.now() - started, code: apiError.networkCode }, 'zalo call failed');
      throw apiError;
    }
    const data = parseJson(response.data);
    const ok = response.status >= 200 && response.status < 300 && isRecord(data) && data['ok'] === true;
    logger.debug({ method, status: response.status, ok, ms: Date.now() - started }, 'zalo call');
    if (!ok) throw errorFromResponse(method, response.status, data, response.headers, token);
    const parsed = schema.safeParse(isRecord(data) ? data['result'] : undefined);
    if (!parsed.success) {
      // The call itself succeeded: never report it as "not accepted", or a sender would resend.
      throw new ZaloApiError({ method, status: response.status, description: 'unexpected result shape', notAccepted: false, transient: false }, token);
    }
    return parsed.data;
  }

  const anything = z.unknown();
  return {
    getMe: () => call('getMe', {}, ZaloBotInfoSchema),
    async getUpdates(params = {}, callOptions = {}) {
      const timeout = params.timeout ?? 30;
      try {
        const result = await call('getUpdates', { timeout: String(timeout) }, anything, {
          timeoutMs: (timeout + 10) * 1000,
          ...(callOptions.signal ? { signal: callOptions.signal } : {}),
        });
        return result ?? null;
      } catch (error) {
        // Zalo getUpdates answers 408 when the long poll ends with nothing: not an error.
        if (error instanceof ZaloApiError && isNoUpdate(error)) return null;
        throw error;
      }
    },
    sendMessage: (params) => call('sendMessage', params, ZaloSentMessageSchema),
    // Zalo downloads the photo before answering, so allow it longer than an ordinary call.
    sendPhoto: (params) => call('sendPhoto', params, ZaloSentMessageSchema, { timeoutMs: Math.max(timeoutMs, 60_000) }),
    async sendChatAction(params) {
      await call('sendChatAction', params, anything);
    },
    setWebhook: (params) => call('setWebhook', params, ZaloWebhookInfoSchema),
    deleteWebhook: () => call('deleteWebhook', {}, ZaloWebhookInfoSchema),
    async getWebhookInfo() {
      try {
        return await call('getWebhookInfo', {}, ZaloWebhookInfoSchema);
      } catch (error) {
        // Observed (ZALO.md §6, one source): 404 when no webhook has ever been set.
        if (error instanceof ZaloApiError && (error.status === 404 || error.errorCode === 404)) return { url: '' };
        throw error;
      }
    },
  };
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // Zalo sometimes answers errors with non-JSON bodies (ZALO.md §1).
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
