// The HTTP side of signed links: GET <path>?t=<token> verifies the token, asks `produce` for
// the file and serves it as an attachment. Same handler shape as bot/platform/http-server.ts routes.
import type http from 'node:http';
import type { FileDescriptor, LinkError, SignedLinks } from './signed-links.ts';

export type ProducedFile = { readonly fileName: string; readonly mime: string; readonly data: Buffer };

export type SignedFileRouteDeps = {
  readonly links: SignedLinks;
  readonly now: () => Date;
  /** Builds the file, re-checking the person's scope; undefined = nothing to serve (404). */
  readonly produce: (descriptor: FileDescriptor) => Promise<ProducedFile | undefined>;
  /** Short page texts, e.g. `(key) => t('vi', \`documents:${key}\`)`; keys `links.*`. */
  readonly label: (key: string) => string;
};

const STATUS: Record<LinkError | 'missing' | 'not_found' | 'method', number> = {
  missing: 400,
  malformed: 403,
  tampered: 403,
  expired: 410,
  not_found: 404,
  method: 405,
};

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name, so "Phiếu tự đánh giá.pdf" survives. */
export const contentDisposition = (fileName: string): string => {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
};

const baseHeaders = { 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

export const createSignedFileRoute =
  (deps: SignedFileRouteDeps) =>
  async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const fail = (why: keyof typeof STATUS) => {
      const key = why === 'malformed' || why === 'tampered' ? 'invalid' : why;
      res.writeHead(STATUS[why], { ...baseHeaders, 'content-type': 'text/plain; charset=utf-8' }).end(`${deps.label(`links.${key}`)}\n`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail('method');
    const token = new URL(req.url ?? '/', 'http://local').searchParams.get('t');
    if (!token) return fail('missing');
    const verified = deps.links.verify(token, deps.now());
    if (!verified.ok) return fail(verified.error);
    const file = await deps.produce(verified.value);
    if (!file) return fail('not_found');
    res.writeHead(200, {
      ...baseHeaders,
      'content-type': file.mime,
      'content-length': String(file.data.length),
      'content-disposition': contentDisposition(file.fileName),
    });
    res.end(req.method === 'HEAD' ? undefined : file.data);
  };
