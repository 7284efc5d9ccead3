// Node `http` handler for POST /zalo/webhook (ZALO.md §4). Order matters:
//   1. check X-Bot-Api-Secret-Token in constant time (before reading the body): missing → 401,
//      wrong → 403, nothing processed;
//   2. read the body with a size cap (413), parse JSON (400), normalise (unusable → 200 + log, so
//      Zalo does not redeliver something we can never handle);
//   3. await persist(event): the event is durable before we say 200. If persist throws we answer
//      500, the only case where a redelivery is wanted; 'duplicate' → 200 and not processed;
//   4. answer 200, then run onEvent asynchronously. Events of one chat run one after another.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InboundEvent } from '../../app/inbound.ts';
import { silentLogger, type Logger } from '../../platform/logger.ts';
import { normaliseZaloUpdate } from './zalo-update.schema.ts';

export const ZALO_WEBHOOK_PATH = '/zalo/webhook';
export const ZALO_SECRET_HEADER = 'x-bot-api-secret-token';

export type PersistInbound = (event: InboundEvent) => Promise<'new' | 'duplicate'>;

export type ZaloWebhookOptions = {
  readonly secret: string;
  readonly onEvent: (event: InboundEvent) => Promise<void>;
  readonly persist: PersistInbound;
  readonly logger?: Logger;
  readonly maxBodyBytes?: number;
  readonly now?: () => Date;
};

export type ZaloWebhookHandler = ((req: IncomingMessage, res: ServerResponse) => Promise<void>) & {
  /** Resolves when every onEvent started so far has settled (tests, graceful shutdown). */
  drain(): Promise<void>;
};

export const createZaloWebhookHandler = (options: ZaloWebhookOptions): ZaloWebhookHandler => {
  const { secret, onEvent, persist, logger = silentLogger(), maxBodyBytes = 256 * 1024 } = options;
  const now = options.now ?? (() => new Date());
  // Zalo requires 8–256 characters; refuse a weak or empty configuration outright.
  if (secret.length < 8) throw new Error('Zalo webhook secret must be at least 8 characters');
  const expectedDigest = digest(secret);
  const chains = new Map<string, Promise<void>>();

  const schedule = (event: InboundEvent): void => {
    const previous = chains.get(event.chatId) ?? Promise.resolve();
    const next = previous
      .then(() => onEvent(event))
      .catch((err: unknown) => logger.error({ err, dedupeKey: event.dedupeKey }, 'zalo onEvent failed'))
      .finally(() => {
        if (chains.get(event.chatId) === next) chains.delete(event.chatId);
      });
    chains.set(event.chatId, next);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      if (req.method !== 'POST') return reply(req, res, 405, { message: 'Method Not Allowed' });
      const provided = req.headers[ZALO_SECRET_HEADER];
      if (typeof provided !== 'string' || provided === '') {
        logger.warn({ ip: req.socket.remoteAddress }, 'zalo webhook without secret');
        return reply(req, res, 401, { message: 'Unauthorized' });
      }
      if (!timingSafeEqual(digest(provided), expectedDigest)) {
        logger.warn({ ip: req.socket.remoteAddress }, 'zalo webhook with wrong secret');
        return reply(req, res, 403, { message: 'Forbidden' });
      }
      const body = await readBody(req, maxBodyBytes);
      if (body === 'too_large') return reply(req, res, 413, { message: 'Payload Too Large' });
      // An empty probe without content has been observed from Zalo: acknowledge it.
      if (body.trim() === '') return reply(req, res, 200, { message: 'Success' });
      let raw: unknown;
      try {
        raw = JSON.parse(body);
      } catch {
        return reply(req, res, 400, { message: 'Invalid JSON' });
      }
      const normalised = normaliseZaloUpdate(raw, now());
      if (!normalised.ok) {
        logger.warn({ reason: normalised.reason }, 'zalo update ignored');
        return reply(req, res, 200, { message: 'Success' });
      }
      const { event } = normalised;
      const status = await persist(event);
      reply(req, res, 200, { message: 'Success' });
      if (status === 'duplicate') {
        logger.info({ dedupeKey: event.dedupeKey }, 'zalo duplicate delivery skipped');
        return;
      }
      schedule(event);
    } catch (err) {
      logger.error({ err }, 'zalo webhook failed');
      if (!res.headersSent) reply(req, res, 500, { message: 'Internal Server Error' });
    }
  };

  return Object.assign(handle, {
    async drain(): Promise<void> {
      while (chains.size > 0) await Promise.all([...chains.values()]);
    },
  });
};

const digest = (value: string): Buffer => {
  return createHash('sha256').update(value, 'utf8').digest();
};

const reply = (req: IncomingMessage, res: ServerResponse, status: number, body: object): void => {
  if (status >= 400 && !req.readableEnded) req.resume(); // drain what we will not read
  res.writeHead(status, { 'Content-Type': 'application/json', Connection: status >= 400 ? 'close' : 'keep-alive' });
  res.end(JSON.stringify(body));
};

const readBody = (req: IncomingMessage, maxBytes: number): Promise<string | 'too_large'> => {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve('too_large');
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) {
        settled = true;
        resolve('too_large');
        return;
      }
      parts.push(chunk);
    });
    req.on('end', () => {
      if (!settled) resolve(Buffer.concat(parts).toString('utf8'));
      settled = true;
    });
    req.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
  });
};
