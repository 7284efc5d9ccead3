// Background work of a running bot: the reminder tick and the outbox sender (one instance at a
// time through a database lease). Channels attach their APIs once they are started; messages to
// other people (returns, manual nudges) go through the same outbox.
import type { Api } from 'grammy';
import { VIETNAM_CALENDAR, type WorkingCalendar } from '../../core/calendar/working-days.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { createMessageOutboxRepository } from '../db/repositories/message-outbox-repository.ts';
import { createPeopleRepository } from '../db/repositories/people-repository.ts';
import { telegramRowSender, zaloRowSender, type RowSender } from '../delivery/channel-senders.ts';
import { createOutboxSender } from '../delivery/outbox-sender.ts';
import { enqueueManualReminders } from '../delivery/plan-reminders.ts';
import { startReminderService } from '../delivery/reminder-service.ts';
import type { Translator } from '../i18n.ts';
import type { Logger } from '../logger.ts';
import type { ZaloApi } from '../zalo/zalo-api.ts';
import type { NotifyPort } from './command-port.ts';

export type RemindInput = { readonly periodId: string; readonly unitIds: readonly string[]; readonly now: Date };

export type Background = {
  readonly start: () => Promise<void>;
  readonly stop: () => Promise<void>;
  readonly attachTelegram: (api: Api) => void;
  readonly attachZalo: (api: ZaloApi) => void;
  readonly notify: NotifyPort;
  readonly remind: (input: RemindInput) => Promise<{ queued: number }>;
};

export type BackgroundInput = {
  readonly config: Config;
  readonly database: Database;
  readonly logger: Logger;
  readonly translator: Translator;
  readonly instanceId: string;
  readonly now: () => Date;
  /** Shipped + imported holiday years (bot/platform/calendar-loader.ts); the shipped ones alone when absent. */
  readonly calendar?: WorkingCalendar;
};

export const startBackground = (input: BackgroundInput): Background => {
  const db = input.database.prisma;
  const senders: Partial<Record<string, RowSender>> = {};
  const people = createPeopleRepository(db);
  const outbox = createMessageOutboxRepository(db);
  const sender = createOutboxSender({
    outbox,
    senders,
    markUnreachable: (id, at) => people.markUnreachable(id, at),
    ratePerSecond: input.config.SEND_RATE_PER_SECOND,
    holder: input.instanceId,
    logger: input.logger,
    now: input.now,
  });
  const calendar = input.calendar ?? VIETNAM_CALENDAR;
  let service: ReturnType<typeof startReminderService> | undefined;
  return {
    start: async () => {
      service = startReminderService({ db, sender, holder: input.instanceId, calendar, logger: input.logger, now: input.now });
    },
    stop: async () => {
      await service?.stop();
    },
    attachTelegram: (api) => void (senders['telegram'] = telegramRowSender(api, input.translator)),
    attachZalo: (api) => void (senders['zalo'] = zaloRowSender(api, input.translator)),
    notify: async (notices) => {
      const rows = [];
      for (const n of notices) {
        const account = await people.findAccountById(n.accountId);
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
      await outbox.enqueue(rows, input.now());
    },
    remind: async (r) => ({ queued: await enqueueManualReminders(db, r, calendar) }),
  };
};
