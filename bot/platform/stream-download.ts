// Downloads a file with a hard byte cap and a total deadline: the body is read in chunks and
// the transfer is cut as soon as it passes the cap (a 200 MB file without a declared size must
// not land in memory), and a file server that hangs cannot hold a chat's turn.
import { err, ok, type Result } from '../../core/result.ts';

export type DownloadError = { readonly code: 'too_large' | 'download_failed' | 'timeout' };
export type DownloadOptions = { readonly maxBytes: number; readonly timeoutMs: number; readonly fetchImpl?: typeof fetch };

export const streamDownload = async (url: string, options: DownloadOptions): Promise<Result<Buffer, DownloadError>> => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const res = await (options.fetchImpl ?? fetch)(url, { signal: controller.signal, redirect: 'error' });
    if (!res.ok || !res.body) {
      await res.body?.cancel().catch(() => undefined);
      return err({ code: 'download_failed' });
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      await res.body.cancel().catch(() => undefined);
      return err({ code: 'too_large' });
    }
    const reader = res.body.getReader();
    const parts: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > options.maxBytes) {
        await reader.cancel().catch(() => undefined);
        return err({ code: 'too_large' });
      }
      parts.push(value);
    }
    return ok(Buffer.concat(parts, size));
  } catch {
    return err({ code: controller.signal.aborted ? 'timeout' : 'download_failed' });
  } finally {
    clearTimeout(timer);
  }
};
