// /remind <code|missing> sends a manual nudge through the outbox; /invite <code> <role> creates
// a join code for a unit in the caller's scope.
import { keyParam, reply } from '../../../core/reply.ts';
import { parseRoleWord } from '../../../core/units/level-words.ts';
import { formatDateVi, toLocalDate } from '../../../core/calendar/local-date.ts';
import type { CommandContext, CommandResult } from '../command-port.ts';
import { createInvite } from '../admin/create-invite.ts';
import { telegramDeepLink } from '../admin/invite-codes.ts';
import { scopeOf, unitRows, type CoordinationDeps } from './coordination-context.ts';
import { guarded, say, unitInScope } from './guard.ts';

export const remindCommand =
  (deps: CoordinationDeps) =>
  (ctx: CommandContext): Promise<CommandResult> =>
    guarded(deps, ctx, async ({ scope, period }) => {
      const target = ctx.args[0];
      if (!target) return say(reply('coord:remind.usage'));
      let unitIds: string[];
      if (target.toLowerCase() === 'missing') {
        unitIds = (await unitRows(deps, scope, period, (u) => !u.excluded))
          .filter((r) => r.status !== 'submitted' && r.status !== 'verified')
          .map((r) => r.unit.id);
      } else {
        const found = unitInScope(scope, target);
        if (!found.ok) return found.result;
        unitIds = [found.unit.id];
      }
      const { queued } = await deps.remind({ periodId: period.id, unitIds, now: ctx.now });
      return say(reply('coord:remind.done', { units: unitIds.length, queued }));
    });

export const inviteCommand =
  (deps: CoordinationDeps) =>
  async (ctx: CommandContext): Promise<CommandResult> => {
    if (!ctx.memberships.some((m) => m.role === 'coordinator')) return say(reply('coord:only_coordinators'));
    const [code, ...roleWords] = ctx.args;
    const role = parseRoleWord(roleWords.join(' '));
    if (!code || !role) return say(reply('coord:invite.usage'));
    // Invites need no open period: only the scope.
    const found = unitInScope(await scopeOf(deps, ctx), code);
    if (!found.ok) return found.result;
    const { code: inviteCode, expiresAt } = await createInvite(deps.repos.invites, {
      unitId: found.unit.id,
      role,
      uses: role === 'reporter' ? 5 : 1,
      days: 14,
      createdById: ctx.personId,
      now: ctx.now,
    });
    return say(
      reply('coord:invite.done', {
        unit: found.unit.name,
        role: keyParam(`coord:role.${role}`),
        link: telegramDeepLink(deps.botUsername, inviteCode),
        code: inviteCode,
        expires: formatDateVi(toLocalDate(expiresAt)),
      }),
    );
  };
