import type { Db } from '../database.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import { rawValues } from './raw-values.ts';
import type { NewUnit, Unit, UnitLevel } from '../../../core/units/unit.ts';
import { unitLevelSchema } from '../../../core/units/unit.ts';
import type { UnitRepository, UnitWithParentCode } from '../../app/ports.ts';

type UnitRow = {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
  excluded: boolean;
  excludedReason: string | null;
  effectiveFrom: Date | null;
  effectiveTo: Date | null;
  profile: unknown;
};

/** Columns whose raw form differs by provider (SQLite: 0/1 and ISO text). */
type RawFlags = { excluded: unknown; effectiveFrom: unknown; effectiveTo: unknown };

const unitSelect = {
  id: true,
  code: true,
  name: true,
  level: true,
  parentId: true,
  excluded: true,
  excludedReason: true,
  effectiveFrom: true,
  effectiveTo: true,
  profile: true,
} as const;

const toUnit = (row: UnitRow): Unit => ({
  id: row.id,
  code: row.code,
  name: row.name,
  level: unitLevelSchema.parse(row.level),
  parentId: row.parentId,
  excluded: row.excluded,
  excludedReason: row.excludedReason,
  effectiveFrom: row.effectiveFrom,
  effectiveTo: row.effectiveTo,
  profile: row.profile && typeof row.profile === 'object' ? (row.profile as Record<string, number>) : null,
});

export const createUnitRepository = (db: Db): UnitRepository => ({
  async findByCode(code: string): Promise<Unit | null> {
    const row = await db.unit.findUnique({ where: { code }, select: unitSelect });
    return row ? toUnit(row) : null;
  },

  async findById(id: string): Promise<Unit | null> {
    const row = await db.unit.findUnique({ where: { id }, select: unitSelect });
    return row ? toUnit(row) : null;
  },

  /**
   * Raw SQL: /status, /ranking, reminders and the export read every unit (10,000 in the bench),
   * and Prisma's nested select took about 250 ms of it; one join takes a fraction of that.
   */
  async list(filter: { level?: UnitLevel; parentId?: string } = {}): Promise<UnitWithParentCode[]> {
    const rows = await db.$queryRaw<(Omit<UnitRow, 'excluded' | 'effectiveFrom' | 'effectiveTo'> & RawFlags & { parentCode: string | null })[]>`
      SELECT u."id", u."code", u."name", u."level", u."parentId", u."excluded", u."excludedReason",
        u."effectiveFrom", u."effectiveTo", u."profile", p."code" AS "parentCode"
      FROM "Unit" u LEFT JOIN "Unit" p ON p."id" = u."parentId"
      WHERE 1 = 1 ${filter.level ? Prisma.sql`AND u."level" = ${filter.level}` : Prisma.empty}
        ${filter.parentId ? Prisma.sql`AND u."parentId" = ${filter.parentId}` : Prisma.empty}
      ORDER BY u."level" ASC, u."code" ASC`;
    const raw = rawValues(db);
    return rows.map((r) => ({
      ...toUnit({
        ...r,
        excluded: raw.flag(r.excluded),
        effectiveFrom: raw.date(r.effectiveFrom),
        effectiveTo: raw.date(r.effectiveTo),
        profile: r.profile === null ? null : raw.parsed(r.profile),
      }),
      parentCode: r.parentCode,
    }));
  },

  async levelsByCode(): Promise<Map<string, UnitLevel>> {
    const rows = await db.unit.findMany({ select: { code: true, level: true } });
    return new Map(rows.map((r) => [r.code, unitLevelSchema.parse(r.level)]));
  },

  async count(): Promise<number> {
    return db.unit.count();
  },

  /** Inserts or updates units by code in one transaction; parents must precede children. */
  async upsertMany(units: readonly NewUnit[]): Promise<number> {
    await db.$transaction(async (tx) => {
      const ids = new Map<string, string>();
      for (const unit of units) {
        let parentId: string | null = null;
        if (unit.parentCode !== null) {
          parentId = ids.get(unit.parentCode) ?? (await tx.unit.findUnique({ where: { code: unit.parentCode }, select: { id: true } }))?.id ?? null;
          if (parentId === null) throw new Error(`unknown parent unit ${unit.parentCode}`);
        }
        const data = {
          name: unit.name,
          level: unit.level,
          parentId,
          ...(unit.excluded !== undefined ? { excluded: unit.excluded, ...(unit.excluded ? {} : { excludedReason: null }) } : {}),
          ...(unit.profile !== undefined ? { profile: unit.profile } : {}),
        };
        const row = await tx.unit.upsert({ where: { code: unit.code }, create: { code: unit.code, ...data }, update: data, select: { id: true } });
        ids.set(unit.code, row.id);
      }
    });
    return units.length;
  },

  async setExcluded(code: string, excluded: boolean, reason: string | null = null): Promise<Unit | null> {
    const found = await db.unit.findUnique({ where: { code }, select: { id: true } });
    if (!found) return null;
    return toUnit(await db.unit.update({ where: { code }, data: { excluded, excludedReason: excluded ? reason : null }, select: unitSelect }));
  },

  async recordMerge(input: { predecessorIds: readonly string[]; successorId: string; effectiveOn: Date }): Promise<void> {
    await db.$transaction(async (tx) => {
      for (const predecessorId of input.predecessorIds) {
        await tx.unitSuccession.upsert({
          where: { predecessorId_successorId: { predecessorId, successorId: input.successorId } },
          create: { predecessorId, successorId: input.successorId, effectiveOn: input.effectiveOn },
          update: { effectiveOn: input.effectiveOn },
        });
        await tx.unit.update({ where: { id: predecessorId }, data: { effectiveTo: input.effectiveOn } });
      }
      await tx.unit.update({ where: { id: input.successorId }, data: { effectiveFrom: input.effectiveOn } });
    });
  },

  async predecessorsOf(unitId: string): Promise<{ unit: Unit; effectiveOn: Date | null }[]> {
    const rows = await db.unitSuccession.findMany({
      where: { successorId: unitId },
      select: { effectiveOn: true, predecessor: { select: unitSelect } },
      orderBy: { predecessorId: 'asc' },
    });
    return rows.map((r) => ({ unit: toUnit(r.predecessor), effectiveOn: r.effectiveOn })).sort((a, b) => a.unit.code.localeCompare(b.unit.code));
  },
});
