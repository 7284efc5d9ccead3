// Console only: `/as <UNIT_CODE> [reporter|coordinator]` lets the person at the terminal act
// as a reporter of another unit or as a coordinator, to try every role of the product locally.
import { reply } from '../../../core/reply.ts';
import type { DialogueDeps } from './deps.ts';
import { result, type Turn, type TurnResult } from './turn.ts';

export const switchIdentity = async (deps: DialogueDeps, turn: Turn, args: readonly string[]): Promise<TurnResult> => {
  const [code, roleWord] = args;
  const role = roleWord === 'coordinator' ? 'coordinator' : 'reporter';
  const unit = code ? await deps.units.findByCode(code.toUpperCase()) : null;
  if (!unit) return result(turn.state, [reply('dialogue:console.as_usage')]);
  for (const m of turn.memberships) await deps.people.revokeMembership(m.id, turn.now);
  await deps.people.grantMembership({ personId: turn.person.id, unitId: unit.id, role });
  return result(
    { v: 1, mode: 'idle', ...(role === 'reporter' ? { unitId: unit.id } : {}) },
    [reply(role === 'reporter' ? 'dialogue:console.as_reporter' : 'dialogue:console.as_coordinator', { unit: unit.name, code: unit.code })],
    { refreshIdentity: true },
  );
};
