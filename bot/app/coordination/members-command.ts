// /members <unit>: who has joined a unit in the caller's scope (name, role, chat channels, since
// when), so a coordinator can see which communes still have nobody before the deadline.
import { formatDateVi, toLocalDate } from '../../../core/calendar/local-date.ts';
import { asRow, keyParam, reply } from '../../../core/reply.ts';
import type { CommandContext, CommandResult } from '../command-port.ts';
import { isCoordinator, scopeOf, type CoordinationDeps } from './coordination-context.ts';
import { say, unitInScope } from './guard.ts';

export const membersCommand =
  (deps: CoordinationDeps) =>
  async (ctx: CommandContext): Promise<CommandResult> => {
    if (!isCoordinator(ctx)) return say(reply('coord:only_coordinators'));
    if (!ctx.args[0]) return say(reply('coord:members.usage'));
    // Members need no open period: only the scope.
    const found = unitInScope(await scopeOf(deps, ctx), ctx.args[0]);
    if (!found.ok) return found.result;
    const members = await deps.repos.people.listUnitMembers(found.unit.id);
    if (members.length === 0) return say(reply('coord:members.none', { code: found.unit.code, unit: found.unit.name }));
    return say(
      reply('coord:members.title', { code: found.unit.code, unit: found.unit.name, count: members.length }),
      ...members.map((m) =>
        asRow(
          reply('coord:members.row', {
            name: m.displayName,
            role: keyParam(`coord:role.${m.role}`),
            channels: m.channels.join(', '),
            since: formatDateVi(toLocalDate(m.since)),
          }),
        ),
      ),
    );
  };
