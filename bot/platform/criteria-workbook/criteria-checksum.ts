// The identity of a criteria set's content: sha256 of its canonical JSON with every default
// applied, so the same set gives the same checksum from YAML, JSON or a workbook.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../core/criteria/canonical-json.ts';
import { CriteriaSetSchema, type CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';

export const criteriaChecksum = (set: CriteriaSet): string =>
  createHash('sha256')
    .update(canonicalJson(CriteriaSetSchema.parse(set)))
    .digest('hex');
