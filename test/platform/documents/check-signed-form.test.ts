// Signed-form check: the generated PDF signed with a throwaway certificate (as a unit's signing
// software would, by incremental update), then accepted or refused with the right code.
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import { answersSha256 } from '../../../bot/platform/documents/answers-hash.ts';
import { renderFormDocx } from '../../../bot/platform/documents/form/form-docx.ts';
import type { SelfAssessmentForm } from '../../../bot/platform/documents/form/form-model.ts';
import { renderFormPdf } from '../../../bot/platform/documents/form/form-pdf.ts';
import { checkSignedForm, type SignedFormErrorCode } from '../../../bot/platform/documents/signature/check-signed-form.ts';
import { parsePdfDate } from '../../../bot/platform/documents/signature/pdf-signatures.ts';
import { labelFor, sampleForm } from './support/sample-form.ts';
import { makeIdentity, signPdf, x509, type Identity } from './support/sign-pdf.ts';

let form: SelfAssessmentForm;
let pdf: Buffer;
let head: Identity;
let signed: Buffer;
const signingTime = new Date('2024-11-05T03:15:00Z');

beforeAll(async () => {
  form = (await sampleForm()).form;
  pdf = await renderFormPdf(form, labelFor('vi'));
  head = makeIdentity('Nguyễn Văn Đức', 'UBND xã Thạch Đài');
  signed = await signPdf(pdf, head, { signingTime });
}, 60_000);

const expected = () => ({ submissionId: form.submissionId, answersSha256: form.answersSha256 });
const refusal = (r: ReturnType<typeof checkSignedForm>): SignedFormErrorCode | 'accepted' => (r.ok ? 'accepted' : r.error.code);

// The /Contents hex of the (last) signature and its position.
const contentsOf = (file: Buffer) => {
  const text = file.toString('latin1');
  const m = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].at(-1)!;
  const [b, c] = [Number(m[2]), Number(m[3])];
  return { b, c, hex: text.slice(b + 1, c - 1), range: m };
};

