// /submit in a quarterly (non-scored) period: the figures are recorded for the checkpoint the
// day falls in (months 3, 6, 9), and the report stays open — its answers are the starting
// point of the next update, so nothing is locked as an annual report is.
import { formatDateVi, toLocalDate } from '../../../core/calendar/local-date.ts';
import { checkpointDue } from '../../../core/periods/checkpoint-due.ts';
import { quarterlyCheckpoints, type Checkpoint } from '../../../core/periods/deadlines.ts';
import { reply, type Reply } from '../../../core/reply.ts';
import { checkpointAnswersOf } from '../../../core/criteria/checkpoint-answers.ts';
import { scoreCache } from '../scores.ts';
import type { DialogueDeps } from './deps.ts';
import { refuseIfPublished } from './persist-answer.ts';
import type { ReportContext } from './report-context.ts';
import { result, type Turn, type TurnResult } from './turn.ts';

const params = (cp: Checkpoint) => ({ months: cp.month, date: formatDateVi(cp.date) });

export const checkpointConfirmReply = (ctx: ReportContext, now: Date): Reply | null => {
  const cp = checkpointDue(ctx.period, toLocalDate(now));
  return cp ? reply('dialogue:submit.checkpoint_confirm', { unit: ctx.unit.name, ...params(cp) }) : null;
};

/** Records (or records again) this checkpoint's snapshot; null when another writer got there first. */
export const recordCheckpoint = async (deps: DialogueDeps, turn: Turn, ctx: ReportContext): Promise<TurnResult | null> => {
  const cp = checkpointDue(ctx.period, toLocalDate(turn.now));
  if (!cp) return null;
  const s = ctx.submission;
  const outcome = await deps.submissions.applyChange(s.id, {
    expectedVersion: s.version,
    actor: { personId: turn.person.id, channel: turn.event.channel },
    now: turn.now,
    score: scoreCache(ctx.set, ctx.period, s),
    // Stays a draft: the report is updated again at the next checkpoint.
    status: { to: 'draft', event: 'checkpoint_updated', note: `m${cp.month}` },
    checkpoint: { month: cp.month, answers: checkpointAnswersOf(s.answers), profile: s.profile },
  });
  refuseIfPublished(outcome, s.id);
  if (!outcome.ok) return null;
  const next = quarterlyCheckpoints(ctx.period).find((c) => c.month > cp.month);
  return result({ v: 1, mode: 'idle', unitId: ctx.unit.id, periodId: ctx.period.id, submissionId: s.id }, [
    reply('dialogue:submit.checkpoint_recorded', { unit: ctx.unit.name, ...params(cp) }),
    reply(next ? 'dialogue:submit.checkpoint_next' : 'dialogue:submit.checkpoint_last', next ? params(next) : {}),
  ]);
};
