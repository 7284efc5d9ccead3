// A loopback Telegram Bot API that enforces the platform limits: more than `perSecond`
// messages in any rolling second overall, or more than one per second to a chat, is answered
// with 429 and parameters.retry_after. Every accepted message is recorded. With `latencyMs`
// each answer leaves that long after the request arrived (limits are counted on arrival), as a
// real round trip to the platform would (100–300 ms from Vietnam).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type RateLimitedApi = {
  readonly url: string;
  readonly accepted: { chatId: string; text: string; at: number }[];
  received429: number;
  /** When each 429 was answered, and whether the chat's or the overall limit was hit. */
  readonly rejected: { chatId: string; at: number; limit: 'chat' | 'overall' }[];
  readonly failChats: Map<string, number>;
  readonly close: () => Promise<void>;
};

/** The most messages accepted within any rolling second (0 when none). */
export const maxPerRollingSecond = (times: readonly number[]): number => {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while (sorted[i]! - sorted[j]! >= 1000) j += 1;
    best = Math.max(best, i - j + 1);
  }
  return best;
};

export const startRateLimitedBotApi = async (options: { perSecond: number; perChatMs?: number; latencyMs?: number }): Promise<RateLimitedApi> => {
  const window: number[] = [];
  const lastByChat = new Map<string, number>();
  const state: RateLimitedApi = {
    url: '',
    accepted: [],
    received429: 0,
    rejected: [],
    /** chat id → HTTP status to answer (e.g. 403 blocked, 500) */
    failChats: new Map(),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const method = (req.url ?? '').split('/').pop() ?? '';
      const payload = body ? (JSON.parse(body) as Record<string, unknown>) : {};
      const answer = (status: number, json: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      const send = (status: number, json: unknown): void => {
        if (options.latencyMs) setTimeout(() => answer(status, json), options.latencyMs);
        else answer(status, json);
      };
      if (method !== 'sendMessage') return send(200, { ok: true, result: true });
      const chatId = String(payload['chat_id']);
      const now = Date.now();
      const forced = state.failChats.get(chatId);
      if (forced === 403) return send(403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
      if (forced === 500) {
        state.failChats.delete(chatId);
        return send(500, { ok: false, error_code: 500, description: 'Internal Server Error' });
      }
      while (window.length > 0 && now - (window[0] ?? 0) >= 1000) window.shift();
      const last = lastByChat.get(chatId);
      if (window.length >= options.perSecond || (last !== undefined && now - last < (options.perChatMs ?? 1000))) {
        state.received429 += 1;
        state.rejected.push({ chatId, at: now, limit: window.length >= options.perSecond ? 'overall' : 'chat' });
        return send(429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
      }
      window.push(now);
      lastByChat.set(chatId, now);
      state.accepted.push({ chatId, text: String(payload['text']), at: now });
      return send(200, {
        ok: true,
        result: { message_id: state.accepted.length, date: Math.floor(now / 1000), chat: { id: Number(chatId), type: 'private' }, text: payload['text'] },
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  (state as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
};
