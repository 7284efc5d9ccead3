// Units in memory, mirroring bot/db/repositories/unit-repository.ts: upserts by code in one
// all-or-nothing batch, lists ordered by level then code (byte order, as SQLite compares).
import type { Unit } from '../../../core/units/unit.ts';
import { unitLevelSchema } from '../../../core/units/unit.ts';
import type { UnitRepository } from '../../../bot/app/ports.ts';
import { json, recordNotFound, type InMemoryStore, type UnitRow } from './store.ts';

const toUnit = (row: UnitRow): Unit => ({
  id: row.id,
  code: row.code,
  name: row.name,
  level: unitLevelSchema.parse(row.level),
  parentId: row.parentId,
  excluded: row.excluded,
  excludedReason: row.excludedReason ?? null,
  effectiveFrom: row.effectiveFrom,
  effectiveTo: row.effectiveTo,
  profile: row.profile && typeof row.profile === 'object' ? (json(row.profile) as Record<string, number>) : null,
});

const byLevelThenCode = (a: UnitRow, b: UnitRow): number => (a.level < b.level ? -1 : a.level > b.level ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export const createInMemoryUnitRepository = (store: InMemoryStore): UnitRepository => ({
  async findByCode(code) {
    const row = store.units.find((u) => u.code === code);
    return row ? toUnit(row) : null;
  },

  async findById(id) {
    const row = store.units.find((u) => u.id === id);
    return row ? toUnit(row) : null;
  },

  async list(filter = {}) {
    return store.units
      .filter((u) => (!filter.level || u.level === filter.level) && (!filter.parentId || u.parentId === filter.parentId))
      .sort(byLevelThenCode)
      .map((u) => ({ ...toUnit(u), parentCode: store.units.find((p) => p.id === u.parentId)?.code ?? null }));
  },

  async levelsByCode() {
    return new Map(store.units.map((u) => [u.code, unitLevelSchema.parse(u.level)]));
  },

  async count() {
    return store.units.length;
  },

  async upsertMany(units) {
    // One transaction: stage the rows and commit only when every parent was found.
    const staged = store.units.map((u) => ({ ...u }));
    for (const unit of units) {
      let parentId: string | null = null;
      if (unit.parentCode !== null) {
        parentId = staged.find((u) => u.code === unit.parentCode)?.id ?? null;
        if (parentId === null) throw new Error(`unknown parent unit ${unit.parentCode}`);
      }
      const existing = staged.find((u) => u.code === unit.code);
      const data = {
        name: unit.name,
        level: unit.level,
        parentId,
        ...(unit.excluded !== undefined ? { excluded: unit.excluded, ...(unit.excluded ? {} : { excludedReason: null }) } : {}),
        ...(unit.profile !== undefined ? { profile: json(unit.profile) } : {}),
      };
      if (existing) Object.assign(existing, data);
      else staged.push({ id: store.newId('unit'), code: unit.code, excluded: false, effectiveFrom: null, effectiveTo: null, profile: null, ...data });
    }
    store.units.splice(0, store.units.length, ...staged);
    return units.length;
  },

  async setExcluded(code, excluded, reason = null) {
    const row = store.units.find((u) => u.code === code);
    if (!row) return null;
    row.excluded = excluded;
    row.excludedReason = excluded ? reason : null;
    return toUnit(row);
  },

  async recordMerge(input) {
    const unit = (id: string) => {
      const row = store.units.find((u) => u.id === id);
      if (!row) throw recordNotFound(`unit ${id}`);
      return row;
    };
    for (const predecessorId of input.predecessorIds) {
      const link = store.successions.find((l) => l.predecessorId === predecessorId && l.successorId === input.successorId);
      if (link) link.effectiveOn = input.effectiveOn;
      else store.successions.push({ predecessorId, successorId: input.successorId, effectiveOn: input.effectiveOn });
      unit(predecessorId).effectiveTo = input.effectiveOn;
    }
    unit(input.successorId).effectiveFrom = input.effectiveOn;
  },

  async predecessorsOf(unitId) {
    return store.successions
      .filter((l) => l.successorId === unitId)
      .flatMap((l) => {
        const row = store.units.find((u) => u.id === l.predecessorId);
        return row ? [{ unit: toUnit(row), effectiveOn: l.effectiveOn }] : [];
      })
      .sort((a, b) => a.unit.code.localeCompare(b.unit.code));
  },
});
