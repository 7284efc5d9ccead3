// A coordinator's scope is the unit of the membership and everything below it: a province
// coordinator sees every unit, a district coordinator its district and its communes. Works
// for three-level and two-level (communes directly under the province) installations.
import type { Unit } from '../../core/units/unit.ts';
import type { Membership, UnitRepository } from './ports.ts';

export const coordinatesUnit = async (units: UnitRepository, memberships: readonly Membership[], unit: Unit): Promise<boolean> => {
  const scopes = new Set(memberships.filter((m) => m.role === 'coordinator').map((m) => m.unitId));
  if (scopes.size === 0) return false;
  let current: Unit | null = unit;
  for (let depth = 0; current && depth < 8; depth += 1) {
    if (scopes.has(current.id)) return true;
    current = current.parentId ? await units.findById(current.parentId) : null;
  }
  return false;
};
