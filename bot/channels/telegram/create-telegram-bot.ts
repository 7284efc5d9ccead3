// The Telegram channel: parse the update, call the dialogue, render the reply. No business rules.
import { Bot, InlineKeyboard, InputFile, type Api } from 'grammy';
import type { CallbackQuery, UserFromGetMe } from 'grammy/types';
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import type { Dialogue, FileFetcher } from '../../app/dialogue-port.ts';
import { isLocale, type Locale, type Translator } from '../../platform/i18n.ts';
import type { Logger } from '../../platform/logger.ts';
import type { SendBudget } from '../../platform/send-budget.ts';
import { budgetTransformer } from './budget-transformer.ts';
import { escapeHtml, renderReplies, stripTags, type RenderedChoice } from '../render.ts';
import { splitMessage } from '../split-message.ts';
import { normaliseTelegramUpdate } from './telegram-update.ts';
import { packChoice } from './callback-data.ts';
import { coordinatorMenuCommands } from './start-telegram.ts';
import { streamDownload } from '../../platform/stream-download.ts';

export const TELEGRAM_LIMIT = 4096;

export type TelegramDeps = {
  readonly token: string;
  readonly apiRoot: string;
  readonly dialogue: Dialogue;
  readonly translator: Translator;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly botInfo?: UserFromGetMe;
  /** Downloads go through this (tests inject one; production uses the Bot API file endpoint). */
  readonly fetchFile?: FileFetcher;
  /** Shared with the outbox sender: replies take its slots first. */
  readonly budget?: SendBudget;
  /** The dashboard's https address (PUBLIC_BASE_URL + /app/): coordinators get it as a Mini App. */
  readonly webAppUrl?: string;
};

export type WebAppButton = { readonly label: string; readonly url: string };

const keyboardOf = (choices: readonly RenderedChoice[], stamp?: string, webApp?: WebAppButton): InlineKeyboard | undefined => {
  if (choices.length === 0 && !webApp) return undefined;
  const kb = new InlineKeyboard();
  const perRow = choices.every((c) => c.label.length <= 18) ? 2 : 1;
  choices.forEach((c, i) => {
    const data = packChoice(c.value, stamp);
    if (!data) return;
    kb.text(c.label.slice(0, 64), data);
    if ((i + 1) % perRow === 0) kb.row();
  });
  if (webApp) kb.row().webApp(webApp.label, webApp.url);
  return kb;
};

/** Sends one rendered message; `stamp` binds its buttons to the dialogue message that offered them. */
export const sendRendered = async (
  api: Api,
  chatId: string,
  text: string,
  choices: readonly RenderedChoice[],
  stamp?: string,
  webApp?: WebAppButton,
): Promise<{ readonly keyboardMessageId: number | null; readonly lastHtml: string }> => {
  const chunks = splitMessage(text || '…', TELEGRAM_LIMIT, 'html');
  let keyboardMessageId: number | null = null;
  for (const [i, chunk] of chunks.entries()) {
    const last = i === chunks.length - 1;
    const markup = last ? keyboardOf(choices, stamp, webApp) : undefined;
    const sent = await api.sendMessage(chatId, chunk, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(markup ? { reply_markup: markup } : {}),
    });
    if (markup) keyboardMessageId = sent.message_id;
  }
  return { keyboardMessageId, lastHtml: chunks.at(-1) ?? '' };
};

/** Rewrites a message where it is (HTML, with its new keyboard or none); false when it cannot be. */
const editInPlace = (api: Api, chatId: string, messageId: number, html: string, markup: InlineKeyboard | undefined): Promise<boolean> =>
  html.length > TELEGRAM_LIMIT
    ? Promise.resolve(false)
    : api
        .editMessageText(chatId, messageId, html, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          reply_markup: markup ?? { inline_keyboard: [] },
        })
        .then(
          () => true,
          () => false,
        );

const CAPTION_LIMIT = 1024;
const FILE_COMMANDS = /^\/(export|chart|form)(@\w+)?(\s|$)/i;

/** Evidence downloads: a file server that hangs gives up after this. */
export const TELEGRAM_DOWNLOAD_TIMEOUT_MS = 60_000;

