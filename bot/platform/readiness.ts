// /readyz: 200 once the database answers with every migration applied and the chat channels
// are up; 503 (with what is missing) before that, e.g. while the Bot API is still unreachable
// at start-up. /healthz stays the liveness check (the process answers at all).
import type { HttpServer } from './http-server.ts';

export type Readiness = {
  /** The channels are started: the bot can answer. */
  readonly markChannelsUp: () => void;
  readonly check: () => Promise<{ ready: boolean; database: boolean; channels: boolean }>;
};

export const createReadiness = (database: () => Promise<boolean>): Readiness => {
  let channels = false;
  return {
    markChannelsUp: () => void (channels = true),
    check: async () => {
      const db = await database().catch(() => false);
      return { ready: db && channels, database: db, channels };
    },
  };
};

export const routeReadiness = (http: HttpServer, readiness: Readiness): void => {
  http.route('GET', '/readyz', async (_req, res) => {
    const state = await readiness.check();
    res.writeHead(state.ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(state));
  });
};
