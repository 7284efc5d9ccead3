// Slash commands: the reporter's own, then any role command from the registry (coordinators).
import { reply } from '../../../core/reply.ts';
import type { CommandContext } from '../command-port.ts';
import type { DialogueDeps } from './deps.ts';
import { join, welcome } from './join.ts';
import { link, setLanguage } from './link-lang.ts';
import { askSubmit, review, score } from './review.ts';
import { answer, attachTo, editCriterion, startReport, thenQuestion } from './report.ts';
import { switchIdentity } from './console-identity.ts';
import { assess } from './assess.ts';
import { result, type Turn, type TurnResult } from './turn.ts';

export const parseCommand = (text: string): { name: string; args: string[]; rawArgs: string } | null => {
  const m = /^\/([A-Za-z_]{1,32})(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return null;
  const rawArgs = (m[2] ?? '').trim();
  return { name: (m[1] ?? '').toLowerCase(), args: rawArgs === '' ? [] : rawArgs.split(/\s+/), rawArgs };
};

export const help = (turn: Turn): TurnResult => {
  const coordinator = turn.memberships.some((m) => m.role === 'coordinator');
  const reporter = turn.memberships.some((m) => m.role === 'reporter');
  const assessor = turn.memberships.some((m) => m.role === 'assessor');
  const lines = [reply('dialogue:help.intro')];
  if (reporter || (!coordinator && !assessor)) lines.push(reply('dialogue:help.reporter'));
  if (assessor && !coordinator) lines.push(reply('dialogue:help.assessor'));
  if (coordinator) lines.push(reply('dialogue:help.coordinator'));
  if (turn.event.channel === 'console') lines.push(reply('dialogue:help.console'));
  if (turn.memberships.length === 0) lines.push(reply('dialogue:start.no_membership'));
  return { ...result(turn.state, lines), ...(coordinator ? { menu: 'coordinator' as const } : {}) };
};

export const runRegistryCommand = async (
  deps: DialogueDeps,
  turn: Turn,
  name: string,
  args: readonly string[],
  rawArgs: string,
): Promise<TurnResult | null> => {
  const handler = deps.commands[name];
  if (!handler) return null;
  const ctx: CommandContext = {
    personId: turn.person.id,
    accountId: turn.account.id,
    channel: turn.event.channel,
    locale: turn.locale,
    now: turn.now,
    memberships: turn.memberships,
    args,
    rawArgs,
  };
  const out = await handler(ctx);
  return result(turn.state, out.replies, {
    ...(out.attachments ? { attachments: out.attachments } : {}),
    ...(out.dashboardButton ? { dashboardButton: true as const } : {}),
  });
};

export const runCommand = async (deps: DialogueDeps, turn: Turn, name: string, args: string[], rawArgs: string): Promise<TurnResult> => {
  switch (name) {
    case 'start':
      return args[0] ? join(deps, turn, args.join('')) : welcome(turn);
    case 'help':
      return thenQuestion(deps, turn, help(turn));
    case 'lang':
      return args[0] ? thenQuestion(deps, turn, await setLanguage(deps, turn, args[0])) : setLanguage(deps, turn, args[0]);
    case 'file':
    case 'tailieu':
      return attachTo(deps, turn, args[0] ?? '', 'evidence');
    case 'explain':
    case 'giaitrinh':
      return attachTo(deps, turn, args[0] ?? '', 'explanation');
    case 'link':
      return link(deps, turn, args[0] ? args.join('') : undefined);
    case 'report':
      return startReport(deps, { ...turn, state: { ...turn.state, assess: false } });
    case 'continue':
      return startReport(deps, turn);
    case 'assess':
      return assess(deps, turn, args[0]);
    case 'review':
      return review(deps, turn);
    case 'score':
      return thenQuestion(deps, turn, await score(deps, turn));
    case 'submit':
      return askSubmit(deps, turn);
    case 'edit':
      return editCriterion(deps, turn, args[0] ?? '');
    case 'skip':
      return turn.state.mode === 'report' ? answer(deps, turn, { kind: 'skip' }) : startReport(deps, turn);
    case 'cancel':
      return turn.state.mode === 'confirm_submit'
        ? startReport(deps, { ...turn, state: { ...turn.state, mode: 'report' } })
        : result(turn.state, [reply('dialogue:nothing_to_cancel')]);
    case 'as':
      if (turn.event.channel === 'console') return switchIdentity(deps, turn, args);
      break;
    default:
      break;
  }
  const registered = await runRegistryCommand(deps, turn, name, args, rawArgs);
  return registered ?? result(turn.state, [reply('dialogue:unknown_command', { command: `/${name}` })]);
};
