// /readyz and start-up retries: 503 until the channels are up and the database is ready, the
// liveness check unaffected; each failed start-up attempt logged with its cause, the waits
// doubling up to their bound.
import { describe, expect, it } from 'vitest';
import { createHttpServer } from '../../bot/platform/http-server.ts';
import { createReadiness, routeReadiness } from '../../bot/platform/readiness.ts';
import { keepTrying } from '../../bot/platform/retry.ts';
import { silentLogger } from '../../bot/platform/logger.ts';

describe('readiness', () => {
  it('answers 503 until the channels are up, and again when the database is not ready; /healthz stays 200', async () => {
    let dbReady = true;
    const http = createHttpServer(silentLogger());
    const readiness = createReadiness(async () => dbReady);
    routeReadiness(http, readiness);
    const port = await http.listen(0);
    try {
      const get = async (path: string) => (await fetch(`http://127.0.0.1:${port}${path}`)).status;
      expect(await get('/readyz')).toBe(503);
      expect(await get('/healthz')).toBe(200);
      readiness.markChannelsUp();
      expect(await get('/readyz')).toBe(200);
      dbReady = false;
      expect(await get('/readyz')).toBe(503);
      expect(await get('/healthz')).toBe(200);
    } finally {
      await http.close();
    }
  });

  it('keeps trying an unreachable platform, logging each failure with its cause and a bounded wait', async () => {
    const logged: { attempt: number; cause: string; retryInMs: number }[] = [];
    const waits: number[] = [];
    let calls = 0;
    const result = await keepTrying(
      async () => {
        calls += 1;
        if (calls < 8) throw new Error(`connect ECONNREFUSED 127.0.0.1:9 (${calls})`);
        return 'me';
      },
      {
        what: 'telegram getMe',
        logger: { warn: (fields) => void logged.push(fields as (typeof logged)[number]) },
        backoff: { baseMs: 1_000, maxMs: 30_000 },
        sleep: async (ms) => void waits.push(ms),
      },
    );
    expect(result).toBe('me');
    expect(logged.map((l) => l.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(logged.every((l) => l.cause.includes('ECONNREFUSED'))).toBe(true);
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });
});
