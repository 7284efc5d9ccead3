// Composition root: the only place that reads process.env, registers signal handlers and
// starts things. `npm start`.
import 'dotenv/config';
import os from 'node:os';
import path from 'node:path';
import { parseConfig, type Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateDatabase } from './db/migrate.ts';
import { createLogger, type Logger } from './logger.ts';
import { createTranslator } from './i18n.ts';
import { createApp } from './app/create-app.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { createUnitRepository } from './db/repositories/unit-repository.ts';
import { createHttpServer } from './http-server.ts';
import { createTelegramBot } from './telegram/create-telegram-bot.ts';
import { startTelegram } from './telegram/start-telegram.ts';
import { runConsole } from './console/run-console.ts';
import { ensureConsoleReporter } from './console/console-identity-setup.ts';
import { startZalo } from './zalo/start-zalo.ts';
import { createCommandRegistry } from './app/command-registry.ts';
import { startBackground } from './app/background.ts';
import { loadWorkingCalendar } from './platform/calendar-loader.ts';

const configHelp = `egov-report-bot: no chat channel to run.
Set TELEGRAM_BOT_TOKEN (and optionally TELEGRAM_WEBHOOK_URL) or ZALO_BOT_TOKEN in the environment or in .env
(see .env.example), or run in a terminal to use the console channel (CONSOLE=on forces it).`;

type Step = () => Promise<void>;

const main = async (): Promise<number> => {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n`);
    return 1;
  }
  const config: Config = parsed.value;
  const consoleMode =
    !config.TELEGRAM_BOT_TOKEN && !config.ZALO_BOT_TOKEN && (config.CONSOLE === 'on' || (config.CONSOLE === 'auto' && process.stdin.isTTY === true));
  if (!config.TELEGRAM_BOT_TOKEN && !config.ZALO_BOT_TOKEN && !consoleMode) {
    process.stderr.write(`${configHelp}\n`);
    return 2;
  }
  const logger: Logger = createLogger({
    level: consoleMode && config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL,
    pretty: process.stderr.isTTY === true,
    secrets: [config.TELEGRAM_BOT_TOKEN, config.ZALO_BOT_TOKEN, config.TELEGRAM_WEBHOOK_SECRET, config.ZALO_WEBHOOK_SECRET],
  });
  const migrated = await migrateDatabase(config.DATABASE_URL);
  logger.info({ applied: migrated.applied }, 'database migrated');
  const database = openDatabase(config.DATABASE_URL);
  const shutdown: Step[] = [() => database.close()];
  let stopping = false;
  const stop = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      for (const step of [...shutdown].reverse()) await step().catch((error: unknown) => logger.error({ err: error }, 'shutdown step failed'));
    }
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  const now = () => new Date();
  if ((await createUnitRepository(database.prisma).count()) === 0 && consoleMode) {
    await seedDemo(database.prisma, now());
    logger.info('demo data seeded');
  }
  const translator = createTranslator(config.DEFAULT_LOCALE);
  const instanceId = config.INSTANCE_ID ?? `${os.hostname()}-${process.pid}`;
  const calendar = await loadWorkingCalendar(database.prisma);
  const background = startBackground({ config, database, logger, translator, instanceId, now, calendar });
  const app = createApp({
    db: database.prisma,
    logger,
    clock: now,
    calendar,
    defaultLocale: config.DEFAULT_LOCALE,
    evidenceDir: config.EVIDENCE_DIR,
    evidenceMaxBytes: config.EVIDENCE_MAX_BYTES,
    botUsername: config.TELEGRAM_BOT_USERNAME,
    commands: (deps) => createCommandRegistry({ deps, config, background, translator }),
  });

  if (consoleMode) {
    await ensureConsoleReporter(database.prisma, now(), config.DEFAULT_LOCALE);
    await runConsole({
      dialogue: app.dialogue,
      translator,
      input: process.stdin,
      output: process.stdout,
      prompt: process.stdin.isTTY === true,
      sessionId: `${Date.now().toString(36)}${process.pid}`,
      now,
      filesDir: path.resolve(config.EVIDENCE_DIR, '..', 'exports'),
    });
    return stop(0);
  }

  const http = createHttpServer(logger);
  if (config.TELEGRAM_BOT_TOKEN) {
    const bot = createTelegramBot({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, dialogue: app.dialogue, translator, logger, now });
    const running = await startTelegram({
      bot,
      translator,
      logger,
      http,
      ...(config.TELEGRAM_WEBHOOK_URL ? { webhookUrl: config.TELEGRAM_WEBHOOK_URL } : {}),
      ...(config.TELEGRAM_WEBHOOK_SECRET ? { webhookSecret: config.TELEGRAM_WEBHOOK_SECRET } : {}),
    });
    shutdown.push(running.stop);
    background.attachTelegram(bot.api);
  }
  if (config.ZALO_BOT_TOKEN) {
    const zalo = await startZalo({ config, dialogue: app.dialogue, translator, logger, http, database, now });
    shutdown.push(zalo.stop);
    background.attachZalo(zalo.api);
  }
  const port = await http.listen(config.PORT);
  shutdown.push(() => http.close());
  shutdown.push(background.stop);
  await background.start();
  logger.info({ port, instanceId }, 'egov-report-bot started');
  return new Promise<number>(() => undefined);
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`egov-report-bot failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
