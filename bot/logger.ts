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

export type LoggerOptions = { level: string; pretty: boolean; secrets: readonly (string | undefined)[] };

export const createLogger = (options: LoggerOptions): Logger => {
  const secrets = options.secrets.filter((s): s is string => typeof s === 'string' && s.length >= 6);
  const scrub = (value: string): string => secrets.reduce((acc, s) => acc.split(s).join('[REDACTED]'), value);
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
      formatters: {
        log: (obj) => (secrets.length === 0 ? obj : (JSON.parse(scrub(JSON.stringify(obj))) as Record<string, unknown>)),
      },
      ...(options.pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, destination: 2 } } } : {}),
    },
    options.pretty ? undefined : pino.destination(2),
  );
};

export const silentLogger = (): Logger => pino({ level: 'silent' });
