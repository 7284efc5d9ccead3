// Small per-process caches for data that changes rarely (units, open periods) or that this
// process itself changes (identity). Entries expire after `ttlMs`, so changes made by another
// instance or by the CLI show up within that time.
export type TtlCache<V> = {
  readonly get: (key: string, load: () => Promise<V>) => Promise<V>;
  readonly delete: (key: string) => void;
  readonly clear: () => void;
  /** True when a fresh entry is held (nothing is loaded). */
  readonly has: (key: string) => boolean;
};

export const createTtlCache = <V>(ttlMs: number, maxEntries = 10_000): TtlCache<V> => {
  const entries = new Map<string, { value: V; expires: number }>();
  return {
    async get(key, load) {
      const hit = entries.get(key);
      const now = Date.now();
      if (hit && hit.expires > now) return hit.value;
      const value = await load();
      if (entries.size >= maxEntries) entries.clear();
      entries.set(key, { value, expires: now + ttlMs });
      return value;
    },
    has: (key) => (entries.get(key)?.expires ?? 0) > Date.now(),
    delete: (key) => void entries.delete(key),
    clear: () => entries.clear(),
  };
};
