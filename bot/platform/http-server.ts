// One HTTP server for the Telegram webhook, the Zalo webhook and /healthz.
import http from 'node:http';
import type { Logger } from './logger.ts';

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

export type HttpServer = {
  readonly route: (method: string, path: string, handler: Route) => void;
  /** Every path under `prefix` (ending in "/"), when no exact route matches, e.g. /app/api/unit/<code>. */
  readonly routePrefix: (method: string, prefix: string, handler: Route) => void;
  readonly listen: (port: number) => Promise<number>;
  readonly close: () => Promise<void>;
};

export const createHttpServer = (logger: Logger): HttpServer => {
  const routes = new Map<string, Route>();
  const prefixes: { method: string; prefix: string; handler: Route }[] = [];
  routes.set('GET /healthz', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const handler =
      routes.get(`${req.method} ${path}`) ??
      // The longest prefix wins, so /app/api/ is not served by /app/'s static files.
      prefixes.filter((p) => p.method === req.method && path.startsWith(p.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0]?.handler;
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      logger.error({ err: error, path }, 'http handler failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  return {
    route: (method, path, handler) => void routes.set(`${method} ${path}`, handler),
    routePrefix: (method, prefix, handler) => void prefixes.push({ method, prefix, handler }),
    listen: (port) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
