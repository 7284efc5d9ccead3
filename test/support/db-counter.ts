// Counts database statements at the driver: better-sqlite3 (the copy the Prisma adapter
// loads) and node-postgres. Used by the answer bench and by the test that holds a turn to its
// statement budget.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type BetterSqlite3 from 'better-sqlite3';

let count = 0;
let installed = false;

export const installCounters = (): void => {
  if (installed) return;
  installed = true;
  const require = createRequire(import.meta.url);
  const nested = path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    '..',
    '..',
    'node_modules',
    '@prisma',
    'adapter-better-sqlite3',
    'node_modules',
    'better-sqlite3',
  );
  for (const id of [nested, 'better-sqlite3']) {
    try {
      const Sqlite = require(id) as typeof BetterSqlite3;
      const proto = Object.getPrototypeOf(new Sqlite(':memory:').prepare('select 1')) as Record<string, (...a: unknown[]) => unknown>;
      for (const m of ['all', 'run', 'get', 'iterate']) {
        const original = proto[m]!;
        proto[m] = function (this: unknown, ...a: unknown[]) {
          count += 1;
          return original.apply(this, a);
        };
      }
    } catch {
      // that copy is not installed
    }
  }
  // Pool.query goes through Client.query, so counting the client counts every round trip once.
  const proto = pg.Client.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const original = proto['query']!;
  proto['query'] = function (this: unknown, ...a: unknown[]) {
    count += 1;
    return original.apply(this, a);
  };
};

export const statements = (): number => count;
