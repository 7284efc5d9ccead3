import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadZaloPhoto, sniffImageMime } from '../../bot/channels/zalo/zalo-photo.ts';
import { startZaloEmulator, type ZaloEmulator } from '../support/zalo-emulator.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 7)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 1)]);

describe('downloadZaloPhoto', () => {
  let emu: ZaloEmulator;
  beforeAll(async () => {
    emu = await startZaloEmulator();
  });
  afterAll(async () => {
    await emu.close();
  });

  it('downloads bytes with size, sha256 and sniffed mime', async () => {
    const url = emu.servePhoto('evidence.png', PNG, { mime: 'application/octet-stream' });
    const result = await downloadZaloPhoto(url, { maxBytes: 10_000, timeoutMs: 2000, trustedHosts: ['127.0.0.1'] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.buffer.equals(PNG)).toBe(true);
    expect(result.value).toMatchObject({ mime: 'image/png', size: PNG.length, sha256: createHash('sha256').update(PNG).digest('hex') });
  });

  it('rejects a declared Content-Length above the limit', async () => {
    const url = emu.servePhoto('big.jpg', JPEG);
    await expect(downloadZaloPhoto(url, { maxBytes: 1000, timeoutMs: 2000, trustedHosts: ['127.0.0.1'] })).resolves.toMatchObject({
      ok: false,
      error: { code: 'too_large' },
    });
  });

  it('enforces the limit while streaming when no length is declared', async () => {
    const url = emu.servePhoto('chunked.jpg', JPEG, { omitLength: true });
    await expect(downloadZaloPhoto(url, { maxBytes: 1000, timeoutMs: 2000, trustedHosts: ['127.0.0.1'] })).resolves.toMatchObject({
      ok: false,
      error: { code: 'too_large' },
    });
    const fine = await downloadZaloPhoto(url, { maxBytes: 10_000, timeoutMs: 2000, trustedHosts: ['127.0.0.1'] });
    expect(fine).toMatchObject({ ok: true, value: { mime: 'image/jpeg', size: JPEG.length } });
  });

  it('never fetches a private address a sender names (loopback, local network, metadata), by number or by name', async () => {
    const url = emu.servePhoto('inside.png', PNG);
    const refused = { ok: false, error: { code: 'download_failed' } };
    await expect(downloadZaloPhoto(url, { maxBytes: 10_000, timeoutMs: 2000 })).resolves.toMatchObject(refused);
    await expect(downloadZaloPhoto(url.replace('127.0.0.1', 'localhost'), { maxBytes: 10_000, timeoutMs: 2000 })).resolves.toMatchObject(refused);
    await expect(downloadZaloPhoto('http://169.254.169.254/latest/meta-data/', { maxBytes: 10_000, timeoutMs: 2000 })).resolves.toMatchObject(refused);
    await expect(downloadZaloPhoto('http://[::1]:9/x.png', { maxBytes: 10_000, timeoutMs: 2000 })).resolves.toMatchObject(refused);
    await expect(downloadZaloPhoto('http://192.168.1.1/x.png', { maxBytes: 10_000, timeoutMs: 2000 })).resolves.toMatchObject(refused);
  });

  it('reports 404, bad urls, refused connections and other protocols as download_failed', async () => {
    const failed = { ok: false, error: { code: 'download_failed' } };
    await expect(downloadZaloPhoto(`${emu.url}/files/missing.jpg`, { maxBytes: 1000, timeoutMs: 2000, trustedHosts: ['127.0.0.1'] })).resolves.toMatchObject(
      failed,
    );
    await expect(downloadZaloPhoto('not a url', { maxBytes: 1000, timeoutMs: 2000, trustedHosts: ['127.0.0.1'] })).resolves.toMatchObject(failed);
    await expect(downloadZaloPhoto('file:///etc/passwd', { maxBytes: 1000, timeoutMs: 2000, trustedHosts: ['127.0.0.1'] })).resolves.toMatchObject(failed);
    await expect(downloadZaloPhoto('http://127.0.0.1:1/x.jpg', { maxBytes: 1000, timeoutMs: 2000, trustedHosts: ['127.0.0.1'] })).resolves.toMatchObject(
      failed,
    );
  });

  it('gives up at the deadline when the body stalls', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'image/jpeg' });
      res.write(JPEG.subarray(0, 100)); // then never ends
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow.jpg`;
      await expect(downloadZaloPhoto(url, { maxBytes: 10_000, timeoutMs: 150, trustedHosts: ['127.0.0.1'] })).resolves.toMatchObject({
        ok: false,
        error: { code: 'download_failed', detail: 'timeout' },
      });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('sniffs common image types', () => {
    expect(sniffImageMime(Buffer.from('GIF89a....'))).toBe('image/gif');
    expect(sniffImageMime(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageMime(Buffer.from('hello'))).toBeUndefined();
  });
});
