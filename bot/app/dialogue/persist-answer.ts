// Persists what the questionnaire engine changed, with the submission's score recomputed by
// the core function in the same write. Answers are re-applied on a fresh snapshot when another
// reporter of the same unit wrote in between (optimistic version conflict), so concurrent edits
// of one submission lose nothing.
import type { CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';
import type { ApplyResult } from '../../../core/questionnaire/apply-input.ts';
import type { ChannelKind } from '../inbound.ts';
import {
  isSingleAnswer,
  periodPublishedError,
  submissionBusyError,
  type AnswerWrite,
  type ChangeOutcome,
  type StoredOverride,
  type SubmissionSnapshot,
} from '../ports.ts';
import { scoreCache, type ScoringPeriod } from '../scores.ts';
import type { DialogueDeps } from './deps.ts';
import { holdsTurnLock, holdTurnWrite, keepLockUntilCommitted } from './turn-write.ts';

/**
 * An appraiser's points hold for the answer they judged: a new value or new evidence on that
 * criterion (possible after a return) voids them, and the history keeps both.
 */
const voidedOverrides = (snapshot: SubmissionSnapshot, r: ApplyResult): string[] => {
  const changed = r.changed;
  if (!changed || (changed.kind !== 'criterion' && changed.kind !== 'evidence' && changed.kind !== 'cleared')) return [];
  return snapshot.overrides[changed.code] ? [changed.code] : [];
};

/** Writers in other instances can still win a version: this many fresh attempts before giving up. */
const ATTEMPTS = 16;

/**
 * Throws when the database refused a write because the period was published meanwhile (another
 * process's `period publish`, within this one's period cache); a conflict is left to the caller.
 */
export const refuseIfPublished = (outcome: ChangeOutcome, submissionId: string): void => {
  if (!outcome.ok && outcome.reason === 'published') throw periodPublishedError(submissionId);
};

const persistUnlocked = async <E>(
  deps: DialogueDeps,
  set: CriteriaSet,
  period: ScoringPeriod,
  first: SubmissionSnapshot,
  apply: (snapshot: SubmissionSnapshot) => { ok: true; value: ApplyResult } | { ok: false; error: E },
  actor: { personId: string; channel: ChannelKind },
  now: Date,
): Promise<{ ok: true; value: ApplyResult; snapshot: SubmissionSnapshot } | { ok: false; error: E }> => {
  let snapshot = first;
  let checked = false;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const applied = apply(snapshot);
    if (!applied.ok) return applied;
    const r = applied.value;
    const changed = r.changed;
    if (!changed) {
      // Nothing to write, so no version guard catches a stale snapshot, yet the next question is
      // chosen from its answers: another instance (webhooks behind a load balancer) may have
      // stored answers since this one cached it. One look at the version, then the fresh copy.
      if (checked) return { ok: true, value: r, snapshot };
      checked = true;
      const head = await deps.submissions.head(snapshot.periodId, snapshot.unitId, snapshot.criteriaSetId);
      if (!head || (head.id === snapshot.id && head.version === snapshot.version)) return { ok: true, value: r, snapshot };
      const fresh = await deps.submissions.load(snapshot.id);
      if (!fresh) throw new Error(`submission ${snapshot.id} disappeared`);
      snapshot = fresh;
      continue;
    }
    const answers: AnswerWrite[] = [];
    if (changed.kind === 'criterion' || changed.kind === 'explanation') {
      const stored = r.answers[changed.code];
      if (stored) answers.push({ code: changed.code, value: stored.value, ...(stored.explanation !== undefined ? { explanation: stored.explanation } : {}) });
    }
    const voided = voidedOverrides(snapshot, r);
    const overrides: Record<string, StoredOverride> = Object.fromEntries(Object.entries(snapshot.overrides).filter(([code]) => !voided.includes(code)));
    const change = {
      expectedVersion: snapshot.version,
      actor,
      now,
      answers,
      ...(changed.kind === 'cleared' ? { cleared: [changed.code] } : {}),
      ...(changed.kind === 'profile' ? { profile: r.profile } : {}),
      ...(voided.length > 0 ? { overrides: { clear: voided } } : {}),
      score: scoreCache(set, period, { answers: r.answers, overrides }),
    };
    // A plain answer commits with the turn's end (claim and chat state in one transaction); a
    // version conflict found then runs the whole turn again on a fresh snapshot.
    if (isSingleAnswer(change) && !r.reference) {
      const expected = { ...snapshot, version: snapshot.version + 1, answers: r.answers, profile: r.profile, overrides };
      if (holdTurnWrite({ submissionId: snapshot.id, change, snapshot: expected })) return { ok: true, value: r, snapshot: expected };
    }
    const outcome = await deps.submissions.applyChange(snapshot.id, change);
    refuseIfPublished(outcome, snapshot.id);
    if (outcome.ok) {
      deps.fault?.('answer_stored');
      const stored = { ...snapshot, version: outcome.version, answers: r.answers, profile: r.profile, overrides };
      deps.rememberSnapshot?.(stored);
      return { ok: true, value: r, snapshot: stored };
    }
    const fresh = await deps.submissions.load(snapshot.id);
    if (!fresh) throw new Error(`submission ${snapshot.id} disappeared`);
    snapshot = fresh;
  }
  throw submissionBusyError(first.id);
};

/**
 * `apply` runs the engine on a snapshot; it is called again on a fresh snapshot after a
 * version conflict. Writers of one submission in this process take turns (see keyed-lock.ts).
 * Returns the result that was actually stored.
 */
export const persistWithRetry = async <E>(
  deps: DialogueDeps,
  set: CriteriaSet,
  period: ScoringPeriod,
  first: SubmissionSnapshot,
  apply: (snapshot: SubmissionSnapshot) => { ok: true; value: ApplyResult } | { ok: false; error: E },
  actor: { personId: string; channel: ChannelKind },
  now: Date,
): Promise<{ ok: true; value: ApplyResult; snapshot: SubmissionSnapshot } | { ok: false; error: E }> => {
  const lock = deps.submissionLock;
  // Under the lock, the snapshot committed by the turn that held it last, when newer than ours.
  const run = () => persistUnlocked(deps, set, period, deps.newerSnapshot?.(first) ?? first, apply, actor, now);
  if (!lock || holdsTurnLock(first.id)) return run();
  // A write held back for the turn's commit keeps the lock until then (keepLockUntilCommitted),
  // while this turn goes on to render and commit: the result is handed out before the lock ends.
  return new Promise((resolve, reject) => {
    lock(first.id, async () => {
      const result = await run();
      resolve(result);
      await keepLockUntilCommitted(first.id);
    }).catch(reject);
  });
};
