// The digitally signed Phiếu tự đánh giá coming back: after submission a reporter sends the PDF
// that /form gave them, signed with the unit's digital signature. The signed-form check proves
// it is a CMS-signed PDF whose signature covers the whole file and that it is the form of this
// submission (embedded id + sha256 of the submitted answers); the signer's subject and the
// signing time are then recorded and coordinators see "đã ký số". Anything else is refused
// with a message saying why; nothing already entered changes.
import { createHash } from 'node:crypto';
import { reply } from '../../../core/reply.ts';
import { checkSignedForm } from '../../platform/documents/signature/check-signed-form.ts';
import { formSubmissionId, localDateTime, submittedAnswersSha256 } from '../coordination/form-document.ts';
import type { InboundContent } from '../inbound.ts';
import type { SubmissionSnapshot } from '../ports.ts';
import { isLockedStatus } from '../scores.ts';
import type { DialogueDeps } from './deps.ts';
import { periodsForUnit, reporterUnits } from './report-context.ts';
import { result, type Turn, type TurnResult } from './turn.ts';

/** The caller's submitted (or verified) reports in open periods: the forms they may send back signed. */
const submittedReports = async (deps: DialogueDeps, turn: Turn): Promise<SubmissionSnapshot[]> => {
  const out: SubmissionSnapshot[] = [];
  for (const unit of await reporterUnits(deps, turn)) {
    for (const period of await periodsForUnit(deps, unit)) {
      const link = period.sets.find((s) => s.level === unit.level && s.answeredBy === 'unit');
      const snap = link ? await deps.submissions.find(period.id, unit.id, link.criteriaSetId) : null;
      if (snap && isLockedStatus(snap.status)) out.push(snap);
    }
  }
  return out;
};

/** Null when this file is not a signed form coming back (the caller then says evidence is not wanted now). */
export const receiveSignedForm = async (deps: DialogueDeps, turn: Turn, content: Extract<InboundContent, { kind: 'file' }>): Promise<TurnResult | null> => {
  if (content.fileKind !== 'document') return null;
  const reports = await submittedReports(deps, turn);
  if (reports.length === 0) return null;
  const fetched = await turn.fetchFile(content, deps.evidenceMaxBytes);
  if (!fetched.ok) {
    return result(turn.state, [
      fetched.error.code === 'too_large'
        ? reply('dialogue:evidence.too_large', { maxMb: Math.floor(deps.evidenceMaxBytes / (1024 * 1024)) })
        : reply('dialogue:evidence.download_failed'),
    ]);
  }
  const pdf = fetched.value.buffer;
  // Several submitted reports (a person reporting for two units): the form names its own.
  let refusal: string | undefined;
  for (const snap of reports) {
    const checked = checkSignedForm(pdf, { submissionId: formSubmissionId(snap), answersSha256: submittedAnswersSha256(snap) });
    if (!checked.ok) {
      if (refusal === undefined || checked.error.code !== 'other_document') refusal = checked.error.code;
      continue;
    }
    const signer = checked.value.signer;
    await deps.signedForms.record({
      submissionId: snap.id,
      answersSha256: submittedAnswersSha256(snap),
      fileSha256: createHash('sha256').update(pdf).digest('hex'),
      signerSubject: signer.subject,
      signerName: signer.commonName ?? null,
      signingTime: signer.signingTime ?? null,
      uploadedById: turn.person.id,
      channel: turn.event.channel,
      createdAt: turn.now,
    });
    deps.logger.info({ submission: snap.id, signer: signer.commonName }, 'signed form accepted');
    return result(turn.state, [
      reply('documents:check.accepted', { signer: signer.commonName ?? signer.subject, time: signer.signingTime ? localDateTime(signer.signingTime) : '—' }),
    ]);
  }
  return result(turn.state, [reply(`documents:check.${refusal ?? 'other_document'}`), reply('dialogue:signed.hint')]);
};
