// `remind --dry-run [--at <ISO time>]` lists what the reminder tick would send at that time;
// `remind run` queues what is due now and sends it through the configured channels, under the
// same "reminders" lease as a running server: beside one, it only queues and leaves the sending
// to the lease holder, so the two never send a row twice nor together exceed the rate.
import os from 'node:os';
import { Api } from 'grammy';
import type { RowSender } from '../../app/ports.ts';
import { createOutboxSender } from '../../app/delivery/outbox-sender.ts';
import { REMINDER_LEASE, REMINDER_LEASE_MS } from '../../app/delivery/reminder-service.ts';
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
    // No auto-retry: a 429 reschedules the row and slows the sender instead of sleeping in a plugin.
    senders['telegram'] = telegramRowSender(new Api(ctx.config.TELEGRAM_BOT_TOKEN, { apiRoot: ctx.config.TELEGRAM_API_ROOT }), translator);
  }
  if (ctx.config.ZALO_BOT_TOKEN)
    senders['zalo'] = zaloRowSender(createZaloApi({ token: ctx.config.ZALO_BOT_TOKEN, apiRoot: ctx.config.ZALO_API_ROOT }), translator);
  const holder = ctx.config.INSTANCE_ID ?? `cli-${os.hostname()}-${process.pid}`;
  const sender = createOutboxSender({
    outbox: repos.outbox,
    senders,
    markUnreachable: (id, at) => repos.people.markUnreachable(id, at),
    ratePerSecond: ctx.config.SEND_RATE_PER_SECOND,
    lease: { repo: repos.leases, name: REMINDER_LEASE, ttlMs: REMINDER_LEASE_MS },
    holder,
    logger: silentLogger(),
  });
  const idle = { sent: 0, rateLimited: 0, failed: 0, dead: 0, deferred: 0, leaseLost: false };
  const stats = Object.keys(senders).length > 0 ? await sender.drain() : idle;
  // Only release a lease this command took: a running server's lease is not ours to drop.
  if (!stats.leaseLost) await repos.leases.release(REMINDER_LEASE, holder);
  ctx.io.out(
    `queued ${queued}, sent ${stats.sent}, rate-limited ${stats.rateLimited}, failed ${stats.failed}, undeliverable ${stats.dead}, deferred ${stats.deferred}`,
  );
  if (Object.keys(senders).length === 0) ctx.io.out('no channel token configured: queued reminders stay pending until the bot runs');
  else if (stats.leaseLost) {
    const other = await repos.leases.holderOf(REMINDER_LEASE, ctx.now());
    ctx.io.out(`another instance (${other ?? 'unknown'}) holds the reminders lease: it sends the queued reminders`);
  }
  return 0;
};
