// Throwaway certificates (node-forge) and PDF signing (@signpdf) for the signed-form tests:
// what a unit's signing software does, offline.
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import forge from 'node-forge';

export type Identity = { readonly key: forge.pki.rsa.PrivateKey; readonly cert: forge.pki.Certificate };

// UTF8String values, as Vietnamese CAs issue them ("Nguyễn Văn Đức"); forge encodes them.
const name = (cn: string, o: string) =>
  [
    { shortName: 'C', value: 'VN' },
    { shortName: 'O', value: o, valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: 'CN', value: cn, valueTagClass: forge.asn1.Type.UTF8 },
  ] as forge.pki.CertificateField[];

let serial = 1;

/** An RSA-2048 certificate for `cn`/`o`, self-signed or issued by `issuer`. */
export const makeIdentity = (
  cn: string,
  o: string,
  issuer?: Identity,
  validity = { from: new Date('2024-01-01T00:00:00Z'), to: new Date('2034-01-01T00:00:00Z') },
): Identity => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = (serial++).toString(16).padStart(4, '0');
  cert.validity.notBefore = validity.from;
  cert.validity.notAfter = validity.to;
  cert.setSubject(name(cn, o));
  cert.setIssuer(issuer ? issuer.cert.subject.attributes : name(cn, o));
  cert.setExtensions([
    { name: 'basicConstraints', cA: !issuer },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, keyCertSign: !issuer },
  ]);
  cert.sign(issuer?.key ?? key, forge.md.sha256.create());
  return { key, cert };
};

export const x509 = (id: Identity): X509Certificate =>
  new X509Certificate(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(id.cert)).getBytes(), 'binary'));

const p12Of = (signer: Identity, chain: readonly Identity[]): Buffer => {
  const asn = forge.pkcs12.toPkcs12Asn1(signer.key, [signer.cert, ...chain.map((c) => c.cert)], 'test', { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(asn).getBytes(), 'binary');
};

/** Adds a signature field by incremental update and signs it (detached CMS, SHA-256). */
export const signPdf = async (pdf: Buffer, signer: Identity, options: { chain?: readonly Identity[]; signingTime?: Date } = {}): Promise<Buffer> => {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: 'Ký phiếu tự đánh giá',
    contactInfo: 'vanthu@thachdai.gov.vn',
    name: 'Nguyen Van Duc',
    location: 'Thach Dai',
    signatureLength: 8192,
    ...(options.signingTime ? { signingTime: options.signingTime } : {}),
  });
  return new SignPdf().sign(withPlaceholder, new P12Signer(p12Of(signer, options.chain ?? []), { passphrase: 'test' }), options.signingTime);
};
