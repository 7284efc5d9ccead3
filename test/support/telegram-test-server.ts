// telegram-test-api is CommonJS with `exports.default`; depending on the loader's interop the
// default import is the class or the exports object, so both are accepted here.
import * as pkg from 'telegram-test-api';
import type { TelegramServer as Server } from 'telegram-test-api/lib/telegramServer.js';

type ServerClass = typeof Server;
const mod = pkg as unknown as { default: ServerClass | { default: ServerClass } };
export const TelegramServer: ServerClass = typeof mod.default === 'function' ? mod.default : mod.default.default;
export type TelegramServer = Server;
