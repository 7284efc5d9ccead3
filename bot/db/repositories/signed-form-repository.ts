// Signed forms accepted for a submission: appended, never changed; the latest one counts.
import type { SignedFormRepository, SignedFormRow } from '../../app/ports.ts';
import type { Db } from '../database.ts';
import { inChunks } from './in-chunks.ts';

export const createSignedFormRepository = (db: Db): SignedFormRepository => ({
  async record(row) {
    await db.signedForm.create({ data: { ...row } });
  },
  async latestOf(submissionIds) {
    const out = new Map<string, SignedFormRow>();
    if (submissionIds.length === 0) return out;
    // All of a submission's forms are in the same slice, in order: the last one set wins.
    const rows = await inChunks(submissionIds, (chunk) =>
      db.signedForm.findMany({ where: { submissionId: { in: chunk } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    );
    for (const r of rows) {
      out.set(r.submissionId, {
        submissionId: r.submissionId,
        answersSha256: r.answersSha256,
        fileSha256: r.fileSha256,
        signerSubject: r.signerSubject,
        signerName: r.signerName,
        signingTime: r.signingTime,
        uploadedById: r.uploadedById,
        channel: r.channel,
        createdAt: r.createdAt,
      });
    }
    return out;
  },
});
