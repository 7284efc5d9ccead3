// Criteria sets in memory, mirroring bot/db/repositories/criteria-set-repository.ts: immutable
// per key and version (another checksum is a conflict), definitions parsed by the schema on read.
import { CriteriaSetSchema } from '../../../core/criteria/criteria-set.schema.ts';
import type { CriteriaSetRepository, StoredCriteriaSet } from '../../../bot/app/ports.ts';
import { json, recordNotFound, type CriteriaSetRow, type InMemoryStore } from './store.ts';

const toStored = (row: CriteriaSetRow): StoredCriteriaSet => ({ id: row.id, checksum: row.checksum, set: CriteriaSetSchema.parse(json(row.definition)) });

const latest = (rows: readonly CriteriaSetRow[], key: string, version?: number): CriteriaSetRow | undefined =>
  rows.filter((r) => r.key === key && (version === undefined || r.version === version)).sort((a, b) => b.version - a.version)[0];

export const createInMemoryCriteriaSetRepository = (store: InMemoryStore): CriteriaSetRepository => ({
  async importSet(set, checksum) {
    const existing = store.criteriaSets.find((r) => r.key === set.key && r.version === set.version);
    if (existing) return { kind: existing.checksum === checksum ? 'unchanged' : 'conflict', id: existing.id };
    const row: CriteriaSetRow = {
      id: store.newId('set'),
      key: set.key,
      version: set.version,
      level: set.level,
      title: set.title.vi,
      answeredBy: set.answeredBy,
      scored: set.scored,
      definition: json(set),
      checksum,
    };
    store.criteriaSets.push(row);
    return { kind: 'created', id: row.id };
  },

  async findById(id) {
    const row = store.criteriaSets.find((r) => r.id === id);
    return row ? toStored(row) : null;
  },

  async findByKey(key, version) {
    const row = latest(store.criteriaSets, key, version);
    return row ? toStored(row) : null;
  },

  async replaceChecksum(id, checksum) {
    const row = store.criteriaSets.find((r) => r.id === id);
    if (!row) throw recordNotFound(`criteria set ${id}`);
    row.checksum = checksum;
  },

  async findLatest(key) {
    const row = latest(store.criteriaSets, key);
    return row ? { id: row.id, version: row.version } : null;
  },

  async list() {
    return [...store.criteriaSets]
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.version - b.version))
      .map(({ id, key, version, level, title, answeredBy, scored, checksum }) => ({ id, key, version, level, title, answeredBy, scored, checksum }));
  },
});
