// `unit merge <A> <B>… --into <C> --from <date>`: records that A, B… became C on that day. The
// old units keep their submissions and published results (old periods stay readable under
// them); periods opened from that day on are answered by C, whose /unit lists its predecessors'
// past results.
import { localDateTimeToInstant } from '../../../core/calendar/local-date.ts';
import { validateMerge, type MergeProblem } from '../../../core/units/succession.ts';
import type { Unit } from '../../../core/units/unit.ts';
import type { Repositories } from '../ports.ts';

export type MergeOutcome =
  | { readonly ok: true; readonly predecessors: readonly Unit[]; readonly successor: Unit }
  | { readonly ok: false; readonly error: MergeProblem | { readonly code: 'merge.unknown_unit'; readonly unit: string } };

export const mergeUnits = async (
  repos: Pick<Repositories, 'units'>,
  input: { readonly from: readonly string[]; readonly into: string; readonly on: string },
): Promise<MergeOutcome> => {
  const find = async (code: string) => ({ code, unit: await repos.units.findByCode(code) });
  const [successor, ...predecessors] = await Promise.all([input.into, ...input.from].map(find));
  for (const f of [successor!, ...predecessors]) if (!f.unit) return { ok: false, error: { code: 'merge.unknown_unit', unit: f.code } };
  const into = successor!.unit!;
  const olds = predecessors.map((p) => p.unit!);
  const valid = validateMerge(olds, into);
  if (!valid.ok) return { ok: false, error: valid.error };
  await repos.units.recordMerge({ predecessorIds: olds.map((u) => u.id), successorId: into.id, effectiveOn: localDateTimeToInstant(input.on, '00:00') });
  return { ok: true, predecessors: olds, successor: into };
};
