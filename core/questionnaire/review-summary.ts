import type { Answers, ProfileValues } from '../criteria/answer-value.schema.ts';
import type { CriteriaSet, Tier } from '../criteria/criteria-set.schema.ts';
import { pickText, type Lang } from '../criteria/localized-text.ts';
import { scoreSet, type SetScore, type SetScoreOptions } from '../criteria/scoring.ts';
import { tierText } from '../criteria/tier-text.ts';
import { asRow, reply, type Reply } from '../reply.ts';
import { explanationNeeded } from './apply-input.ts';
import { criteriaProgress } from '../criteria/progress.ts';

export type BlockerReason = 'missing' | 'explanation_missing' | 'evidence_missing' | 'profile_missing';
/** `code` is a criterion code, or a profile key for 'profile_missing'. */
export type Blocker = { readonly code: string; readonly reason: BlockerReason };

export type ReviewSummary = {
  /** Criteria answered or not needed, of all criteria (criteriaProgress: the one progress measure). */
  readonly answered: number;
  readonly total: number;
  readonly missing: readonly string[];
  readonly belowMaxWithoutExplanation: readonly string[];
  /** Required evidence not yet attached (points are 0 until it arrives). */
  readonly evidenceMissing: readonly string[];
  readonly profileMissing: readonly string[];
  readonly score: SetScore;
  /** What prevents submission (Gia Lai: every criterion below max must be explained). */
  readonly blockers: readonly Blocker[];
  /** Shown before submission but not blocking, unless the set says evidence blocks. */
  readonly warnings: readonly Blocker[];
  readonly canSubmit: boolean;
};

export const reviewSummary = (set: CriteriaSet, answers: Answers, profile: ProfileValues, opts: SetScoreOptions = {}): ReviewSummary => {
  const score = scoreSet(set, answers, opts);
  const byCode = new Map(set.criteria.map((c) => [c.code, c]));
  const relevant = score.criteria.filter((s) => s.status !== 'irrelevant');
  const missing = relevant.filter((s) => s.status === 'unanswered').map((s) => s.code);
  // Below full points, or not applicable: Gia Lai's letter wants the reason for each.
  const belowMaxWithoutExplanation = relevant
    .filter((s) => {
      const c = byCode.get(s.code);
      const a = answers[s.code];
      return c !== undefined && a !== undefined && explanationNeeded(set, c, s) && (a.explanation ?? '').trim().length === 0;
    })
    .map((s) => s.code);
  const evidenceMissing = relevant.filter((s) => s.status === 'blocked_by_evidence').map((s) => s.code);
  const profileMissing = set.profile.filter((p) => p.required && profile[p.key] === undefined).map((p) => p.key);
  const evidence = evidenceMissing.map((code): Blocker => ({ code, reason: 'evidence_missing' }));
  const blockers: Blocker[] = [
    ...profileMissing.map((code): Blocker => ({ code, reason: 'profile_missing' })),
    ...missing.map((code): Blocker => ({ code, reason: 'missing' })),
    ...belowMaxWithoutExplanation.map((code): Blocker => ({ code, reason: 'explanation_missing' })),
    ...(set.evidenceBlocksSubmission ? evidence : []),
  ];
  return {
    answered: criteriaProgress(set, score).done,
    total: criteriaProgress(set, score).total,
    missing,
    belowMaxWithoutExplanation,
    evidenceMissing,
    profileMissing,
    score,
    blockers,
    warnings: set.evidenceBlocksSubmission ? [] : evidence,
    canSubmit: blockers.length === 0,
  };
};

export const submissionBlockers = (set: CriteriaSet, answers: Answers, profile: ProfileValues, opts: SetScoreOptions = {}): readonly Blocker[] =>
  reviewSummary(set, answers, profile, opts).blockers;

const BLOCKER_KEYS: Record<BlockerReason, string> = {
  missing: 'criteria:review.blocker_missing',
  explanation_missing: 'criteria:review.blocker_explanation',
  evidence_missing: 'criteria:review.blocker_evidence',
  profile_missing: 'criteria:review.blocker_profile',
};

/** Review screen as reply descriptors: summary, one line per group, blockers, warnings, verdict. */
export const reviewReplies = (set: CriteriaSet, summary: ReviewSummary, lang: Lang, tiers: readonly Tier[] = set.tiers): Reply[] => {
  const s = summary.score;
  const head = set.scored
    ? reply('criteria:review.summary', {
        answered: summary.answered,
        questions: summary.total,
        total: s.points,
        applicableMax: s.applicableMax,
        percent: s.percent,
        tier: tierText(tiers, s.tier?.key ?? null, lang),
      })
    : reply('criteria:review.summary_unscored', { answered: summary.answered, questions: summary.total });
  const groups = set.scored
    ? s.groups.map((g) => {
        const title = pickText(set.groups.find((x) => x.code === g.code)?.title, lang);
        return asRow(reply('criteria:review.group', { group: g.code, title, points: g.points, applicableMax: g.applicableMax }));
      })
    : [];
  const text = (code: string): string => pickText(set.criteria.find((c) => c.code === code)?.text, lang);
  const label = (key: string): string => pickText(set.profile.find((p) => p.key === key)?.label, lang);
  const line = (b: Blocker, key: string): Reply =>
    reply(
      key,
      b.reason === 'profile_missing'
        ? { code: b.code, text: label(b.code) }
        : {
            code: b.code,
            text: text(b.code),
            missingPoints: s.byCode[b.code]?.missing ?? 0,
          },
    );
  return [
    head,
    ...groups,
    ...summary.blockers.map((b) => asRow(line(b, BLOCKER_KEYS[b.reason]))),
    ...summary.warnings.map((b) => asRow(line(b, 'criteria:review.warning_evidence'))),
    summary.canSubmit ? reply('criteria:review.ready') : reply('criteria:review.not_ready', { count: summary.blockers.length }),
  ];
};
