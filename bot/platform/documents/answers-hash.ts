// The fingerprint printed on a form and embedded in its PDF: sha256 over a canonical JSON of the
// submitted answers (object keys sorted at every depth, no whitespace), so the same answers give
// the same hash whatever order the database returned them in, and a signed copy can be matched
// to the submission later.
import { createHash } from 'node:crypto';

const canonical = (value: unknown): string => {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('answers hash: non-finite number');
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      throw new TypeError(`answers hash: cannot encode a ${typeof value}`);
    }
    return JSON.stringify(value);
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
};

/** Hex sha256 of the canonical JSON of `answers` (e.g. criterion code → stored answer value). */
export const answersSha256 = (answers: unknown): string => createHash('sha256').update(canonical(answers), 'utf8').digest('hex');
