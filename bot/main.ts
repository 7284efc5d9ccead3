// Composition root: the only place that reads process.env, registers signal handlers and
// starts things. `npm start`.
import 'dotenv/config';
import os from 'node:os';
import path from 'node:path';
import { parseConfig, type Config } from './platform/config.ts';
import { openDatabase } from './db/database.ts';
import { migrateDatabase } from './db/migrate.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import type { FaultPoint } from './app/dialogue/deps.ts';
import { pruneRetention } from './app/admin/prune-retention.ts';
import { createTranslator } from './platform/i18n.ts';
import { createApp } from './app/create-app.ts';
import { seedDemo } from './app/admin/seed-demo.ts';
import { rescoreStale } from './app/admin/rescore.ts';
import { createRepositories } from './db/create-repositories.ts';
import { createFileEvidenceStore } from './db/file-evidence-store.ts';
import { createDatabaseEvidenceStore } from './db/database-evidence-store.ts';
import { telegramRowSender } from './channels/telegram/telegram-row-sender.ts';
import { zaloRowSender } from './channels/zalo/zalo-row-sender.ts';
import { createHttpServer } from './platform/http-server.ts';
import { createReadiness, routeReadiness } from './platform/readiness.ts';
import { keepTrying } from './platform/retry.ts';
import { createSendBudget } from './platform/send-budget.ts';
import { databaseReadiness } from './db/readiness-probe.ts';
import { Api } from 'grammy';
import { createTelegramBot } from './channels/telegram/create-telegram-bot.ts';
import { startTelegram } from './channels/telegram/start-telegram.ts';
import { runConsole } from './channels/console/run-console.ts';
import { ensureConsoleReporter } from './app/admin/ensure-console-reporter.ts';
import { startZalo } from './channels/zalo/start-zalo.ts';
import { FILES_PATH, produceLinkedFile } from './app/coordination/linked-files.ts';
import { createSignedFileRoute } from './platform/signed-file-route.ts';
import { createSignedLinks } from './platform/signed-links.ts';
import { routeDashboard } from './channels/dashboard/dashboard-http.ts';
import { createDashboardLinks, webAppUrl } from './platform/dashboard/dashboard-link.ts';
import { coordinationDeps, createCommandRegistry } from './app/command-registry.ts';
import { startBackground } from './app/delivery/background.ts';
import { acquireExclusiveLease, TELEGRAM_POLLING_LEASE, TELEGRAM_POLLING_LEASE_MS } from './app/delivery/exclusive-lease.ts';
import { loadWorkingCalendar } from './app/admin/load-calendar.ts';

