// A photo or document sent while a criterion wants evidence: downloaded (size-limited), saved
// under EVIDENCE_DIR with its sha256, recorded, and counted toward the criterion. Its type comes
// from its bytes (photos, PDF, Word, Excel only); the same file twice counts once.
import { createHash } from 'node:crypto';
import { cleanInput } from '../../../core/criteria/fold-text.ts';
import { sniffFileType } from '../../../core/evidence/file-type.ts';
import type { InboundContent } from '../inbound.ts';
import { reply } from '../../../core/reply.ts';
import type { DialogueDeps } from './deps.ts';
import { answer } from './report.ts';
import { receiveSignedForm } from './signed-form.ts';
import { receiveWorkbook } from './workbook-upload.ts';
import { result, type Turn, type TurnResult } from './turn.ts';

export const receiveEvidence = async (deps: DialogueDeps, turn: Turn, content: Extract<InboundContent, { kind: 'file' }>): Promise<TurnResult> => {
  const cursor = turn.state.session?.cursor;
  // No criterion waits for evidence: a coordinator's .xlsx is a criteria workbook; after
  // submission a PDF is the signed form coming back.
  if (turn.state.mode !== 'report' || cursor?.kind !== 'criterion')
    return (
      (await receiveWorkbook(deps, turn, content)) ?? (await receiveSignedForm(deps, turn, content)) ?? result(turn.state, [reply('dialogue:evidence.not_now')])
    );
  const code = cursor.code;
  return answer(deps, turn, { kind: 'evidence', count: 1 }, async (ctx) => {
    const fetched = await turn.fetchFile(content, deps.evidenceMaxBytes);
    if (!fetched.ok) {
      return fetched.error.code === 'too_large'
        ? reply('dialogue:evidence.too_large', { maxMb: Math.floor(deps.evidenceMaxBytes / (1024 * 1024)) })
        : reply('dialogue:evidence.download_failed');
    }
    const file = fetched.value;
    // The bytes say what the file is: a script or a web page named .jpg is refused.
    const type = sniffFileType(file.buffer, content.fileName);
    if (!type) return reply('dialogue:evidence.bad_type');
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    if (await deps.submissions.hasEvidence(ctx.submission.id, code, sha256)) return reply('dialogue:evidence.duplicate', { code });
    const stored = await deps.evidence.save(ctx.submission.id, code, file.buffer, type);
    await deps.submissions.addEvidence({
      submissionId: ctx.submission.id,
      criterionCode: code,
      kind: content.fileKind,
      channel: turn.event.channel,
      fileRef: content.fileRef,
      sha256: stored.sha256,
      size: stored.size,
      mime: type.mime,
      // Shown to coordinators beside the file: without invisible characters.
      fileName: content.fileName !== undefined ? cleanInput(content.fileName).slice(0, 255) || null : null,
      storedPath: stored.storedPath,
      uploadedById: turn.person.id,
      now: turn.now,
    });
    return null;
  });
};
