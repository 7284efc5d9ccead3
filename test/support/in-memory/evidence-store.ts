// Evidence files kept in memory, named like bot/db/file-evidence-store.ts names them on disk
// (content-addressed: the same photo sent twice lands on the same name).
import { createHash } from 'node:crypto';
import type { EvidenceStore } from '../../../bot/app/ports.ts';

export type InMemoryEvidenceStore = EvidenceStore & { readonly files: ReadonlyMap<string, Buffer> };

export const createInMemoryEvidenceStore = (): InMemoryEvidenceStore => {
  const files = new Map<string, Buffer>();
  return {
    files,
    async save(submissionId, criterionCode, data) {
      const sha256 = createHash('sha256').update(data).digest('hex');
      const storedPath = `memory://${submissionId}/${criterionCode}-${sha256.slice(0, 16)}`;
      files.set(storedPath, Buffer.from(data));
      return { sha256, storedPath, size: data.length };
    },
    async read(storedPath) {
      return files.get(storedPath) ?? null;
    },
  };
};
