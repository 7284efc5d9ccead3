// `period copy --year`: next year's round is last year's settings with every date moved. The
// period's year is the year its data windows end in (the assessment year: Hà Tĩnh 2021 runs
// 15/11/2020 → 15/11/2021); every date moves by the same number of years, 29/02 becoming 28/02.
import { addMonths, yearOf } from '../calendar/local-date.ts';
import { lastDayOnTime, writtenDeadline, DEFAULT_DEADLINE_WORDING } from './deadline-wording.ts';
import type { PeriodDraft } from './period-from-file.ts';
import { assessedLevels, type AssessedLevel, type LevelSchedule } from './period.schema.ts';

export const periodYear = (period: PeriodDraft): number => yearOf(period.dataWindow.to);

const YEAR_TOKEN = /(?<!\d)(\d{4})(?!\d)/g;

/** Years in a key or name that belong to the period (its year and the one its window starts in) move too. */
const moveYears = (text: string, from: number, delta: number): string =>
  text.replace(YEAR_TOKEN, (token) => {
    const y = Number(token);
    return y === from || y === from - 1 ? String(y + delta) : token;
  });

export const movePeriodToYear = (period: PeriodDraft, year: number): PeriodDraft => {
  const from = periodYear(period);
  const delta = year - from;
  const move = (iso: string): string => addMonths(iso, 12 * delta);
  const wording = period.deadlineWording ?? DEFAULT_DEADLINE_WORDING;
  // The letter's date moves, not the last day: "trước ngày 1/3" stays the day before 1/3.
  const moveDeadline = (lastDay: string): string => lastDayOnTime(move(writtenDeadline(lastDay, wording)), wording);
  const deadlines: Partial<Record<AssessedLevel, string>> = {};
  const levels: Partial<Record<AssessedLevel, LevelSchedule>> = {};
  for (const level of assessedLevels) {
    const d = period.deadlines[level];
    if (d !== undefined) deadlines[level] = moveDeadline(d);
    const own = period.levels?.[level];
    if (own) levels[level] = { dataWindow: { from: move(own.dataWindow.from), to: move(own.dataWindow.to) }, opensAt: move(own.opensAt) };
  }
  // A key must stay unique: one without the period's year gets the new year appended.
  const movedKey = period.key === undefined ? undefined : moveYears(period.key, from, delta);
  const key = movedKey === undefined || movedKey !== period.key ? movedKey : `${period.key}-${year}`;
  return {
    ...period,
    ...(key === undefined ? {} : { key }),
    name: moveYears(period.name, from, delta),
    ...(period.nameEn === undefined ? {} : { nameEn: moveYears(period.nameEn, from, delta) }),
    status: 'draft',
    dataWindow: { from: move(period.dataWindow.from), to: move(period.dataWindow.to) },
    opensAt: move(period.opensAt),
    deadlines,
    ...(period.levels ? { levels } : {}),
    ...(period.appraisalDeadline ? { appraisalDeadline: move(period.appraisalDeadline) } : {}),
    ...(period.checkpoints ? { checkpoints: period.checkpoints.map((c) => ({ ...c, date: move(c.date) })) } : {}),
    ...(period.milestones
      ? {
          milestones: period.milestones.map((m) => ({
            ...m,
            date: move(m.date),
            name: { vi: moveYears(m.name.vi, from, delta), en: moveYears(m.name.en, from, delta) },
          })),
        }
      : {}),
  };
};
