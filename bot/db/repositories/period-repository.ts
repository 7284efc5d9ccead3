// Periods: the core Period (local ISO dates) is kept whole in `settings`; columns mirror the
// fields that queries filter on. Each period names the criteria sets used per level.
import type { Db } from '../database.ts';
import { periodSchema, type PeriodInput } from '../../../core/periods/period.schema.ts';
import type { PeriodRepository, StoredPeriod } from '../../app/ports.ts';

const utcDate = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

const toStored = (row: {
  id: string;
  name: string;
  status: string;
  settings: unknown;
  criteriaSets: { level: string; criteriaSetId: string; criteriaSet: { answeredBy: string; key: string; version: number } }[];
}): StoredPeriod => ({
  ...periodSchema.parse({ ...(row.settings as object), id: row.id, name: row.name, status: row.status }),
  sets: row.criteriaSets.map((s) => ({
    level: s.level,
    criteriaSetId: s.criteriaSetId,
    answeredBy: s.criteriaSet.answeredBy,
    key: s.criteriaSet.key,
    version: s.criteriaSet.version,
  })),
});

const periodSelect = {
  id: true,
  name: true,
  status: true,
  settings: true,
  criteriaSets: { select: { level: true, criteriaSetId: true, criteriaSet: { select: { answeredBy: true, key: true, version: true } } } },
} as const;

/** The columns mirror the settings; `settings` keeps the whole validated Period (without id). */
const rowData = (input: Omit<PeriodInput, 'id'>) => {
  const { id: _placeholder, ...period } = periodSchema.parse({ ...input, id: 'new' });
  const { name, status, kind, scored, lateToleranceWorkingDays } = period;
  return {
    ...(period.key === undefined ? {} : { key: period.key }),
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
};

export const createPeriodRepository = (db: Db): PeriodRepository => ({
  /** Creates or updates the period named `name` (idempotent for seeding). */
  async upsert(input, sets) {
    const data = rowData(input);
    const { name } = data;
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

  /** A new period (from a file or a copy) with its criteria sets; returns its id. */
  async create(input, sets) {
    const data = rowData(input);
    const row = await db.period.create({
      data: { ...data, criteriaSets: { create: sets.map((s) => ({ level: s.level, criteriaSetId: s.criteriaSetId })) } },
      select: { id: true },
    });
    return row.id;
  },

  /** Replaces the settings and the set links of a period, in one transaction. */
  async replace(id, input, sets) {
    const data = rowData(input);
    await db.$transaction(async (tx) => {
      await tx.period.update({ where: { id }, data });
      await tx.periodCriteriaSet.deleteMany({ where: { periodId: id } });
      await tx.periodCriteriaSet.createMany({ data: sets.map((s) => ({ periodId: id, level: s.level, criteriaSetId: s.criteriaSetId })) });
    });
  },

  async findByKey(key) {
    const row = await db.period.findUnique({ where: { key }, select: periodSelect });
    return row ? toStored(row) : null;
  },

  /** True once any submission of the period has an answer: its criteria sets are then frozen. */
  async hasAnswers(id) {
    return (await db.answer.findFirst({ where: { submission: { periodId: id } }, select: { id: true } })) !== null;
  },

  async findById(id) {
    const row = await db.period.findUnique({ where: { id }, select: periodSelect });
    return row ? toStored(row) : null;
  },

  async list() {
    const rows = await db.period.findMany({ select: periodSelect, orderBy: [{ opensAt: 'desc' }, { name: 'asc' }] });
    return rows.map(toStored);
  },

  async listOpen() {
    const rows = await db.period.findMany({ where: { status: 'open' }, select: periodSelect, orderBy: [{ opensAt: 'desc' }, { name: 'asc' }] });
    return rows.map(toStored);
  },

  async setStatus(id, status) {
    const row = await db.period.findUniqueOrThrow({ where: { id }, select: { settings: true } });
    await db.period.update({ where: { id }, data: { status, settings: { ...(row.settings as object), status } } });
  },
});
