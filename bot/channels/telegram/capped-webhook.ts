// grammY's `http` adapter with a body cap: an update is a few kilobytes, so anything past
// TELEGRAM_WEBHOOK_MAX_BYTES is answered 413 and never buffered (the secret alone must not let
// a caller fill the bot's memory). The secret is still checked by grammY before the update runs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Update } from 'grammy/types';

export const TELEGRAM_WEBHOOK_MAX_BYTES = 1 << 20;

/** The shape grammY's webhookCallback expects of an adapter (its type is not exported). */
type Adapter = (
  req: IncomingMessage,
  res: ServerResponse,
) => { update: Promise<Update>; header?: string | undefined; end: () => void; respond: (json: string) => unknown; unauthorized: () => unknown };

export const BODY_TOO_LARGE = 'BODY_TOO_LARGE';
const tooLarge = (): Error => Object.assign(new Error('webhook body too large'), { code: BODY_TOO_LARGE });

export const isBodyTooLarge = (error: unknown): boolean => error instanceof Error && (error as { code?: unknown }).code === BODY_TOO_LARGE;

const refuse = (res: ServerResponse): void => {
  if (!res.headersSent) res.writeHead(413, { connection: 'close' }).end();
};

export const cappedHttpAdapter =
  (maxBytes: number): Adapter =>
  (req: IncomingMessage, res: ServerResponse) => {
    const header = req.headers['x-telegram-bot-api-secret-token'];
    return {
      get update(): Promise<Update> {
        return new Promise<Update>((resolve, reject) => {
          const declared = Number(req.headers['content-length']);
          if (Number.isFinite(declared) && declared > maxBytes) {
            refuse(res);
            req.destroy();
            return reject(tooLarge());
          }
          const chunks: Buffer[] = [];
          let size = 0;
          req.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) {
              refuse(res);
              req.destroy();
              return reject(tooLarge());
            }
            chunks.push(chunk);
          });
          req.once('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Update);
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
          req.once('error', reject);
        });
      },
      header: Array.isArray(header) ? header[0] : header,
      end: () => res.end(),
      respond: (json: string) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(json),
      unauthorized: () => res.writeHead(401).end('secret token is wrong'),
    };
  };
