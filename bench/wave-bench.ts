// Reminder wave: N recipients through the real outbox sender against a loopback Bot API that
// enforces 30 messages/s overall and 1/s per chat (429 with retry_after above that). The sender
// is "killed" halfway (it stops answering with its batch claimed) and another takes over.
import { Bot } from 'grammy';
import { autoRetry } from '@grammyjs/auto-retry';
import { createMessageOutboxRepository, type NewOutboxRow } from '../bot/db/repositories/message-outbox-repository.ts';
import { telegramRowSender } from '../bot/delivery/channel-senders.ts';
import { createOutboxSender } from '../bot/delivery/outbox-sender.ts';
import { createTranslator } from '../bot/i18n.ts';
import { silentLogger } from '../bot/logger.ts';
import { startRateLimitedBotApi } from '../test/support/rate-limited-bot-api.ts';
import { openBenchDb, round2 } from './bench-db.ts';
import { generatedSet } from './generated-set.ts';

export type WaveResult = {
  recipients: number;
  ceilingPerSecond: number;
  achievedPerSecond: number;
  ratioOfCeiling: number;
  received429: number;
  duplicates: number;
  delivered: number;
  crashRestart: boolean;
};

export const runWaveBench = async (recipients: number, ceiling = 30): Promise<WaveResult> => {
  const db = await openBenchDb('sqlite', generatedSet(4), new Date());
  const api = await startRateLimitedBotApi({ perSecond: ceiling });
  try {
    const rows: NewOutboxRow[] = Array.from({ length: recipients }, (_, i) => ({
      idempotencyKey: `wave:${i}`,
      kind: 'reminder:before_3',
      channel: 'telegram',
      accountId: null,
      chatId: String(200_000 + i),
      payload: {
        locale: 'vi',
        replies: [
          {
            key: 'reminders:before_deadline',
            params: { unitName: `Xã ${i}`, deadline: '15/12/2026', workingDaysRemaining: 3, answered: 10, total: 31, points: 300, percent: 30 },
          },
        ],
      },
      nextAttemptAt: new Date(Date.now() - 1000),
    }));
    const outbox = createMessageOutboxRepository(db.prisma);
    await outbox.enqueue(rows, new Date());
    const bot = new Bot('123456:bench', { client: { apiRoot: api.url } });
    bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
    const send = telegramRowSender(bot.api, createTranslator('vi'));
    const half = Math.floor(recipients / 2);
    let sentByA = 0;
    const a = createOutboxSender({
      outbox,
      markUnreachable: async () => undefined,
      ratePerSecond: ceiling,
      holder: 'A',
      logger: silentLogger(),
      batchSize: ceiling * 2,
      senders: { telegram: async (row) => (sentByA++ < half ? send(row) : new Promise(() => undefined)) },
    });
    void a.drain();
    while (api.accepted.length < half) await new Promise((r) => setTimeout(r, 50));
    const b = createOutboxSender({
      outbox,
      markUnreachable: async () => undefined,
      ratePerSecond: ceiling,
      holder: 'B',
      logger: silentLogger(),
      now: () => new Date(Date.now() + 10 * 60_000),
      senders: { telegram: send },
    });
    await b.drain();
    const perChat = new Map<string, number>();
    for (const m of api.accepted) perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
    const duplicates = [...perChat.values()].reduce((n, c) => n + (c - 1), 0);
    const span = (api.accepted.at(-1)!.at - api.accepted[0]!.at) / 1000;
    const achieved = (api.accepted.length - 1) / span;
    return {
      recipients,
      ceilingPerSecond: ceiling,
      achievedPerSecond: round2(achieved),
      ratioOfCeiling: round2(achieved / ceiling),
      received429: api.received429,
      duplicates,
      delivered: perChat.size,
      crashRestart: true,
    };
  } finally {
    await api.close();
    await db.cleanup();
  }
};
