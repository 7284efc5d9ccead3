// /review, /score and /submit (with confirmation). Once submitted the report is locked until a
// coordinator returns it; lateness in working days is recorded with the submission.
import { formatDateVi } from '../../../core/calendar/local-date.ts';
import { pickText } from '../../../core/criteria/localized-text.ts';
import { lateness } from '../../../core/periods/deadlines.ts';
import type { AssessedLevel } from '../../../core/periods/period.schema.ts';
import { reviewReplies, reviewSummary } from '../../../core/questionnaire/review-summary.ts';
import { reply, type Choice, type Reply } from '../../../core/reply.ts';
import type { DialogueDeps } from './deps.ts';
import { withOffered } from './offered.ts';
import { totalsOf } from './persist-answer.ts';
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

const summaryOf = (ctx: ReportContext) => reviewSummary(ctx.set, ctx.submission.answers, ctx.submission.profile, { window: ctx.period.dataWindow });

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
    const lines = capProblems(reviewReplies(ctx.set, summary, turn.locale));
    const edits: Choice[] = [...summary.blockers, ...summary.warnings].slice(0, MAX_EDIT_BUTTONS).map((b) => ({
      value: `edit:${b.code}`,
      key: 'dialogue:choice.edit',
      params: { code: b.code },
    }));
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
      reply('criteria:review.group', {
        group: g.code,
        title: pickText(ctx.set.groups.find((x) => x.code === g.code)?.title, turn.locale),
        points: g.points,
        applicableMax: g.applicableMax,
      }),
    );
    return result(turn.state, [
      reply('dialogue:score.total', {
        points: s.points,
        applicableMax: s.applicableMax,
        percent: s.percent,
        tier: s.tier ? pickText(s.tier.label, turn.locale) || s.tier.key : '-',
      }),
      ...groups,
    ]);
  });

export const askSubmit = (deps: DialogueDeps, turn: Turn): Promise<TurnResult> =>
  withContext(deps, turn, (ctx) => {
    if (isLocked(ctx.submission.status)) return result(turn.state, lockedReplies(ctx));
    const summary = summaryOf(ctx);
    if (!summary.canSubmit) {
      const lines = capProblems(reviewReplies(ctx.set, summary, turn.locale).slice(1));
      const edits: Choice[] = summary.blockers
        .slice(0, MAX_EDIT_BUTTONS)
        .map((b) => ({ value: `edit:${b.code}`, key: 'dialogue:choice.edit', params: { code: b.code } }));
      return withOffered(
        result(turn.state, [reply('dialogue:submit.blocked', { count: summary.blockers.length }), ...lines, reply('dialogue:review.actions', {}, edits)]),
        true,
      );
    }
    const level = ctx.unit.level as AssessedLevel;
    const late = lateness(ctx.period, level, turn.now, deps.calendar);
    const s = summary.score;
    const lateLine =
      late.ok && late.value.late
        ? [
            reply(late.value.beyondTolerance ? 'dialogue:submit.late_not_ranked' : 'dialogue:submit.late', {
              days: late.value.workingDaysLate,
              tolerance: ctx.period.lateToleranceWorkingDays,
            }),
          ]
        : [];
    const warnings = summary.warnings.length > 0 ? [reply('dialogue:submit.evidence_warning', { count: summary.warnings.length })] : [];
    return withOffered(
      result({ ...turn.state, mode: 'confirm_submit' }, [
        reply('dialogue:submit.confirm', {
          unit: ctx.unit.name,
          points: s.points,
          applicableMax: s.applicableMax,
          percent: s.percent,
          tier: s.tier ? pickText(s.tier.label, turn.locale) || s.tier.key : '-',
        }),
        ...warnings,
        ...lateLine,
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
    const late = lateness(ctx.period, ctx.unit.level as AssessedLevel, turn.now, deps.calendar);
    const lateInfo = late.ok ? late.value : { late: false, workingDaysLate: 0, beyondTolerance: false };
    const outcome = await deps.submissions.applyChange(ctx.submission.id, {
      expectedVersion: ctx.submission.version,
      actor: { personId: turn.person.id, channel: turn.event.channel },
      now: turn.now,
      totals: totalsOf(ctx.set, ctx.submission, ctx.period.dataWindow),
      status: { to: 'submitted', workingDaysLate: lateInfo.workingDaysLate, beyondTolerance: lateInfo.beyondTolerance, event: 'submitted' },
    });
    // Someone changed an answer while this person was confirming: show the fresh totals again.
    if (!outcome.ok) return askSubmit(deps, { ...turn, state: back });
    const s = summary.score;
    return result({ v: 1, mode: 'idle', unitId: ctx.unit.id, periodId: ctx.period.id, submissionId: ctx.submission.id }, [
      reply('dialogue:submit.done', {
        unit: ctx.unit.name,
        points: s.points,
        applicableMax: s.applicableMax,
        percent: s.percent,
        tier: s.tier ? pickText(s.tier.label, turn.locale) || s.tier.key : '-',
        at: formatDateVi(turn.now.toISOString().slice(0, 10)),
      }),
      ...(lateInfo.late ? [reply('dialogue:submit.recorded_late', { days: lateInfo.workingDaysLate })] : []),
    ]);
  });
