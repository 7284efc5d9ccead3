import type { CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';
import { criteriaChecksum } from '../../platform/criteria-workbook/criteria-checksum.ts';
import type { CriteriaSetRepository, ImportOutcome } from '../ports.ts';

/** Canonical checksum of the validated definition (same for YAML, JSON and xlsx of one set). */
export { criteriaChecksum };

/**
 * Stores the set unless key@version exists: the same definition is a no-op, another one a
 * conflict (sets are immutable). A row stored with an older, non-canonical checksum is compared
 * by its definition and, when equal, given the canonical checksum.
 */
export const importCriteriaSet = async (repo: CriteriaSetRepository, set: CriteriaSet): Promise<ImportOutcome> => {
  const checksum = criteriaChecksum(set);
  const outcome = await repo.importSet(set, checksum);
  if (outcome.kind !== 'conflict') return outcome;
  const stored = await repo.findById(outcome.id);
  if (!stored || criteriaChecksum(stored.set) !== checksum) return outcome;
  await repo.replaceChecksum(outcome.id, checksum);
  return { kind: 'unchanged', id: outcome.id };
};
