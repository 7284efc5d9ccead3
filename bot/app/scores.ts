// The use cases' side of the one scoring truth: a submission snapshot scored by the core
// function with its period's window and tiers and its appraisal overrides, and the lateness of
// its first submission. Dialogue, coordination, delivery and admin all go through these.
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import type { CriteriaSet } from '../../core/criteria/criteria-set.schema.ts';
import { scoreCacheOf, scoreSubmission, type AppraisalOverride, type ScoreCache, type SubmissionScore } from '../../core/criteria/submission-score.ts';
import { lateness, type Lateness } from '../../core/periods/deadlines.ts';
import type { AssessedLevel, Period } from '../../core/periods/period.schema.ts';
import { dataWindowFor } from '../../core/periods/period-levels.ts';
import type { ScoringSnapshot, StoredOverride, SubmissionSnapshot } from './ports.ts';

export type ScoredSnapshot = Pick<SubmissionSnapshot, 'answers' | 'overrides'> | Pick<ScoringSnapshot, 'answers' | 'overrides'>;

const toOverrides = (o: Readonly<Record<string, StoredOverride | AppraisalOverride>>): Record<string, AppraisalOverride> =>
  Object.fromEntries(Object.entries(o).map(([code, v]) => [code, { points: v.points }]));

/** The period as scoring sees it: its windows (per level where they differ) and tiers. */
export type ScoringPeriod = Pick<Period, 'dataWindow' | 'opensAt' | 'levels' | 'tiers'>;

/** The data window of the set's level (Hà Tĩnh: communes 10/11 → 10/11, other levels 15/11 → 15/11). */
export const windowOf = (period: ScoringPeriod, level: string): Period['dataWindow'] =>
  level === 'commune' || level === 'district' || level === 'department' ? dataWindowFor(period, level) : period.dataWindow;

export const scoreOf = (set: CriteriaSet, period: ScoringPeriod, s: ScoredSnapshot): SubmissionScore =>
  scoreSubmission({
    set,
    answers: s.answers,
    window: windowOf(period, set.level),
    ...(period.tiers ? { tiers: period.tiers } : {}),
    overrides: toOverrides(s.overrides),
  });

export const scoreCache = (set: CriteriaSet, period: ScoringPeriod, s: ScoredSnapshot): ScoreCache => scoreCacheOf(set, scoreOf(set, period, s));

const ON_TIME: Lateness = { late: false, workingDaysLate: 0, beyondTolerance: false };

/** Lateness of the first submission (a return and a resubmission never move it). */
export const latenessOf = (period: Period, level: AssessedLevel, firstSubmittedAt: Date | null, calendar: WorkingCalendar): Lateness => {
  if (!firstSubmittedAt) return ON_TIME;
  const late = lateness(period, level, firstSubmittedAt, calendar);
  return late.ok ? late.value : ON_TIME;
};

export const isLockedStatus = (status: string): boolean => status === 'submitted' || status === 'verified';
