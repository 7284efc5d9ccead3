import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamDownload } from '../../bot/platform/stream-download.ts';

describe('streamDownload', () => {
  let server: http.Server;
  let base = '';
  let bytesWritten = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/small') return void res.end(Buffer.from('%PDF-1.7 small'));
      if (req.url === '/declared-big') {
        res.setHeader('content-length', String(50 << 20));
        return void res.write(Buffer.alloc(1024));
      }
      if (req.url === '/undeclared-big') {
        // No content-length: chunks until the client hangs up.
        const chunk = Buffer.alloc(64 * 1024, 1);
        const pump = (): void => {
          while (res.write(chunk)) {
            bytesWritten += chunk.length;
            if (bytesWritten > 200 << 20) return void res.end();
          }
          res.once('drain', pump);
        };
        res.on('close', () => undefined);
        return pump();
      }
      if (req.url === '/hang') return; // never answers
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('returns the bytes of a small file', async () => {
    const r = await streamDownload(`${base}/small`, { maxBytes: 1 << 20, timeoutMs: 5000 });
    expect(r.ok && r.value.toString()).toBe('%PDF-1.7 small');
  });

  it('refuses a declared size over the cap before reading the body', async () => {
    expect(await streamDownload(`${base}/declared-big`, { maxBytes: 1 << 20, timeoutMs: 5000 })).toEqual({ ok: false, error: { code: 'too_large' } });
  });

  it('cuts an undeclared body as soon as it passes the cap (the rest is never read)', async () => {
    const r = await streamDownload(`${base}/undeclared-big`, { maxBytes: 1 << 20, timeoutMs: 10_000 });
    expect(r).toEqual({ ok: false, error: { code: 'too_large' } });
    // The server was stopped long before its 200 MB: the client hung up.
    expect(bytesWritten).toBeLessThan(100 << 20);
  });

  it('gives up on a server that never answers', async () => {
    expect(await streamDownload(`${base}/hang`, { maxBytes: 1 << 20, timeoutMs: 200 })).toEqual({ ok: false, error: { code: 'timeout' } });
  });

  it('reports a missing file as a failed download', async () => {
    expect(await streamDownload(`${base}/nope`, { maxBytes: 1 << 20, timeoutMs: 5000 })).toEqual({ ok: false, error: { code: 'download_failed' } });
  });
});
