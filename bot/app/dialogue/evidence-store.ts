// Saves evidence files under EVIDENCE_DIR/<submission>/<criterion>-<sha256 prefix>.<ext>.
// Content-addressed names make a re-sent photo land on the same file.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type StoredEvidence = { readonly sha256: string; readonly storedPath: string; readonly size: number };
export type EvidenceStore = {
  readonly save: (submissionId: string, criterionCode: string, data: Buffer, mime: string | null, fileName?: string) => Promise<StoredEvidence>;
};

const extensionOf = (mime: string | null, fileName?: string): string => {
  const fromName = fileName
    ? path
        .extname(fileName)
        .toLowerCase()
        .replace(/[^.a-z0-9]/g, '')
    : '';
  if (fromName && fromName.length <= 6) return fromName;
  const map: Record<string, string> = {
    'image/jpeg': '.jpg',
    'image/png': '.png',
    'image/webp': '.webp',
    'application/pdf': '.pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
    'application/msword': '.doc',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  };
  return (mime && map[mime]) ?? '.bin';
};

export const createFileEvidenceStore = (rootDir: string): EvidenceStore => ({
  async save(submissionId, criterionCode, data, mime, fileName) {
    const sha256 = createHash('sha256').update(data).digest('hex');
    const dir = path.resolve(rootDir, submissionId.replace(/[^A-Za-z0-9_-]/g, '_'));
    await mkdir(dir, { recursive: true });
    const storedPath = path.join(dir, `${criterionCode.replace(/[^A-Za-z0-9._-]/g, '_')}-${sha256.slice(0, 16)}${extensionOf(mime, fileName)}`);
    await writeFile(storedPath, data);
    return { sha256, storedPath, size: data.length };
  },
});
