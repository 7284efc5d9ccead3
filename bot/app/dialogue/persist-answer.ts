// Persists what the questionnaire engine changed. Answers are re-applied on a fresh snapshot
// when another reporter of the same unit wrote in between (optimistic version conflict), so
// concurrent edits of one submission lose nothing.
import { scoreSet } from '../../../core/criteria/scoring.ts';
import type { CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';
import type { ApplyResult } from '../../../core/questionnaire/apply-input.ts';
import type { ChannelKind } from '../inbound.ts';
import type { DialogueDeps } from './deps.ts';
import type { AnswerWrite, SubmissionSnapshot, Totals } from '../ports.ts';

export const totalsOf = (set: CriteriaSet, applied: Pick<ApplyResult, 'answers'>, window?: { from: string; to: string }): Totals => {
  const score = scoreSet(set, applied.answers, window ? { window } : {});
  const answeredCount = score.criteria.filter((c) => c.status !== 'unanswered' && c.status !== 'irrelevant').length;
  return {
    answeredCount,
    selfPoints: score.points,
    selfPercent: score.percent,
    applicableMax: score.applicableMax,
    tier: score.tier?.key ?? null,
    groupPoints: Object.fromEntries(score.groups.map((g) => [g.code, g.points])),
  };
};

export type PersistOutcome = { readonly ok: true; readonly applied: ApplyResult } | { readonly ok: false; readonly error: unknown };

/**
 * `apply` runs the engine on a snapshot; it is called again on a fresh snapshot after a
 * version conflict. Returns the result that was actually stored.
 */
export const persistWithRetry = async <E>(
  deps: DialogueDeps,
  set: CriteriaSet,
  first: SubmissionSnapshot,
  apply: (snapshot: SubmissionSnapshot) => { ok: true; value: ApplyResult } | { ok: false; error: E },
  actor: { personId: string; channel: ChannelKind },
  now: Date,
  window?: { from: string; to: string },
): Promise<{ ok: true; value: ApplyResult; snapshot: SubmissionSnapshot } | { ok: false; error: E }> => {
  let snapshot = first;
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const applied = apply(snapshot);
    if (!applied.ok) return applied;
    const r = applied.value;
    const changed = r.changed;
    if (!changed) return { ok: true, value: r, snapshot };
    const answers: AnswerWrite[] = [];
    if (changed.kind === 'criterion' || changed.kind === 'explanation') {
      const stored = r.answers[changed.code];
      if (stored) {
        const points = scoreSet(set, r.answers, window ? { window } : {}).byCode[changed.code]?.points ?? null;
        answers.push({ code: changed.code, value: stored.value, points, ...(stored.explanation !== undefined ? { explanation: stored.explanation } : {}) });
      }
    }
    const outcome = await deps.submissions.applyChange(snapshot.id, {
      expectedVersion: snapshot.version,
      actor,
      now,
      answers,
      ...(changed.kind === 'profile' ? { profile: r.profile } : {}),
      totals: totalsOf(set, r, window),
    });
    if (outcome.ok) {
      const stored = { ...snapshot, version: outcome.version, answers: r.answers, profile: r.profile };
      deps.rememberSnapshot?.(stored);
      return { ok: true, value: r, snapshot: stored };
    }
    const fresh = await deps.submissions.load(snapshot.id);
    if (!fresh) throw new Error(`submission ${snapshot.id} disappeared`);
    snapshot = fresh;
  }
  throw new Error(`submission ${first.id}: too many concurrent writers`);
};
