// Saves evidence files under EVIDENCE_DIR/<submission>/<criterion>-<sha256 prefix>.<ext>: the
// name and extension are the server's (from the type found in the bytes, never the sender's
// file name), content addressing makes a re-sent file land on the same name, and only the bot's
// own user can read them (files 0600, directories 0700: officers' documents are not public).
import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EvidenceStore } from '../app/ports.ts';

export type { EvidenceStore, StoredEvidence } from '../app/ports.ts';

export const createFileEvidenceStore = (rootDir: string): EvidenceStore => ({
  async save(submissionId, criterionCode, data, type) {
    const sha256 = createHash('sha256').update(data).digest('hex');
    const root = path.resolve(rootDir);
    const dir = path.join(root, submissionId.replace(/[^A-Za-z0-9_-]/g, '_'));
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // mkdir's mode is masked by the umask and leaves existing directories alone.
    await chmod(root, 0o700);
    await chmod(dir, 0o700);
    const storedPath = path.join(dir, `${criterionCode.replace(/[^A-Za-z0-9._-]/g, '_')}-${sha256.slice(0, 16)}${type.ext}`);
    await writeFile(storedPath, data, { mode: 0o600 });
    await chmod(storedPath, 0o600);
    return { sha256, storedPath, size: data.length };
  },
  async read(storedPath) {
    // Only files under the store's own directory: a path from the database is never trusted further.
    const root = path.resolve(rootDir);
    const full = path.resolve(storedPath);
    if (!full.startsWith(`${root}${path.sep}`)) return null;
    return readFile(full).catch(() => null);
  },
});
