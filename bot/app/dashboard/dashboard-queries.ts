// The coordinators' dashboard is one more channel over the coordination use cases: every
// figure here comes from the functions /status, /ranking and /unit render in chat (statusData,
// rankingsFor, unitRows + unitDetail), with the same scope and the same period choice, so a
// number never has a second implementation.
import type { AssessedLevel } from '../../../core/periods/period.schema.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { Membership, StoredPeriod } from '../ports.ts';
import { isAssessedLevel, pickPeriod, scopeOf, unitRows, type CoordinationDeps, type Scope } from '../coordination/coordination-context.ts';
import { rankingsFor, type LevelRankingView } from '../coordination/ranking-command.ts';
import { statusData, type LevelStatus } from '../coordination/status-command.ts';
import { unitDetail, type UnitDetail } from '../coordination/unit-command.ts';
import type { UnitRow } from '../coordination/coordination-context.ts';
import type { ChannelKind } from '../inbound.ts';

/** Who opened the dashboard: a Telegram account (Mini App) or a person (signed link). */
export type DashboardIdentity =
  { readonly kind: 'account'; readonly channel: ChannelKind; readonly externalId: string } | { readonly kind: 'person'; readonly personId: string };

export type DashboardCaller = {
  readonly personId: string;
  readonly displayName: string;
  readonly locale: Locale;
  readonly memberships: readonly Membership[];
};

export type DashboardRefusal = 'unknown_person' | 'not_coordinator' | 'no_period' | 'unknown_unit' | 'out_of_scope' | 'bad_request';
export type DashboardOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: DashboardRefusal };

const refuse = <T>(refusal: DashboardRefusal): DashboardOutcome<T> => ({ ok: false, refusal });

/** The person behind an identity, with their active memberships (as the dialogue loads them). */
export const resolveCaller = async (deps: CoordinationDeps, identity: DashboardIdentity, fallbackLocale: Locale): Promise<DashboardCaller | null> => {
  let personId: string;
  if (identity.kind === 'account') {
    const account = await deps.repos.people.findAccount(identity.channel, identity.externalId);
    if (!account) return null;
    personId = account.personId;
  } else personId = identity.personId;
  const [person, memberships] = await Promise.all([deps.repos.people.findPerson(personId), deps.repos.people.listMemberships(personId)]);
  if (!person) return null;
  const locale: Locale = person.locale === 'en' || person.locale === 'vi' ? person.locale : fallbackLocale;
  return { personId, displayName: person.displayName, locale, memberships };
};

type Guarded = { readonly scope: Scope; readonly period: StoredPeriod };

// The same checks as the chat's `guarded`: coordinators only, the open period.
const guard = async <T>(deps: CoordinationDeps, caller: DashboardCaller, f: (g: Guarded) => Promise<DashboardOutcome<T>>): Promise<DashboardOutcome<T>> => {
  if (!caller.memberships.some((m) => m.role === 'coordinator')) return refuse('not_coordinator');
  const period = await pickPeriod(deps, []);
  if (!period) return refuse('no_period');
  return f({ scope: await scopeOf(deps, caller), period });
};

export type DashboardMe = {
  readonly displayName: string;
  readonly locale: Locale;
  readonly period: { readonly id: string; readonly name: string; readonly deadlines: Readonly<Partial<Record<AssessedLevel, string>>> };
  readonly scope: readonly { readonly code: string; readonly name: string; readonly level: string }[];
  /** The districts whose communes the caller sees (the filter of the ranking and the status). */
  readonly districts: readonly { readonly code: string; readonly name: string }[];
  readonly levels: readonly AssessedLevel[];
};

export const dashboardMe = (deps: CoordinationDeps, caller: DashboardCaller): Promise<DashboardOutcome<DashboardMe>> =>
  guard(deps, caller, async ({ scope, period }) => {
    const levels = [...new Set(period.sets.filter((s) => s.answeredBy === 'unit').map((s) => s.level))].filter(isAssessedLevel);
    return {
      ok: true,
      value: {
        displayName: caller.displayName,
        locale: caller.locale,
        period: { id: period.id, name: period.name, deadlines: period.deadlines },
        scope: scope.roots.map((u) => ({ code: u.code, name: u.name, level: u.level })),
        districts: scope.all.filter((u) => u.level === 'district' && scope.visible.has(u.id)).map((u) => ({ code: u.code, name: u.name })),
        levels,
      },
    };
  });

const levelArg = (level: string | undefined): DashboardOutcome<AssessedLevel | undefined> =>
  !level ? { ok: true, value: undefined } : isAssessedLevel(level) ? { ok: true, value: level } : refuse('bad_request');

/** A district the caller named: unknown → unknown_unit, outside the scope → out_of_scope (as /status says). */
const districtArg = (scope: Scope, code: string | undefined): DashboardOutcome<Scope['all'][number] | undefined> => {
  if (!code) return { ok: true, value: undefined };
  const unit = scope.byCode.get(code.toUpperCase());
  if (!unit || unit.level !== 'district') return refuse('unknown_unit');
  if (!scope.visible.has(unit.id)) return refuse('out_of_scope');
  return { ok: true, value: unit };
};

export type DashboardStatus = { readonly period: string; readonly levels: readonly LevelStatus[] };

export const dashboardStatus = (
  deps: CoordinationDeps,
  caller: DashboardCaller,
  query: { level?: string; district?: string },
  now: Date,
): Promise<DashboardOutcome<DashboardStatus>> =>
  guard(deps, caller, async ({ scope, period }) => {
    const level = levelArg(query.level);
    if (!level.ok) return level;
    const district = districtArg(scope, query.district);
    if (!district.ok) return district;
    const levels = await statusData(
      deps,
      scope,
      period,
      { ...(level.value ? { level: level.value } : {}), ...(district.value ? { district: district.value } : {}) },
      now,
    );
    return { ok: true, value: { period: period.name, levels } };
  });

export type DashboardRanking = { readonly period: string; readonly levels: readonly LevelRankingView[] };

export const dashboardRanking = (
  deps: CoordinationDeps,
  caller: DashboardCaller,
  query: { level?: string; district?: string },
): Promise<DashboardOutcome<DashboardRanking>> =>
  guard(deps, caller, async ({ scope, period }) => {
    const level = levelArg(query.level);
    if (!level.ok) return level;
    const district = districtArg(scope, query.district);
    if (!district.ok) return district;
    const levels = await rankingsFor(deps, scope, period, {
      ...(level.value ? { level: level.value } : {}),
      ...(district.value ? { districtId: district.value.id } : {}),
    });
    return { ok: true, value: { period: period.name, levels } };
  });

export type DashboardUnit = {
  readonly period: StoredPeriod;
  readonly unit: Scope['all'][number];
  readonly row: UnitRow | undefined;
  readonly detail: UnitDetail | null;
};

export const dashboardUnit = (deps: CoordinationDeps, caller: DashboardCaller, code: string): Promise<DashboardOutcome<DashboardUnit>> =>
  guard(deps, caller, async ({ scope, period }) => {
    const unit = scope.byCode.get(code.toUpperCase());
    if (!unit) return refuse('unknown_unit');
    // Exactly /unit's rule (unitInScope): a unit outside the caller's scope is refused.
    if (!scope.visible.has(unit.id)) return refuse('out_of_scope');
    const [row] = await unitRows(deps, scope, period, (u) => u.id === unit.id);
    const detail = row ? await unitDetail(deps, period, row, caller.locale) : null;
    return { ok: true, value: { period, unit, row, detail } };
  });
