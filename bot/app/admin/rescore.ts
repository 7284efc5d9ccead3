// Recomputes cached scores with the current score function: for submissions whose cache is
// missing or of an older score version (after an upgrade), and for every submission of a period
// whose window or tiers changed. Each write is version-guarded like any other change.
import { SCORE_VERSION } from '../../../core/criteria/submission-score.ts';
import type { Repositories } from '../ports.ts';
import { scoreCache } from '../scores.ts';

type Deps = Pick<Repositories, 'submissions' | 'periods' | 'criteriaSets'>;

const rescoreOne = async (repos: Deps, id: string, now: Date): Promise<boolean> => {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const snap = await repos.submissions.load(id);
    if (!snap) return false;
    const [period, stored] = await Promise.all([repos.periods.findById(snap.periodId), repos.criteriaSets.findById(snap.criteriaSetId)]);
    if (!period || !stored) return false;
    const outcome = await repos.submissions.applyChange(id, {
      expectedVersion: snap.version,
      actor: { personId: 'system', channel: 'console' },
      now,
      activity: false,
      score: scoreCache(stored.set, period, snap),
    });
    if (outcome.ok) return true;
  }
  return false;
};

/** Rescores every submission whose cached score is not of the current version; returns how many. */
export const rescoreStale = async (repos: Deps, now: Date, batch = 500): Promise<number> => {
  let done = 0;
  for (;;) {
    const stale = await repos.submissions.staleScores(SCORE_VERSION, batch);
    if (stale.length === 0) return done;
    let progressed = 0;
    for (const s of stale) if (await rescoreOne(repos, s.id, now)) progressed += 1;
    done += progressed;
    if (progressed === 0) return done;
  }
};

export const rescorePeriod = async (repos: Deps & Pick<Repositories, 'coordination'>, periodId: string, now: Date): Promise<number> => {
  const period = await repos.periods.findById(periodId);
  if (!period) return 0;
  const subs = await repos.coordination.submissionsOf(
    periodId,
    period.sets.map((s) => s.criteriaSetId),
  );
  let done = 0;
  for (const s of subs) if (await rescoreOne(repos, s.id, now)) done += 1;
  return done;
};
