// Bulk reads of a SQLite database on a thread of their own. better-sqlite3 runs every
// statement on the calling thread, so the export's reads (310,000 answers at 10,000 units,
// about 0.5 s of SQL) stopped everything else; here they run beside the scoring and the
// writing of the previous batch. Only SELECTs with one list of ids `(?#)`, answered as rows of
// column arrays; anything else stays on Prisma.
import { Worker } from 'node:worker_threads';

type Pending = { readonly resolve: (rows: unknown[][][]) => void; readonly reject: (e: Error) => void };

export type BulkReader = {
  /** Runs `queries` (each with one `(?#)` list) over `ids`, in one read transaction. */
  readonly read: (queries: readonly string[], ids: readonly string[]) => Promise<unknown[][][]>;
  /** Starts the thread ahead of the first read (it takes a few tens of milliseconds). */
  readonly warm: () => void;
  /** Whether the thread is up (started and not yet stopped for being idle). */
  readonly running: () => boolean;
  readonly close: () => Promise<void>;
};

// A reader left idle this long stops its thread (about 17 MB), to start again on the next read.
const IDLE_MS = 30_000;

type Thread = { readonly worker: Worker; readonly pending: Map<number, Pending> };

export const createBulkReader = (file: string, options: { readonly idleMs?: number } = {}): BulkReader => {
  const idleMs = options.idleMs ?? IDLE_MS;
  let current: Thread | undefined;
  let next = 0;
  let idle: NodeJS.Timeout | undefined;
  // Every read waiting on a thread that stopped fails; a later read starts a new thread.
  const stopped = (t: Thread, e: Error) => {
    for (const p of t.pending.values()) p.reject(e);
    t.pending.clear();
    if (current === t) current = undefined;
  };
  const stopWhenIdle = (t: Thread) => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      if (current !== t || t.pending.size > 0) return;
      current = undefined;
      void t.worker.terminate();
    }, idleMs);
    idle.unref();
  };
  const started = (): Thread => {
    if (current) return current;
    const worker = new Worker(new URL('./bulk-read-worker.mjs', import.meta.url), {
      workerData: { file },
      // Its heap holds one batch of rows at a time: small limits keep its memory small.
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 48 },
    });
    const t: Thread = { worker, pending: new Map() };
    // An idle reader never keeps the process alive; a read in flight holds it (ref below).
    worker.unref();
    worker.on('message', (m: { id: number; results?: unknown[][][]; error?: string }) => {
      const p = t.pending.get(m.id);
      t.pending.delete(m.id);
      if (t.pending.size === 0) {
        worker.unref();
        stopWhenIdle(t);
      }
      if (!p) return;
      if (m.error !== undefined || !m.results) p.reject(new Error(`sqlite bulk read: ${m.error ?? 'no result'}`));
      else p.resolve(m.results);
    });
    worker.on('error', (e) => stopped(t, e));
    worker.on('exit', (code) => stopped(t, new Error(`sqlite bulk read: reader stopped (exit ${code})`)));
    current = t;
    stopWhenIdle(t);
    return t;
  };
  return {
    read: (queries, ids) =>
      new Promise((resolve, reject) => {
        const t = started();
        clearTimeout(idle);
        const id = (next += 1);
        t.pending.set(id, { resolve, reject });
        t.worker.ref();
        t.worker.postMessage({ id, queries, ids });
      }),
    warm: () => void started(),
    running: () => current !== undefined,
    close: async () => {
      clearTimeout(idle);
      const t = current;
      current = undefined;
      if (t) await t.worker.terminate();
    },
  };
};
