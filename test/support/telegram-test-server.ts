// telegram-test-api is CommonJS with `exports.default`; depending on the loader's interop the
// default import is the class or the exports object, so both are accepted here.
import * as pkg from 'telegram-test-api';
import type { TelegramServer as Server } from 'telegram-test-api/lib/telegramServer.js';

type ServerClass = typeof Server;
const mod = pkg as unknown as { default: ServerClass | { default: ServerClass } };
export const TelegramServer: ServerClass = typeof mod.default === 'function' ? mod.default : mod.default.default;
export type TelegramServer = Server;

/**
 * What the bot sent to a chat that nobody fetched yet, in one request to the emulator. Its
 * client's getUpdates is not used for waiting: when its timeout fires it goes on polling in the
 * background and marks later messages read, so a reply the test waits for looks lost.
 */
export const fetchBotMessages = async <T = unknown>(apiPort: number, token: string, chatId: number | string): Promise<T[]> => {
  const res = await fetch(`http://127.0.0.1:${apiPort}/getUpdates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, chatId }),
  });
  return ((await res.json()) as { result: T[] }).result;
};
