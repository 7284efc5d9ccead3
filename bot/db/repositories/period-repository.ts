// Periods: the core Period (local ISO dates) is kept whole in `settings`; columns mirror the
// fields that queries filter on. Each period names the criteria sets used per level.
import type { Db } from '../database.ts';
import { periodSchema, type Period, type PeriodInput, type AssessedLevel } from '../../../core/periods/period.schema.ts';

export type PeriodSet = { readonly level: string; readonly criteriaSetId: string; readonly answeredBy: string; readonly key: string };
export type StoredPeriod = Period & { readonly sets: readonly PeriodSet[] };

const utcDate = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

const toStored = (row: {
  id: string;
  name: string;
  status: string;
  settings: unknown;
  criteriaSets: { level: string; criteriaSetId: string; criteriaSet: { answeredBy: string; key: string } }[];
}): StoredPeriod => ({
  ...periodSchema.parse({ ...(row.settings as object), id: row.id, name: row.name, status: row.status }),
  sets: row.criteriaSets.map((s) => ({ level: s.level, criteriaSetId: s.criteriaSetId, answeredBy: s.criteriaSet.answeredBy, key: s.criteriaSet.key })),
});

const periodSelect = {
  id: true,
  name: true,
  status: true,
  settings: true,
  criteriaSets: { select: { level: true, criteriaSetId: true, criteriaSet: { select: { answeredBy: true, key: true } } } },
} as const;

export const createPeriodRepository = (db: Db) => ({
  /** Creates or updates the period named `name` (idempotent for seeding). */
  async upsert(input: Omit<PeriodInput, 'id'>, sets: readonly { level: AssessedLevel | 'province'; criteriaSetId: string }[]): Promise<StoredPeriod> {
    const { id: _placeholder, ...period } = periodSchema.parse({ ...input, id: 'new' });
    const { name, status, kind, scored, lateToleranceWorkingDays } = period;
    const data = {
      name,
      status,
      kind,
      scored,
      dataFrom: utcDate(period.dataWindow.from),
      dataTo: utcDate(period.dataWindow.to),
      opensAt: utcDate(period.opensAt),
      deadlines: period.deadlines,
      lateToleranceDays: lateToleranceWorkingDays,
      appraisalDeadline: period.appraisalDeadline ? utcDate(period.appraisalDeadline) : null,
      settings: period as unknown as object,
    };
    const id = await db.$transaction(async (tx) => {
      const existing = await tx.period.findFirst({ where: { name }, select: { id: true } });
      const row = existing
        ? await tx.period.update({ where: { id: existing.id }, data, select: { id: true } })
        : await tx.period.create({ data, select: { id: true } });
      for (const s of sets) {
        await tx.periodCriteriaSet.upsert({
          where: { periodId_level_criteriaSetId: { periodId: row.id, level: s.level, criteriaSetId: s.criteriaSetId } },
          create: { periodId: row.id, level: s.level, criteriaSetId: s.criteriaSetId },
          update: {},
        });
      }
      return row.id;
    });
    const stored = await this.findById(id);
    if (!stored) throw new Error('period vanished after upsert');
    return stored;
  },

  async findById(id: string): Promise<StoredPeriod | null> {
    const row = await db.period.findUnique({ where: { id }, select: periodSelect });
    return row ? toStored(row) : null;
  },

  async list(): Promise<StoredPeriod[]> {
    const rows = await db.period.findMany({ select: periodSelect, orderBy: [{ opensAt: 'desc' }, { name: 'asc' }] });
    return rows.map(toStored);
  },

  async listOpen(): Promise<StoredPeriod[]> {
    const rows = await db.period.findMany({ where: { status: 'open' }, select: periodSelect, orderBy: [{ opensAt: 'desc' }, { name: 'asc' }] });
    return rows.map(toStored);
  },

  async setStatus(id: string, status: Period['status']): Promise<void> {
    const row = await db.period.findUniqueOrThrow({ where: { id }, select: { settings: true } });
    await db.period.update({ where: { id }, data: { status, settings: { ...(row.settings as object), status } } });
  },
});

export type PeriodRepository = ReturnType<typeof createPeriodRepository>;
