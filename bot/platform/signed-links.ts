// Expiring download links for channels that cannot receive documents through their bot API
// (Zalo): the link carries a file descriptor signed with HMAC-SHA256, so the HTTP route needs
// no session and no database row to trust it. Token: `v1.<base64url JSON>.<base64url MAC>`.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Result } from '../../core/result.ts';
import { err, ok } from '../../core/result.ts';

const idText = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');

export const fileDescriptorSchema = z.object({
  /** What to produce, e.g. 'form_pdf', 'form_docx', 'export_xlsx', 'export_csv', 'chart_png'. */
  kind: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'lower-case letters, digits and _'),
  periodId: idText,
  unitId: idText.optional(),
  level: z
    .string()
    .regex(/^[a-z_]{1,32}$/)
    .optional(),
  /** One stored file (an evidence row: `<submission id>:<evidence id>`). */
  fileId: idText.optional(),
  /** Who asked: produce() re-checks this person's scope, so a leaked link never widens it. */
  personId: idText,
  expiresAt: z.date(),
});
export type FileDescriptor = z.infer<typeof fileDescriptorSchema>;

// The wire form: short keys, expiry in whole seconds since the epoch.
const payloadSchema = z.object({
  k: fileDescriptorSchema.shape.kind,
  p: idText,
  u: idText.optional(),
  l: fileDescriptorSchema.shape.level,
  f: idText.optional(),
  who: idText,
  exp: z.number().int().positive(),
});

export type LinkError = 'malformed' | 'tampered' | 'expired';

export type SignedLinks = {
  readonly sign: (descriptor: FileDescriptor) => string;
  /** `now` comes from the caller (the route passes the clock), so tests need no fake timers. */
  readonly verify: (token: string, now: Date) => Result<FileDescriptor, LinkError>;
};

const VERSION = 'v1';

export const createSignedLinks = (secret: string | Buffer): SignedLinks => {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (key.length < 32) throw new Error(`signed links: the secret must be at least 32 bytes (got ${key.length})`);
  const mac = (body: string): Buffer => createHmac('sha256', key).update(`${VERSION}.${body}`).digest();

  return {
    sign: (descriptor) => {
      const d = fileDescriptorSchema.parse(descriptor);
      const payload = { k: d.kind, p: d.periodId, u: d.unitId, l: d.level, f: d.fileId, who: d.personId, exp: Math.ceil(d.expiresAt.getTime() / 1000) };
      const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
      return `${VERSION}.${body}.${mac(body).toString('base64url')}`;
    },
    verify: (token, now) => {
      const parts = token.split('.');
      if (parts.length !== 3 || parts[0] !== VERSION || !parts[1] || !parts[2]) return err('malformed');
      const [, body, given] = parts as [string, string, string];
      const expected = mac(body);
      const actual = Buffer.from(given, 'base64url');
      // Length first: timingSafeEqual throws on unequal lengths; the length is no secret.
      if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return err('tampered');
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      } catch {
        return err('malformed');
      }
      const parsed = payloadSchema.safeParse(json);
      if (!parsed.success) return err('malformed');
      const p = parsed.data;
      if (p.exp * 1000 <= now.getTime()) return err('expired');
      return ok({
        kind: p.k,
        periodId: p.p,
        ...(p.u !== undefined ? { unitId: p.u } : {}),
        ...(p.l !== undefined ? { level: p.l } : {}),
        ...(p.f !== undefined ? { fileId: p.f } : {}),
        personId: p.who,
        expiresAt: new Date(p.exp * 1000),
      });
    },
  };
};
