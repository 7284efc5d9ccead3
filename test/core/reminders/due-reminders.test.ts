import { describe, expect, it } from 'vitest';
import { localDateTimeToInstant } from '../../../core/calendar/local-date.ts';
import { VIETNAM_CALENDAR as CAL } from '../../../core/calendar/working-days.ts';
import { dueReminders, manualReminders, type DueRemindersInput } from '../../../core/reminders/due-reminders.ts';
import { nextAllowedTime } from '../../../core/reminders/quiet-hours.ts';
import { DEFAULT_REMINDER_POLICY, reminderPolicyOverrideSchema, resolveReminderPolicy } from '../../../core/reminders/reminder-policy.ts';
import { coordinator, local, makePeriod, reporter, unit } from './fixtures.ts';

const at = (date: string, time: string) => localDateTimeToInstant(date, time);
const base = (now: Date, over: Partial<DueRemindersInput> = {}): DueRemindersInput => ({
  period: makePeriod(),
  units: [unit('C1', 'commune', 'draft', 'D1')],
  recipients: [reporter('r1', 'C1'), coordinator('k1', 'D1')],
  alreadySent: new Set(),
  now,
  calendar: CAL,
  policy: DEFAULT_REMINDER_POLICY,
  ...over,
});
const kinds = (input: DueRemindersInput) => dueReminders(input).map((r) => `${r.recipientAccountId}:${r.kind}`);

describe('catch-up after missed ticks', () => {
  it("a reminder not sent by the end of its day is dropped once the next one's day starts", () => {
    // before_3 (23/4) was never sent; on 25/4 at 07:30 before_1 (08:00) is not due yet.
    expect(kinds(base(at('2024-04-24', '10:00')))).toEqual(['r1:before_3']);
    expect(kinds(base(at('2024-04-25', '07:45')))).toEqual([]);
  });
  it('sends only the most recent due reminder, not the stale ones', () => {
    // Nothing ran since the period opened; on the day before the deadline only before_1 goes out.
    expect(kinds(base(at('2024-04-25', '10:00')))).toEqual(['r1:before_1']);
  });
  it('once the most recent one was sent, older unsent kinds are not sent either', () => {
    expect(kinds(base(at('2024-04-25', '15:00'), { alreadySent: new Set(['P:C1:before_1:r1']) }))).toEqual([]);
  });
  it('after the tolerance has ended nothing is sent automatically', () => {
    expect(kinds(base(at('2024-05-08', '09:00')))).toEqual([]);
  });
  it('a late commune after an outage: the latest late day, with the coordinator copy', () => {
    expect(kinds(base(at('2024-05-06', '15:00')))).toEqual(['r1:late_day_4', 'k1:late_day_4']);
  });
});

describe('quiet hours and status', () => {
  it.each([
    ['2024-04-25', '07:29', []],
    ['2024-04-25', '07:30', []], // before_1 falls due at 08:00
    ['2024-04-25', '20:29', ['r1:before_1']],
    ['2024-04-25', '20:30', []],
    ['2024-04-28', '10:00', []], // Sunday
    ['2024-04-30', '10:00', []], // holiday
    ['2024-04-27', '10:00', []], // Saturday inside the 30/4–1/5 break
  ] as const)('%s %s → %j', (date, time, expected) => {
    expect(kinds(base(at(date, time)))).toEqual(expected);
  });

  it('an ordinary Saturday is allowed by default', () => {
    const period = makePeriod({ deadlines: { commune: '2024-03-22' }, opensAt: '2024-03-01' });
    expect(kinds(base(at('2024-03-23', '10:00'), { period }))).toEqual(['r1:deadline_morning']);
  });

  it('Saturdays can be made quiet', () => {
    const policy = resolveReminderPolicy({ sendOnSaturday: false });
    const period = makePeriod({ deadlines: { commune: '2024-03-22' }, opensAt: '2024-03-01' });
    expect(kinds(base(at('2024-03-23', '10:00'), { policy, period }))).toEqual([]);
    expect(kinds(base(at('2024-05-04', '10:00'), { policy }))).toEqual(['r1:late_day_3', 'k1:late_day_3']); // làm bù Saturday
  });

  it('a period that is not open sends nothing', () => {
    expect(kinds(base(at('2024-04-25', '10:00'), { period: makePeriod({ status: 'closed' }) }))).toEqual([]);
  });

  it('nextAllowedTime defers out-of-hours instants to the next allowed window', () => {
    const p = DEFAULT_REMINDER_POLICY;
    expect(local(nextAllowedTime(at('2024-03-22', '21:00'), p, CAL))).toBe('23/03 07:30'); // ordinary Saturday
    expect(local(nextAllowedTime(at('2024-04-26', '21:00'), p, CAL))).toBe('02/05 07:30'); // 27/4–1/5 break
    expect(local(nextAllowedTime(at('2024-04-29', '21:00'), p, CAL))).toBe('02/05 07:30');
    expect(local(nextAllowedTime(at('2024-02-07', '19:00'), p, CAL))).toBe('07/02 19:00'); // the eve of the break is fine
    expect(local(nextAllowedTime(at('2024-02-07', '23:00'), p, CAL))).toBe('15/02 07:30'); // Tết Giáp Thìn 8/2–14/2, weekend included
    expect(local(nextAllowedTime(at('2024-02-10', '09:00'), p, CAL))).toBe('15/02 07:30'); // mùng 1 Tết is a Saturday
    expect(local(nextAllowedTime(at('2024-04-25', '06:00'), p, CAL))).toBe('25/04 07:30');
  });
});

