// Canonical JSON: object keys sorted (code-point order), undefined members dropped, arrays kept in
// order. Two definitions that mean the same thing serialise to the same text whatever file format
// or key order they came from, so a hash of this text identifies a criteria set.
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : canonical(v)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value;
};

export const canonicalJson = (value: unknown): string => JSON.stringify(canonical(value));
