import pino from 'pino';
import type { Logger } from 'pino';

export type { Logger };

// Tokens appear in URLs (Telegram /bot<token>/, Zalo /bot<token>/); redact known paths and
// scrub the raw strings from messages as a second line of defence.
const redactPaths = [
  'token',
  '*.token',
  'config.TELEGRAM_BOT_TOKEN',
  'config.ZALO_BOT_TOKEN',
  'config.TELEGRAM_WEBHOOK_SECRET',
  'config.ZALO_WEBHOOK_SECRET',
  'headers["x-telegram-bot-api-secret-token"]',
  'headers["x-bot-api-secret-token"]',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'req.headers["x-bot-api-secret-token"]',
];

type Fields = Record<string, unknown>;

/**
 * An error as a log line needs it: type, message, code and stack (and the cause's). grammY's
 * errors carry the whole request payload — an officer's explanation, an invite code — so of a
 * failed API call only the method and the chat are kept.
 */
export const serializeError = (e: unknown, depth = 0): unknown => {
  if (!(e instanceof Error)) return e;
  const x = e as unknown as Fields;
  const out: Fields = { type: e.name, message: e.message, stack: e.stack };
  for (const k of ['code', 'error_code', 'description', 'status', 'method']) if (x[k] !== undefined) out[k] = x[k];
  const payload = x['payload'];
  if (payload && typeof payload === 'object' && 'chat_id' in payload) out['chat'] = (payload as Fields)['chat_id'];
  const cause = e.cause ?? x['error'];
  if (cause !== undefined && depth < 3) out['cause'] = serializeError(cause, depth + 1);
  return out;
};

export type LoggerOptions = { level: string; pretty: boolean; secrets: readonly (string | undefined)[] };

export const createLogger = (options: LoggerOptions): Logger => {
  const secrets = options.secrets.filter((s): s is string => typeof s === 'string' && s.length >= 6);
  const scrub = (value: string): string => secrets.reduce((acc, s) => acc.split(s).join('[REDACTED]'), value);
  const deepScrub = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return scrub(v);
    if (v instanceof Error) return deepScrub(serializeError(v), depth);
    if (depth > 6 || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x) => deepScrub(x, depth + 1));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepScrub(x, depth + 1)]));
  };
  return pino(
    {
      level: options.level,
      redact: { paths: redactPaths, censor: '[REDACTED]' },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>;
          method.apply(this, scrubbed);
        },
      },
      serializers: { err: serializeError, error: serializeError },
      formatters: {
        // Errors are serialised first (a JSON round trip would leave `{}`), then every string is scrubbed.
        log: (obj) => deepScrub(obj, 0) as Fields,
      },
      ...(options.pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, destination: 2 } } } : {}),
    },
    options.pretty ? undefined : pino.destination(2),
  );
};

export const silentLogger = (): Logger => pino({ level: 'silent' });
