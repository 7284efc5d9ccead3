// One reminder tick: for every open period, gather each unit's submission status and progress,
// the reporters to remind and the district coordinators to copy, apply the pure reminder
// policy, and enqueue what is due as outbox rows (unique per period, unit, kind, recipient).
import type { WorkingCalendar } from '../../../core/calendar/working-days.ts';
import type { AssessedLevel } from '../../../core/periods/period.schema.ts';
import type { SubmissionStatus } from '../../../core/ranking/rank-units.ts';
import { dueReminders, manualReminders, type DueReminder, type ReminderRecipient, type ReminderUnit } from '../../../core/reminders/due-reminders.ts';
import { resolveReminderPolicy } from '../../../core/reminders/reminder-policy.ts';
import { activeOn } from '../../../core/units/succession.ts';
import { toLocalDate } from '../../../core/calendar/local-date.ts';
import { isQuarterlyUpdate, updatedMonths } from '../checkpoints.ts';
import type { CheckpointRecord, ChannelAccount, MemberAccount, NewOutboxRow, Repositories, StoredPeriod } from '../ports.ts';

export type PlannedReminder = DueReminder & { readonly channel: string; readonly chatId: string; readonly unitName: string };

const assessed = (level: string): level is AssessedLevel => level === 'commune' || level === 'district' || level === 'department';

const statusOf = (row: { status: string } | undefined): SubmissionStatus =>
  row ? (row.status === 'draft' || row.status === 'submitted' || row.status === 'returned' || row.status === 'verified' ? row.status : 'draft') : 'not_started';

type PeriodContext = {
  period: StoredPeriod;
  units: ReminderUnit[];
  recipients: ReminderRecipient[];
  accounts: Map<string, ChannelAccount>;
  names: Map<string, string>;
};

const loadPeriod = async (repos: Repositories, period: StoredPeriod): Promise<PeriodContext> => {
  const everyUnit = await repos.units.list();
  // Merged units: only the units that existed on the period's opening day are reminded.
  const all = everyUnit.filter(
    (u) => !u.excluded && assessed(u.level) && period.deadlines[u.level as AssessedLevel] !== undefined && activeOn(u, period.opensAt, toLocalDate),
  );
  const byId = new Map(everyUnit.map((u) => [u.id, u]));
  const totals = new Map<string, number>();
  for (const link of period.sets.filter((s) => s.answeredBy === 'unit')) {
    totals.set(link.level, (await repos.criteriaSets.findById(link.criteriaSetId))?.set.criteria.length ?? 0);
  }
  const unitSetIds = new Set(period.sets.filter((s) => s.answeredBy === 'unit').map((s) => s.criteriaSetId));
  const submissions = await repos.coordination.submissionsOf(period.id, [...unitSetIds]);
  const subByUnit = new Map(submissions.map((s) => [s.unitId, s]));
  // Quarterly updates: a checkpoint already recorded is not reminded again (the next one is).
  const recorded = isQuarterlyUpdate(period) ? await repos.submissions.checkpointsOf(submissions.map((s) => s.id)) : [];
  const recordedBySubmission = new Map<string, CheckpointRecord[]>();
  for (const r of recorded) recordedBySubmission.set(r.submissionId, [...(recordedBySubmission.get(r.submissionId) ?? []), r]);
  const units: ReminderUnit[] = all.map((u) => {
    const s = subByUnit.get(u.id);
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    return {
      unitId: u.id,
      unitName: u.name,
      level: u.level as AssessedLevel,
      ...(parent?.level === 'district' ? { parentDistrictId: parent.id } : {}),
      submissionStatus: statusOf(s),
      ...(s && recordedBySubmission.has(s.id) ? { updatedCheckpoints: updatedMonths(recordedBySubmission.get(s.id)!) } : {}),
      progress: {
        answered: s?.score?.self.done ?? 0,
        total: s?.score?.self.total ?? totals.get(u.level) ?? 0,
        points: s?.score?.self.points ?? 0,
        percent: s?.score?.self.percent ?? 0,
      },
    };
  });
  const reporters = await repos.people.listMemberAccounts(
    units.map((u) => u.unitId),
    'reporter',
  );
  const districtIds = [...new Set(units.map((u) => u.parentDistrictId).filter((x): x is string => x !== undefined))];
  const coordinators = await repos.people.listMemberAccounts(districtIds, 'coordinator');
  const accounts = new Map<string, ChannelAccount>();
  const toRecipient = (a: MemberAccount, role: 'reporter' | 'coordinator'): ReminderRecipient => {
    accounts.set(a.id, a);
    return { personId: a.personId, accountId: a.id, unitId: a.unitId, role, scopeUnitId: a.unitId, locale: a.locale ?? 'vi', unreachable: a.unreachable };
  };
  const recipients = [...reporters.map((a) => toRecipient(a, 'reporter')), ...coordinators.map((a) => toRecipient(a, 'coordinator'))]
    // The console is a local terminal: nothing to deliver to.
    .filter((r) => accounts.get(r.accountId)?.channel !== 'console');
  return { period, units, recipients, accounts, names: new Map(all.map((u) => [u.id, u.name])) };
};

