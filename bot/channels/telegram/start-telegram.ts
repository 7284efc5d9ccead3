// Runs the Telegram bot by long polling (grammY runner) or behind the shared HTTP server as a
// webhook checked with the secret token. The command menu is set per language; a failure
// there is logged and never stops the bot.
import { webhookCallback, type Bot } from 'grammy';
import { cappedHttpAdapter, isBodyTooLarge, TELEGRAM_WEBHOOK_MAX_BYTES } from './capped-webhook.ts';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { HttpServer } from '../../platform/http-server.ts';
import type { Translator } from '../../platform/i18n.ts';
import type { Logger } from '../../platform/logger.ts';

export const TELEGRAM_WEBHOOK_PATH = '/telegram/webhook';
export const menuCommands = ['report', 'review', 'score', 'submit', 'form', 'edit', 'skip', 'lang', 'link', 'help'] as const;
/** A coordinator's own menu, set for their chat only (scope: chat). */
export const coordinatorMenuCommands = [
  'status',
  'missing',
  'ranking',
  'unit',
  'dashboard',
  'members',
  'export',
  'chart',
  'form',
  'result',
  'lang',
  'help',
] as const;

export const setCommandMenus = async (bot: Bot, translator: Translator, logger: Logger): Promise<void> => {
  for (const locale of ['vi', 'en'] as const) {
    const commands = menuCommands.map((command) => ({ command, description: translator.t(locale, `commands:${command}`) }));
    try {
      await bot.api.setMyCommands(commands, locale === 'vi' ? {} : { language_code: locale });
    } catch (error) {
      logger.warn({ err: error, locale }, 'setMyCommands failed; continuing without a command menu');
    }
  }
};

export type TelegramRunning = { readonly stop: () => Promise<void> };

export const startTelegram = async (input: {
  bot: Bot;
  translator: Translator;
  logger: Logger;
  http: HttpServer;
  webhookUrl?: string;
  webhookSecret?: string;
}): Promise<TelegramRunning> => {
  const { bot, logger } = input;
  await bot.init();
  await setCommandMenus(bot, input.translator, logger);
  if (input.webhookUrl && input.webhookSecret) {
    const handle = webhookCallback(bot, cappedHttpAdapter(TELEGRAM_WEBHOOK_MAX_BYTES), {
      secretToken: input.webhookSecret,
      onTimeout: 'return',
      timeoutMilliseconds: 9_000,
    });
    input.http.route('POST', TELEGRAM_WEBHOOK_PATH, async (req, res) => {
      await Promise.resolve(handle(req, res)).catch((error: unknown) => {
        if (!isBodyTooLarge(error)) throw error;
        logger.warn({ path: TELEGRAM_WEBHOOK_PATH }, 'telegram webhook body over the cap refused');
      });
    });
    await bot.api.setWebhook(input.webhookUrl, { secret_token: input.webhookSecret, allowed_updates: ['message', 'callback_query'] });
    logger.info({ username: bot.botInfo.username }, 'telegram webhook set');
    return { stop: async () => undefined };
  }
  await bot.api.deleteWebhook().catch((error: unknown) => logger.warn({ err: error }, 'deleteWebhook failed'));
  const runner: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: ['message', 'callback_query'] } } });
  logger.info({ username: bot.botInfo.username }, 'telegram long polling started');
  return {
    stop: async () => {
      if (runner.isRunning()) await runner.stop();
    },
  };
};
