// Runs the reminder tick (node-schedule, every few minutes) and the outbox sender, but only
// while this instance holds the "reminders" lease, so several instances send one wave once.
// The sender itself is built with the same lease (see background.ts): it renews it while a
// drain runs for minutes and stops before its next message once it lost it.
import schedule from 'node-schedule';
import type { WorkingCalendar } from '../../../core/calendar/working-days.ts';
import type { Repositories } from '../ports.ts';
import type { Logger } from '../../platform/logger.ts';
import type { OutboxSender } from './outbox-sender.ts';
import { enqueueDueReminders } from './plan-reminders.ts';

export const REMINDER_LEASE = 'reminders';
export const REMINDER_LEASE_MS = 60_000;

export type ReminderServiceDeps = {
  readonly repos: Repositories;
  readonly sender: OutboxSender;
  readonly holder: string;
  readonly calendar: WorkingCalendar;
  readonly logger: Logger;
  readonly leaseMs?: number;
  readonly tickRule?: string;
  readonly drainEveryMs?: number;
  readonly now?: () => Date;
};

export const startReminderService = (deps: ReminderServiceDeps) => {
  const leases = deps.repos.leases;
  const now = deps.now ?? (() => new Date());
  const leaseMs = deps.leaseMs ?? REMINDER_LEASE_MS;
  let running = true;
  let draining: Promise<unknown> = Promise.resolve();
  const holds = () => leases.acquire(REMINDER_LEASE, deps.holder, now(), leaseMs);

  const tick = async (): Promise<void> => {
    if (!running || !(await holds())) return;
    const queued = await enqueueDueReminders(deps.repos, now(), deps.calendar);
    if (queued > 0) deps.logger.info({ queued }, 'reminders queued');
  };
  const drain = async (): Promise<void> => {
    if (!running || !(await holds())) return;
    const stats = await deps.sender.drain();
    if (stats.sent + stats.dead + stats.rateLimited > 0 || stats.leaseLost) deps.logger.info(stats, 'outbox drained');
  };
  const job = schedule.scheduleJob(deps.tickRule ?? '*/5 * * * *', () => {
    void tick().catch((error: unknown) => deps.logger.error({ err: error }, 'reminder tick failed'));
  });
  const loop = setInterval(() => {
    draining = draining.then(drain).catch((error: unknown) => deps.logger.error({ err: error }, 'outbox drain failed'));
  }, deps.drainEveryMs ?? 2_000);
  void tick().catch((error: unknown) => deps.logger.error({ err: error }, 'reminder tick failed'));

  return {
    tick,
    drain,
    async stop(): Promise<void> {
      running = false;
      job?.cancel();
      clearInterval(loop);
      deps.sender.stop();
      await draining;
      await leases.release(REMINDER_LEASE, deps.holder).catch(() => undefined);
    },
  };
};
