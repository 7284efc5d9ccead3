// The server's name for an evidence file, the same in every store: a folder per submission and
// <criterion>-<sha256 prefix><ext of the type found in the bytes>, each part reduced to safe characters.
import type { FileType } from '../../core/evidence/file-type.ts';

export const evidenceName = (submissionId: string, criterionCode: string, sha256: string, type: FileType): { readonly dir: string; readonly file: string } => ({
  dir: submissionId.replace(/[^A-Za-z0-9_-]/g, '_'),
  file: `${criterionCode.replace(/[^A-Za-z0-9._-]/g, '_')}-${sha256.slice(0, 16)}${type.ext}`,
});
