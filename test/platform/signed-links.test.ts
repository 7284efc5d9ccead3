import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../../bot/platform/i18n.ts';
import { contentDisposition, createSignedFileRoute } from '../../bot/platform/signed-file-route.ts';
import { createSignedLinks, type FileDescriptor } from '../../bot/platform/signed-links.ts';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const links = createSignedLinks(secret);
const now = new Date('2024-11-05T03:00:00Z');
const descriptor: FileDescriptor = { kind: 'form_pdf', periodId: 'p-2024', unitId: 'u-1', personId: 'person-7', expiresAt: new Date('2024-11-05T04:00:00Z') };

describe('signed links', () => {
  it('a fresh token verifies to the same descriptor', () => {
    const r = links.verify(links.sign(descriptor), now);
    expect(r).toEqual({ ok: true, value: descriptor });
  });

  it('expired at and after expiresAt', () => {
    const token = links.sign(descriptor);
    expect(links.verify(token, descriptor.expiresAt)).toEqual({ ok: false, error: 'expired' });
    expect(links.verify(token, new Date('2025-01-01T00:00:00Z'))).toEqual({ ok: false, error: 'expired' });
    expect(links.verify(token, new Date(descriptor.expiresAt.getTime() - 1000)).ok).toBe(true);
  });

  it('another secret, a changed payload or a changed MAC is refused as tampered', () => {
    const token = links.sign(descriptor);
    expect(createSignedLinks(`${secret}x`).verify(token, now)).toEqual({ ok: false, error: 'tampered' });
    const [v, body, mac] = token.split('.') as [string, string, string];
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), u: 'u-2' })).toString('base64url');
    expect(links.verify(`${v}.${forged}.${mac}`, now)).toEqual({ ok: false, error: 'tampered' });
    expect(links.verify(`${v}.${body}.${mac.slice(0, -2)}`, now)).toEqual({ ok: false, error: 'tampered' });
    expect(links.verify('v2.a.b', now)).toEqual({ ok: false, error: 'malformed' });
    expect(links.verify('garbage', now)).toEqual({ ok: false, error: 'malformed' });
  });

  it('flipping any single character of a token never verifies', () => {
    const token = links.sign(descriptor);
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...'ABCxyz019-_.'), (i, ch) => {
        fc.pre(token[i] !== ch);
        const changed = `${token.slice(0, i)}${ch}${token.slice(i + 1)}`;
        // base64url may decode two spellings of the last char to the same bytes: then it is the same token.
        const same =
          Buffer.from(changed.split('.')[2] ?? '', 'base64url').equals(Buffer.from(token.split('.')[2] ?? '', 'base64url')) &&
          changed.split('.').slice(0, 2).join('.') === token.split('.').slice(0, 2).join('.');
        expect(links.verify(changed, now).ok).toBe(same);
      }),
    );
  });

  it('refuses a short secret and an invalid descriptor', () => {
    expect(() => createSignedLinks('short')).toThrow(/at least 32 bytes/);
    expect(() => links.sign({ ...descriptor, kind: 'Form PDF' })).toThrow();
  });

  it('encodes a Vietnamese file name for Content-Disposition', () => {
    expect(contentDisposition('Phiếu tự đánh giá Đức.pdf')).toBe(
      `attachment; filename="Phieu tu danh gia Duc.pdf"; filename*=UTF-8''${encodeURIComponent('Phiếu tự đánh giá Đức.pdf')}`,
    );
  });
});

describe('signed file route', () => {
  const servers: http.Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });
  const t = createTranslator('vi');
  const serve = async (produced: FileDescriptor[]) => {
    const route = createSignedFileRoute({
      links,
      now: () => now,
      label: (key) => t.t('vi', `documents:${key}`),
      produce: async (d) => {
        produced.push(d);
        return d.unitId === 'missing' ? undefined : { fileName: 'Phiếu tự đánh giá.pdf', mime: 'application/pdf', data: Buffer.from('%PDF-1.7 test') };
      },
    });
    const server = http.createServer((req, res) => void route(req, res));
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/files`;
  };

  it('serves the produced file for a valid token, with the descriptor it carried', async () => {
    const produced: FileDescriptor[] = [];
    const url = await serve(produced);
    const res = await fetch(`${url}?t=${encodeURIComponent(links.sign(descriptor))}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''Phi%E1%BA%BFu");
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('%PDF-1.7 test');
    expect(produced).toEqual([descriptor]);
  });

  it('answers 403 tampered, 410 expired, 400 without token, 404 when nothing is produced', async () => {
    const produced: FileDescriptor[] = [];
    const url = await serve(produced);
    const token = links.sign(descriptor);
    const tampered = await fetch(`${url}?t=${token.slice(0, -3)}AAA`);
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain('không hợp lệ');
    const expired = await fetch(`${url}?t=${links.sign({ ...descriptor, expiresAt: new Date(now.getTime() - 1000) })}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('hết hạn');
    expect((await fetch(url)).status).toBe(400);
    expect((await fetch(`${url}?t=${links.sign({ ...descriptor, unitId: 'missing' })}`)).status).toBe(404);
    expect((await fetch(`${url}?t=${token}`, { method: 'POST' })).status).toBe(405);
    expect(produced.map((d) => d.unitId)).toEqual(['missing']);
  });
});
