// `remind --dry-run [--at <ISO time>]` lists what the reminder tick would send at that time;
// `remind run` queues what is due now and sends it through the configured channels.
import os from 'node:os';
import { Bot } from 'grammy';
import { autoRetry } from '@grammyjs/auto-retry';
import type { RowSender } from '../../app/ports.ts';
import { createOutboxSender } from '../../app/delivery/outbox-sender.ts';
import { planReminders, toOutboxRows } from '../../app/delivery/plan-reminders.ts';
import { telegramRowSender } from '../../channels/telegram/telegram-row-sender.ts';
import { createZaloApi } from '../../channels/zalo/zalo-api.ts';
import { zaloRowSender } from '../../channels/zalo/zalo-row-sender.ts';
import { silentLogger } from '../../platform/logger.ts';
import { stringFlag } from '../args.ts';
import type { CliCommand } from '../cli-context.ts';
import { CliUsageError } from '../output.ts';

export const remindDryRun: CliCommand = async (ctx) => {
  if (ctx.args.flags.get('dry-run') !== true) throw new CliUsageError('usage: remind --dry-run [--at <ISO time>] | remind run');
  const atFlag = stringFlag(ctx.args, 'at');
  const at = atFlag ? new Date(atFlag) : ctx.now();
  if (Number.isNaN(at.getTime())) throw new CliUsageError(`--at: not an ISO time: ${atFlag}`);
  const repos = await ctx.repos();
  for (const p of await planReminders(repos, at, await ctx.calendar())) {
    const account = await repos.people.findAccountById(p.recipientAccountId);
    const person = account ? await repos.people.findPerson(account.personId) : null;
    ctx.io.out([person?.displayName ?? p.recipientAccountId, p.unitName, p.kind, p.channel].join('\t'));
  }
  return 0;
};

export const remindRun: CliCommand = async (ctx) => {
  const repos = await ctx.repos();
  const now = ctx.now();
  const queued = await repos.outbox.enqueue(toOutboxRows(await planReminders(repos, now, await ctx.calendar())), now);
  const translator = ctx.translator;
  const senders: Partial<Record<string, RowSender>> = {};
  if (ctx.config.TELEGRAM_BOT_TOKEN) {
    const bot = new Bot(ctx.config.TELEGRAM_BOT_TOKEN, { client: { apiRoot: ctx.config.TELEGRAM_API_ROOT } });
    bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
    senders['telegram'] = telegramRowSender(bot.api, translator);
  }
  if (ctx.config.ZALO_BOT_TOKEN)
    senders['zalo'] = zaloRowSender(createZaloApi({ token: ctx.config.ZALO_BOT_TOKEN, apiRoot: ctx.config.ZALO_API_ROOT }), translator);
  const sender = createOutboxSender({
    outbox: repos.outbox,
    senders,
    markUnreachable: (id, at) => repos.people.markUnreachable(id, at),
    ratePerSecond: ctx.config.SEND_RATE_PER_SECOND,
    holder: ctx.config.INSTANCE_ID ?? `cli-${os.hostname()}-${process.pid}`,
    logger: silentLogger(),
  });
  const stats = Object.keys(senders).length > 0 ? await sender.drain() : { sent: 0, rateLimited: 0, failed: 0, dead: 0, deferred: 0 };
  ctx.io.out(
    `queued ${queued}, sent ${stats.sent}, rate-limited ${stats.rateLimited}, failed ${stats.failed}, undeliverable ${stats.dead}, deferred ${stats.deferred}`,
  );
  if (Object.keys(senders).length === 0) ctx.io.out('no channel token configured: queued reminders stay pending until the bot runs');
  return 0;
};
