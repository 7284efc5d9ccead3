import { createHash } from 'node:crypto';
import type { CriteriaSet } from '../../core/criteria/criteria-set.schema.ts';
import type { CriteriaSetRepository, ImportOutcome } from '../db/repositories/criteria-set-repository.ts';

/** Checksum of the validated definition, so re-importing the same file is a no-op. */
export const criteriaChecksum = (set: CriteriaSet): string => createHash('sha256').update(JSON.stringify(set)).digest('hex');

export const importCriteriaSet = (repo: CriteriaSetRepository, set: CriteriaSet): Promise<ImportOutcome> => repo.importSet(set, criteriaChecksum(set));
