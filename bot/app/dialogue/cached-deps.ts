// Wraps the repositories the answer path reads on every update with caches, so one answer costs
// a handful of statements. Submission snapshots are reused only while their version in the
// database is unchanged (another reporter's write bumps it), so nothing stale is ever scored.
import type { DialogueDeps } from './deps.ts';
import { createTtlCache } from './ttl-cache.ts';
import type { SubmissionSnapshot } from '../ports.ts';

export const UNIT_TTL_MS = 30_000;
export const PERIOD_TTL_MS = 5_000;

export const withCaches = (deps: DialogueDeps): DialogueDeps => {
  const units = createTtlCache<Awaited<ReturnType<DialogueDeps['units']['findById']>>>(UNIT_TTL_MS);
  const open = createTtlCache<Awaited<ReturnType<DialogueDeps['periods']['listOpen']>>>(PERIOD_TTL_MS);
  const snapshots = new Map<string, SubmissionSnapshot>();
  const remember = (s: SubmissionSnapshot): SubmissionSnapshot => {
    if (snapshots.size > 5_000) snapshots.clear();
    snapshots.set(`${s.periodId}:${s.unitId}:${s.criteriaSetId}`, s);
    return s;
  };
  const forget = (id: string): void => {
    for (const [k, v] of snapshots) if (v.id === id) snapshots.delete(k);
  };
  return {
    ...deps,
    units: { ...deps.units, findById: (id) => units.get(id, () => deps.units.findById(id)) },
    periods: { ...deps.periods, listOpen: () => open.get('open', () => deps.periods.listOpen()) },
    submissions: {
      ...deps.submissions,
      async getOrCreate(input) {
        const key = `${input.periodId}:${input.unitId}:${input.criteriaSetId}`;
        const cached = snapshots.get(key);
        // Writers may skip the check: their write is version-guarded and retried on a conflict.
        if (cached && input.trustCache) return cached;
        if (cached) {
          const head = await deps.submissions.head(input.periodId, input.unitId, input.criteriaSetId);
          if (head && head.id === cached.id && head.version === cached.version) return cached;
        }
        return remember(await deps.submissions.getOrCreate(input));
      },
      async load(id) {
        const fresh = await deps.submissions.load(id);
        return fresh ? remember(fresh) : fresh;
      },
      async applyChange(id, change) {
        const outcome = await deps.submissions.applyChange(id, change);
        // The caller keeps working with its own copy; the next read revalidates by version.
        forget(id);
        return outcome;
      },
    },
    rememberSnapshot: remember,
    forgetSnapshot: forget,
    newerSnapshot: (s) => {
      const cached = snapshots.get(`${s.periodId}:${s.unitId}:${s.criteriaSetId}`);
      return cached && cached.id === s.id && cached.version > s.version ? cached : undefined;
    },
  };
};
