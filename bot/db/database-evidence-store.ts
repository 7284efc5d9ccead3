// Evidence bytes in the database (EVIDENCE_STORE=database): with PostgreSQL, several bot
// instances behind a load balancer share evidence with no shared volume, and a pg_dump backs up
// the files with the answers. The stored path is `db:<submission>/<criterion>-<sha256 prefix><ext>`,
// content-addressed like the file store, so a re-sent file overwrites itself.
import { createHash } from 'node:crypto';
import type { EvidenceStore } from '../app/ports.ts';
import type { Db } from './database.ts';
import { evidenceName } from './evidence-name.ts';
import { isUniqueViolation } from './prisma-errors.ts';

export const DATABASE_EVIDENCE_PREFIX = 'db:';

export const createDatabaseEvidenceStore = (db: Db): EvidenceStore => ({
  async save(submissionId, criterionCode, data, type) {
    const sha256 = createHash('sha256').update(data).digest('hex');
    const name = evidenceName(submissionId, criterionCode, sha256, type);
    const storedPath = `${DATABASE_EVIDENCE_PREFIX}${name.dir}/${name.file}`;
    const bytes = new Uint8Array(data);
    try {
      await db.evidenceBlob.upsert({
        where: { key: storedPath },
        create: { key: storedPath, sha256, size: data.length, data: bytes },
        update: { sha256, size: data.length, data: bytes },
      });
    } catch (error) {
      // Two instances saving the same file at once: the other one's row holds the same bytes.
      if (!isUniqueViolation(error)) throw error;
    }
    return { sha256, storedPath, size: data.length };
  },

  async read(storedPath) {
    if (!storedPath.startsWith(DATABASE_EVIDENCE_PREFIX)) return null;
    const row = await db.evidenceBlob.findUnique({ where: { key: storedPath }, select: { data: true } });
    return row ? Buffer.from(row.data) : null;
  },
});
