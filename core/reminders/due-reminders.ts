// Pure reminder policy (issue 6): given the period, the units' submission state, who can be
// reached, what was already sent and the current instant, which messages to queue now.
// The caller inserts them as outbox rows keyed by `idempotencyKey` (unique), so running a
// tick twice, or on two instances, can never queue a message twice.
import { toLocalDate } from '../calendar/local-date.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import { workingDaysRemaining } from '../periods/deadlines.ts';
import type { AssessedLevel, CheckpointMonth, Period } from '../periods/period.schema.ts';
import type { SubmissionStatus } from '../ranking/rank-units.ts';
import type { Reply } from '../reply.ts';
import { isAllowedSendTime, nextAllowedTime } from './quiet-hours.ts';
import type { ReminderPolicy } from './reminder-policy.ts';
import { coordinatorCopyReply, manualReply, reporterReply, type ReplyContext, type UnitProgress } from './reminder-reply.ts';
import { scheduleFor, type ReminderKind, type ScheduledReminder } from './reminder-schedule.ts';

export type ReminderUnit = {
  readonly unitId: string;
  readonly unitName: string;
  readonly level: AssessedLevel;
  readonly parentDistrictId?: string;
  readonly submissionStatus: SubmissionStatus;
  readonly progress: UnitProgress;
  /** Non-scored periods: checkpoints this unit has already updated (not reminded again). */
  readonly updatedCheckpoints?: readonly CheckpointMonth[];
};

export type ReminderRecipient = {
  readonly personId: string;
  readonly accountId: string;
  readonly unitId: string;
  readonly role: 'reporter' | 'coordinator';
  /** The unit a coordinator oversees (a district, or the province). */
  readonly scopeUnitId: string;
  readonly locale: string;
  readonly unreachable: boolean;
};

export type DueReminder = {
  readonly idempotencyKey: string;
  readonly recipientAccountId: string;
  readonly recipientPersonId: string;
  readonly locale: string;
  readonly unitId: string;
  readonly kind: ReminderKind;
  readonly audience: 'reporter' | 'coordinator';
  /** Earliest instant to send: `now` for scheduled reminders; manual ones may be deferred. */
  readonly sendAfter: Date;
  readonly reply: Reply;
};

export type DueRemindersInput = {
  readonly period: Period;
  readonly units: readonly ReminderUnit[];
  readonly recipients: readonly ReminderRecipient[];
  readonly alreadySent: ReadonlySet<string>;
  readonly now: Date;
  readonly calendar: WorkingCalendar;
  readonly policy: ReminderPolicy;
};

export const reminderKey = (periodId: string, unitId: string, kind: string, accountId: string): string => `${periodId}:${unitId}:${kind}:${accountId}`;

/** Only units with nothing (valid) submitted are chased; a returned report counts as not submitted. */
export const needsReminder = (status: SubmissionStatus): boolean => status === 'not_started' || status === 'draft' || status === 'returned';

const contextFor = (period: Period, unit: ReminderUnit, now: Date, calendar: WorkingCalendar): ReplyContext => {
  const remaining = workingDaysRemaining(period, unit.level, now, calendar);
  const deadline = period.deadlines[unit.level];
  return {
    periodId: period.id,
    unitId: unit.unitId,
    unitName: unit.unitName,
    ...(deadline !== undefined ? { deadline } : {}),
    ...(remaining.ok ? { workingDaysRemaining: remaining.value } : {}),
    tolerance: period.lateToleranceWorkingDays,
    progress: unit.progress,
  };
};

/**
 * Catch-up rule: of the reminders whose window contains `now`, only the most recent one is a
 * candidate. After a missed tick (outage, restart) a unit gets one up-to-date message, not a
 * burst of stale ones; older unsent kinds are simply skipped.
 */