const botApiFileFetcher =
  (api: Api, token: string, apiRoot: string): FileFetcher =>
  async (content, maxBytes) => {
    if (content.size !== undefined && content.size > maxBytes) return { ok: false, error: { code: 'too_large' } };
    try {
      const file = await api.getFile(content.fileRef);
      if (!file.file_path) return { ok: false, error: { code: 'download_failed' } };
      if (file.file_size !== undefined && file.file_size > maxBytes) return { ok: false, error: { code: 'too_large' } };
      const got = await streamDownload(`${apiRoot}/file/bot${token}/${file.file_path}`, { maxBytes, timeoutMs: TELEGRAM_DOWNLOAD_TIMEOUT_MS });
      if (!got.ok) return { ok: false, error: { code: got.error.code === 'too_large' ? 'too_large' : 'download_failed' } };
      return { ok: true, value: { buffer: got.value, mime: content.mime ?? null, size: got.value.length } };
    } catch {
      return { ok: false, error: { code: 'download_failed' } };
    }
  };

export const createTelegramBot = (deps: TelegramDeps): Bot => {
  const bot = new Bot(deps.token, { client: { apiRoot: deps.apiRoot }, ...(deps.botInfo ? { botInfo: deps.botInfo } : {}) });
  // The budget is installed first so that it is the inner transformer: each retry takes a slot too.
  if (deps.budget) bot.api.config.use(budgetTransformer(deps.budget, 'reply'));
  // 429 retry_after is honoured by grammY's plugin, bounded so a stuck chat cannot block for long.
  // Replies only: the outbox sender has its own Api without this plugin (it reschedules instead).
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  const fetchFile = deps.fetchFile ?? botApiFileFetcher(bot.api, deps.token, deps.apiRoot);

  bot.catch((error) => {
    deps.logger.error({ err: error.error, update_id: error.ctx.update.update_id }, 'telegram update failed');
  });
  // One chat's updates are handled in order, different chats in parallel (runner).
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));

  // Groups: a report is private. A command or a button there gets one short hint, nothing is stored.
  bot.on(['message', 'callback_query'], async (ctx, next) => {
    if (!ctx.chat || ctx.chat.type === 'private') return next();
    const hint = deps.translator.t(isLocale(ctx.from?.language_code ?? '') ? (ctx.from!.language_code as Locale) : 'vi', 'dialogue:group_hint', {
      bot: escapeHtml(ctx.me.username),
    });
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: stripTags(hint) }).catch(() => undefined);
    else if (ctx.message?.text?.startsWith('/')) await ctx.reply(hint, { parse_mode: 'HTML' }).catch(() => undefined);
  });

  // The keyboard of the message before is taken away once the conversation moves on, so a report
  // does not leave sixty live keyboards behind (a tap on one would only get "no longer valid").
  // With the HTML it was sent with, so that a "skip" or "done" can continue in that same message.
  const keyboards = new Map<string, { readonly messageId: number; readonly html: string }>();
  const clearKeyboard = (api: Api, chatId: string, messageId: number | undefined): void => {
    if (messageId === undefined) return;
    void api.editMessageReplyMarkup(chatId, messageId, { reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
  };

  // A tapped answer stays readable in the message that asked: its keyboard gives way to the choice
  // ("✔️ Đã chọn: Có"), so scrolling back shows what was answered, not sixty live keyboards.
  const markChosen = (api: Api, chatId: string, query: CallbackQuery, locale: Locale): void => {
    const message = query.message;
    if (!message) return;
    const label = message.reply_markup?.inline_keyboard.flat().find((b) => 'callback_data' in b && b.callback_data === query.data)?.text;
    const mark = label ? `\n\n${deps.translator.t(locale, 'dialogue:chosen_mark', { label })}` : '';
    const text = 'text' in message && message.text ? message.text : undefined;
    if (!text || !mark || text.length + mark.length > TELEGRAM_LIMIT) return clearKeyboard(api, chatId, message.message_id);
    const entities = 'entities' in message && message.entities ? { entities: message.entities } : {};
    void api
      .editMessageText(chatId, message.message_id, text + mark, {
        ...entities,
        link_preview_options: { is_disabled: true },
        reply_markup: { inline_keyboard: [] },
      })
      .catch(() => clearKeyboard(api, chatId, message.message_id));
  };

  // Errors of one update are logged with its id and never stop the others (grammY errorBoundary).
  const guarded = bot.errorBoundary((error) => {
    deps.logger.error({ err: error.error, update_id: error.ctx.update.update_id }, 'telegram handler failed');
  });
  guarded.on(['message', 'callback_query'], async (ctx) => {
    const event = normaliseTelegramUpdate(ctx.update, deps.now());
    if (!event) return;
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    // Files take a moment to build: the officer sees "sending a file…" meanwhile.
    if (ctx.message?.text && FILE_COMMANDS.test(ctx.message.text)) void ctx.api.sendChatAction(event.chatId, 'upload_document').catch(() => undefined);
    const output = await deps.dialogue.handle(event, fetchFile);
    if (!output) return;
    const rendered = renderReplies(deps.translator, output.locale, output.replies, 'html');
    const tapped = ctx.callbackQuery?.message?.message_id;
    const before = keyboards.get(event.chatId);
    keyboards.delete(event.chatId);
    // Answers that offer the dashboard carry its Mini App button (only with an https address).
    const webApp =
      output.dashboardButton && deps.webAppUrl ? { label: deps.translator.t(output.locale, 'coord:dashboard.button'), url: deps.webAppUrl } : undefined;
    // ◀ ▶: the other page replaces the page tapped, wherever it is on screen.
    if (ctx.callbackQuery && output.replacesTapped && tapped !== undefined) {
      if (await editInPlace(ctx.api, event.chatId, tapped, rendered.text, keyboardOf(rendered.choices, output.choiceStamp, webApp))) {
        if (before && before.messageId !== tapped) keyboards.set(event.chatId, before);
        return;
      }
    }
    // "Skip" or "done" tapped on the newest message, nothing typed since: the next question
    // continues in that message (one message per criterion fewer, and no keyboard left behind).
    if (ctx.callbackQuery && output.movedOn && before && before.messageId === tapped && !output.attachments?.length) {
      const label = ctx.callbackQuery.message?.reply_markup?.inline_keyboard
        .flat()
        .find((b) => 'callback_data' in b && b.callback_data === ctx.callbackQuery!.data)?.text;
      const mark = label ? `\n\n${escapeHtml(deps.translator.t(output.locale, 'dialogue:chosen_mark', { label }))}` : '';
      const html = `${before.html}${mark}\n\n${rendered.text}`;
      const markup = keyboardOf(rendered.choices, output.choiceStamp);
      if (await editInPlace(ctx.api, event.chatId, before.messageId, html, markup)) {
        if (markup) keyboards.set(event.chatId, { messageId: before.messageId, html });
        return;
      }
    }
    if (ctx.callbackQuery && !output.choiceRefused) markChosen(ctx.api, event.chatId, ctx.callbackQuery, output.locale);
    else clearKeyboard(ctx.api, event.chatId, tapped);
    if (before && before.messageId !== tapped) clearKeyboard(ctx.api, event.chatId, before.messageId);
    const sent = await sendRendered(ctx.api, event.chatId, rendered.text, rendered.choices, output.choiceStamp, webApp);
    if (output.menu === 'coordinator') {
      const commands = coordinatorMenuCommands.map((command) => ({ command, description: deps.translator.t(output.locale, `commands:${command}`) }));
      void ctx.api.setMyCommands(commands, { scope: { type: 'chat', chat_id: Number(event.chatId) } }).catch(() => undefined);
      // The coordinator's menu button opens the dashboard (only over https, which Telegram requires).
      if (deps.webAppUrl) {
        const text = deps.translator.t(output.locale, 'coord:dashboard.menu_button');
        void ctx.api
          .setChatMenuButton({ chat_id: Number(event.chatId), menu_button: { type: 'web_app', text, web_app: { url: deps.webAppUrl } } })
          .catch(() => undefined);
      }
    }
    if (sent.keyboardMessageId !== null) {
      if (keyboards.size >= 20_000) keyboards.clear();
      keyboards.set(event.chatId, { messageId: sent.keyboardMessageId, html: sent.lastHtml });
    }
    for (const file of output.attachments ?? []) {
      const rendered = file.caption ? renderReplies(deps.translator, output.locale, [file.caption], 'html').text : undefined;
      // Telegram refuses captions over 1024 characters: a longer one goes first as a message.
      if (rendered && rendered.length > CAPTION_LIMIT) await sendRendered(ctx.api, event.chatId, rendered, []);
      const caption = rendered && rendered.length <= CAPTION_LIMIT ? rendered : undefined;
      const input = new InputFile(file.data, file.fileName);
      const options = { ...(caption ? { caption, parse_mode: 'HTML' as const } : {}) };
      if (file.kind === 'photo') await ctx.api.sendPhoto(event.chatId, input, options);
      else await ctx.api.sendDocument(event.chatId, input, options);
    }
  });
  return bot;
};
