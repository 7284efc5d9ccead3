// /assess <unit code>: a coordinator or an assessor walks an assessor-answered set about a unit (e.g. the
// quarterly web-portal transparency review) with the same questionnaire engine.
import { reply } from '../../../core/reply.ts';
import { assessesUnit } from '../scope.ts';
import type { DialogueDeps } from './deps.ts';
import { startReport } from './report.ts';
import { result, type Turn, type TurnResult } from './turn.ts';

export const assess = async (deps: DialogueDeps, turn: Turn, code: string | undefined): Promise<TurnResult> => {
  if (!turn.memberships.some((m) => m.role === 'coordinator' || m.role === 'assessor')) return result(turn.state, [reply('dialogue:assess.coordinators_only')]);
  if (!code) return result(turn.state, [reply('dialogue:assess.usage')]);
  const unit = await deps.units.findByCode(code.toUpperCase());
  if (!unit) return result(turn.state, [reply('dialogue:assess.unknown_unit', { code })]);
  if (!(await assessesUnit(deps.units, turn.memberships, unit))) return result(turn.state, [reply('dialogue:assess.out_of_scope', { code: unit.code })]);
  const started = await startReport(deps, { ...turn, state: { v: 1, mode: 'idle', assess: true, unitId: unit.id } }, { unitId: unit.id });
  if (started.state.mode === 'idle' && !started.state.submissionId)
    return result({ v: 1, mode: 'idle' }, [reply('dialogue:assess.no_set', { unit: unit.name })]);
  return started;
};
