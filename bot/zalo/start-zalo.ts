// Wires the Zalo Bot Platform channel to the dialogue: webhook on the shared HTTP server
// (ZALO_MODE=webhook) or getUpdates polling (development). Events are stored in the inbox
// before they are acknowledged/processed, then rendered as plain text with numbered options.
import type { Config } from '../config.ts';
import type { Dialogue, FileFetcher } from '../app/dialogue-port.ts';
import type { InboundEvent } from '../channels/inbound.ts';
import type { Database } from '../db/database.ts';
import { createInboxRepository } from '../db/repositories/inbox-repository.ts';
import type { HttpServer } from '../http-server.ts';
import type { Translator } from '../i18n.ts';
import type { Logger } from '../logger.ts';
import { renderPlain } from '../console/render-plain.ts';
import { createZaloApi, type ZaloApi } from './zalo-api.ts';
import { downloadZaloPhoto } from './zalo-photo.ts';
import { startZaloPolling } from './zalo-polling.ts';
import { sendZaloText } from './zalo-sender.ts';
import { createZaloWebhookHandler, ZALO_WEBHOOK_PATH } from './zalo-webhook.ts';

export type ZaloRunning = { readonly api: ZaloApi; readonly stop: () => Promise<void> };

const zaloFetcher: FileFetcher = async (content, maxBytes) => {
  const url = content.url ?? content.fileRef;
  const r = await downloadZaloPhoto(url, { maxBytes, timeoutMs: 30_000 });
  if (!r.ok) return { ok: false, error: { code: r.error.code === 'too_large' ? 'too_large' : 'download_failed' } };
  return { ok: true, value: { buffer: r.value.buffer, mime: r.value.mime ?? null, size: r.value.size } };
};

export const reviveEvent = (payload: unknown): InboundEvent => {
  const e = payload as InboundEvent & { receivedAt: string | Date };
  return { ...e, receivedAt: new Date(e.receivedAt) };
};

export const startZalo = async (input: {
  config: Config;
  dialogue: Dialogue;
  translator: Translator;
  logger: Logger;
  http: HttpServer;
  database: Database;
  now: () => Date;
}): Promise<ZaloRunning> => {
  const { config, logger } = input;
  const token = config.ZALO_BOT_TOKEN ?? '';
  const api = createZaloApi({ token, apiRoot: config.ZALO_API_ROOT, logger });
  const inbox = createInboxRepository(input.database.prisma);
  const persist = (event: InboundEvent) => inbox.store(event.dedupeKey, 'zalo', event, event.receivedAt);
  const onEvent = async (event: InboundEvent): Promise<void> => {
    try {
      const out = await input.dialogue.handle(event, zaloFetcher);
      if (out) {
        // Zalo's bot API sends photos by public URL only, so generated files are not sent here.
        const replies = out.attachments?.length ? [...out.replies, { key: 'coord:attachment_unavailable' }] : out.replies;
        await sendZaloText(api, event.chatId, renderPlain(input.translator, { ...out, replies }));
      }
      await inbox.markDone(event.dedupeKey, input.now());
    } catch (error) {
      await inbox.markFailed(event.dedupeKey).catch(() => undefined);
      throw error;
    }
  };
  // Events stored by a previous run that stopped before processing them.
  for (const row of await inbox.pending('zalo', input.now())) {
    await onEvent(reviveEvent(row.payload)).catch((error: unknown) => logger.error({ err: error, key: row.key }, 'zalo inbox replay failed'));
  }
  if (config.ZALO_MODE === 'webhook') {
    const handler = createZaloWebhookHandler({ secret: config.ZALO_WEBHOOK_SECRET ?? '', onEvent, persist, logger, now: input.now });
    input.http.route('POST', ZALO_WEBHOOK_PATH, handler);
    if (config.ZALO_WEBHOOK_URL) await api.setWebhook({ url: config.ZALO_WEBHOOK_URL, secret_token: config.ZALO_WEBHOOK_SECRET ?? '' });
    logger.info('zalo webhook ready');
    return { api, stop: () => handler.drain() };
  }
  const controller = new AbortController();
  const polling = await startZaloPolling({ api, onEvent, persist, signal: controller.signal, logger, now: input.now });
  logger.info('zalo polling started');
  return {
    api,
    stop: async () => {
      controller.abort();
      await polling.done;
    },
  };
};