describe('checkSignedForm', { timeout: 60_000 }, () => {
  it('accepts the generated form signed by the head of the unit, and names the signer and the time', () => {
    const r = checkSignedForm(signed, expected());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.signer.commonName).toBe('Nguyễn Văn Đức');
    expect(r.value.signer.organization).toBe('UBND xã Thạch Đài');
    expect(r.value.signer.subject).toContain('CN=Nguyễn Văn Đức');
    expect(r.value.signer.signingTime?.toISOString()).toBe(signingTime.toISOString());
    expect(r.value.signer.certificateValidAtSigning).toBe(true);
    expect(r.value.signatures).toHaveLength(1);
  });

  it('refuses the unsigned form and anything that is not a PDF', async () => {
    expect(refusal(checkSignedForm(pdf, expected()))).toBe('unsigned');
    expect(refusal(checkSignedForm(await renderFormDocx(form, labelFor('vi')), expected()))).toBe('not_pdf');
    expect(refusal(checkSignedForm(Buffer.from('hello'), expected()))).toBe('not_pdf');
  });

  it('refuses a file changed inside the signed bytes or extended after signing', () => {
    const edited = Buffer.from(signed);
    // The Creator string of the Info dictionary: inside the signed bytes, same length after the edit.
    const at = edited.indexOf('(egov-report-bot)');
    expect(at).toBeGreaterThan(0);
    edited.write('EGOV', at + 1, 'latin1');
    expect(refusal(checkSignedForm(edited, expected()))).toBe('modified_after_signing');

    const appended = Buffer.concat([signed, Buffer.from('\n99 0 obj\n<< /Annot (added later) >>\nendobj\nstartxref\n0\n%%EOF\n', 'latin1')]);
    const r = checkSignedForm(appended, expected());
    expect(refusal(r)).toBe('modified_after_signing');
    expect(r.ok ? '' : r.error.detail).toMatch(/added after the last signature/);
    // A trailing newline alone is not a change.
    expect(refusal(checkSignedForm(Buffer.concat([signed, Buffer.from('\n')]), expected()))).toBe('accepted');
  });

  it('refuses a byte range that leaves out more than the signature', () => {
    const { b, c, range } = contentsOf(signed);
    const [a, , , d] = [Number(range[1]), 0, 0, Number(range[4])];
    const text = range[0];
    const moved = `/ByteRange [${a} ${b} ${c - 2} ${d + 2}]`.padEnd(text.length, ' ');
    const tampered = Buffer.from(signed.toString('latin1').replace(text, moved), 'latin1');
    expect(refusal(checkSignedForm(tampered, expected()))).toBe('byte_range_incomplete');
    const notFromStart = Buffer.from(signed.toString('latin1').replace(text, `/ByteRange [5 ${b - 5} ${c} ${d}]`.padEnd(text.length, ' ')), 'latin1');
    expect(refusal(checkSignedForm(notFromStart, expected()))).toBe('byte_range_incomplete');
  });

  it('refuses a signature value that does not verify', () => {
    const { b, c, hex } = contentsOf(signed);
    const der = Buffer.from(hex, 'hex');
    const root = forge.asn1.fromDer(der.toString('binary'), { parseAllBytes: false } as never);
    // ContentInfo → [0] → SignedData → signerInfos → SignerInfo → signature (OCTET STRING, the 6th field).
    const signedData = (root.value[1] as forge.asn1.Asn1).value[0] as forge.asn1.Asn1;
    const infos = (signedData.value as forge.asn1.Asn1[]).at(-1)!;
    const info = (infos.value as forge.asn1.Asn1[])[0]!;
    const sig = (info.value as forge.asn1.Asn1[])[5]!;
    const bytes = sig.value as string;
    sig.value = `${bytes.slice(0, -1)}${String.fromCharCode(bytes.charCodeAt(bytes.length - 1) ^ 1)}`;
    const newHex = Buffer.from(forge.asn1.toDer(root).getBytes(), 'binary')
      .toString('hex')
      .padEnd(c - b - 2, '0');
    const tampered = Buffer.concat([signed.subarray(0, b + 1), Buffer.from(newHex, 'latin1'), signed.subarray(c - 1)]);
    expect(tampered.length).toBe(signed.length);
    expect(refusal(checkSignedForm(tampered, expected()))).toBe('bad_signature');
  });

  it("refuses another submission's form, or the same form with other answers", async () => {
    const other = (await sampleForm({ submissionId: 'sub-0f3a9c2e-v4', seed: 2 })).form;
    const otherSigned = await signPdf(await renderFormPdf(other, labelFor('vi')), head);
    expect(refusal(checkSignedForm(otherSigned, expected()))).toBe('other_document');
    expect(refusal(checkSignedForm(signed, { ...expected(), answersSha256: answersSha256({ changed: true }) }))).toBe('other_document');
    // An id that only starts like the expected one is another submission.
    expect(refusal(checkSignedForm(signed, { ...expected(), submissionId: 'sub-0f3a9c2e-v' }))).toBe('other_document');
    expect(refusal(checkSignedForm(otherSigned, { submissionId: other.submissionId, answersSha256: other.answersSha256 }))).toBe('accepted');
  });

  it("with the generated file's hash, also refuses a file whose first revision differs from it", async () => {
    const generatedPdf = { sha256: createHash('sha256').update(pdf).digest('hex'), length: pdf.length };
    expect(refusal(checkSignedForm(signed, { ...expected(), generatedPdf }))).toBe('accepted');
    // Same tags, other page content (e.g. a re-typed or edited form): signed validly, still refused.
    const edited = await renderFormPdf({ ...form, unitName: 'UBND xã Thạch Đài (sửa)' }, labelFor('vi'));
    const r = checkSignedForm(await signPdf(edited, head), { ...expected(), generatedPdf });
    expect(refusal(r)).toBe('other_document');
    expect(refusal(checkSignedForm(await signPdf(edited, head), expected()))).toBe('accepted');
  });

  it('accepts a second signature (the unit seal) over the first, and reports both in order', async () => {
    const seal = makeIdentity('UBND xã Thạch Đài', 'UBND huyện Thạch Hà');
    const twice = await signPdf(signed, seal, { signingTime: new Date('2024-11-05T04:00:00Z') });
    const r = checkSignedForm(twice, expected());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.signatures.map((s) => s.commonName)).toEqual(['Nguyễn Văn Đức', 'UBND xã Thạch Đài']);
    expect(r.value.signer.commonName).toBe('Nguyễn Văn Đức');
  });

  it('checks the chain against trusted roots when given, and flags a certificate outside its validity', async () => {
    const ca = makeIdentity('Test Root CA', 'Ban Cơ yếu (thử nghiệm)');
    const person = makeIdentity('Trần Thị Hoa', 'UBND xã Thạch Đài', ca);
    const bySigner = await signPdf(pdf, person, { chain: [ca], signingTime });
    expect(refusal(checkSignedForm(bySigner, { ...expected(), trustedRoots: [x509(ca)] }))).toBe('accepted');
    expect(refusal(checkSignedForm(bySigner, { ...expected(), trustedRoots: [x509(makeIdentity('Other CA', 'Other'))] }))).toBe('untrusted_certificate');

    const expired = makeIdentity('Lê Văn Nam', 'UBND xã Thạch Đài', undefined, {
      from: new Date('2020-01-01T00:00:00Z'),
      to: new Date('2021-01-01T00:00:00Z'),
    });
    const r = checkSignedForm(await signPdf(pdf, expired, { signingTime }), expected());
    expect(r.ok && r.value.signer.certificateValidAtSigning).toBe(false);
  });
});

describe('parsePdfDate', () => {
  it.each([
    ["D:20241105101500+07'00'", '2024-11-05T03:15:00.000Z'],
    ['D:20241105031500Z', '2024-11-05T03:15:00.000Z'],
    ['D:20241105', '2024-11-05T00:00:00.000Z'],
  ])('%s → %s', (text, iso) => expect(parsePdfDate(text)?.toISOString()).toBe(iso));
  it('is undefined for text that is not a PDF date', () => expect(parsePdfDate('yesterday')).toBeUndefined());
});
