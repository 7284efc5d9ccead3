// Every environment variable is parsed here, once, by zod. Only composition roots
// (bot/main.ts, bot/cli/main.ts) call parseConfig(process.env).
import { z } from 'zod';
import type { Result } from '../../core/result.ts';
import { err, ok } from '../../core/result.ts';

const optionalString = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s === '' || s === undefined ? undefined : s));

const databaseUrl = z
  .string()
  .trim()
  .default('file:./data/egov.db')
  .refine((u) => /^file:.+/.test(u) || /^postgres(ql)?:\/\/[^\s]+$/.test(u), {
    message: 'expected file:<path> (SQLite) or postgresql://user@host:port/db (PostgreSQL)',
  })
  .refine((u) => !/^postgres/.test(u) || URL.canParse(u), {
    message: 'expected a valid postgresql:// URL',
  });

const intIn = (min: number, max: number, def: number) =>
  z.coerce
    .number({ message: `expected a whole number between ${min} and ${max}` })
    .int({ message: `expected a whole number between ${min} and ${max}` })
    .min(min, { message: `expected a whole number between ${min} and ${max}` })
    .max(max, { message: `expected a whole number between ${min} and ${max}` })
    .default(def);

const httpUrl = z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' });

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: databaseUrl,
    PORT: intIn(0, 65535, 8080),
    DEFAULT_LOCALE: z.enum(['vi', 'en']).default('vi'),
    // file: evidence files under EVIDENCE_DIR (one instance, or a shared volume); database: in the
    // database itself, so several instances on one PostgreSQL need nothing else.
    EVIDENCE_STORE: z.enum(['file', 'database']).default('file'),
    EVIDENCE_DIR: z.string().trim().min(1).default('./data/evidence'),
    EVIDENCE_MAX_BYTES: intIn(1024, 50 * 1024 * 1024, 20 * 1024 * 1024),
    TELEGRAM_BOT_TOKEN: optionalString.pipe(
      z
        .string()
        .regex(/^\d+:[A-Za-z0-9_-]+$/, { message: 'expected a bot token like 123456:ABC-def' })
        .optional(),
    ),
    TELEGRAM_BOT_USERNAME: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_]{3,64}$/, { message: 'expected a bot username without @' })
      .default('egov_report_bot'),
    TELEGRAM_API_ROOT: httpUrl.default('https://api.telegram.org'),
    TELEGRAM_WEBHOOK_URL: optionalString.pipe(httpUrl.optional()),
    TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,256}$/, { message: 'expected 1-256 characters A-Z a-z 0-9 _ -' })
        .optional(),
    ),
    ZALO_BOT_TOKEN: optionalString,
    ZALO_API_ROOT: httpUrl.default('https://bot-api.zaloplatforms.com'),
    ZALO_MODE: z.enum(['webhook', 'polling']).default('polling'),
    ZALO_WEBHOOK_URL: optionalString.pipe(httpUrl.optional()),
    ZALO_WEBHOOK_SECRET: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{8,256}$/, { message: 'expected 8-256 characters A-Z a-z 0-9 _ -' })
        .optional(),
    ),
    // Expiring signed download links for generated files on Zalo (its Bot API takes no documents):
    // the HMAC secret (at least 32 characters) and the public address of this bot's HTTP server.
    FILE_LINK_SECRET: optionalString.pipe(z.string().min(32, { message: 'expected at least 32 characters' }).optional()),
    PUBLIC_BASE_URL: optionalString.pipe(httpUrl.optional()),
    // The coordinators' dashboard (/app/): how old a Telegram Mini App initData may be (its
    // auth_date), and how long the signed /dashboard link of other channels stays valid.
    DASHBOARD_AUTH_MAX_AGE_SECONDS: intIn(60, 7 * 86_400, 86_400),
    DASHBOARD_LINK_TTL_SECONDS: intIn(60, 86_400, 3_600),
    SEND_RATE_PER_SECOND: intIn(1, 1000, 30),
    // Crash tests only: `<point>:<n>` kills the process (SIGKILL) the n-th time a turn reaches
    // <point> (turn_started, answer_stored, before_turn_completed).
    FAULT_INJECT: optionalString.pipe(
      z
        .string()
        .regex(/^(turn_started|answer_stored|before_turn_completed):\d{1,6}$/, { message: 'expected <point>:<n>, e.g. answer_stored:3' })
        .optional(),
    ),
    INSTANCE_ID: optionalString,
    // auto: the console channel opens when no bot token is set and a terminal is attached;
    // on: always (e.g. driven through a pipe); off: never.
    CONSOLE: z.enum(['auto', 'on', 'off']).default('auto'),
  })
  .superRefine((env, ctx) => {
    if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_SECRET'], message: 'required when TELEGRAM_WEBHOOK_URL is set' });
    }
    if (!env.FILE_LINK_SECRET !== !env.PUBLIC_BASE_URL) {
      const missing = env.FILE_LINK_SECRET ? 'PUBLIC_BASE_URL' : 'FILE_LINK_SECRET';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'FILE_LINK_SECRET and PUBLIC_BASE_URL go together (signed file links)' });
    }
    if (env.ZALO_BOT_TOKEN && env.ZALO_MODE === 'webhook' && !env.ZALO_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['ZALO_WEBHOOK_SECRET'], message: 'required when ZALO_MODE=webhook' });
    }
  });

export type Config = z.infer<typeof envSchema>;
export type DatabaseProvider = 'sqlite' | 'postgresql';

export const databaseProvider = (url: string): DatabaseProvider => (url.startsWith('file:') ? 'sqlite' : 'postgresql');

/** Parses the environment; the error is one line naming the variable and what is expected. */
export const parseConfig = (env: Record<string, string | undefined>): Result<Config, string> => {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const name = issue?.path.join('.') || 'environment';
  return err(`Invalid configuration: ${name}: ${issue?.message ?? 'invalid value'}`);
};
