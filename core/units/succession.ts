// Merged units (the 2025 commune reform): predecessors → successor from a date. A unit takes
// part in a period when it exists on the period's opening day, so an old period stays under the
// old communes and a period opened after the merger is answered by the new one.
import { err, ok, type Result } from '../result.ts';
import type { Unit } from './unit.ts';

/** Whether the unit exists on `day` (local ISO date); the bounds are local dates too. */
export const activeOn = (unit: Pick<Unit, 'effectiveFrom' | 'effectiveTo'>, day: string, localDate: (d: Date) => string): boolean =>
  (unit.effectiveFrom === null || localDate(unit.effectiveFrom) <= day) && (unit.effectiveTo === null || localDate(unit.effectiveTo) > day);

export type MergeProblem =
  | { readonly code: 'merge.no_predecessors' }
  | { readonly code: 'merge.into_itself'; readonly unit: string }
  | { readonly code: 'merge.level_mismatch'; readonly unit: string; readonly level: string; readonly expected: string }
  | { readonly code: 'merge.duplicate'; readonly unit: string };

export const validateMerge = (predecessors: readonly Pick<Unit, 'code' | 'level'>[], successor: Pick<Unit, 'code' | 'level'>): Result<true, MergeProblem> => {
  if (predecessors.length === 0) return err({ code: 'merge.no_predecessors' });
  const seen = new Set<string>();
  for (const p of predecessors) {
    if (p.code === successor.code) return err({ code: 'merge.into_itself', unit: p.code });
    if (seen.has(p.code)) return err({ code: 'merge.duplicate', unit: p.code });
    seen.add(p.code);
    if (p.level !== successor.level) return err({ code: 'merge.level_mismatch', unit: p.code, level: p.level, expected: successor.level });
  }
  return ok(true);
};
