// Downloads an inbound Zalo photo (photo_url on Zalo's CDN: public, no token, may expire, so
// fetch promptly). Streams with a hard byte cap and a total deadline; failures are values.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import net from 'node:net';
import axios, { type AxiosRequestConfig } from 'axios';
import { isPublicAddress, publicOnlyLookup } from '../../platform/public-address.ts';
import { err, ok, type Result } from '../../../core/result.ts';

export type ZaloPhoto = {
  readonly buffer: Buffer;
  readonly mime: string;
  readonly size: number;
  /** Hex SHA-256 of the bytes (for evidence integrity and de-duplication). */
  readonly sha256: string;
};

export type ZaloPhotoError = {
  readonly code: 'too_large' | 'download_failed';
  readonly detail: string;
};

export type DownloadZaloPhotoOptions = {
  readonly maxBytes: number;
  /** Deadline for the whole download, headers and body. */
  readonly timeoutMs: number;
  /** Hosts fetched even on a private address (the configured API host: an emulator, a proxy). */
  readonly trustedHosts?: readonly string[];
};

export const downloadZaloPhoto = async (url: string, options: DownloadZaloPhotoOptions): Promise<Result<ZaloPhoto, ZaloPhotoError>> => {
  const { maxBytes, timeoutMs } = options;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return err({ code: 'download_failed', detail: 'invalid url' });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return err({ code: 'download_failed', detail: `unsupported protocol ${parsed.protocol}` });
  }
  const trusted = new Set(options.trustedHosts ?? []);
  // An address written in the URL is never looked up: check it here; names are checked at connect.
  const literal = parsed.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(literal) !== 0 && !trusted.has(parsed.hostname) && !isPublicAddress(literal)) {
    return err({ code: 'download_failed', detail: 'not a public address' });
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await axios.get<Readable>(parsed.href, {
      responseType: 'stream',
      signal: controller.signal,
      timeout: timeoutMs,
      maxRedirects: 3,
      // Names are checked when connecting; an address written as a number is never looked up, so
      // a redirect to one is checked here.
      lookup: publicOnlyLookup(trusted) as unknown as AxiosRequestConfig['lookup'],
      beforeRedirect: (redirect: { hostname?: string }) => {
        const host = (redirect.hostname ?? '').replace(/^\[|\]$/g, '');
        if (net.isIP(host) !== 0 && !trusted.has(host) && !isPublicAddress(host)) throw new Error('redirect to a non-public address');
      },
      validateStatus: () => true,
    });
    const stream = response.data;
    if (response.status < 200 || response.status >= 300) {
      stream.destroy();
      return err({ code: 'download_failed', detail: `HTTP ${response.status}` });
    }
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      stream.destroy();
      return err({ code: 'too_large', detail: `declared ${declared} bytes > ${maxBytes}` });
    }
    const parts: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      size += buf.length;
      if (size > maxBytes) {
        stream.destroy();
        return err({ code: 'too_large', detail: `more than ${maxBytes} bytes` });
      }
      parts.push(buf);
    }
    const buffer = Buffer.concat(parts);
    const header = response.headers['content-type'];
    const mime = sniffImageMime(buffer) ?? (typeof header === 'string' ? header.split(';')[0]!.trim() : undefined);
    return ok({
      buffer,
      mime: mime || 'application/octet-stream',
      size,
      sha256: createHash('sha256').update(buffer).digest('hex'),
    });
  } catch (error) {
    // Only the code: axios errors carry the request config.
    const code = axios.isAxiosError(error) ? (error.code ?? 'ERR_NETWORK') : 'error';
    return err({ code: 'download_failed', detail: controller.signal.aborted ? 'timeout' : code });
  } finally {
    clearTimeout(timer);
  }
};

/** Trusts the bytes over the header: CDNs often answer application/octet-stream. */
export const sniffImageMime = (bytes: Buffer): string | undefined => {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (bytes.length >= 6 && ['GIF87a', 'GIF89a'].includes(bytes.subarray(0, 6).toString('latin1'))) return 'image/gif';
  if (bytes.length >= 12 && bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'image/webp';
  }
  return undefined;
};
