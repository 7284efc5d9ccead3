// /status [level|district]: submitted, in progress, not started and late, per level or per
// district, with the deadline countdown in working days.
import { formatDateVi } from '../../../core/calendar/local-date.ts';
import { workingDaysRemaining } from '../../../core/periods/deadlines.ts';
import { asRow, keyParam, reply, type Reply } from '../../../core/reply.ts';
import type { CommandContext, CommandResult } from '../command-port.ts';
import { assessedLevels, parseTarget, unitRows, type CoordinationDeps, type UnitRow } from './coordination-context.ts';
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

export const statusCommand =
  (deps: CoordinationDeps) =>
  (ctx: CommandContext): Promise<CommandResult> =>
    guarded(deps, ctx, async ({ scope, period }) => {
      const target = parseTarget(scope, ctx.args);
      if (target.unknown) return say(reply('coord:unknown_target', { value: target.unknown }));
      if (target.district && !scope.visible.has(target.district.id)) return say(reply('coord:out_of_scope', { code: target.district.code }));
      const rows = await unitRows(
        deps,
        scope,
        period,
        (u) => !u.excluded && (!target.district || u.parentId === target.district.id) && (!target.level || u.level === target.level),
      );
      const lines: Reply[] = [reply('coord:status.title', { period: period.name })];
      const submittedRows = rows.filter((r) => r.submission && (r.status === 'submitted' || r.status === 'verified'));
      const signatures = await deps.repos.signedForms.latestOf(submittedRows.map((r) => r.submission?.id ?? ''));
      // Signed for the answers now submitted: a return with new answers needs a newly signed form.
      const signedSnapshots = await deps.repos.submissions.loadMany([...signatures.keys()]);
      const signedIds = new Set(signedSnapshots.filter((s) => signatures.get(s.id)?.answersSha256 === submittedAnswersSha256(s)).map((s) => s.id));
      const isSigned = (r: UnitRow): boolean => !!r.submission && signedIds.has(r.submission.id);
      for (const level of assessedLevels) {
        const at = rows.filter((r) => r.level === level);
        if (at.length === 0) continue;
        const remaining = workingDaysRemaining(period, level, ctx.now, deps.calendar);
        const days = remaining.ok ? remaining.value : 0;
        const c = counts(at, days < 0);
        lines.push(
          reply('coord:status.level', {
            level: keyParam(`coord:level.${level}`),
            ...c,
            deadline: formatDateVi(period.deadlines[level] ?? ''),
            countdown: keyParam(days >= 0 ? 'coord:status.days_left' : 'coord:status.days_late'),
            days: Math.abs(days),
          }),
        );
        const signedCount = at.filter((r) => submittedRows.includes(r) && isSigned(r)).length;
        if (signedCount > 0) lines.push(asRow(reply('coord:status.signed', { signed: signedCount, submitted: c.submitted })));
        if (level === 'commune') {
          const districts = scope.all.filter((d) => d.level === 'district' && at.some((r) => r.unit.parentId === d.id));
          for (const d of districts) {
            const dc = counts(
              at.filter((r) => r.unit.parentId === d.id),
              days < 0,
            );
            lines.push(asRow(reply('coord:status.district', { district: d.name, ...dc })));
          }
        }
      }
      if (lines.length === 1) lines.push(reply('coord:nothing_in_scope'));
      return say(...lines);
    });
