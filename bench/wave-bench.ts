// Reminder wave: N recipients through the real outbox sender against a loopback Bot API that
// enforces 30 messages/s overall and 1/s per chat (429 with retry_after above that) and answers
// after `apiLatencyMs`, like a real round trip. The sender is "killed" halfway (it stops
// answering with its batch claimed) and another takes over.
// The burst: a wave runs while officers' replies go through the same budget (as in the
// running bot: replies first); it reports how long each reply took, round trip included.
import { Api } from 'grammy';
import { autoRetry } from '@grammyjs/auto-retry';
import { createMessageOutboxRepository } from '../bot/db/repositories/message-outbox-repository.ts';
import { telegramRowSender } from '../bot/channels/telegram/telegram-row-sender.ts';
import { budgetTransformer } from '../bot/channels/telegram/budget-transformer.ts';
import { createOutboxSender } from '../bot/app/delivery/outbox-sender.ts';
import { createSendBudget } from '../bot/platform/send-budget.ts';
import { createTranslator } from '../bot/platform/i18n.ts';
import { silentLogger } from '../bot/platform/logger.ts';
import { startRemoteBotApi } from '../test/support/remote-bot-api.ts';
import { openBenchDb, percentile, round2 } from './bench-db.ts';
import { generatedSet } from './generated-set.ts';
import type { NewOutboxRow } from '../bot/app/ports.ts';

export type WaveResult = {
  recipients: number;
  apiLatencyMs: number;
  ceilingPerSecond: number;
  achievedPerSecond: number;
  ratioOfCeiling: number;
  received429: number;
  duplicates: number;
  delivered: number;
  crashRestart: boolean;
};

export type BurstResult = {
  waveRecipients: number;
  apiLatencyMs: number;
  replies: number;
  replyP50Ms: number;
  replyP99Ms: number;
  replyMaxMs: number;
  waveReceived429: number;
  received429: number;
};

const waveRows = (recipients: number, prefix: string, firstChat: number): NewOutboxRow[] =>
  Array.from({ length: recipients }, (_, i) => ({
    idempotencyKey: `${prefix}:${i}`,
    kind: 'reminder:before_3',
    channel: 'telegram',
    accountId: null,
    chatId: String(firstChat + i),
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

const duplicatesOf = (accepted: readonly { chatId: string }[]): { duplicates: number; delivered: number } => {
  const perChat = new Map<string, number>();
  for (const m of accepted) perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
  return { duplicates: [...perChat.values()].reduce((n, c) => n + (c - 1), 0), delivered: perChat.size };
};

export const runWaveBench = async (recipients: number, apiLatencyMs: number, ceiling = 30): Promise<WaveResult> => {
  const db = await openBenchDb('sqlite', generatedSet(4), new Date());
  const api = await startRemoteBotApi({ perSecond: ceiling, latencyMs: apiLatencyMs });
  try {
    const outbox = createMessageOutboxRepository(db.prisma);
    await outbox.enqueue(waveRows(recipients, 'wave', 200_000), new Date());
    // The sender's own client, as in the running bot: no auto-retry plugin.
    const senderApi = new Api('123456:bench', { apiRoot: api.url });
    // As in the running bot (main.ts), the sender's client has called getMe before the first wave.
    await senderApi.getMe();
    const send = telegramRowSender(senderApi, createTranslator('vi'));
    const half = Math.floor(recipients / 2);
    let sentByA = 0;
    let answeredA = 0;
    const a = createOutboxSender({
      outbox,
      markUnreachable: async () => undefined,
      ratePerSecond: ceiling,
      holder: 'A',
      logger: silentLogger(),
      batchSize: ceiling * 2,
      senders: {
        telegram: async (row) => {
          if (sentByA++ >= half) return new Promise(() => undefined);
          const outcome = await send(row);
          answeredA += 1;
          return outcome;
        },
      },
    });
    void a.drain();
    while (answeredA < half) await new Promise((r) => setTimeout(r, 50));
    // B starts no sooner than a second after A's last message, as a restarted process would.
    while (Date.now() - ((await api.stats()).accepted.at(-1)?.at ?? 0) < 1000) await new Promise((r) => setTimeout(r, 50));
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
    const { accepted, received429 } = await api.stats();
    const { duplicates, delivered } = duplicatesOf(accepted);
    const span = (accepted.at(-1)!.at - accepted[0]!.at) / 1000;
    const achieved = (accepted.length - 1) / span;
    return {
      recipients,
      apiLatencyMs,
      ceilingPerSecond: ceiling,
      achievedPerSecond: round2(achieved),
      ratioOfCeiling: round2(achieved / ceiling),
      received429,
      duplicates,
      delivered,
      crashRestart: true,
    };
  } finally {
    await api.close();
    await db.cleanup();
  }
};

export const runBurstBench = async (waveRecipients: number, apiLatencyMs: number, ceiling = 30): Promise<BurstResult> => {
  const db = await openBenchDb('sqlite', generatedSet(4), new Date());
  const api = await startRemoteBotApi({ perSecond: ceiling, latencyMs: apiLatencyMs });
  try {
    const outbox = createMessageOutboxRepository(db.prisma);
    await outbox.enqueue(waveRows(waveRecipients, 'burst', 300_000), new Date());
    const budget = createSendBudget({ ratePerSecond: ceiling });
    const senderApi = new Api('123456:bench', { apiRoot: api.url });
    await senderApi.getMe();
    const sender = createOutboxSender({
      outbox,
      markUnreachable: async () => undefined,
      ratePerSecond: ceiling,
      budget,
      holder: 'W',
      logger: silentLogger(),
      senders: { telegram: telegramRowSender(senderApi, createTranslator('vi')) },
    });
    // The officers' client, configured like createTelegramBot's: the budget inside auto-retry.
    const replies = new Api('123456:bench', { apiRoot: api.url });
    replies.config.use(budgetTransformer(budget, 'reply'));
    replies.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
    const wave = sender.drain();
    // Officers answer throughout the wave: bursts of 5 replies every second, each to its own chat.
    const latencies: number[] = [];
    const pending: Promise<void>[] = [];
    let officer = 0;
    const waveSeconds = Math.floor(waveRecipients / ceiling) - 2;
    await new Promise((r) => setTimeout(r, 1000));
    for (let s = 0; s < waveSeconds; s += 1) {
      for (let k = 0; k < 5; k += 1) {
        const chatId = String(900_000 + officer++);
        const started = performance.now();
        pending.push(replies.sendMessage(chatId, 'Đã ghi nhận câu trả lời.').then(() => void latencies.push(performance.now() - started)));
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    await Promise.all(pending);
    const waveReceived429 = (await api.stats()).received429;
    await wave;
    const sorted = [...latencies].sort((x, y) => x - y);
    return {
      waveRecipients,
      apiLatencyMs,
      replies: sorted.length,
      replyP50Ms: Math.round(percentile(sorted, 50)),
      replyP99Ms: Math.round(percentile(sorted, 99)),
      replyMaxMs: Math.round(sorted.at(-1) ?? 0),
      waveReceived429,
      received429: (await api.stats()).received429,
    };
  } finally {
    await api.close();
    await db.cleanup();
  }
};
