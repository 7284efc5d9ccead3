// /status [level|district]: submitted, in progress, not started and late, per level or per
// district, with the deadline countdown in working days.
import { formatDateVi, toLocalDate } from '../../../core/calendar/local-date.ts';
import { checkpointDue } from '../../../core/periods/checkpoint-due.ts';
import { workingDaysRemaining } from '../../../core/periods/deadlines.ts';
import { asRow, keyParam, reply, type Reply } from '../../../core/reply.ts';
import type { CommandContext, CommandResult } from '../command-port.ts';
import type { AssessedLevel } from '../../../core/periods/period.schema.ts';
import type { StoredPeriod, UnitWithParentCode } from '../ports.ts';
import { isQuarterlyUpdate } from '../checkpoints.ts';
import { assessedLevels, parseTarget, progressRows, type CoordinationDeps, type Scope, type UnitRow } from './coordination-context.ts';
import { submittedAnswersSha256 } from './form-document.ts';
import { guarded, say } from './guard.ts';

const counts = (rows: readonly UnitRow[], deadlinePassed: boolean) => ({
  total: rows.length,
  submitted: rows.filter((r) => r.status === 'submitted' || r.status === 'verified').length,
  inProgress: rows.filter((r) => r.status === 'draft' || r.status === 'returned').length,
  notStarted: rows.filter((r) => r.status === 'not_started').length,
  // Late: submitted after the deadline (judged at the first submission), or not yet submitted once it passed.
  late: rows.filter((r) => r.late.late || (deadlinePassed && !r.submission?.firstSubmittedAt)).length,
});

export type StatusCounts = ReturnType<typeof counts>;
export type LevelStatus = {
  readonly level: AssessedLevel;
  /** The level's deadline (local date) and the working days left (negative: days late). */
  readonly deadline: string;
  readonly workingDaysLeft: number;
  readonly counts: StatusCounts;
  readonly signed: number;
  readonly districts: readonly { readonly id: string; readonly code: string; readonly name: string; readonly counts: StatusCounts }[];
};

/** The figures /status shows (and the dashboard), per level and, for communes, per district. */
export const statusData = async (
  deps: CoordinationDeps,
  scope: Scope,
  period: StoredPeriod,
  target: { level?: AssessedLevel; district?: UnitWithParentCode },
  now: Date,
): Promise<LevelStatus[]> => {
  // In a quarterly update, the checkpoint now due is the deadline counted.
  const { rows, due } = await progressRows(deps, scope, period, target, now);
  const counted: StoredPeriod = due ? { ...period, deadlines: Object.fromEntries(Object.keys(period.deadlines).map((l) => [l, due.date])) } : period;
  const submittedRows = rows.filter((r) => r.submission && (r.status === 'submitted' || r.status === 'verified'));
  const signatures = await deps.repos.signedForms.latestOf(submittedRows.map((r) => r.submission?.id ?? ''));
  // Signed for the answers now submitted: a return with new answers needs a newly signed form.
  const signedSnapshots = await deps.repos.submissions.loadMany([...signatures.keys()]);
  const signedIds = new Set(signedSnapshots.filter((s) => signatures.get(s.id)?.answersSha256 === submittedAnswersSha256(s)).map((s) => s.id));
  const isSigned = (r: UnitRow): boolean => !!r.submission && signedIds.has(r.submission.id);
  const out: LevelStatus[] = [];
  for (const level of assessedLevels) {
    const at = rows.filter((r) => r.level === level);
    if (at.length === 0) continue;
    const remaining = workingDaysRemaining(counted, level, now, deps.calendar);
    const days = remaining.ok ? remaining.value : 0;
    const districts =
      level === 'commune'
        ? scope.all
            .filter((d) => d.level === 'district' && at.some((r) => r.unit.parentId === d.id))
            .map((d) => ({
              id: d.id,
              code: d.code,
              name: d.name,
              counts: counts(
                at.filter((r) => r.unit.parentId === d.id),
                days < 0,
              ),
            }))
        : [];
    out.push({
      level,
      deadline: counted.deadlines[level] ?? '',
      workingDaysLeft: days,
      counts: counts(at, days < 0),
      signed: at.filter((r) => submittedRows.includes(r) && isSigned(r)).length,
      districts,
    });
  }
  return out;
};

export const statusCommand =
  (deps: CoordinationDeps) =>
  (ctx: CommandContext): Promise<CommandResult> =>
    guarded(deps, ctx, async ({ scope, period }) => {
      const target = parseTarget(scope, ctx.args);
      if (target.unknown) return say(reply('coord:unknown_target', { value: target.unknown }));
      if (target.district && !scope.visible.has(target.district.id)) return say(reply('coord:out_of_scope', { code: target.district.code }));
      const lines: Reply[] = [reply('coord:status.title', { period: period.name })];
      const due = isQuarterlyUpdate(period) ? checkpointDue(period, toLocalDate(ctx.now)) : null;
      if (due) lines.push(reply('coord:status.checkpoint', { month: due.month, date: formatDateVi(due.date) }));
      for (const s of await statusData(deps, scope, period, target, ctx.now)) {
        const days = s.workingDaysLeft;
        lines.push(
          reply('coord:status.level', {
            level: keyParam(`coord:level.${s.level}`),
            ...s.counts,
            deadline: formatDateVi(s.deadline),
            countdown: keyParam(days >= 0 ? 'coord:status.days_left' : 'coord:status.days_late'),
            days: Math.abs(days),
          }),
        );
        if (s.signed > 0) lines.push(asRow(reply('coord:status.signed', { signed: s.signed, submitted: s.counts.submitted })));
        for (const d of s.districts) lines.push(asRow(reply('coord:status.district', { district: d.name, ...d.counts })));
      }
      if (lines.length === 1) lines.push(reply('coord:nothing_in_scope'));
      return { ...say(...lines), dashboardButton: true };
    });
