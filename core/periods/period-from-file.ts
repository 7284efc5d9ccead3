// A validated period file → the stored core Period (without its id) and the criteria sets to
// link per level. The shared dataWindow/opensAt keep older readers working: the earliest
// `from` to the latest `to`, the earliest opening; each level's own ones are in `levels`.
import { fieldIssues, type FieldIssue } from '../field-issues.ts';
import { err, ok, type Result } from '../result.ts';
import { lastDayOnTime } from './deadline-wording.ts';
import { periodFileSchema, SET_REF, type PeriodFile } from './period-file.schema.ts';
import { assessedLevels, periodSchema, type AssessedLevel, type LevelSchedule, type Period } from './period.schema.ts';

export type PeriodDraft = Omit<Period, 'id'>;
export type PeriodSetRef = { readonly level: AssessedLevel; readonly key: string; readonly version: number };
export type PeriodPlan = {
  readonly period: PeriodDraft;
  readonly sets: readonly PeriodSetRef[];
  /** Whether the file named a status (else `draft` on create, unchanged on update). */
  readonly statusGiven: boolean;
};

export const parsePeriodFile = (data: unknown): Result<PeriodFile, FieldIssue[]> => {
  const parsed = periodFileSchema.safeParse(data);
  return parsed.success ? ok(parsed.data) : err(fieldIssues(parsed.error));
};

const min = (xs: readonly string[]): string => xs.reduce((a, b) => (b < a ? b : a));
const max = (xs: readonly string[]): string => xs.reduce((a, b) => (b > a ? b : a));

export const parseSetRef = (ref: string): { key: string; version: number } => {
  const m = SET_REF.exec(ref);
  if (!m) throw new RangeError(`not a key@version set reference: ${ref}`);
  return { key: m[1]!, version: Number(m[2]) };
};

export const periodFromFile = (file: PeriodFile): Result<PeriodPlan, FieldIssue[]> => {
  const present = assessedLevels.filter((l) => file.levels[l] !== undefined);
  const levels: Partial<Record<AssessedLevel, LevelSchedule>> = {};
  const deadlines: Partial<Record<AssessedLevel, string>> = {};
  const sets: PeriodSetRef[] = [];
  for (const level of present) {
    const l = file.levels[level]!;
    levels[level] = { dataWindow: l.dataWindow, opensAt: l.opensAt };
    deadlines[level] = lastDayOnTime(l.deadline, file.deadlineWording);
    sets.push({ level, ...parseSetRef(l.set) });
  }
  const schedules = Object.values(levels);
  const draft = {
    key: file.key,
    name: file.name.vi,
    nameEn: file.name.en,
    kind: file.kind,
    scored: file.kind === 'annual',
    dataWindow: { from: min(schedules.map((s) => s.dataWindow.from)), to: max(schedules.map((s) => s.dataWindow.to)) },
    opensAt: min(schedules.map((s) => s.opensAt)),
    levels,
    deadlines,
    deadlineWording: file.deadlineWording,
    lateToleranceWorkingDays: file.lateToleranceWorkingDays,
    status: file.status ?? 'draft',
    ...(file.checkpoints ? { checkpoints: [...file.checkpoints].sort((a, b) => a.month - b.month) } : {}),
    ...(file.reminders ? { reminders: file.reminders } : {}),
    ...(file.ranking ? { ranking: file.ranking } : {}),
    ...(file.tiers ? { tiers: file.tiers } : {}),
    ...(file.milestones ? { milestones: file.milestones } : {}),
  };
  // The file schema already checks what a file can get wrong; this guards the conversion.
  const checked = periodSchema.safeParse({ ...draft, id: 'new' });
  if (!checked.success) return err(fieldIssues(checked.error));
  const { id: _new, ...period } = checked.data;
  return ok({ period, sets, statusGiven: file.status !== undefined });
};

/** Both steps at once, for the shell: raw file data → plan, or every field error. */
export const planPeriodFromData = (data: unknown): Result<PeriodPlan, FieldIssue[]> => {
  const file = parsePeriodFile(data);
  return file.ok ? periodFromFile(file.value) : file;
};
