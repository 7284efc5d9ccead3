// Routes one normalised input: files → evidence, commands → commands, buttons and typed
// numbers → choices (checked against what was offered), other text → the question on screen.
import { normaliseInviteCode } from '../../../core/access/invite-rules.ts';
import { CHOICE } from '../../../core/questionnaire/session-state.schema.ts';
import { PAGE_CHOICE_PREFIX, parsePageChoice } from '../coordination/paging.ts';
import { reply } from '../../../core/reply.ts';
import type { DialogueDeps } from './deps.ts';
import { parseCommand, runCommand, runRegistryCommand } from './commands.ts';
import { receiveEvidence } from './evidence.ts';
import { confirmWorkbook, isWorkbookChoice } from './workbook-upload.ts';
import { join } from './join.ts';
import { setLanguage } from './link-lang.ts';
import { typedChoice, withOffered } from './offered.ts';
import { askSubmit, confirmSubmit, review } from './review.ts';
import { answer, currentReport, editCriterion, startReport } from './report.ts';
import { result, type Turn, type TurnResult } from './turn.ts';

/** Buttons that stay valid outside the message that offered them (menus, reminders). */
const navigate = async (deps: DialogueDeps, turn: Turn, value: string): Promise<TurnResult | null> => {
  if (value === 'cmd:report' || value === 'cmd:continue')
    return startReport(deps, { ...turn, state: { ...turn.state, mode: turn.state.mode === 'confirm_submit' ? 'report' : turn.state.mode } });
  if (value === 'cmd:review') return review(deps, turn);
  if (value === 'cmd:submit') return askSubmit(deps, turn);
  if (value === 'lang:vi' || value === 'lang:en') return setLanguage(deps, turn, value.slice(5));
  if (value.startsWith('report:continue:')) return startReport(deps, turn, { periodId: value.slice('report:continue:'.length) });
  // ◀ ▶ on a long list: the same command for another page, shown in place of the page tapped.
  if (value.startsWith(PAGE_CHOICE_PREFIX)) {
    const asked = parsePageChoice(value);
    const paged = asked ? await runRegistryCommand(deps, turn, asked.name, asked.args, asked.args.join(' ')) : null;
    return paged ? { ...paged, replacesTapped: true } : null;
  }
  if (value.startsWith('coord:unit:')) {
    const unitId = value.split(':')[3] ?? '';
    const unit = await deps.units.findById(unitId);
    return unit ? runRegistryCommand(deps, turn, 'unit', [unit.code], unit.code) : null;
  }
  return null;
};

const choose = async (deps: DialogueDeps, turn: Turn, value: string): Promise<TurnResult> => {
  const nav = await navigate(deps, turn, value);
  if (nav) return nav;
  const offered = turn.state.offered;
  if (!offered?.values.includes(value)) return stale(deps, turn);
  // A button of an older message (another question, or this one before a skip) is not the one on screen.
  const content = turn.event.content;
  if (content.kind === 'callback' && offered.stamp !== undefined && content.stamp !== offered.stamp) return stale(deps, turn);
  if (isWorkbookChoice(value)) return confirmWorkbook(deps, turn, value);
  if (value.startsWith('edit:')) return editCriterion(deps, { ...turn, state: { ...turn.state, mode: 'report' } }, value.slice(5));
  if (value === 'confirm:submit') return turn.state.mode === 'confirm_submit' ? confirmSubmit(deps, turn) : stale(deps, turn);
  if (value === 'confirm:cancel') return startReport(deps, { ...turn, state: { ...turn.state, mode: 'report' } });
  if (value.startsWith('unit:')) return startReport(deps, turn, { unitId: value.slice(5) });
  if (value.startsWith('period:')) return startReport(deps, turn, { periodId: value.slice(7), ...(turn.state.unitId ? { unitId: turn.state.unitId } : {}) });
  if (turn.state.mode === 'report') {
    const answered = await answer(deps, turn, { kind: 'choice', value });
    return value === CHOICE.skip || value === CHOICE.evidenceDone ? { ...answered, movedOn: true } : answered;
  }
  return stale(deps, turn);
};

/** An out-of-date or forged button: say so, and show the current question again. */
const stale = async (deps: DialogueDeps, turn: Turn): Promise<TurnResult> => {
  deps.logger.warn({ chat: turn.event.chatId, channel: turn.event.channel }, 'stale or forged choice refused');
  const lead = reply('dialogue:stale_choice');
  if (turn.state.mode === 'report' && (await currentReport(deps, turn))) {
    const again = await startReport(deps, turn);
    return { ...again, replies: [lead, ...again.replies.slice(1)], choiceRefused: true };
  }
  return result(turn.state, [lead], { choiceRefused: true });
};

export const route = async (deps: DialogueDeps, turn: Turn): Promise<TurnResult> => {
  const content = turn.event.content;
  switch (content.kind) {
    case 'unsupported':
      return result(turn.state, [reply('dialogue:unsupported')]);
    case 'file':
      return receiveEvidence(deps, turn, content);
    case 'callback':
      return choose(deps, turn, content.data);
    case 'text': {
      const command = parseCommand(content.text);
      if (command) return runCommand(deps, turn, command.name, command.args, command.rawArgs);
      const picked = typedChoice(content.text, turn.state.offered);
      if (picked) return choose(deps, turn, picked);
      if (turn.state.mode === 'report') return answer(deps, turn, { kind: 'text', text: content.text });
      if (turn.state.mode === 'confirm_submit') return askSubmit(deps, turn);
      // Zalo has no deep links: a newcomer simply types the invite code.
      if (turn.memberships.length === 0 && normaliseInviteCode(content.text)?.length === 10) return join(deps, turn, content.text);
      if (turn.memberships.length === 0) return result(turn.state, [reply('dialogue:start.no_membership')]);
      return withOffered(result(turn.state, [reply('dialogue:idle_hint', {}, [{ value: 'cmd:report', key: 'dialogue:choice.report' }])]), true);
    }
  }
};
