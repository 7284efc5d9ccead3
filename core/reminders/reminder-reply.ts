// The message of a reminder is chosen from the unit's situation when it is sent, not from the
// kind that fell due: a "1 day before" reminder deferred past a Sunday onto the deadline day
// must say "due today". Keys live in locales/<lng>/reminders.json.
import { formatDateVi } from '../calendar/local-date.ts';
import type { Choice, Reply, ReplyParams } from '../reply.ts';
import { roundPercent } from '../ranking/tiers.ts';
import type { ScheduledReminder } from './reminder-schedule.ts';

export type UnitProgress = {
  readonly answered: number;
  readonly total: number;
  readonly points: number;
  readonly percent: number;
};

export type ReplyContext = {
  readonly periodId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly deadline?: string;
  /** From `workingDaysRemaining`: ≥ 0 before/at the deadline, negative when late. */
  readonly workingDaysRemaining?: number;
  readonly tolerance: number;
  readonly progress: UnitProgress;
};

const progressParams = (p: UnitProgress) => ({
  answered: p.answered,
  total: p.total,
  points: roundPercent(p.points),
  percent: roundPercent(p.percent),
});

const continueChoice = (periodId: string): Choice => ({ value: `report:continue:${periodId}`, key: 'reminders:action.continue' });
const viewUnitChoice = (periodId: string, unitId: string): Choice => ({
  value: `coord:unit:${periodId}:${unitId}`,
  key: 'reminders:action.view_unit',
});

/** before_deadline / deadline_today / late / late_last_day, with the shared parameters. */
const deadlineState = (ctx: ReplyContext): { key: string; params: ReplyParams } | undefined => {
  if (ctx.deadline === undefined || ctx.workingDaysRemaining === undefined) return undefined;
  const base = { unitName: ctx.unitName, deadline: formatDateVi(ctx.deadline), tolerance: ctx.tolerance, ...progressParams(ctx.progress) };
  const r = ctx.workingDaysRemaining;
  if (r > 0) return { key: 'before_deadline', params: { ...base, workingDaysRemaining: r } };
  if (r === 0) return { key: 'deadline_today', params: base };
  const workingDaysLeftToBeRanked = Math.max(0, ctx.tolerance + r);
  return {
    key: workingDaysLeftToBeRanked === 0 ? 'late_last_day' : 'late',
    params: { ...base, workingDaysLate: -r, workingDaysLeftToBeRanked },
  };
};

export const reporterReply = (scheduled: ScheduledReminder, ctx: ReplyContext): Reply => {
  const choices = [continueChoice(ctx.periodId)];
  if (scheduled.checkpoint) {
    return {
      key: 'reminders:quarterly_update',
      params: { unitName: ctx.unitName, month: scheduled.checkpoint.month, checkpointDate: scheduled.checkpoint.dateVi, ...progressParams(ctx.progress) },
      choices,
    };
  }
  const state = deadlineState(ctx);
  if (!state) return { key: 'reminders:no_deadline', params: { unitName: ctx.unitName, ...progressParams(ctx.progress) }, choices };
  return { key: `reminders:${state.key}`, params: state.params, choices };
};

export const coordinatorCopyReply = (ctx: ReplyContext): Reply => {
  const state = deadlineState(ctx);
  const params = state?.params ?? { unitName: ctx.unitName, ...progressParams(ctx.progress) };
  return { key: 'reminders:coordinator_late_copy', params, choices: [viewUnitChoice(ctx.periodId, ctx.unitId)] };
};

export const manualReply = (ctx: ReplyContext): Reply => {
  const state = deadlineState(ctx);
  const key = state ? `reminders:manual.${state.key}` : 'reminders:manual.no_deadline';
  return { key, params: state?.params ?? { unitName: ctx.unitName, ...progressParams(ctx.progress) }, choices: [continueChoice(ctx.periodId)] };
};
