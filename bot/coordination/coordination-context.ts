// What a coordinator command works on: the caller's scope (every unit below a coordinator
// membership), the open period, its sets per level, and one summary row per unit in scope.
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import type { AssessedLevel } from '../../core/periods/period.schema.ts';
import type { RankEntry, SubmissionStatus } from '../../core/ranking/rank-units.ts';
import { tierFor } from '../../core/ranking/tiers.ts';
import type { Unit, UnitLevel } from '../../core/units/unit.ts';
import type { CommandContext } from '../app/command-port.ts';
import type { Db } from '../db/database.ts';
import { createCoordinationRepository, type SubmissionSummary } from '../db/repositories/coordination-repository.ts';
import { createPeriodRepository, type StoredPeriod } from '../db/repositories/period-repository.ts';
import { createUnitRepository, type UnitWithParentCode } from '../db/repositories/unit-repository.ts';

export const assessedLevels: readonly AssessedLevel[] = ['commune', 'district', 'department'];
export const isAssessedLevel = (x: string): x is AssessedLevel => (assessedLevels as readonly string[]).includes(x);

export type CoordinationDeps = {
  readonly db: Db;
  readonly calendar: WorkingCalendar;
  readonly botUsername: string;
  readonly remind: (input: { periodId: string; unitIds: readonly string[]; now: Date }) => Promise<{ queued: number }>;
  readonly notify: import('../app/command-port.ts').NotifyPort;
  /** Labels inside generated files (the export's column headers) in the caller's language. */
  readonly translate: (locale: import('../i18n.ts').Locale, key: string) => string;
};

export type UnitRow = {
  readonly unit: UnitWithParentCode;
  readonly level: AssessedLevel;
  readonly submission: SubmissionSummary | null;
  readonly status: SubmissionStatus;
};

export type Scope = {
  readonly all: readonly UnitWithParentCode[];
  readonly byId: ReadonlyMap<string, UnitWithParentCode>;
  readonly byCode: ReadonlyMap<string, UnitWithParentCode>;
  readonly visible: ReadonlySet<string>;
  readonly roots: readonly UnitWithParentCode[];
};

/** Units at or below the coordinator's membership units (province → all, district → its communes). */
export const scopeOf = async (deps: CoordinationDeps, ctx: CommandContext): Promise<Scope> => {
  const all = await createUnitRepository(deps.db).list();
  const byId = new Map(all.map((u) => [u.id, u]));
  const rootIds = new Set(ctx.memberships.filter((m) => m.role === 'coordinator').map((m) => m.unitId));
  const visible = new Set<string>();
  for (const u of all) {
    let cur: UnitWithParentCode | undefined = u;
    for (let d = 0; cur && d < 8; d += 1) {
      if (rootIds.has(cur.id)) {
        visible.add(u.id);
        break;
      }
      cur = cur.parentId ? byId.get(cur.parentId) : undefined;
    }
  }
  return { all, byId, byCode: new Map(all.map((u) => [u.code, u])), visible, roots: all.filter((u) => rootIds.has(u.id)) };
};

export const isCoordinator = (ctx: CommandContext): boolean => ctx.memberships.some((m) => m.role === 'coordinator');

/** The open period named by a `period:<id>` argument, else the most recent open one. */
export const pickPeriod = async (deps: CoordinationDeps, args: readonly string[]): Promise<StoredPeriod | null> => {
  const open = await createPeriodRepository(deps.db).listOpen();
  const wanted = args.find((a) => a.startsWith('period:'))?.slice(7);
  if (wanted) return (await createPeriodRepository(deps.db).findById(wanted)) ?? null;
  return open.find((p) => p.scored) ?? open[0] ?? null;
};

const statusOf = (s: SubmissionSummary | null): SubmissionStatus =>
  !s ? 'not_started' : s.status === 'submitted' || s.status === 'verified' || s.status === 'returned' ? s.status : 'draft';

/** One row per visible, non-excluded unit of the assessed levels, with its self-assessment. */
export const unitRows = async (deps: CoordinationDeps, scope: Scope, period: StoredPeriod, filter: (u: Unit) => boolean = () => true): Promise<UnitRow[]> => {
  const unitSets = period.sets.filter((s) => s.answeredBy === 'unit');
  const setIds = unitSets.map((s) => s.criteriaSetId);
  const subs = await createCoordinationRepository(deps.db).submissionsOf(period.id, setIds);
  const byUnit = new Map(subs.map((s) => [s.unitId, s]));
  return scope.all
    .filter((u) => scope.visible.has(u.id) && isAssessedLevel(u.level) && unitSets.some((s) => s.level === u.level) && filter(u))
    .map((u) => {
      const submission = byUnit.get(u.id) ?? null;
      return { unit: u, level: u.level as AssessedLevel, submission, status: statusOf(submission) };
    });
};

/** Once appraisal has started the verified total is what ranks. */
export const rankedPercent = (s: SubmissionSummary | null): number =>
  !s ? 0 : s.appraisalStarted && s.verifiedPercent !== null ? s.verifiedPercent : s.selfPercent;

export const toRankEntry = (row: UnitRow): RankEntry => {
  const s = row.submission;
  const percent = rankedPercent(s);
  return {
    unitId: row.unit.id,
    unitCode: row.unit.code,
    unitName: row.unit.name,
    level: row.level,
    ...(row.unit.parentId ? { parentId: row.unit.parentId } : {}),
    excluded: row.unit.excluded,
    status: row.status,
    percent,
    points: s ? (s.appraisalStarted && s.verifiedPoints !== null ? s.verifiedPoints : s.selfPoints) : 0,
    applicableMax: s?.applicableMax ?? 0,
    groupPoints: (s?.groupPoints as Record<string, number> | null) ?? {},
    ...(s?.submittedAt ? { submittedAt: s.submittedAt } : {}),
    late: { workingDaysLate: s?.workingDaysLate ?? 0, beyondTolerance: s?.lateBeyondTolerance ?? false },
    tier: tierFor(percent),
  };
};

/** Parses a `[level|district code]` argument. */
export const parseTarget = (scope: Scope, args: readonly string[]): { level?: AssessedLevel; district?: UnitWithParentCode; unknown?: string } => {
  const word = args.find((a) => !a.startsWith('period:') && !/^\d+$/.test(a) && a !== 'page');
  if (!word) return {};
  if (isAssessedLevel(word.toLowerCase())) return { level: word.toLowerCase() as AssessedLevel };
  const unit = scope.byCode.get(word.toUpperCase());
  if (unit && (unit.level as UnitLevel) === 'district') return { district: unit };
  return { unknown: word };
};
