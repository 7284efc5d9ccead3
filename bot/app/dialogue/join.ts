// Joining with a one-time invite: /start <code> (Telegram deep link) or the code typed on Zalo.
// Wrong codes are counted per account; after MAX_FAILED_ATTEMPTS the account waits.
import { inviteProblem, isLocked, LOCK_MINUTES, lockAfterFailure, normaliseInviteCode } from '../../../core/access/invite-rules.ts';
import { reply, type Reply } from '../../../core/reply.ts';
import { hashCode } from '../admin/invite-codes.ts';
import type { DialogueDeps } from './deps.ts';
import { withOffered } from './offered.ts';
import { result, type Turn, type TurnResult } from './turn.ts';

export const welcome = (turn: Turn): TurnResult => {
  if (turn.memberships.length === 0) return result(turn.state, [reply('dialogue:start.no_membership')]);
  const reporter = turn.memberships.some((m) => m.role === 'reporter');
  const choices = reporter ? [{ value: 'cmd:report', key: 'dialogue:choice.report' }] : [];
  return withOffered(
    result(turn.state, [
      reply(
        reporter
          ? 'dialogue:start.welcome_reporter'
          : turn.memberships.some((m) => m.role === 'coordinator')
            ? 'dialogue:start.welcome_coordinator'
            : 'dialogue:start.welcome_assessor',
        { name: turn.person.displayName },
        choices,
      ),
    ]),
    true,
  );
};

export const join = async (deps: DialogueDeps, turn: Turn, typed: string): Promise<TurnResult> => {
  const account = await deps.people.findAccountById(turn.account.id);
  if (account && isLocked(account.inviteLockedUntil, turn.now)) {
    return result(turn.state, [reply('dialogue:join.locked', { minutes: LOCK_MINUTES })]);
  }
  if (deps.guessLimits && !deps.guessLimits.invites.allows('all', turn.now)) {
    deps.logger.warn({ channel: turn.event.channel }, 'invite guessing paused: too many wrong codes from all accounts');
    return result(turn.state, [reply('dialogue:join.busy')]);
  }
  const code = normaliseInviteCode(typed);
  const invite = code ? await deps.invites.findByHash(hashCode(code)) : null;
  const problem = inviteProblem(invite, turn.now);
  const fail = async (key: string): Promise<TurnResult> => {
    deps.guessLimits?.invites.fail('all', turn.now);
    const failures = await deps.people.recordInviteFailure(turn.account.id, lockAfterFailure((account?.failedInviteAttempts ?? 0) + 1, turn.now));
    const extra: Reply[] = failures >= 5 ? [reply('dialogue:join.locked', { minutes: LOCK_MINUTES })] : [];
    return result(turn.state, [reply(key), ...extra]);
  };
  if (problem || !invite) return fail(`dialogue:join.${(problem ?? 'invite.unknown').replace('invite.', '')}`);
  if (!(await deps.invites.consume(invite.id, turn.now))) return fail('dialogue:join.used_up');
  await deps.people.grantMembership({ personId: turn.person.id, unitId: invite.unitId, role: invite.role });
  await deps.people.resetInviteFailures(turn.account.id);
  const unit = await deps.units.findById(invite.unitId);
  const choices = invite.role === 'reporter' ? [{ value: 'cmd:report', key: 'dialogue:choice.report' }] : [];
  const joined = withOffered(
    result({ ...turn.state, ...(invite.role === 'reporter' ? { unitId: invite.unitId } : {}) }, [
      reply(
        invite.role === 'reporter'
          ? 'dialogue:join.joined_reporter'
          : invite.role === 'assessor'
            ? 'dialogue:join.joined_assessor'
            : 'dialogue:join.joined_coordinator',
        { unit: unit?.name ?? '', code: unit?.code ?? '' },
        choices,
      ),
    ]),
    true,
  );
  return { ...joined, refreshIdentity: true, ...(invite.role === 'coordinator' ? { menu: 'coordinator' as const } : {}) };
};
