// Drives the real Telegram channel through bot.handleUpdate with the Bot API captured in
// process (the grammY testing pattern): every outgoing call is recorded and answered.
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { createTelegramBot } from '../../bot/channels/telegram/create-telegram-bot.ts';
import type { Dialogue, FileFetcher } from '../../bot/app/dialogue-port.ts';
import { createTranslator } from '../../bot/platform/i18n.ts';
import { silentLogger } from '../../bot/platform/logger.ts';

export type SentMessage = { chatId: string; text: string; buttons: { text: string; data: string }[]; messageId: number };

/** The choice value of a button's callback data (`c:<value>` or `s:<stamp>:<value>`). */
export const buttonValue = (data: string): string => (data.startsWith('s:') ? data.slice(data.indexOf(':', 2) + 1) : data.replace(/^c:/, ''));

export const pngBytes = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** A distinct PNG per file id: every photo an officer sends is a different picture. */
export const photoBytes = (fileRef: string): Buffer => Buffer.concat([pngBytes, Buffer.from(fileRef)]);

export const createTelegramHarness = (dialogue: Dialogue, now: () => Date, options: { fetchFile?: FileFetcher; webAppUrl?: string } = {}) => {
  const sent: SentMessage[] = [];
  let continued: SentMessage[] = [];
  const calls: { method: string; payload: Record<string, unknown> }[] = [];
  const fetchFile: FileFetcher =
    options.fetchFile ??
    (async (content, max) =>
      (content.size ?? 0) > max
        ? { ok: false, error: { code: 'too_large' } }
        : { ok: true, value: { buffer: photoBytes(content.fileRef), mime: 'image/png', size: photoBytes(content.fileRef).length } });
  const bot: Bot = createTelegramBot({
    token: '123456:TEST-token',
    apiRoot: 'http://127.0.0.1:9',
    dialogue,
    translator: createTranslator('vi'),
    logger: silentLogger(),
    now,
    fetchFile,
    ...(options.webAppUrl ? { webAppUrl: options.webAppUrl } : {}),
    botInfo: {
      id: 42,
      is_bot: true,
      first_name: 'eGov',
      username: 'egov_report_bot',
      can_join_groups: false,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
    } as never,
  });
  let messageId = 1;
  bot.api.config.use(async (_prev, method, payload) => {
    const p = payload as Record<string, unknown>;
    calls.push({ method, payload: p });
    if (method === 'sendMessage') {
      const markup = p['reply_markup'] as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined;
      const id = messageId++;
      sent.push({
        chatId: String(p['chat_id']),
        text: String(p['text']),
        buttons: (markup?.inline_keyboard ?? []).flat().map((b) => ({ text: b.text, data: b.callback_data })),
        messageId: id,
      });
      return { ok: true, result: { message_id: id, date: 0, chat: { id: Number(p['chat_id']), type: 'private' }, text: String(p['text']) } } as never;
    }
    if (method === 'editMessageText' || method === 'editMessageReplyMarkup') {
      // The message changes where it is on screen: its text and its keyboard (gone or new).
      const m = sent.find((x) => x.chatId === String(p['chat_id']) && x.messageId === p['message_id']);
      const markup = p['reply_markup'] as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined;
      if (m) {
        if (method === 'editMessageText') m.text = String(p['text']);
        m.buttons = (markup?.inline_keyboard ?? []).flat().map((b) => ({ text: b.text, data: b.callback_data }));
        // A reply continued in place (HTML, like a new message) is what the officer reads next.
        if (method === 'editMessageText' && p['parse_mode'] === 'HTML') continued.push(m);
      }
    }
    return { ok: true, result: true } as never;
  });
  let updateId = 1000;
  /** The newest message of the chat with a button of this value (callback data itself for `raw:`). */
  const buttonOf = (userId: number, value: string): { data: string; message?: SentMessage } => {
    for (let i = sent.length - 1; i >= 0; i -= 1) {
      const m = sent[i]!;
      if (m.chatId !== String(userId)) continue;
      const b = value.startsWith('raw:') ? m.buttons.find((x) => x.data === value.slice(4)) : m.buttons.find((x) => buttonValue(x.data) === value);
      if (b) return { data: b.data, message: m };
    }
    return { data: value.startsWith('raw:') ? value.slice(4) : `c:${value}` };
  };
  /** The message a tap comes from, as Telegram sends it back: text and keyboard (HTML tags are entities there). */
  const tappedMessage = (userId: number, m: SentMessage | undefined) =>
    m
      ? {
          message_id: m.messageId,
          date: 0,
          chat: chat(userId),
          text: m.text.replace(/<[^>]+>/g, ''),
          reply_markup: { inline_keyboard: [m.buttons.map((b) => ({ text: b.text, callback_data: b.data }))] },
        }
      : { message_id: 1, date: 0, chat: chat(userId) };
  const from = (userId: number) => ({ id: userId, is_bot: false, first_name: `Cán bộ ${userId}`, language_code: 'vi' });
  const chat = (userId: number) => ({ id: userId, type: 'private' as const, first_name: `Cán bộ ${userId}` });
  /** What the update made appear: new messages, or the tapped message continued in place. */
  const deliver = async (update: Update): Promise<SentMessage[]> => {
    const before = sent.length;
    continued = [];
    await bot.handleUpdate(update);
    return [...continued.map((m) => ({ ...m })), ...sent.slice(before)];
  };
  return {
    bot,
    sent,
    calls,
    nextUpdateId: () => ++updateId,
    deliver,
    text: (userId: number, text: string, id = ++updateId) =>
      deliver({ update_id: id, message: { message_id: id, date: Math.floor(now().getTime() / 1000), chat: chat(userId), from: from(userId), text } } as Update),
    /**
     * Taps the newest button with this value in the chat, as an officer scrolling up would (its
     * payload carries that message's stamp); `raw:<data>` sends arbitrary callback data.
     */
    click: (userId: number, value: string, id = ++updateId) => {
      const button = buttonOf(userId, value);
      return deliver({
        update_id: id,
        callback_query: { id: String(id), from: from(userId), chat_instance: 'x', data: button.data, message: tappedMessage(userId, button.message) },
      } as Update);
    },
    document: (userId: number, fileName: string, fileId: string, id = ++updateId) =>
      deliver({
        update_id: id,
        message: {
          message_id: id,
          date: 0,
          chat: chat(userId),
          from: from(userId),
          document: { file_id: fileId, file_unique_id: `u${fileId}`, file_name: fileName, file_size: 100 },
        },
      } as Update),
    photo: (userId: number, size = pngBytes.length, id = ++updateId) =>
      deliver({
        update_id: id,
        message: {
          message_id: id,
          date: 0,
          chat: chat(userId),
          from: from(userId),
          photo: [{ file_id: `photo-${id}`, file_unique_id: `u${id}`, width: 10, height: 10, file_size: size }],
        },
      } as Update),
  };
};