describe('quarterly updates for non-scored periods (Hà Tĩnh: months 3, 6, 9)', () => {
  const period = makePeriod({
    kind: 'quarterly',
    scored: false,
    dataWindow: { from: '2020-11-15', to: '2021-11-15' },
    opensAt: '2020-11-15',
    deadlines: {},
  });
  const walkQuarterly = (updated: (3 | 6 | 9)[]) => {
    const sent: string[] = [];
    const keys = new Set<string>();
    const u = { ...unit('S1', 'department', 'draft'), updatedCheckpoints: updated };
    for (let t = at('2020-11-15', '00:00').getTime(); t <= at('2021-11-16', '00:00').getTime(); t += 30 * 60_000) {
      for (const r of dueReminders({
        period,
        units: [u],
        recipients: [reporter('r1', 'S1')],
        alreadySent: keys,
        now: new Date(t),
        calendar: CAL,
        policy: DEFAULT_REMINDER_POLICY,
      })) {
        keys.add(r.idempotencyKey);
        sent.push(`${local(new Date(t))} ${r.kind} ${String(r.reply.params?.checkpointDate)}`);
      }
    }
    return sent;
  };
  it('one reminder 7 days before each checkpoint, deferred off Sundays', () => {
    expect(walkQuarterly([])).toEqual([
      '08/02 08:00 quarterly_m3 15/02/2021',
      '08/05 08:00 quarterly_m6 15/05/2021',
      '09/08 07:30 quarterly_m9 15/08/2021', // 8/8/2021 is a Sunday
    ]);
  });
  it('skips checkpoints the unit already updated', () => {
    expect(walkQuarterly([6])).toEqual(['08/02 08:00 quarterly_m3 15/02/2021', '09/08 07:30 quarterly_m9 15/08/2021']);
  });
});

describe('manual reminders', () => {
  const input = (now: Date, sent: string[] = []) => ({
    period: makePeriod(),
    unit: unit('C1', 'commune', 'draft', 'D1'),
    recipients: [reporter('r1', 'C1'), reporter('r2', 'C1', true), coordinator('k1', 'D1')],
    alreadySent: new Set(sent),
    now,
    calendar: CAL,
    policy: DEFAULT_REMINDER_POLICY,
  });
  it('goes to reachable reporters, once per local day, with the current situation', () => {
    const [r, ...rest] = manualReminders(input(at('2024-05-03', '14:00')));
    expect(rest).toEqual([]);
    expect(r?.idempotencyKey).toBe('P:C1:manual@2024-05-03:r1');
    expect(r?.reply.key).toBe('reminders:manual.late');
    expect(r?.reply.params?.workingDaysLate).toBe(2);
    expect(manualReminders(input(at('2024-05-03', '16:00'), ['P:C1:manual@2024-05-03:r1']))).toEqual([]);
  });
  it('is deferred, not refused, in quiet hours', () => {
    const [r] = manualReminders(input(at('2024-05-03', '22:00')));
    expect(local(r!.sendAfter)).toBe('04/05 07:30');
  });
  it('is not sent to a unit that has submitted', () => {
    expect(manualReminders({ ...input(at('2024-05-03', '14:00')), unit: unit('C1', 'commune', 'submitted', 'D1') })).toEqual([]);
  });
});

describe('policy', () => {
  it('overrides merge field by field over the defaults', () => {
    expect(resolveReminderPolicy({ daysBefore: [5] }, { sendAt: '09:00' })).toEqual({ ...DEFAULT_REMINDER_POLICY, daysBefore: [5], sendAt: '09:00' });
  });
  it('validates overrides from period settings', () => {
    expect(reminderPolicyOverrideSchema.safeParse({ allowedFrom: '21:00', allowedUntil: '07:00' }).success).toBe(false);
    expect(reminderPolicyOverrideSchema.safeParse({ sendAt: '8h' }).success).toBe(false);
    expect(reminderPolicyOverrideSchema.safeParse({ daysBefore: [10, 5, 2] }).success).toBe(true);
  });
  it('custom days before are honoured', () => {
    const policy = resolveReminderPolicy({ daysBefore: [10] });
    expect(kinds(base(at('2024-04-16', '09:00'), { policy }))).toEqual(['r1:before_10']);
  });
});
