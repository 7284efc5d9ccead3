// Serialises work per key within this process: a dozen reporters of one unit answering at the
// same moment write their submission one after the other instead of racing for its version
// (optimistic retries then only meet writers in other instances).
export type KeyedLock = <T>(key: string, work: () => Promise<T>) => Promise<T>;

export const createKeyedLock = (): KeyedLock => {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const before = tails.get(key) ?? Promise.resolve();
    const run = before.then(work, work);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      // The last one out leaves no entry behind.
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
};
