// What a coordinator command works on: the caller's scope (every unit below a coordinator
// membership), the open period, its sets per level, and one summary row per unit in scope.
import type { Checkpoint } from '../../../core/periods/deadlines.ts';
import { dueCheckpointSent } from '../checkpoints.ts';
import type { WorkingCalendar } from '../../../core/calendar/working-days.ts';
import type { AssessedLevel } from '../../../core/periods/period.schema.ts';
import type { RankEntry, SubmissionStatus } from '../../../core/ranking/rank-units.ts';
import { rankedTotals, type ScoreCache, type ScoreTotals } from '../../../core/criteria/submission-score.ts';
import type { Lateness } from '../../../core/periods/deadlines.ts';
import { latenessOf, scoreCache } from '../scores.ts';
import { parseLevelWord } from '../../../core/units/level-words.ts';
import { activeOn } from '../../../core/units/succession.ts';
import { toLocalDate } from '../../../core/calendar/local-date.ts';
import type { Unit, UnitLevel } from '../../../core/units/unit.ts';
import type { CommandContext } from '../command-port.ts';
import type { NotifyPort } from '../command-port.ts';
import type { ReplyParams } from '../../../core/reply.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { DashboardLinks } from '../../platform/dashboard/dashboard-link.ts';
import type { EvidenceStore, Repositories, StoredPeriod, SubmissionSummary, UnitWithParentCode } from '../ports.ts';

export const assessedLevels: readonly AssessedLevel[] = ['commune', 'district', 'department'];
export const isAssessedLevel = (x: string): x is AssessedLevel => (assessedLevels as readonly string[]).includes(x);

export type CoordinationDeps = {
  readonly repos: Pick<
    Repositories,
    'units' | 'periods' | 'criteriaSets' | 'coordination' | 'submissions' | 'people' | 'invites' | 'publications' | 'signedForms'
  >;
  readonly calendar: WorkingCalendar;
  readonly botUsername: string;
  readonly remind: (input: { periodId: string; unitIds: readonly string[]; now: Date }) => Promise<{ queued: number }>;
  readonly notify: NotifyPort;
  /** Labels inside generated files (the export's column headers) in the caller's language. */
  readonly translate: (locale: Locale, key: string, params?: ReplyParams) => string;
  /** Signed /dashboard links (FILE_LINK_SECRET and PUBLIC_BASE_URL set); absent: /dashboard says it is not configured. */
  readonly dashboard?: DashboardLinks;
  /** Reads stored evidence (the dashboard shows it through signed links); absent: not served. */
  readonly readEvidence?: EvidenceStore['read'];
};

/** What reading unit rows and rankings needs (also used by `period publish`, outside a chat). */
export type RowDeps = Pick<CoordinationDeps, 'repos' | 'calendar'>;

export type UnitRow = {
  readonly unit: UnitWithParentCode;
  readonly level: AssessedLevel;
  readonly submission: SubmissionSummary | null;
  readonly status: SubmissionStatus;
  /** The score function's result (cached with the submission's last change). */
  readonly score: ScoreCache | null;
  /** Lateness of the first submission. */
  readonly late: Lateness;
};

export type Scope = {
  readonly all: readonly UnitWithParentCode[];
  readonly byId: ReadonlyMap<string, UnitWithParentCode>;
  readonly byCode: ReadonlyMap<string, UnitWithParentCode>;
  readonly visible: ReadonlySet<string>;
  readonly roots: readonly UnitWithParentCode[];
};

/** Units at or below the coordinator's membership units (province → all, district → its communes). */
export const scopeOf = async (deps: CoordinationDeps, ctx: Pick<CommandContext, 'memberships'>): Promise<Scope> =>
  scopeFromUnits(await deps.repos.units.list(), ctx.memberships);

/** The scope of `memberships` over units already read (every unit of the installation). */
export const scopeFromUnits = (all: readonly UnitWithParentCode[], memberships: CommandContext['memberships']): Scope => {
  const byId = new Map(all.map((u) => [u.id, u]));
  const rootIds = new Set(memberships.filter((m) => m.role === 'coordinator').map((m) => m.unitId));
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
  const wanted = args.find((a) => a.startsWith('period:'))?.slice(7);
  if (wanted) return (await deps.repos.periods.findById(wanted)) ?? null;
  const open = await deps.repos.periods.listOpen();
  return open.find((p) => p.scored) ?? open[0] ?? null;
};

const statusOf = (s: SubmissionSummary | null): SubmissionStatus =>
  !s ? 'not_started' : s.status === 'submitted' || s.status === 'verified' || s.status === 'returned' ? s.status : 'draft';

/** The cached score, or (for a submission written before this score version) the function's result now. */
const scoreFor = async (deps: RowDeps, period: StoredPeriod, s: SubmissionSummary): Promise<ScoreCache> => {
  if (s.score) return s.score;
  const [stored, snapshot] = await Promise.all([deps.repos.criteriaSets.findById(s.criteriaSetId), deps.repos.submissions.load(s.id)]);
  if (!stored || !snapshot) throw new Error(`submission ${s.id}: set or snapshot missing`);
  return scoreCache(stored.set, period, snapshot);
};