/** FAULT_INJECT (crash tests): dies like a power cut, mid-turn, the n-th time a point is reached. */
const killAt = (spec: string, logger: Logger): ((point: FaultPoint) => void) => {
  const [at, n] = spec.split(':');
  let seen = 0;
  return (point) => {
    if (point !== at || (seen += 1) < Number(n)) return;
    logger.warn({ point, seen }, 'FAULT_INJECT: killing the process');
    process.kill(process.pid, 'SIGKILL');
  };
};

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
  const repos = createRepositories(database.prisma);
  const calendar = await loadWorkingCalendar(repos.calendar);
  if ((await repos.units.count()) === 0 && consoleMode) {
    await seedDemo(repos, now());
    logger.info('demo data seeded');
  }
  const rescored = await rescoreStale(repos, now());
  if (rescored > 0) logger.info({ rescored }, 'scores recomputed with the current score function');
  const prune = () =>
    pruneRetention(repos, now()).then(
      (pruned) => (pruned.processed + pruned.inbox > 0 ? logger.info(pruned, 'old inbound records pruned') : undefined),
      (error: unknown) => logger.warn({ err: error }, 'pruning inbound records failed'),
    );
  await prune();
  // Every six hours; never keeps the process alive on its own.
  setInterval(() => void prune(), 6 * 3_600_000).unref();
  const translator = createTranslator(config.DEFAULT_LOCALE);
  const instanceId = config.INSTANCE_ID ?? `${os.hostname()}-${process.pid}`;
  // One budget for everything this process sends: officers' replies take its slots first.
  const budget = createSendBudget({ ratePerSecond: config.SEND_RATE_PER_SECOND });
  const background = startBackground({ repos, calendar, sendRatePerSecond: config.SEND_RATE_PER_SECOND, budget, logger, instanceId, now });
  // /dashboard's signed links (every channel); the same secret as the file links.
  const dashboardLinks =
    config.FILE_LINK_SECRET && config.PUBLIC_BASE_URL
      ? { dashboard: createDashboardLinks(createSignedLinks(config.FILE_LINK_SECRET), config.PUBLIC_BASE_URL, config.DASHBOARD_LINK_TTL_SECONDS) }
      : {};
  // One store for the dialogue and the dashboard's signed evidence links (several instances: the database).
  const evidence = config.EVIDENCE_STORE === 'database' ? createDatabaseEvidenceStore(database.prisma) : createFileEvidenceStore(config.EVIDENCE_DIR);
  // Invite deep links name the bot Telegram says it is (getMe, below) once that is known;
  // TELEGRAM_BOT_USERNAME is only the name used before (and by the CLI, which calls no API).
  const telegramName = { current: config.TELEGRAM_BOT_USERNAME };
  const registryInput = {
    repos,
    calendar,
    background,
    translator,
    evidence,
    ...dashboardLinks,
    get botUsername() {
      return telegramName.current;
    },
  };
  const app = createApp({
    repos,
    evidence,
    logger,
    clock: now,
    calendar,
    defaultLocale: config.DEFAULT_LOCALE,
    evidenceMaxBytes: config.EVIDENCE_MAX_BYTES,
    botUsername: config.TELEGRAM_BOT_USERNAME,
    commands: () => createCommandRegistry(registryInput),
    ...(config.FAULT_INJECT ? { fault: killAt(config.FAULT_INJECT, logger) } : {}),
  });

  if (consoleMode) {
    await ensureConsoleReporter(repos, now(), config.DEFAULT_LOCALE);
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

  // Listening first: /healthz (liveness) and /readyz (503 until the channels are up) answer
  // while the Bot API may still be unreachable.
  const http = createHttpServer(logger);
  // Generated files behind expiring signed links (Zalo): the route rebuilds each file for its owner.
  const fileLinks =
    config.FILE_LINK_SECRET && config.PUBLIC_BASE_URL ? { links: createSignedLinks(config.FILE_LINK_SECRET), baseUrl: config.PUBLIC_BASE_URL } : undefined;
  const deps = coordinationDeps(registryInput);
  if (fileLinks) {
    http.route(
      'GET',
      FILES_PATH,
      createSignedFileRoute({
        links: fileLinks.links,
        now,
        produce: produceLinkedFile(deps, config.DEFAULT_LOCALE, now),
        label: (key) => translator.t(config.DEFAULT_LOCALE, `documents:${key}`),
      }),
    );
  }
  // The coordinators' dashboard (/app/): a Telegram Mini App, or opened through a signed /dashboard link.
  routeDashboard(http, {
    coordination: deps,
    translator,
    defaultLocale: config.DEFAULT_LOCALE,
    now,
    ...(config.TELEGRAM_BOT_TOKEN ? { telegram: { botToken: config.TELEGRAM_BOT_TOKEN, maxAgeSeconds: config.DASHBOARD_AUTH_MAX_AGE_SECONDS } } : {}),
    ...(fileLinks ? { links: fileLinks.links } : {}),
    claimOnce: (key, at) => repos.chats.claimUpdate(key, at),
  });
  const readiness = createReadiness(databaseReadiness(database));
  routeReadiness(http, readiness);
  const port = await http.listen(config.PORT);
  shutdown.push(() => http.close());
  const starting = new AbortController();
  shutdown.push(async () => starting.abort());
  const backoff = { baseMs: 1_000, maxMs: 30_000 };
  if (config.TELEGRAM_BOT_TOKEN) {
    const token = config.TELEGRAM_BOT_TOKEN;
    const dashboardUrl = webAppUrl(config.PUBLIC_BASE_URL);
    const bot = createTelegramBot({
      token,
      apiRoot: config.TELEGRAM_API_ROOT,
      dialogue: app.dialogue,
      translator,
      logger,
      now,
      budget,
      ...(dashboardUrl ? { webAppUrl: dashboardUrl } : {}),
    });
    // The sender's own client: no auto-retry (a 429 reschedules the row and slows the whole
    // sender); the sender takes its bulk slots of the budget itself.
    const senderApi = new Api(token, { apiRoot: config.TELEGRAM_API_ROOT });
    // getMe without the reply client's auto-retry, which would retry network errors silently forever.
    bot.botInfo = await keepTrying(() => senderApi.getMe(), { what: 'telegram getMe', logger, backoff, signal: starting.signal });
    if (bot.botInfo.username !== config.TELEGRAM_BOT_USERNAME)
      logger.warn(
        { configured: config.TELEGRAM_BOT_USERNAME, actual: bot.botInfo.username },
        'TELEGRAM_BOT_USERNAME differs from the bot token’s username: invite links use the token’s (set it right for the CLI too)',
      );
    telegramName.current = bot.botInfo.username;
    if (!config.TELEGRAM_WEBHOOK_URL) {
      // One long poller per bot: a second one would steal updates from the first (Telegram hands
      // each to one getUpdates caller). Several instances run in webhook mode.
      const polling = await acquireExclusiveLease({
        leases: repos.leases,
        name: TELEGRAM_POLLING_LEASE,
        holder: instanceId,
        ttlMs: TELEGRAM_POLLING_LEASE_MS,
        logger,
        now,
        onLost: (holder) => {
          logger.error({ holder }, 'another instance took over Telegram long polling; stopping this one');
          void stop(1);
        },
      });
      if (!polling.ok) {
        logger.error(
          { holder: polling.holder },
          `Telegram long polling already runs on instance ${polling.holder} with this database: only one instance may poll. ` +
            'Stop it, or run every instance in webhook mode (TELEGRAM_WEBHOOK_URL, see docs/deploy.md).',
        );
        return stop(1);
      }
      shutdown.push(polling.lease.release);
    }
    const running = await startTelegram({
      bot,
      translator,
      logger,
      http,
      ...(config.TELEGRAM_WEBHOOK_URL ? { webhookUrl: config.TELEGRAM_WEBHOOK_URL } : {}),
      ...(config.TELEGRAM_WEBHOOK_SECRET ? { webhookSecret: config.TELEGRAM_WEBHOOK_SECRET } : {}),
    });
    shutdown.push(running.stop);
    background.attach('telegram', telegramRowSender(senderApi, translator));
  }
  if (config.ZALO_BOT_TOKEN) {
    const settings = {
      token: config.ZALO_BOT_TOKEN,
      apiRoot: config.ZALO_API_ROOT,
      mode: config.ZALO_MODE,
      ...(config.ZALO_WEBHOOK_URL ? { webhookUrl: config.ZALO_WEBHOOK_URL } : {}),
      ...(config.ZALO_WEBHOOK_SECRET ? { webhookSecret: config.ZALO_WEBHOOK_SECRET } : {}),
    };
    const zalo = await keepTrying(
      () => startZalo({ settings, dialogue: app.dialogue, translator, logger, http, inbox: repos.inbox, now, budget, ...(fileLinks ? { fileLinks } : {}) }),
      {
        what: 'zalo start',
        logger,
        backoff,
        signal: starting.signal,
      },
    );
    shutdown.push(zalo.stop);
    background.attach('zalo', zaloRowSender(zalo.api, translator));
  }
  readiness.markChannelsUp();
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
