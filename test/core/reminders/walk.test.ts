// A fixed clock walked every 15 minutes from the period's opening to past every tolerance.
import { describe, expect, it } from 'vitest';
import { localDateTimeToInstant, localMinutesOfDay, toLocalDate, dayOfWeek } from '../../../core/calendar/local-date.ts';
import { VIETNAM_CALENDAR as CAL } from '../../../core/calendar/working-days.ts';
import { dueReminders, type DueReminder, type ReminderUnit } from '../../../core/reminders/due-reminders.ts';
import { DEFAULT_REMINDER_POLICY } from '../../../core/reminders/reminder-policy.ts';
import type { Period } from '../../../core/periods/period.schema.ts';
import { coordinator, local, makePeriod, reporter, unit } from './fixtures.ts';

type Sent = DueReminder & { at: Date };

const walk = (
  period: Period,
  units: ReminderUnit[],
  recipients: Parameters<typeof dueReminders>[0]['recipients'],
  from: Date,
  to: Date,
  submitAt: Record<string, Date> = {},
) => {
  const sent: Sent[] = [];
  const keys = new Set<string>();
  for (let t = from.getTime(); t <= to.getTime(); t += 15 * 60_000) {
    const now = new Date(t);
    const current = units.map((u) => (submitAt[u.unitId] && submitAt[u.unitId]!.getTime() <= t ? { ...u, submissionStatus: 'submitted' as const } : u));
    for (const r of dueReminders({ period, units: current, recipients, alreadySent: keys, now, calendar: CAL, policy: DEFAULT_REMINDER_POLICY })) {
      expect(keys.has(r.idempotencyKey)).toBe(false);
      keys.add(r.idempotencyKey);
      sent.push({ ...r, at: now });
    }
  }
  return sent;
};

const lines = (sent: Sent[], account: string) =>
  sent.filter((s) => s.recipientAccountId === account).map((s) => `${local(s.at)} ${s.unitId} ${s.kind} ${s.reply.key}`);