/** One row per visible, non-excluded unit of the assessed levels, with its scores and lateness. */
export const unitRows = async (deps: RowDeps, scope: Scope, period: StoredPeriod, filter: (u: Unit) => boolean = () => true): Promise<UnitRow[]> => {
  const unitSets = period.sets.filter((s) => s.answeredBy === 'unit');
  const setIds = unitSets.map((s) => s.criteriaSetId);
  const subs = await deps.repos.coordination.submissionsOf(period.id, setIds);
  const byUnit = new Map(subs.map((s) => [s.unitId, s]));
  // Merged units: a period belongs to the units that existed on its opening day.
  const units = scope.all.filter(
    (u) =>
      scope.visible.has(u.id) && isAssessedLevel(u.level) && unitSets.some((s) => s.level === u.level) && activeOn(u, period.opensAt, toLocalDate) && filter(u),
  );
  const rows: UnitRow[] = [];
  for (const u of units) {
    const submission = byUnit.get(u.id) ?? null;
    const level = u.level as AssessedLevel;
    rows.push({
      unit: u,
      level,
      submission,
      status: statusOf(submission),
      // The cached score as it is (10,000 rows: no await each); an older cache is recomputed.
      score: submission ? (submission.score ?? (await scoreFor(deps, period, submission))) : null,
      late: latenessOf(period, level, submission?.firstSubmittedAt ?? null, deps.calendar),
    });
  }
  return rows;
};

/**
 * The rows /status and /missing (and the dashboard) count: the target's units, excluded ones
 * left out. A quarterly update is never submitted once for good, so there a unit counts as
 * submitted when it has given the figures of the checkpoint now due (`due`, null otherwise).
 */
export const progressRows = async (
  deps: RowDeps,
  scope: Scope,
  period: StoredPeriod,
  target: { level?: AssessedLevel; district?: UnitWithParentCode },
  now: Date,
): Promise<{ rows: UnitRow[]; due: Checkpoint | null }> => {
  const all = await unitRows(
    deps,
    scope,
    period,
    (u) => !u.excluded && (!target.district || u.parentId === target.district.id) && (!target.level || u.level === target.level),
  );
  const quarterly = await dueCheckpointSent(
    deps.repos.submissions,
    period,
    all.flatMap((r) => (r.submission ? [r.submission.id] : [])),
    now,
  );
  if (!quarterly) return { rows: all, due: null };
  return { rows: all.map((r): UnitRow => (r.submission && quarterly.sent.has(r.submission.id) ? { ...r, status: 'submitted' } : r)), due: quarterly.due };
};

/** What ranks: the verified totals once appraisal has started, else the unit's own. */
export const rankedOf = (row: UnitRow): { readonly totals: ScoreTotals; readonly basis: 'self' | 'verified' } | null =>
  row.score ? rankedTotals(row.score, row.submission !== null && row.submission.appraisalState !== 'not_started') : null;

export const toRankEntry = (row: UnitRow): RankEntry => {
  const ranked = rankedOf(row);
  const t = ranked?.totals;
  return {
    unitId: row.unit.id,
    unitCode: row.unit.code,
    unitName: row.unit.name,
    level: row.level,
    ...(row.unit.parentId ? { parentId: row.unit.parentId } : {}),
    excluded: row.unit.excluded,
    status: row.status,
    percent: t?.percent ?? 0,
    points: t?.points ?? 0,
    applicableMax: t?.applicableMax ?? 0,
    groupPoints: t?.groups ?? {},
    ...(row.submission?.firstSubmittedAt ? { submittedAt: row.submission.firstSubmittedAt } : {}),
    late: row.late,
    tier: t?.tier ?? null,
    basis: ranked?.basis ?? 'self',
  };
};

/** Parses `[level] [district code]` arguments; levels may be written as people say them ("xã", "cấp huyện"). */
export const parseTarget = (scope: Scope, args: readonly string[]): { level?: AssessedLevel; district?: UnitWithParentCode; unknown?: string } => {
  const words = args.filter((a) => !a.startsWith('period:') && !/^\d+$/.test(a) && a !== 'page');
  const out: { level?: AssessedLevel; district?: UnitWithParentCode; unknown?: string } = {};
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    const pair = i + 1 < words.length ? parseLevelWord(`${word} ${words[i + 1]}`) : null;
    if (pair) {
      out.level = pair;
      i += 1;
      continue;
    }
    const level = parseLevelWord(word);
    const unit = scope.byCode.get(word.toUpperCase());
    if (level) out.level = level;
    else if (unit && (unit.level as UnitLevel) === 'district') out.district = unit;
    else out.unknown ??= word;
  }
  return out;
};
