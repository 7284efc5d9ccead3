// The SQLite side of bulk reads (bulk-reader.ts), on its own thread: its own connection to the
// file, kept read-only, running the SELECTs it is sent with a list of ids and answering their
// rows as arrays. Plain JavaScript because a worker thread does not inherit the tsx loader
// the CLI runs under, and registering it there costs 40-60 MB; this file imports nothing of
// ours. Statements come from the TypeScript side, so the SQL is written once.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');

const db = new Database(workerData.file, { fileMustExist: true, timeout: 10_000 });
db.pragma('query_only = ON');

// One prepared statement per SQL text and list length.
const prepared = new Map();
const statement = (sql, n) => {
  const key = `${n}\u0000${sql}`;
  let s = prepared.get(key);
  if (!s) {
    s = db.prepare(sql.replaceAll('(?#)', `(${Array.from({ length: n }, () => '?').join(', ')})`)).raw(true);
    prepared.set(key, s);
  }
  return s;
};

parentPort.on('message', (request) => {
  try {
    // The SELECTs of one request read one snapshot of the file.
    const results = db.transaction(() => request.queries.map((sql) => statement(sql, request.ids.length).all(request.ids)))();
    parentPort.postMessage({ id: request.id, results });
  } catch (e) {
    parentPort.postMessage({ id: request.id, error: e instanceof Error ? e.message : String(e) });
  }
});
