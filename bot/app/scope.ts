// A coordinator's scope is the unit of the membership and everything below it: a province
// coordinator sees every unit, a district coordinator its district and its communes. Works
// for three-level and two-level (communes directly under the province) installations.
import type { Unit } from '../../core/units/unit.ts';
import type { Membership, Role, UnitRepository } from './ports.ts';

const inScopeOf = async (units: UnitRepository, memberships: readonly Membership[], unit: Unit, roles: readonly Role[]): Promise<boolean> => {
  const scopes = new Set(memberships.filter((m) => roles.includes(m.role)).map((m) => m.unitId));
  if (scopes.size === 0) return false;
  let current: Unit | null = unit;
  for (let depth = 0; current && depth < 8; depth += 1) {
    if (scopes.has(current.id)) return true;
    current = current.parentId ? await units.findById(current.parentId) : null;
  }
  return false;
};

export const coordinatesUnit = (units: UnitRepository, memberships: readonly Membership[], unit: Unit): Promise<boolean> =>
  inScopeOf(units, memberships, unit, ['coordinator']);

/** Who may /assess a unit: its coordinators, and assessors (`invite create --role assessor`) over the same scope. */
export const assessesUnit = (units: UnitRepository, memberships: readonly Membership[], unit: Unit): Promise<boolean> =>
  inScopeOf(units, memberships, unit, ['coordinator', 'assessor']);
