import { describe, expect, it } from 'vitest';
import { activeOn, validateMerge } from '../../../core/units/succession.ts';

const local = (d: Date) => d.toISOString().slice(0, 10);
const at = (day: string) => new Date(`${day}T00:00:00Z`);

describe('activeOn', () => {
  it.each([
    ['no bounds', null, null, '2026-11-01', true],
    ['predecessor before the merger day', null, '2025-07-01', '2025-06-30', true],
    ['predecessor on the merger day', null, '2025-07-01', '2025-07-01', false],
    ['successor on the merger day', '2025-07-01', null, '2025-07-01', true],
    ['successor before it existed', '2025-07-01', null, '2025-06-30', false],
  ])('%s', (_name, from, to, day, expected) => {
    expect(activeOn({ effectiveFrom: from ? at(from) : null, effectiveTo: to ? at(to) : null }, day, local)).toBe(expected);
  });
});

describe('validateMerge', () => {
  const c = (code: string, level = 'commune' as const) => ({ code, level });
  it.each([
    [[], 'merge.no_predecessors'],
    [[c('X-A'), c('X-C')], 'merge.into_itself'],
    [[c('X-A'), c('X-A')], 'merge.duplicate'],
    [[{ code: 'H-A', level: 'district' as const }], 'merge.level_mismatch'],
  ])('%j → %s', (preds, code) => {
    const r = validateMerge(preds, c('X-C'));
    expect(r.ok ? null : r.error.code).toBe(code);
  });
  it('accepts communes into a commune', () => expect(validateMerge([c('X-A'), c('X-B')], c('X-C')).ok).toBe(true));
});
