// /review, /score and /submit (with confirmation). Once submitted the report is locked until a
// coordinator returns it; lateness in working days is recorded with the submission.
import { localDateTime, submittedAnswersSha256 } from '../coordination/form-document.ts';
import { formatDateVi, toLocalDate } from '../../../core/calendar/local-date.ts';
import { criteriaProgress } from '../../../core/criteria/progress.ts';
import { answerListReplies } from '../../../core/questionnaire/answer-list.ts';
import { pickText } from '../../../core/criteria/localized-text.ts';
import type { SetScore } from '../../../core/criteria/scoring.ts';
import { tierText } from '../../../core/criteria/tier-text.ts';
import { lateness } from '../../../core/periods/deadlines.ts';
import type { AssessedLevel } from '../../../core/periods/period.schema.ts';
import type { Lang } from '../../../core/criteria/localized-text.ts';
import { latenessOf, scoreCache, windowOf } from '../scores.ts';
import { reviewReplies, reviewSummary } from '../../../core/questionnaire/review-summary.ts';
import { asRow, reply, type Choice, type Reply } from '../../../core/reply.ts';
import type { DialogueDeps } from './deps.ts';
import { isQuarterlyUpdate } from '../checkpoints.ts';
import { checkpointConfirmReply, recordCheckpoint } from './checkpoint-submit.ts';
import { refuseIfPublished } from './persist-answer.ts';
import { withOffered } from './offered.ts';
import { currentReport, isLocked, lockedReplies, startReport } from './report.ts';
import type { ReportContext } from './report-context.ts';
import { result, type Turn, type TurnResult } from './turn.ts';

const MAX_EDIT_BUTTONS = 6;
const MAX_PROBLEM_LINES = 8;
const PROBLEM_KEYS = new Set([
  'criteria:review.blocker_missing',
  'criteria:review.blocker_explanation',
  'criteria:review.blocker_evidence',
  'criteria:review.blocker_profile',
  'criteria:review.warning_evidence',
]);

/** Keeps the review readable on a phone: the first problems, then "and N more". */
const capProblems = (lines: readonly Reply[]): Reply[] => {
  const isProblem = (r: Reply) => PROBLEM_KEYS.has(r.key);
  const problems = lines.filter(isProblem);
  if (problems.length <= MAX_PROBLEM_LINES) return [...lines];
  const kept = new Set(problems.slice(0, MAX_PROBLEM_LINES));
  const out: Reply[] = [];
  let noted = false;
  for (const line of lines) {
    if (!isProblem(line) || kept.has(line)) out.push(line);
    else if (!noted) {
      out.push(reply('dialogue:review.more', { count: problems.length - MAX_PROBLEM_LINES }));
      noted = true;
    }
  }
  return out;
};

const tiersOf = (ctx: ReportContext) => ctx.period.tiers ?? ctx.set.tiers;

const summaryOf = (ctx: ReportContext) =>
  reviewSummary(ctx.set, ctx.submission.answers, ctx.submission.profile, { window: windowOf(ctx.period, ctx.unit.level), tiers: tiersOf(ctx) });

/** The figures every confirmation and receipt shows (always the unit's own, self-assessed). */
const figures = (ctx: ReportContext, s: SetScore, lang: Lang) => ({
  unit: ctx.unit.name,
  points: s.points,
  applicableMax: s.applicableMax,
  percent: s.percent,
  tier: tierText(tiersOf(ctx), s.tier?.key ?? null, lang),
});

const withContext = async (deps: DialogueDeps, turn: Turn, f: (ctx: ReportContext) => Promise<TurnResult> | TurnResult): Promise<TurnResult> => {
  const ctx = await currentReport(deps, turn);
  if (ctx) return f(ctx);
  const started = await startReport(deps, turn);
  if (started.state.mode !== 'report') return started;
  const again = await currentReport(deps, { ...turn, state: started.state });
  return again ? f(again) : started;
};

