// Verifies a detached CMS/PKCS#7 SignedData (adbe.pkcs7.detached, ETSI.CAdES.detached) over the
// signed bytes: node-forge reads the ASN.1, node:crypto checks digests and the RSA/ECDSA
// signature, so any key type OpenSSL knows works (forge itself only verifies RSA).
import { createHash, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

const asn1 = forge.asn1;
type Node = forge.asn1.Asn1;

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
} as const;

const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
// Signature algorithms node:crypto verifies with the signer's digest: PKCS#1 v1.5 and ECDSA.
const SIGNATURE_ALGORITHMS = new Set([
  '1.2.840.113549.1.1.1',
  '1.2.840.113549.1.1.5',
  '1.2.840.113549.1.1.11',
  '1.2.840.113549.1.1.12',
  '1.2.840.113549.1.1.13',
  '1.2.840.113549.1.1.14',
  '1.2.840.10045.2.1',
  '1.2.840.10045.4.1',
  '1.2.840.10045.4.3.1',
  '1.2.840.10045.4.3.2',
  '1.2.840.10045.4.3.3',
  '1.2.840.10045.4.3.4',
]);

export type CmsSigner = {
  readonly certificate: X509Certificate;
  /** Every certificate the CMS carries (the chain, when the signer included it). */
  readonly certificates: readonly X509Certificate[];
  readonly commonName?: string;
  readonly organization?: string;
  readonly signingTime?: Date;
};

export type CmsFailure = { readonly code: 'bad_signature' | 'content_mismatch'; readonly detail: string };
export type CmsOutcome = { readonly ok: true; readonly signer: CmsSigner } | { readonly ok: false; readonly error: CmsFailure };

const bad = (detail: string): CmsOutcome => ({ ok: false, error: { code: 'bad_signature', detail } });
const kids = (n: Node | undefined): Node[] => (n && Array.isArray(n.value) ? (n.value as Node[]) : []);
const bytes = (n: Node | undefined): string => (n && typeof n.value === 'string' ? n.value : '');
const oid = (n: Node | undefined): string => (n && n.type === asn1.Type.OID ? asn1.derToOid(bytes(n)) : '');
const der = (n: Node): Buffer => Buffer.from(asn1.toDer(n).getBytes(), 'binary');
const ctx = (n: Node | undefined, tag: number): boolean => n?.tagClass === asn1.Class.CONTEXT_SPECIFIC && n.type === tag;

// Reads RDN values by OID from a certificate's subject (UTF8String, PrintableString, BMPString…).
const nameValue = (subject: Node | undefined, wanted: string): string | undefined => {
  for (const rdn of kids(subject)) {
    for (const attr of kids(rdn)) {
      const [type, value] = kids(attr);
      if (oid(type) !== wanted || !value) continue;
      const raw = Buffer.from(bytes(value), 'binary');
      return value.type === asn1.Type.BMPSTRING ? raw.swap16().toString('utf16le') : raw.toString(value.type === asn1.Type.UTF8 ? 'utf8' : 'latin1');
    }
  }
  return undefined;
};

const subjectOf = (certDer: Buffer): Node | undefined => {
  const tbs = kids(kids(asn1.fromDer(certDer.toString('binary'), { strict: false, decodeBitStrings: false } as never))[0]);
  // TBSCertificate: [0] version?, serial, signature alg, issuer, validity, subject, …
  const offset = ctx(tbs[0], 0) ? 1 : 0;
  return tbs[offset + 4];
};

const parseTime = (n: Node | undefined): Date | undefined => {
  if (!n) return undefined;
  try {
    return n.type === asn1.Type.UTCTIME
      ? asn1.utcTimeToDate(bytes(n))
      : n.type === asn1.Type.GENERALIZEDTIME
        ? asn1.generalizedTimeToDate(bytes(n))
        : undefined;
  } catch {
    return undefined;
  }
};

export const verifyDetachedCms = (cms: Buffer, signedBytes: Buffer): CmsOutcome => {
  let root: Node;
  try {
    root = asn1.fromDer(cms.toString('binary'), { strict: false, parseAllBytes: false, decodeBitStrings: false } as never);
  } catch (e) {
    return bad(`the signature is not DER/BER (${e instanceof Error ? e.message : String(e)})`);
  }
  const [type, content] = kids(root);
  if (oid(type) !== OID.signedData) return bad('the signature is not a CMS SignedData');
  const signedData = kids(kids(content)[0]);
  const certs = signedData.find((n) => ctx(n, 0));
  const signerInfos = signedData[signedData.length - 1];
  const infos = kids(signerInfos);
  if (infos.length !== 1) return bad(`expected one signer, found ${infos.length}`);
  const info = kids(infos[0]);
  const digestName = DIGESTS[oid(kids(info[2])[0])];
  if (!digestName) return bad('unsupported digest algorithm');
  const attrsNode = ctx(info[3], 0) ? info[3] : undefined;
  const rest = info.slice(attrsNode ? 4 : 3);
  const sigAlg = oid(kids(rest[0])[0]);
  if (!SIGNATURE_ALGORITHMS.has(sigAlg)) return bad(`unsupported signature algorithm ${sigAlg}`);
  const signature = Buffer.from(bytes(rest[1]), 'binary');
  const contentDigest = createHash(digestName).update(signedBytes).digest();

  let toVerify = signedBytes;
  let signingTime: Date | undefined;
  if (attrsNode) {
    const attrs = new Map(kids(attrsNode).map((a) => [oid(kids(a)[0]), kids(kids(a)[1])[0]] as const));
    const md = Buffer.from(bytes(attrs.get(OID.messageDigest)), 'binary');
    if (!md.equals(contentDigest))
      return { ok: false, error: { code: 'content_mismatch', detail: 'the signed digest differs from the digest of the signed bytes' } };
    signingTime = parseTime(attrs.get(OID.signingTime));
    // The signature covers the DER of the attributes re-tagged as SET OF (RFC 5652 §5.4).
    const set = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, kids(attrsNode));
    toVerify = der(set);
  }

  const certificates: X509Certificate[] = [];
  for (const c of kids(certs)) {
    try {
      certificates.push(new X509Certificate(der(c)));
    } catch {
      // Attribute certificates and other choices are not signer candidates.
    }
  }
  const signer = certificates.find((cert) => {
    try {
      return cryptoVerify(digestName, toVerify, cert.publicKey, signature);
    } catch {
      return false;
    }
  });
  if (!signer) return bad(certificates.length === 0 ? 'the signature carries no certificate' : 'the signature does not verify with the included certificate');
  const subject = subjectOf(Buffer.from(signer.raw));
  const commonName = nameValue(subject, OID.commonName);
  const organization = nameValue(subject, OID.organization);
  return {
    ok: true,
    signer: {
      certificate: signer,
      certificates,
      ...(commonName ? { commonName } : {}),
      ...(organization ? { organization } : {}),
      ...(signingTime ? { signingTime } : {}),
    },
  };
};
