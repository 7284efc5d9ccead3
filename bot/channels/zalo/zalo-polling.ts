// Development-mode long polling (ZALO.md §2.1). getUpdates hands out ONE update per call and
// consumes it on read (no offset, no acknowledgement), answers 408 when nothing arrived, and does
// not work while a webhook is registered. Updates are persisted then processed sequentially, so a
// chat sees its events in arrival order. Aborting cancels the in-flight poll: an update the server
// was handing out at that very moment can be lost, which is acceptable for a development mode.
import type { InboundEvent } from '../../app/inbound.ts';
import { ZaloApiError, type ZaloApi } from './zalo-api.ts';
import { silentLogger, type Logger } from '../../platform/logger.ts';
import { backoffMs, sleep as realSleep, type Sleep } from '../../platform/retry.ts';
import { normaliseZaloUpdate } from './zalo-update.schema.ts';
import type { PersistInbound } from './zalo-webhook.ts';

export class ZaloWebhookActiveError extends Error {
  override readonly name = 'ZaloWebhookActiveError';
  readonly webhookUrlHost: string;

  constructor(webhookUrlHost: string) {
    super(
      `Zalo polling refused: a webhook is registered (host ${webhookUrlHost}). Zalo getUpdates does not ` +
        'work while a webhook is set; switch ZALO_MODE to webhook, or delete the webhook ' +
        '(startZaloPolling option deleteWebhookIfSet: true).',
    );
    this.webhookUrlHost = webhookUrlHost;
  }
}

export type ZaloPollingOptions = {
  readonly api: Pick<ZaloApi, 'getUpdates' | 'getWebhookInfo' | 'deleteWebhook'>;
  readonly onEvent: (event: InboundEvent) => Promise<void>;
  readonly persist: PersistInbound;
  readonly signal: AbortSignal;
  readonly logger?: Logger;
  readonly sleep?: Sleep;
  /** Long-poll timeout in seconds sent to getUpdates (0 would mean "forever" on Zalo). */
  readonly pollTimeoutSeconds?: number;
  /** Delete an existing webhook instead of refusing to start. Off by default. */
  readonly deleteWebhookIfSet?: boolean;
  readonly backoff?: { readonly baseMs?: number; readonly maxMs?: number };
  readonly now?: () => Date;
};

export type ZaloPollingHandle = {
  /** Settles when the loop has stopped after the signal aborted. Never rejects. */
  readonly done: Promise<void>;
};

/** Checks the webhook state (throws ZaloWebhookActiveError), then starts the loop in background. */
export const startZaloPolling = async (options: ZaloPollingOptions): Promise<ZaloPollingHandle> => {
  const { api, logger = silentLogger(), deleteWebhookIfSet = false } = options;
  const info = await api.getWebhookInfo();
  if (info.url !== '') {
    if (!deleteWebhookIfSet) throw new ZaloWebhookActiveError(hostOf(info.url));
    await api.deleteWebhook();
    logger.warn({ host: hostOf(info.url) }, 'zalo webhook deleted to allow polling');
  }
  const done = pollLoop(options).catch((err: unknown) => {
    logger.error({ err }, 'zalo polling crashed');
  });
  return { done };
};

const pollLoop = async (options: ZaloPollingOptions): Promise<void> => {
  const { api, onEvent, persist, signal, logger = silentLogger(), sleep = realSleep } = options;
  const { baseMs = 1000, maxMs = 30_000 } = options.backoff ?? {};
  const timeout = options.pollTimeoutSeconds ?? 30;
  const now = options.now ?? (() => new Date());
  let failures = 0;
  const deliver = async (raw: unknown): Promise<void> => {
    const normalised = normaliseZaloUpdate(raw, now());
    if (!normalised.ok) {
      logger.warn({ reason: normalised.reason }, 'zalo update ignored');
      return;
    }
    const { event } = normalised;
    try {
      if ((await persist(event)) === 'duplicate') {
        logger.info({ dedupeKey: event.dedupeKey }, 'zalo duplicate update skipped');
        return;
      }
      await onEvent(event);
    } catch (err) {
      logger.error({ err, dedupeKey: event.dedupeKey }, 'zalo update processing failed');
    }
  };
  logger.info({ timeout }, 'zalo polling started');
  while (!signal.aborted) {
    let raw: unknown;
    try {
      raw = await api.getUpdates({ timeout }, { signal });
      failures = 0;
    } catch (err) {
      if (signal.aborted) break;
      failures += 1;
      const retryAfterMs = err instanceof ZaloApiError && err.retryAfter !== undefined ? err.retryAfter * 1000 : 0;
      const delayMs = backoffMs(failures, { baseMs, maxMs }, retryAfterMs);
      logger.error({ err, failures, delayMs }, 'zalo getUpdates failed');
      await sleep(delayMs, signal);
      continue;
    }
    if (raw === null || raw === undefined) continue; // 408: nothing arrived
    await deliver(raw);
  }
  logger.info({}, 'zalo polling stopped');
};

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return '(unparseable url)';
  }
};