export const review = (deps: DialogueDeps, turn: Turn): Promise<TurnResult> =>
  withContext(deps, turn, (ctx) => {
    const summary = summaryOf(ctx);
    const lines = capProblems(reviewReplies(ctx.set, summary, turn.locale, tiersOf(ctx)));
    // Each problem's button goes straight to what is missing: the file, the explanation, or the answer.
    const order = (code: string) => ctx.set.criteria.findIndex((c) => c.code === code);
    const edits: Choice[] = [...summary.blockers, ...summary.warnings]
      .sort((a, b) => order(a.code) - order(b.code))
      .slice(0, MAX_EDIT_BUTTONS)
      .map((b) =>
        b.reason === 'evidence_missing'
          ? { value: `file:${b.code}`, key: 'dialogue:choice.file', params: { code: b.code } }
          : b.reason === 'explanation_missing'
            ? { value: `explain:${b.code}`, key: 'dialogue:choice.explain', params: { code: b.code } }
            : { value: `edit:${b.code}`, key: 'dialogue:choice.edit', params: { code: b.code } },
      );
    const locked = isLocked(ctx.submission.status);
    const choices: Choice[] = locked
      ? []
      : [
          ...edits,
          { value: 'cmd:continue', key: 'dialogue:choice.continue' },
          ...(summary.canSubmit ? [{ value: 'cmd:submit', key: 'dialogue:choice.submit' }] : []),
        ];
    const head = reply('dialogue:review.title', { unit: ctx.unit.name, period: ctx.period.name });
    const status = locked ? lockedReplies(ctx) : [];
    return withOffered(result(turn.state, [head, ...lines, ...status, reply('dialogue:review.actions', {}, choices)]), true);
  });

export const score = (deps: DialogueDeps, turn: Turn): Promise<TurnResult> =>
  withContext(deps, turn, (ctx) => {
    const s = summaryOf(ctx).score;
    const groups: Reply[] = s.groups.map((g) =>
      asRow(
        reply('criteria:review.group', {
          group: g.code,
          title: pickText(ctx.set.groups.find((x) => x.code === g.code)?.title, turn.locale),
          points: g.points,
          applicableMax: g.applicableMax,
        }),
      ),
    );
    return result(turn.state, [reply('dialogue:score.total', figures(ctx, s, turn.locale)), ...groups]);
  });

/**
 * Lateness is judged once, at the first submission: a report returned for correction and sent
 * again keeps it (the return was the province's act; the seeds judge the date the form was sent).
 */
const submissionLateness = (deps: DialogueDeps, ctx: ReportContext, now: Date) => {
  const level = ctx.unit.level as AssessedLevel;
  if (ctx.submission.firstSubmittedAt) return latenessOf(ctx.period, level, ctx.submission.firstSubmittedAt, deps.calendar);
  const late = lateness(ctx.period, level, now, deps.calendar);
  return late.ok ? late.value : { late: false, workingDaysLate: 0, beyondTolerance: false };
};

