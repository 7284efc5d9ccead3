// Signed forms in memory: the same append-only list as the Prisma repository.
import type { SignedFormRepository, SignedFormRow } from '../../../bot/app/ports.ts';

export const createInMemorySignedFormRepository = (): SignedFormRepository => {
  const rows: SignedFormRow[] = [];
  return {
    record: async (row) => void rows.push({ ...row }),
    latestOf: async (ids) => {
      const out = new Map<string, SignedFormRow>();
      for (const r of rows) if (ids.includes(r.submissionId)) out.set(r.submissionId, r);
      return out;
    },
  };
};
