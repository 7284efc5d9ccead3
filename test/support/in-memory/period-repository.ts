// Periods in memory, mirroring bot/db/repositories/period-repository.ts: the validated Period is
// kept whole in `settings`; `upsert` finds by name and only adds set links; `replace` swaps them.
import { periodSchema, type PeriodInput } from '../../../core/periods/period.schema.ts';
import type { PeriodLink, PeriodRepository, StoredPeriod } from '../../../bot/app/ports.ts';
import { json, recordNotFound, uniqueViolation, type InMemoryStore, type PeriodRow } from './store.ts';

const byOpensDescThenName = (a: PeriodRow, b: PeriodRow): number =>
  a.opensAt !== b.opensAt ? (a.opensAt < b.opensAt ? 1 : -1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

export const createInMemoryPeriodRepository = (store: InMemoryStore): PeriodRepository => {
  const toStored = (row: PeriodRow): StoredPeriod => ({
    ...periodSchema.parse({ ...(json(row.settings) as object), id: row.id, name: row.name, status: row.status }),
    sets: row.sets.map((s) => {
      const set = store.criteriaSets.find((c) => c.id === s.criteriaSetId);
      if (!set) throw new Error(`period ${row.id}: criteria set ${s.criteriaSetId} missing`);
      return { level: s.level, criteriaSetId: s.criteriaSetId, answeredBy: set.answeredBy, key: set.key, version: set.version };
    }),
  });
  /** The stored columns of a validated period; `key` is only written when the input has one. */
  const rowData = (input: Omit<PeriodInput, 'id'>) => {
    const { id: _placeholder, ...period } = periodSchema.parse({ ...input, id: 'new' });
    return {
      ...(period.key === undefined ? {} : { key: period.key }),
      name: period.name,
      status: period.status,
      opensAt: period.opensAt,
      settings: json(period),
    };
  };
  const checkKey = (key: string | undefined, id: string | null) => {
    if (key !== undefined && store.periods.some((p) => p.key === key && p.id !== id)) throw uniqueViolation(`period key ${key}`);
  };
  const checkSets = (sets: readonly PeriodLink[]) => {
    for (const s of sets)
      if (!store.criteriaSets.some((c) => c.id === s.criteriaSetId)) throw new Error(`criteria set ${s.criteriaSetId} missing (foreign key)`);
  };
  const row = (id: string): PeriodRow => {
    const found = store.periods.find((p) => p.id === id);
    if (!found) throw recordNotFound(`period ${id}`);
    return found;
  };
  return {
    async upsert(input, sets) {
      const data = rowData(input);
      checkSets(sets);
      const existing = store.periods.find((p) => p.name === data.name);
      checkKey(data.key, existing?.id ?? null);
      const target = existing ?? { id: store.newId('period'), key: null, sets: [], ...data };
      if (existing) Object.assign(existing, data);
      else store.periods.push(target);
      for (const s of sets)
        if (!target.sets.some((x) => x.level === s.level && x.criteriaSetId === s.criteriaSetId))
          target.sets.push({ level: s.level, criteriaSetId: s.criteriaSetId });
      return toStored(target);
    },

    async create(input, sets) {
      const data = rowData(input);
      checkSets(sets);
      checkKey(data.key, null);
      const id = store.newId('period');
      store.periods.push({ id, key: null, ...data, sets: sets.map((s) => ({ level: s.level, criteriaSetId: s.criteriaSetId })) });
      return id;
    },

    async replace(id, input, sets) {
      const target = row(id);
      const data = rowData(input);
      checkSets(sets);
      checkKey(data.key, id);
      Object.assign(target, data, { sets: sets.map((s) => ({ level: s.level, criteriaSetId: s.criteriaSetId })) });
    },

    async findByKey(key) {
      const found = store.periods.find((p) => p.key === key);
      return found ? toStored(found) : null;
    },

    async hasAnswers(id) {
      const ids = new Set(store.submissions.filter((s) => s.periodId === id).map((s) => s.id));
      return store.answers.some((a) => ids.has(a.submissionId));
    },

    async findById(id) {
      const found = store.periods.find((p) => p.id === id);
      return found ? toStored(found) : null;
    },

    async list() {
      return [...store.periods].sort(byOpensDescThenName).map(toStored);
    },

    async listOpen() {
      return store.periods
        .filter((p) => p.status === 'open')
        .sort(byOpensDescThenName)
        .map(toStored);
    },

    async setStatus(id, status) {
      const target = row(id);
      target.status = status;
      target.settings = { ...(target.settings as object), status };
    },
  };
};
