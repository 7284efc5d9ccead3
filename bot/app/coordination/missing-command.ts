// /missing [level|district]: units that have not submitted (in a quarterly update: not updated
// for the checkpoint now due), their progress, last activity, and whether their reporters can be
// reached (none joined / all blocked the bot).
import { formatDateVi, toLocalDate } from '../../../core/calendar/local-date.ts';
import { asRow, keyParam, reply, type Reply } from '../../../core/reply.ts';
import type { CommandContext, CommandResult } from '../command-port.ts';
import { parseTarget, progressRows, type CoordinationDeps } from './coordination-context.ts';
import { guarded, say } from './guard.ts';
import { page } from './paging.ts';

export const missingCommand =
  (deps: CoordinationDeps) =>
  (ctx: CommandContext): Promise<CommandResult> =>
    guarded(deps, ctx, async ({ scope, period }) => {
      const target = parseTarget(scope, ctx.args);
      if (target.unknown) return say(reply('coord:unknown_target', { value: target.unknown }));
      if (target.district && !scope.visible.has(target.district.id)) return say(reply('coord:out_of_scope', { code: target.district.code }));
      // In a quarterly update: no figures yet for the checkpoint now due.
      const { rows: inScope, due } = await progressRows(deps, scope, period, target, ctx.now);
      const rows = inScope.filter((r) => r.status !== 'submitted' && r.status !== 'verified');
      const checkpoint = due ? { month: due.month, date: formatDateVi(due.date) } : null;
      if (rows.length === 0)
        return say(
          checkpoint ? reply('coord:missing.none_checkpoint', { period: period.name, ...checkpoint }) : reply('coord:missing.none', { period: period.name }),
        );
      const reporters = await deps.repos.people.listMemberAccounts(
        rows.map((r) => r.unit.id),
        'reporter',
      );
      const totals = new Map<string, number>();
      for (const s of period.sets.filter((x) => x.answeredBy === 'unit'))
        totals.set(s.level, (await deps.repos.criteriaSets.findById(s.criteriaSetId))?.set.criteria.length ?? 0);
      const lines: Reply[] = rows
        .sort((a, b) => a.unit.code.localeCompare(b.unit.code))
        .map((r) => {
          const accounts = reporters.filter((a) => a.unitId === r.unit.id);
          const reachable = accounts.filter((a) => !a.unreachable).length;
          const contact = accounts.length === 0 ? 'coord:missing.no_reporter' : reachable === 0 ? 'coord:missing.unreachable' : 'coord:missing.reporters';
          return asRow(
            // Nothing is scored in a quarterly update: no percentage to show.
            reply(checkpoint ? 'coord:missing.row_checkpoint' : 'coord:missing.row', {
              code: r.unit.code,
              name: r.unit.name,
              answered: r.score?.self.done ?? 0,
              total: r.score?.self.total ?? totals.get(r.level) ?? 0,
              percent: r.score?.self.percent ?? 0,
              status: keyParam(`coord:state.${r.status}`),
              last: r.submission?.lastActivityAt ? formatDateVi(toLocalDate(r.submission.lastActivityAt)) : '-',
              contact: keyParam(contact),
              reachable,
              reporters: accounts.length,
            }),
          );
        });
      const title = checkpoint
        ? reply('coord:missing.title_checkpoint', { count: rows.length, period: period.name, ...checkpoint })
        : reply('coord:missing.title', { count: rows.length, period: period.name });
      return say(title, ...page(lines, ctx.args, 'missing'));
    });