export const askSubmit = (deps: DialogueDeps, turn: Turn): Promise<TurnResult> =>
  withContext(deps, turn, (ctx) => {
    if (isLocked(ctx.submission.status)) return result(turn.state, lockedReplies(ctx));
    const summary = summaryOf(ctx);
    if (!summary.canSubmit) {
      const lines = capProblems(reviewReplies(ctx.set, summary, turn.locale, tiersOf(ctx)).slice(1));
      const edits: Choice[] = summary.blockers
        .slice(0, MAX_EDIT_BUTTONS)
        .map((b) => ({ value: `edit:${b.code}`, key: 'dialogue:choice.edit', params: { code: b.code } }));
      return withOffered(
        result(turn.state, [reply('dialogue:submit.blocked', { count: summary.blockers.length }), ...lines, reply('dialogue:review.actions', {}, edits)]),
        true,
      );
    }
    const late = submissionLateness(deps, ctx, turn.now);
    const s = summary.score;
    const resubmission = ctx.submission.firstSubmittedAt !== null;
    const lateLine = late.late
      ? [
          reply(
            late.beyondTolerance
              ? ctx.period.ranking.lateBeyondTolerance === 'last'
                ? 'dialogue:submit.late_last'
                : 'dialogue:submit.late_not_ranked'
              : 'dialogue:submit.late',
            {
              days: late.workingDaysLate,
              tolerance: ctx.period.lateToleranceWorkingDays,
            },
          ),
        ]
      : [];
    const resubmitLine = resubmission ? [reply('dialogue:submit.resubmission', { first: formatDateVi(toLocalDate(ctx.submission.firstSubmittedAt!)) })] : [];
    const warnings = summary.warnings.length > 0 ? [reply('dialogue:submit.evidence_warning', { count: summary.warnings.length })] : [];
    // A quarterly update is not a submission for good: no lock, no lateness, the checkpoint instead.
    const quarterly = isQuarterlyUpdate(ctx.period) ? checkpointConfirmReply(ctx, turn.now) : null;
    return withOffered(
      result({ ...turn.state, mode: 'confirm_submit' }, [
        ...answerListReplies(ctx.set, s, ctx.submission.answers, turn.locale),
        ...(quarterly ? [quarterly] : [reply('dialogue:submit.confirm', figures(ctx, s, turn.locale)), ...warnings, ...resubmitLine, ...lateLine]),
        reply('dialogue:submit.confirm_question', {}, [
          { value: 'confirm:submit', key: 'dialogue:choice.confirm_submit' },
          { value: 'confirm:cancel', key: 'dialogue:choice.cancel' },
        ]),
      ]),
      true,
    );
  });

export const confirmSubmit = (deps: DialogueDeps, turn: Turn): Promise<TurnResult> =>
  withContext(deps, turn, async (ctx) => {
    const back = { ...turn.state, mode: 'report' as const };
    if (isLocked(ctx.submission.status)) return result(back, lockedReplies(ctx));
    const summary = summaryOf(ctx);
    if (!summary.canSubmit) return askSubmit(deps, { ...turn, state: back });
    if (isQuarterlyUpdate(ctx.period)) return (await recordCheckpoint(deps, turn, ctx)) ?? askSubmit(deps, { ...turn, state: back });
    const lateInfo = submissionLateness(deps, ctx, turn.now);
    const first = ctx.submission.firstSubmittedAt === null;
    const outcome = await deps.submissions.applyChange(ctx.submission.id, {
      expectedVersion: ctx.submission.version,
      actor: { personId: turn.person.id, channel: turn.event.channel },
      now: turn.now,
      score: scoreCache(ctx.set, ctx.period, ctx.submission),
      status: { to: 'submitted', event: first ? 'submitted' : 'resubmitted', firstSubmission: first },
    });
    refuseIfPublished(outcome, ctx.submission.id);
    // Someone changed an answer while this person was confirming: show the fresh totals again.
    if (!outcome.ok) return askSubmit(deps, { ...turn, state: back });
    const s = summary.score;
    return result({ v: 1, mode: 'idle', unitId: ctx.unit.id, periodId: ctx.period.id, submissionId: ctx.submission.id }, [
      reply('dialogue:submit.done', { ...figures(ctx, s, turn.locale), at: formatDateVi(toLocalDate(turn.now)) }),
      ...(lateInfo.late ? [reply('dialogue:submit.recorded_late', { days: lateInfo.workingDaysLate })] : []),
      // A receipt the unit can quote: when, how much, and the fingerprint the form will carry.
      reply('dialogue:submit.receipt', {
        time: localDateTime(turn.now),
        done: criteriaProgress(ctx.set, summary.score).done,
        total: ctx.set.criteria.length,
        sha: submittedAnswersSha256(ctx.submission).slice(0, 16),
      }),
    ]);
  });