const latestSendable = (schedule: readonly ScheduledReminder[], now: number, skip: (r: ScheduledReminder) => boolean) => {
  let latest: ScheduledReminder | undefined;
  for (const r of schedule) {
    if (r.sendableFrom.getTime() <= now && now < r.expiresAt.getTime() && !skip(r)) latest = r;
  }
  return latest;
};

export const dueReminders = (input: DueRemindersInput): DueReminder[] => {
  const { period, now, calendar, policy } = input;
  if (period.status !== 'open' || !isAllowedSendTime(now, policy, calendar)) return [];
  const schedules = new Map<AssessedLevel, ScheduledReminder[]>();
  const out: DueReminder[] = [];
  for (const unit of input.units) {
    if (!needsReminder(unit.submissionStatus)) continue;
    const schedule = schedules.get(unit.level) ?? scheduleFor(period, unit.level, policy, calendar);
    schedules.set(unit.level, schedule);
    const done = new Set(unit.updatedCheckpoints ?? []);
    const latest = latestSendable(schedule, now.getTime(), (r) => r.checkpoint !== undefined && done.has(r.checkpoint.month));
    if (!latest) continue;
    const ctx = contextFor(period, unit, now, calendar);
    const emit = (recipient: ReminderRecipient, audience: DueReminder['audience'], reply: Reply): void => {
      const idempotencyKey = reminderKey(period.id, unit.unitId, latest.kind, recipient.accountId);
      if (recipient.unreachable || input.alreadySent.has(idempotencyKey)) return;
      out.push({
        idempotencyKey,
        recipientAccountId: recipient.accountId,
        recipientPersonId: recipient.personId,
        locale: recipient.locale,
        unitId: unit.unitId,
        kind: latest.kind,
        audience,
        sendAfter: now,
        reply,
      });
    };
    for (const r of input.recipients) {
      if (r.role === 'reporter' && r.unitId === unit.unitId) emit(r, 'reporter', reporterReply(latest, ctx));
    }
    const copyToDistrict =
      policy.copyDistrictCoordinatorWhenLate && unit.level === 'commune' && latest.lateDay !== undefined && unit.parentDistrictId !== undefined;
    if (copyToDistrict) {
      for (const r of input.recipients) {
        if (r.role === 'coordinator' && r.scopeUnitId === unit.parentDistrictId) emit(r, 'coordinator', coordinatorCopyReply(ctx));
      }
    }
  }
  return out;
};

export type ManualReminderInput = Omit<DueRemindersInput, 'alreadySent' | 'units'> & {
  readonly unit: ReminderUnit;
  readonly alreadySent: ReadonlySet<string>;
};

/**
 * A coordinator's "nudge this unit": sent to the unit's reachable reporters whatever its
 * schedule, at most once per unit, recipient and local day (the key carries the date, so a
 * double tap does not spam). Quiet hours still apply: `sendAfter` is deferred to the next
 * allowed time rather than the nudge being refused.
 */
export const manualReminders = (input: ManualReminderInput): DueReminder[] => {
  const { period, unit, now, calendar, policy } = input;
  if (!needsReminder(unit.submissionStatus)) return [];
  const ctx = contextFor(period, unit, now, calendar);
  const kindKey = `manual@${toLocalDate(now)}`;
  const sendAfter = nextAllowedTime(now, policy, calendar);
  return input.recipients
    .filter((r) => r.role === 'reporter' && r.unitId === unit.unitId && !r.unreachable)
    .map((r) => ({ r, key: reminderKey(period.id, unit.unitId, kindKey, r.accountId) }))
    .filter(({ key }) => !input.alreadySent.has(key))
    .map(({ r, key }) => ({
      idempotencyKey: key,
      recipientAccountId: r.accountId,
      recipientPersonId: r.personId,
      locale: r.locale,
      unitId: unit.unitId,
      kind: 'manual' as const,
      audience: 'reporter' as const,
      sendAfter,
      reply: manualReply(ctx),
    }));
};
