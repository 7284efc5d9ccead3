// Background work of a running bot: the reminder tick and the outbox sender (one instance at a
// time through a database lease). Channels attach their senders once they are started;
// messages to other people (returns, manual nudges) go through the same outbox.
import type { WorkingCalendar } from '../../../core/calendar/working-days.ts';
import type { Logger } from '../../platform/logger.ts';
import type { NotifyPort } from '../command-port.ts';
import type { Repositories, RowSender } from '../ports.ts';
import { createOutboxSender } from './outbox-sender.ts';
import { enqueueManualReminders } from './plan-reminders.ts';
import type { SendBudget } from '../../platform/send-budget.ts';
import { REMINDER_LEASE, REMINDER_LEASE_MS, startReminderService } from './reminder-service.ts';

export type RemindInput = { readonly periodId: string; readonly unitIds: readonly string[]; readonly now: Date };

export type Background = {
  readonly start: () => Promise<void>;
  readonly stop: () => Promise<void>;
  /** Lets the sender deliver rows of `channel` from now on. */
  readonly attach: (channel: string, sender: RowSender) => void;
  readonly notify: NotifyPort;
  readonly remind: (input: RemindInput) => Promise<{ queued: number }>;
};

export type BackgroundInput = {
  readonly repos: Repositories;
  readonly calendar: WorkingCalendar;
  readonly sendRatePerSecond: number;
  /** The budget the channels' replies also take from (officers first). */
  readonly budget?: SendBudget;
  readonly logger: Logger;
  readonly instanceId: string;
  readonly now: () => Date;
};

export const startBackground = (input: BackgroundInput): Background => {
  const { repos } = input;
  const senders: Partial<Record<string, RowSender>> = {};
  const sender = createOutboxSender({
    outbox: repos.outbox,
    senders,
    markUnreachable: (id, at) => repos.people.markUnreachable(id, at),
    ratePerSecond: input.sendRatePerSecond,
    ...(input.budget ? { budget: input.budget } : {}),
    lease: { repo: repos.leases, name: REMINDER_LEASE, ttlMs: REMINDER_LEASE_MS },
    holder: input.instanceId,
    logger: input.logger,
    now: input.now,
  });
  let service: ReturnType<typeof startReminderService> | undefined;
  return {
    start: async () => {
      service = startReminderService({ repos, sender, holder: input.instanceId, calendar: input.calendar, logger: input.logger, now: input.now });
    },
    stop: async () => {
      await service?.stop();
    },
    attach: (channel, rowSender) => void (senders[channel] = rowSender),
    notify: async (notices) => {
      const rows = [];
      for (const n of notices) {
        const account = await repos.people.findAccountById(n.accountId);
        if (!account || account.channel === 'console') continue;
        rows.push({
          idempotencyKey: n.idempotencyKey,
          kind: 'notice',
          channel: account.channel,
          accountId: account.id,
          chatId: account.chatId,
          payload: { locale: account.locale ?? 'vi', replies: n.replies },
          nextAttemptAt: input.now(),
        });
      }
      await repos.outbox.enqueue(rows, input.now());
    },
    remind: async (r) => ({ queued: await enqueueManualReminders(repos, r, input.calendar) }),
  };
};
