// Resolves what an officer is reporting on: unit (asks when several), open period (asks when
// several), the level's criteria set and the shared submission of that unit.
import type { CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';
import type { Unit } from '../../../core/units/unit.ts';
import type { DialogueDeps } from './deps.ts';
import type { Turn } from './turn.ts';
import { assessesUnit } from '../scope.ts';
import type { StoredPeriod, SubmissionSnapshot } from '../ports.ts';

export type ReportContext = {
  readonly unit: Unit;
  readonly period: StoredPeriod;
  readonly set: CriteriaSet;
  readonly submission: SubmissionSnapshot;
};

export type Resolution =
  | { readonly kind: 'ready'; readonly ctx: ReportContext }
  | { readonly kind: 'no_membership' }
  | { readonly kind: 'choose_unit'; readonly units: readonly Unit[] }
  | { readonly kind: 'no_period'; readonly unit: Unit }
  /** The period's results are published (`period publish`): answers and appraisal are read-only. */
  | { readonly kind: 'published'; readonly unit: Unit; readonly period: StoredPeriod }
  | { readonly kind: 'choose_period'; readonly unit: Unit; readonly periods: readonly StoredPeriod[] };

const isAssessedLevel = (level: string): level is 'commune' | 'district' | 'department' =>
  level === 'commune' || level === 'district' || level === 'department';

export const reporterUnits = async (deps: DialogueDeps, turn: Turn): Promise<Unit[]> => {
  const ids = turn.memberships.filter((m) => m.role === 'reporter').map((m) => m.unitId);
  const units = await Promise.all(ids.map((id) => deps.units.findById(id)));
  return units.filter((u): u is Unit => u !== null);
};

export type AnsweredBy = 'unit' | 'assessor';

/** Open periods that have a set for the unit's level answered by the unit (or an assessor). */
export const periodsForUnit = async (deps: DialogueDeps, unit: Unit, by: AnsweredBy = 'unit'): Promise<StoredPeriod[]> => {
  if (!isAssessedLevel(unit.level)) return [];
  const open = await deps.periods.listOpen();
  return open.filter(
    (p) => (by === 'assessor' || p.deadlines[unit.level as 'commune'] !== undefined) && p.sets.some((s) => s.level === unit.level && s.answeredBy === by),
  );
};

/** The published period a chat was working on, else the latest published one for the unit. */
const publishedPeriodFor = async (deps: DialogueDeps, unit: Unit, by: AnsweredBy, periodId: string | undefined): Promise<StoredPeriod | undefined> => {
  if (!isAssessedLevel(unit.level)) return undefined;
  const published = (await deps.periods.list()).filter((p) => p.status === 'published' && p.sets.some((s) => s.level === unit.level && s.answeredBy === by));
  return published.find((p) => p.id === periodId) ?? published[0];
};

export const loadReportContext = async (
  deps: DialogueDeps,
  unit: Unit,
  period: StoredPeriod,
  now: Date,
  by: AnsweredBy = 'unit',
  trustCache = false,
): Promise<ReportContext | null> => {
  const link = period.sets.find((s) => s.level === unit.level && s.answeredBy === by);
  if (!link) return null;
  const stored = await deps.criteriaSets.findById(link.criteriaSetId);
  if (!stored) return null;
  const submission = await deps.submissions.getOrCreate({ periodId: period.id, unitId: unit.id, criteriaSetId: stored.id, profile: {}, now, trustCache });
  return { unit, period, set: stored.set, submission };
};

/** The unit a coordinator or assessor assesses, when it is inside their scope. */
const assessedUnits = async (deps: DialogueDeps, turn: Turn, unitId: string | undefined): Promise<Unit[]> => {
  const unit = unitId ? await deps.units.findById(unitId) : null;
  return unit && (await assessesUnit(deps.units, turn.memberships, unit)) ? [unit] : [];
};

export const resolveReport = async (
  deps: DialogueDeps,
  turn: Turn,
  wanted: { unitId?: string; periodId?: string; forWrite?: boolean },
): Promise<Resolution> => {
  const by: AnsweredBy = turn.state.assess ? 'assessor' : 'unit';
  const units = by === 'assessor' ? await assessedUnits(deps, turn, wanted.unitId ?? turn.state.unitId) : await reporterUnits(deps, turn);
  if (units.length === 0) return { kind: 'no_membership' };
  const unit = units.find((u) => u.id === (wanted.unitId ?? turn.state.unitId)) ?? (units.length === 1 ? units[0] : undefined);
  if (!unit) return { kind: 'choose_unit', units };
  const periods = await periodsForUnit(deps, unit, by);
  if (periods.length === 0) {
    const published = await publishedPeriodFor(deps, unit, by, wanted.periodId ?? turn.state.periodId);
    return published ? { kind: 'published', unit, period: published } : { kind: 'no_period', unit };
  }
  const period = periods.find((p) => p.id === (wanted.periodId ?? turn.state.periodId)) ?? (periods.length === 1 ? periods[0] : undefined);
  if (!period) return { kind: 'choose_period', unit, periods };
  const ctx = await loadReportContext(deps, unit, period, turn.now, by, wanted.forWrite === true);
  return ctx ? { kind: 'ready', ctx } : { kind: 'no_period', unit };
};
