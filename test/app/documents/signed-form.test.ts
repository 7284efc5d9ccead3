// The signed form comes back: the PDF /form generated, signed with a throwaway certificate
// (node-forge + @signpdf, offline, as a unit's signing software does), is accepted after
// submission; the signer's subject and signing time are recorded and coordinators see
// "đã ký số" in /unit and /status. A modified, unsigned or other unit's PDF is refused.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DialogueOutput, FileFetcher } from '../../../bot/app/dialogue-port.ts';
import { makeIdentity, signPdf, type Identity } from '../../platform/documents/support/sign-pdf.ts';
import { submitDirectly } from '../support/submit-directly.ts';
import { createHarness, keys, type Harness } from '../support/use-case-harness.ts';

const start = new Date('2026-11-24T03:00:00.000Z');
const signingTime = new Date('2026-11-26T03:15:00Z');

describe('signed form upload', { timeout: 120_000 }, () => {
  let h: Harness;
  let head: Identity;
  let formPdf: Buffer;
  let signed: Buffer;
  let updates = 1000;

  const sendPdf = async (user: number, bytes: Buffer): Promise<DialogueOutput | null> => {
    const fetch: FileFetcher = async () => ({ ok: true, value: { buffer: bytes, mime: 'application/pdf', size: bytes.length } });
    updates += 1;
    return h.app.dialogue.handle(
      {
        channel: 'telegram',
        dedupeKey: `tg:${updates}`,
        externalUserId: String(user),
        chatId: String(user),
        receivedAt: h.now(),
        content: { kind: 'file', fileKind: 'document', fileRef: `doc-${updates}`, size: bytes.length, mime: 'application/pdf', fileName: 'phieu-da-ky.pdf' },
      },
      fetch,
    );
  };

  beforeAll(async () => {
    h = await createHarness(start);
    await h.join(1, 'H-THACHHA', 'coordinator');
    await h.join(10, 'X-THACHDAI', 'reporter');
    await h.join(12, 'X-THACHKHE', 'reporter');
    await submitDirectly(h, 'X-THACHDAI', 0.9, new Date('2026-11-25T03:00:00Z'));
    await submitDirectly(h, 'X-THACHKHE', 0.7, new Date('2026-11-25T04:00:00Z'));
    formPdf = (await h.send(10, { kind: 'text', text: '/form pdf' }))!.attachments![0]!.data;
    head = makeIdentity('Nguyễn Văn Đức', 'UBND xã Thạch Đài');
    signed = await signPdf(formPdf, head, { signingTime });
  });

  it('refuses an unsigned PDF, a modified one and another unit’s, each with its reason, and records nothing', async () => {
    expect(keys((await sendPdf(10, formPdf))!.replies)).toEqual(['documents:check.unsigned', 'dialogue:signed.hint']);
    const tampered = Buffer.concat([signed, Buffer.from('\n% appended after signing\n')]);
    expect(keys((await sendPdf(10, tampered))!.replies)[0]).toBe('documents:check.modified_after_signing');
    const flipped = Buffer.from(signed);
    const at = flipped.indexOf('Thạch Đài', 2000) >= 0 ? flipped.indexOf('/Producer') : 600;
    flipped[at + 2] = flipped[at + 2] === 0x41 ? 0x42 : 0x41;
    expect(['documents:check.modified_after_signing', 'documents:check.bad_signature']).toContain(keys((await sendPdf(10, flipped))!.replies)[0]);
    expect(keys((await sendPdf(12, signed))!.replies)[0]).toBe('documents:check.other_document');
    expect(keys((await sendPdf(10, Buffer.from('not a pdf at all')))!.replies)[0]).toBe('documents:check.not_pdf');
    expect(keys(await h.text(1, '/unit X-THACHDAI'))).not.toContain('coord:unit.signed');
  });

  it('accepts the signed form, records the signer and time, and coordinators see đã ký số in /unit and /status', async () => {
    const out = await sendPdf(10, signed);
    expect(out!.replies).toEqual([{ key: 'documents:check.accepted', params: { signer: 'Nguyễn Văn Đức', time: '26/11/2026 10:15' } }]);
    const unit = await h.text(1, '/unit X-THACHDAI');
    expect(unit.find((r) => r.key === 'coord:unit.signed')?.params).toEqual({ signer: 'Nguyễn Văn Đức', time: '26/11/2026 10:15' });
    const status = await h.text(1, '/status');
    expect(status.find((r) => r.key === 'coord:status.signed')?.params).toEqual({ signed: 1, submitted: 2 });
    const sub = (await h.repos.submissions.find(h.seed.period.id, await h.unitId('X-THACHDAI'), (await h.setOf('commune')).id))!;
    const row = (await h.repos.signedForms.latestOf([sub.id])).get(sub.id)!;
    expect(row.signerSubject).toContain('CN=Nguyễn Văn Đức');
    expect(row.signingTime?.toISOString()).toBe(signingTime.toISOString());
  });

  it('once the report is returned, the signature no longer shows', async () => {
    await h.text(1, '/return X-THACHDAI Thiếu biên bản');
    expect(keys(await h.text(1, '/unit X-THACHDAI'))).not.toContain('coord:unit.signed');
  });
});
