// Checks an uploaded, digitally signed Phiếu tự đánh giá (Bình Thuận: "văn bản điện tử có ký số"):
// a PDF, signed with CMS, every signature valid over its byte range, the last one covering the
// whole file, and the signed content being the form generated for this submission (its id and
// answers hash, embedded by renderFormPdf, found in the signed bytes). Expected failures are
// values with codes the caller maps to documents:check.<code>.
import { createHash, type X509Certificate } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import type { Result } from '../../../../core/result.ts';
import { err, ok } from '../../../../core/result.ts';
import { formTags } from '../form/form-model.ts';
import { verifyDetachedCms, type CmsSigner } from './cms-verify.ts';
import { scanSignatures, trailingAfter } from './pdf-signatures.ts';

export type SignedFormErrorCode =
  'not_pdf' | 'unsigned' | 'byte_range_incomplete' | 'bad_signature' | 'modified_after_signing' | 'untrusted_certificate' | 'other_document';

export type SignedFormError = { readonly code: SignedFormErrorCode; readonly detail: string };

export type SignatureInfo = {
  readonly commonName?: string;
  readonly organization?: string;
  /** The full subject as OpenSSL prints it, one "KEY=value" per line. */
  readonly subject: string;
  readonly serialNumber: string;
  /** Signing time from the signed attributes, else the signature dictionary's /M. */
  readonly signingTime?: Date;
  /** The certificate was within its validity dates at `signingTime` (false when unknown). */
  readonly certificateValidAtSigning: boolean;
};

export type SignedFormCheck = {
  /** The first signature (normally the head of the unit); later ones, e.g. the unit's seal, follow in `signatures`. */
  readonly signer: SignatureInfo;
  readonly signatures: readonly SignatureInfo[];
};

export type ExpectedForm = {
  readonly submissionId: string;
  readonly answersSha256: string;
  /** When given, every signer's certificate must chain (within the CMS) to one of these roots. */
  readonly trustedRoots?: readonly X509Certificate[];
  /**
   * When given (stored when the form was generated): the upload must begin with exactly the
   * generated file, i.e. be signed by incremental update, so not even the page content changed.
   * Without it, the check proves the signed PDF carries this submission's id and answers hash.
   */
  readonly generatedPdf?: { readonly sha256: string; readonly length: number };
};

const fail = (code: SignedFormErrorCode, detail: string): Result<SignedFormCheck, SignedFormError> => err({ code, detail });

// A tag matches only when not followed by another id character ("sub-1" ≠ "sub-12").
const hasTag = (haystack: Buffer, tag: string): boolean => {
  const needle = Buffer.from(tag, 'latin1');
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const next = haystack[at + needle.length];
    if (next === undefined || !/[A-Za-z0-9_.:-]/.test(String.fromCharCode(next))) return true;
  }
  return false;
};

// The tags sit in the uncompressed Info dictionary and XMP of our PDF; a signing tool that
// re-saved the file may have moved them into compressed object streams, so look there too.
const inflatedStreams = function* (pdf: Buffer): Generator<Buffer> {
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0 || end - start > 16 * 1024 * 1024) continue;
    try {
      yield inflateSync(pdf.subarray(start, end));
    } catch {
      // Not Flate, or not a whole stream: skip.
    }
  }
};

const carriesTags = (signed: Buffer, tags: readonly string[]): boolean => {
  if (tags.every((t) => hasTag(signed, t))) return true;
  const found = new Set(tags.filter((t) => hasTag(signed, t)));
  for (const stream of inflatedStreams(signed)) {
    for (const t of tags) if (hasTag(stream, t)) found.add(t);
    if (found.size === tags.length) return true;
  }
  return false;
};

const chainsTo = (signer: CmsSigner, roots: readonly X509Certificate[]): boolean => {
  let current = signer.certificate;
  for (let depth = 0; depth < 8; depth += 1) {
    if (roots.some((r) => r.fingerprint256 === current.fingerprint256 || (current.checkIssued(r) && current.verify(r.publicKey)))) return true;
    const issuer = signer.certificates.find((c) => c !== current && current.checkIssued(c) && current.verify(c.publicKey));
    if (!issuer) return false;
    current = issuer;
  }
  return false;
};

const describe = (s: CmsSigner, claimed: Date | undefined): SignatureInfo => {
  const signingTime = s.signingTime ?? claimed;
  const valid = signingTime !== undefined && new Date(s.certificate.validFrom) <= signingTime && signingTime <= new Date(s.certificate.validTo);
  return {
    ...(s.commonName ? { commonName: s.commonName } : {}),
    ...(s.organization ? { organization: s.organization } : {}),
    subject: s.certificate.subject,
    serialNumber: s.certificate.serialNumber,
    ...(signingTime ? { signingTime } : {}),
    certificateValidAtSigning: valid,
  };
};

export const checkSignedForm = (pdf: Buffer, expected: ExpectedForm): Result<SignedFormCheck, SignedFormError> => {
  const head = pdf.subarray(0, 1024).toString('latin1');
  if (!head.includes('%PDF-') || !pdf.subarray(-2048).toString('latin1').includes('%%EOF')) return fail('not_pdf', 'no %PDF- header or %%EOF marker');
  const scan = scanSignatures(pdf);
  if (scan.kind === 'none') return fail('unsigned', 'no signature with a /ByteRange');
  if (scan.kind === 'incomplete') return fail('byte_range_incomplete', scan.detail);

  const infos: SignatureInfo[] = [];
  for (const [i, sig] of scan.signatures.entries()) {
    const outcome = verifyDetachedCms(sig.cms, sig.signedBytes);
    if (!outcome.ok) {
      const code = outcome.error.code === 'content_mismatch' ? 'modified_after_signing' : 'bad_signature';
      return fail(code, `signature ${i + 1}: ${outcome.error.detail}`);
    }
    if (expected.trustedRoots && !chainsTo(outcome.signer, expected.trustedRoots)) {
      return fail(
        'untrusted_certificate',
        `signature ${i + 1}: the certificate of ${outcome.signer.commonName ?? outcome.signer.certificate.subject} does not chain to a trusted root`,
      );
    }
    infos.push(describe(outcome.signer, sig.claimedTime));
  }
  const last = scan.signatures.reduce((a, b) => (b.byteRange[2] + b.byteRange[3] > a.byteRange[2] + a.byteRange[3] ? b : a));
  const extra = trailingAfter(pdf, last);
  if (extra > 0) return fail('modified_after_signing', `${extra} bytes were added after the last signature`);

  const tags = formTags(expected.submissionId, expected.answersSha256);
  if (!carriesTags(last.signedBytes, [tags.submission, tags.answers])) {
    return fail('other_document', `the signed file does not carry ${tags.submission} with these answers`);
  }
  const original = expected.generatedPdf;
  if (
    original &&
    (pdf.length < original.length || createHash('sha256').update(pdf.subarray(0, original.length)).digest('hex') !== original.sha256.toLowerCase())
  ) {
    return fail('other_document', 'the signed file does not begin with the generated form (not signed by incremental update, or changed before signing)');
  }
  return ok({ signer: infos[0] as SignatureInfo, signatures: infos });
};