describe('reminders over a whole period (15-minute ticks)', () => {
  const period = makePeriod();
  const units = [
    unit('C1', 'commune', 'not_started', 'D1'),
    unit('C2', 'commune', 'submitted', 'D1'),
    unit('C3', 'commune', 'draft', 'D1'),
    unit('S1', 'department', 'draft'),
    unit('H1', 'district', 'returned'),
  ];
  const recipients = [
    reporter('r-c1', 'C1'),
    reporter('r-c1-blocked', 'C1', true),
    reporter('r-c2', 'C2'),
    reporter('r-c3', 'C3'),
    reporter('r-s1', 'S1'),
    reporter('r-h1', 'H1'),
    coordinator('k-d1', 'D1'),
    coordinator('k-d2', 'D2'),
  ];
  const sent = walk(period, units, recipients, localDateTimeToInstant('2024-04-01', '00:00'), localDateTimeToInstant('2024-05-25', '23:45'), {
    C3: localDateTimeToInstant('2024-04-23', '09:00'),
  });

  it('commune C1: 7/3/1 days before, deadline morning, then every working day until the tolerance ends', () => {
    expect(lines(sent, 'r-c1')).toEqual([
      '19/04 08:00 C1 before_7 reminders:before_deadline',
      '23/04 08:00 C1 before_3 reminders:before_deadline',
      '25/04 08:00 C1 before_1 reminders:before_deadline',
      '26/04 08:00 C1 deadline_morning reminders:deadline_today',
      '02/05 08:00 C1 late_day_1 reminders:late', // 29/4 swapped, 30/4 and 1/5 holidays
      '03/05 08:00 C1 late_day_2 reminders:late',
      '04/05 08:00 C1 late_day_3 reminders:late', // làm bù Saturday
      '06/05 08:00 C1 late_day_4 reminders:late',
      '07/05 08:00 C1 late_day_5 reminders:late_last_day',
    ]);
  });

  it('the district coordinator gets a copy of each late reminder of its communes only', () => {
    expect(lines(sent, 'k-d1')).toEqual([
      '02/05 08:00 C1 late_day_1 reminders:coordinator_late_copy',
      '03/05 08:00 C1 late_day_2 reminders:coordinator_late_copy',
      '04/05 08:00 C1 late_day_3 reminders:coordinator_late_copy',
      '06/05 08:00 C1 late_day_4 reminders:coordinator_late_copy',
      '07/05 08:00 C1 late_day_5 reminders:coordinator_late_copy',
    ]);
    expect(lines(sent, 'k-d2')).toEqual([]);
  });

  it('nothing to submitted units, nothing after a unit submits, nothing to unreachable accounts', () => {
    expect(lines(sent, 'r-c2')).toEqual([]);
    expect(lines(sent, 'r-c1-blocked')).toEqual([]);
    expect(lines(sent, 'r-c3')).toEqual(['19/04 08:00 C3 before_7 reminders:before_deadline', '23/04 08:00 C3 before_3 reminders:before_deadline']);
  });

  it('department S1: "7 days before" on Giỗ Tổ (18/4) is deferred to the next morning', () => {
    expect(lines(sent, 'r-s1')).toEqual([
      '19/04 07:30 S1 before_7 reminders:before_deadline',
      '22/04 08:00 S1 before_3 reminders:before_deadline',
      '24/04 08:00 S1 before_1 reminders:before_deadline',
      '25/04 08:00 S1 deadline_morning reminders:deadline_today',
      '26/04 08:00 S1 late_day_1 reminders:late',
      '02/05 08:00 S1 late_day_2 reminders:late',
      '03/05 08:00 S1 late_day_3 reminders:late',
      '04/05 08:00 S1 late_day_4 reminders:late',
      '06/05 08:00 S1 late_day_5 reminders:late_last_day',
    ]);
  });

  it('district H1 (returned): "1 day before" on a Sunday is superseded by the deadline-morning reminder', () => {
    expect(lines(sent, 'r-h1')).toEqual([
      '06/05 08:00 H1 before_7 reminders:before_deadline',
      '10/05 08:00 H1 before_3 reminders:before_deadline',
      '13/05 08:00 H1 deadline_morning reminders:deadline_today',
      '14/05 08:00 H1 late_day_1 reminders:late',
      '15/05 08:00 H1 late_day_2 reminders:late',
      '16/05 08:00 H1 late_day_3 reminders:late',
      '17/05 08:00 H1 late_day_4 reminders:late',
      '20/05 08:00 H1 late_day_5 reminders:late_last_day',
    ]);
  });

  it('never in quiet hours, on a Sunday or on a public holiday', () => {
    for (const s of sent) {
      const m = localMinutesOfDay(s.at);
      const day = toLocalDate(s.at);
      expect(m >= 7 * 60 + 30 && m < 20 * 60 + 30, local(s.at)).toBe(true);
      expect(dayOfWeek(day), local(s.at)).not.toBe(0);
      expect(CAL.holidays.has(day), local(s.at)).toBe(false);
    }
  });

  it('message parameters: deadline, working days, progress', () => {
    const late3 = sent.find((s) => s.recipientAccountId === 'r-c1' && s.kind === 'late_day_3');
    expect(late3?.reply).toEqual({
      key: 'reminders:late',
      params: {
        unitName: 'Đơn vị C1',
        deadline: '26/04/2024',
        tolerance: 5,
        answered: 12,
        total: 31,
        points: 402.5,
        percent: 40.25,
        workingDaysLate: 3,
        workingDaysLeftToBeRanked: 2,
      },
      choices: [{ value: 'report:continue:P', key: 'reminders:action.continue' }],
    });
    const before3 = sent.find((s) => s.recipientAccountId === 'r-c1' && s.kind === 'before_3');
    expect(before3?.reply.params?.workingDaysRemaining).toBe(3);
    expect(before3?.idempotencyKey).toBe('P:C1:before_3:r-c1');
  });
});