const toPlanned = (ctx: PeriodContext, due: readonly DueReminder[]): PlannedReminder[] =>
  due.flatMap((d) => {
    const account = ctx.accounts.get(d.recipientAccountId);
    return account ? [{ ...d, channel: account.channel, chatId: account.chatId, unitName: ctx.names.get(d.unitId) ?? d.unitId }] : [];
  });

/** What is due at `now` across open periods (nothing written). */
export const planReminders = async (repos: Repositories, now: Date, calendar: WorkingCalendar): Promise<PlannedReminder[]> => {
  const planned: PlannedReminder[] = [];
  for (const period of await repos.periods.listOpen()) {
    const ctx = await loadPeriod(repos, period);
    const alreadySent = await repos.outbox.keysWithPrefix(`${period.id}:`);
    const due = dueReminders({
      period,
      units: ctx.units,
      recipients: ctx.recipients,
      alreadySent,
      now,
      calendar,
      policy: resolveReminderPolicy(period.reminders),
    });
    planned.push(...toPlanned(ctx, due));
  }
  return planned;
};

export const toOutboxRows = (planned: readonly PlannedReminder[]): NewOutboxRow[] =>
  planned.map((p) => ({
    idempotencyKey: p.idempotencyKey,
    kind: `reminder:${p.kind}`,
    channel: p.channel,
    accountId: p.recipientAccountId,
    chatId: p.chatId,
    payload: { locale: p.locale, replies: [p.reply] },
    nextAttemptAt: p.sendAfter,
  }));

/** The tick: plan and enqueue; returns how many new rows were written. */
export const enqueueDueReminders = async (repos: Repositories, now: Date, calendar: WorkingCalendar): Promise<number> =>
  repos.outbox.enqueue(toOutboxRows(await planReminders(repos, now, calendar)), now);

/** A coordinator's manual nudge (/remind): one per unit, recipient and day. */
export const enqueueManualReminders = async (
  repos: Repositories,
  input: { periodId: string; unitIds: readonly string[]; now: Date },
  calendar: WorkingCalendar,
): Promise<number> => {
  const period = await repos.periods.findById(input.periodId);
  if (!period) return 0;
  const ctx = await loadPeriod(repos, period);
  const alreadySent = await repos.outbox.keysWithPrefix(`${period.id}:`);
  const policy = resolveReminderPolicy(period.reminders);
  const due = ctx.units
    .filter((u) => input.unitIds.includes(u.unitId))
    .flatMap((unit) => manualReminders({ period, unit, recipients: ctx.recipients, alreadySent, now: input.now, calendar, policy }));
  return repos.outbox.enqueue(toOutboxRows(toPlanned(ctx, due)), input.now);
};
