// Criteria sets are immutable once imported: the same key+version with a different checksum
// is refused, so a period's scores can always be recomputed from the definition it used.
import type { Db } from '../database.ts';
import type { CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';
import { CriteriaSetSchema } from '../../../core/criteria/criteria-set.schema.ts';
import type { CriteriaSetRepository, StoredCriteriaSet } from '../../app/ports.ts';

const parseDefinition = (definition: unknown): CriteriaSet => CriteriaSetSchema.parse(definition);

export const createCriteriaSetRepository = (db: Db): CriteriaSetRepository => {
  const cache = new Map<string, StoredCriteriaSet>();
  const findById = async (id: string): Promise<StoredCriteriaSet | null> => {
    const hit = cache.get(id);
    if (hit) return hit;
    const row = await db.criteriaSet.findUnique({ where: { id }, select: { id: true, checksum: true, definition: true } });
    if (!row) return null;
    const stored = { id: row.id, checksum: row.checksum, set: parseDefinition(row.definition) };
    cache.set(id, stored);
    return stored;
  };
  return {
    async importSet(set, checksum) {
      const existing = await db.criteriaSet.findUnique({
        where: { key_version: { key: set.key, version: set.version } },
        select: { id: true, checksum: true },
      });
      if (existing) return { kind: existing.checksum === checksum ? 'unchanged' : 'conflict', id: existing.id };
      const row = await db.criteriaSet.create({
        data: {
          key: set.key,
          version: set.version,
          level: set.level,
          title: set.title.vi,
          answeredBy: set.answeredBy,
          scored: set.scored,
          definition: set as unknown as object,
          checksum,
        },
        select: { id: true },
      });
      return { kind: 'created', id: row.id };
    },

    /** Definitions never change once stored, so they are cached per process. */
    findById,

    /** One version, or the latest when `version` is undefined. */
    async findByKey(key: string, version?: number): Promise<StoredCriteriaSet | null> {
      const row = await db.criteriaSet.findFirst({
        where: version === undefined ? { key } : { key, version },
        orderBy: { version: 'desc' },
        select: { id: true },
      });
      return row ? findById(row.id) : null;
    },

    /**
     * Rewrites the checksum of a stored set whose definition is unchanged: rows stored before
     * checksums were canonical carry a hash of the old serialisation.
     */
    async replaceChecksum(id: string, checksum: string): Promise<void> {
      await db.criteriaSet.update({ where: { id }, data: { checksum } });
      cache.delete(id);
    },

    async findLatest(key: string): Promise<{ id: string; version: number } | null> {
      return db.criteriaSet.findFirst({ where: { key }, orderBy: { version: 'desc' }, select: { id: true, version: true } });
    },

    async list(): Promise<{ id: string; key: string; version: number; level: string; title: string; answeredBy: string; scored: boolean; checksum: string }[]> {
      return db.criteriaSet.findMany({
        select: { id: true, key: true, version: true, level: true, title: true, answeredBy: true, scored: true, checksum: true },
        orderBy: [{ key: 'asc' }, { version: 'asc' }],
      });
    },
  };
};
