// Shared fixtures for the reminder tests: one period around the 30/4–1/5/2024 break.
import { formatDateVi, localMinutesOfDay, toLocalDate } from '../../../core/calendar/local-date.ts';
import { parsePeriod } from '../../../core/periods/parse-period.ts';
import type { Period, PeriodInput } from '../../../core/periods/period.schema.ts';
import type { ReminderRecipient, ReminderUnit } from '../../../core/reminders/due-reminders.ts';

export const makePeriod = (over: Partial<PeriodInput> = {}): Period => {
  const parsed = parsePeriod({
    id: 'P',
    name: 'CQS 2024',
    kind: 'annual',
    scored: true,
    dataWindow: { from: '2023-11-10', to: '2024-11-10' },
    opensAt: '2024-04-01',
    // commune: Friday before the break; department: the day after Giỗ Tổ (Thu 18/4) week;
    // district: a Monday, so "1 day before" is a Sunday.
    deadlines: { commune: '2024-04-26', department: '2024-04-25', district: '2024-05-13' },
    status: 'open',
    ...over,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
};

const progress = { answered: 12, total: 31, points: 402.5, percent: 40.25 };

export const unit = (unitId: string, level: ReminderUnit['level'], status: ReminderUnit['submissionStatus'], parentDistrictId?: string): ReminderUnit => ({
  unitId,
  unitName: `Đơn vị ${unitId}`,
  level,
  submissionStatus: status,
  progress,
  ...(parentDistrictId ? { parentDistrictId } : {}),
});

export const reporter = (accountId: string, unitId: string, unreachable = false): ReminderRecipient => ({
  personId: `person-${accountId}`,
  accountId,
  unitId,
  role: 'reporter',
  scopeUnitId: unitId,
  locale: 'vi',
  unreachable,
});

export const coordinator = (accountId: string, scopeUnitId: string): ReminderRecipient => ({
  personId: `person-${accountId}`,
  accountId,
  unitId: scopeUnitId,
  role: 'coordinator',
  scopeUnitId,
  locale: 'en',
  unreachable: false,
});

/** 'dd/mm HH:MM' local, for readable expectations. */
export const local = (instant: Date): string => {
  const m = localMinutesOfDay(instant);
  const hhmm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${formatDateVi(toLocalDate(instant)).slice(0, 5)} ${hhmm}`;
};
