// Wires the Zalo Bot Platform channel to the dialogue: webhook on the shared HTTP server
// (ZALO_MODE=webhook) or getUpdates polling (development). Events are stored in the inbox
// before they are acknowledged/processed, then rendered as plain text with numbered options.
import type { Dialogue, FileFetcher } from '../../app/dialogue-port.ts';
import { linkReplies } from '../../app/coordination/linked-files.ts';
import { localDateTime } from '../../app/coordination/form-document.ts';
import type { SendBudget } from '../../platform/send-budget.ts';
import type { SignedLinks } from '../../platform/signed-links.ts';
import type { InboundEvent } from '../../app/inbound.ts';
import type { InboxRepository } from '../../app/ports.ts';
import type { HttpServer } from '../../platform/http-server.ts';
import type { Translator } from '../../platform/i18n.ts';
import type { Logger } from '../../platform/logger.ts';
import { renderPlain } from '../render-plain.ts';
import { createZaloApi, type ZaloApi } from './zalo-api.ts';
import { downloadZaloPhoto } from './zalo-photo.ts';
import { startZaloPolling } from './zalo-polling.ts';
import { budgetedReplies } from './budgeted-replies.ts';
import { sendZaloText } from './zalo-sender.ts';
import { createZaloWebhookHandler, ZALO_WEBHOOK_PATH } from './zalo-webhook.ts';
import { inboxPayload } from './inbox-payload.ts';

export type ZaloRunning = { readonly api: ZaloApi; readonly stop: () => Promise<void> };

/** Photos come from Zalo's public CDN; only the configured API host may be private (an emulator). */
const zaloFetcher =
  (apiRoot: string): FileFetcher =>
  async (content, maxBytes) => {
    const url = content.url ?? content.fileRef;
    const r = await downloadZaloPhoto(url, { maxBytes, timeoutMs: 30_000, trustedHosts: [new URL(apiRoot).hostname] });
    if (!r.ok) return { ok: false, error: { code: r.error.code === 'too_large' ? 'too_large' : 'download_failed' } };
    return { ok: true, value: { buffer: r.value.buffer, mime: r.value.mime ?? null, size: r.value.size } };
  };

export const reviveEvent = (payload: unknown): InboundEvent => {
  const e = payload as InboundEvent & { receivedAt: string | Date };
  return { ...e, receivedAt: new Date(e.receivedAt) };
};

export type ZaloSettings = {
  readonly token: string;
  readonly apiRoot: string;
  readonly mode: 'webhook' | 'polling';
  readonly webhookUrl?: string;
  readonly webhookSecret?: string;
};

export const startZalo = async (input: {
  settings: ZaloSettings;
  dialogue: Dialogue;
  translator: Translator;
  logger: Logger;
  http: HttpServer;
  inbox: InboxRepository;
  now: () => Date;
  /** Expiring signed download links for generated files (FILE_LINK_SECRET + PUBLIC_BASE_URL); without them files are unavailable here. */
  fileLinks?: { readonly links: SignedLinks; readonly baseUrl: string };
  /** The process's one send budget (shared with the reminder sender): replies take its slots first. */
  budget?: SendBudget;
}): Promise<ZaloRunning> => {
  const { settings, logger, inbox } = input;
  const api = createZaloApi({ token: settings.token, apiRoot: settings.apiRoot, logger });
  const replyApi = input.budget ? budgetedReplies(api, input.budget) : api;
  const fetchPhoto = zaloFetcher(settings.apiRoot);
  const persist = (event: InboundEvent) => inbox.store(event.dedupeKey, 'zalo', inboxPayload(event), event.receivedAt);
  const onEvent = async (event: InboundEvent): Promise<void> => {
    try {
      const out = await input.dialogue.handle(event, fetchPhoto);
      if (out) {
        // Zalo's bot API cannot take a document: generated files go as expiring signed links to the bot's HTTP server.
        const files = out.attachments ?? [];
        const links = input.fileLinks;
        const replies =
          files.length === 0
            ? out.replies
            : links
              ? [...out.replies, ...linkReplies(files, links.links.sign, links.baseUrl, input.now(), localDateTime)]
              : [...out.replies, { key: 'coord:attachment_unavailable' }];
        await sendZaloText(replyApi, event.chatId, renderPlain(input.translator, { ...out, replies }));
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
  if (settings.mode === 'webhook') {
    const handler = createZaloWebhookHandler({ secret: settings.webhookSecret ?? '', onEvent, persist, logger, now: input.now });
    input.http.route('POST', ZALO_WEBHOOK_PATH, handler);
    if (settings.webhookUrl) await api.setWebhook({ url: settings.webhookUrl, secret_token: settings.webhookSecret ?? '' });
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
