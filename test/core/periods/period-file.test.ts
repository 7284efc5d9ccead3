import { describe, expect, it } from 'vitest';
import { fileDateToIso } from '../../../core/periods/file-date.ts';
import { issueLine } from '../../../core/field-issues.ts';
import { parsePeriodFile } from '../../../core/periods/period-from-file.ts';

const level = (over: object = {}) => ({
  set: 'commune_2025@1',
  dataWindow: { from: '10/11/2020', to: '10/11/2021' },
  opensAt: '01/11/2021',
  deadline: '15/11/2021',
  ...over,
});
const file = (over: object = {}) => ({
  key: 'hatinh-2021',
  name: { vi: 'Đánh giá 2021', en: 'Assessment 2021' },
  kind: 'annual',
  levels: { commune: level() },
  ...over,
});
const errorsOf = (input: unknown): string[] => {
  const r = parsePeriodFile(input);
  return r.ok ? [] : r.error.map(issueLine);
};

describe('file dates', () => {
  it.each([
    ['15/9/2019', '2019-09-15'],
    ['15/09/2019', '2019-09-15'],
    ['1/1/2020', '2020-01-01'],
    ['2019-09-15', '2019-09-15'],
    [' 29/02/2024 ', '2024-02-29'],
    ['29/02/2023', undefined],
    ['15-09-2019', undefined],
    ['15/9/19', undefined],
    ['2019/09/15', undefined],
    ['09/15/2019', undefined],
    ['ngày 15 tháng 9', undefined],
  ])('%s → %s', (text, iso) => {
    expect(fileDateToIso(text)).toBe(iso);
  });
});

describe('period file schema: every error names the field and what is expected', () => {
  it.each([
    [
      'a bad deadline',
      file({ levels: { commune: level({ deadline: '31/11/2021' }) } }),
      'levels.commune.deadline: expected a date dd/mm/yyyy or YYYY-MM-DD, got "31/11/2021"',
    ],
    ['a date as a number', file({ levels: { commune: level({ opensAt: 20211101 }) } }), 'levels.commune.opensAt: expected a date dd/mm/yyyy or YYYY-MM-DD'],
    [
      'a set without version',
      file({ levels: { commune: level({ set: 'commune_2025' }) } }),
      'levels.commune.set: expected a criteria set as key@version, e.g. commune_2025@1',
    ],
    ['an unknown level', file({ levels: { village: level() } }), 'levels: Unrecognized key: "village"'],
    ['no level', file({ levels: {} }), 'levels: expected at least one of department, district, commune'],
    [
      'a window backwards',
      file({ levels: { commune: level({ dataWindow: { from: '10/11/2021', to: '10/11/2020' } }) } }),
      'levels.commune.dataWindow.to: must not be before dataWindow.from',
    ],
    ['a deadline before the opening', file({ levels: { commune: level({ opensAt: '16/11/2021' }) } }), 'levels.commune.deadline: must not be before opensAt'],
    [
      '"before" wording with the deadline on the opening day',
      file({ deadlineWording: 'before', levels: { commune: level({ opensAt: '15/11/2021' }) } }),
      'levels.commune.deadline: must be after opensAt (deadlineWording: before, so the last day is the day before)',
    ],
    ['an unknown wording', file({ deadlineWording: 'until' }), 'deadlineWording: Invalid option: expected one of "by"|"before"'],
    ['an unknown kind', file({ kind: 'monthly' }), 'kind: Invalid option: expected one of "annual"|"quarterly"'],
    ['a bad key', file({ key: 'Hà Tĩnh 2021' }), 'key: expected lowercase letters, digits, - and _, e.g. hatinh-2021'],
    ['a missing English name', file({ name: { vi: 'x' } }), 'name.en: Invalid input: expected string, received undefined'],
    ['a misspelt field', file({ lateTolerance: 5 }), '(root): Unrecognized key: "lateTolerance"'],
    ['a negative tolerance', file({ lateToleranceWorkingDays: -1 }), 'lateToleranceWorkingDays: Too small: expected number to be >=0'],
    ['an unknown ranking rule', file({ ranking: { notSubmitted: 'first' } }), 'ranking.notSubmitted: Invalid option: expected one of "last"|"unranked"'],
    ['a tier above 100 %', file({ tiers: [{ key: 'good', minPercent: 120 }] }), 'tiers[0].minPercent: Too big: expected number to be <=100'],
    [
      'a bad milestone date',
      file({ milestones: [{ key: 'a', name: { vi: 'a', en: 'a' }, date: '30/9' }] }),
      'milestones[0].date: expected a date dd/mm/yyyy or YYYY-MM-DD, got "30/9"',
    ],
    [
      'a milestone twice',
      file({
        milestones: [
          { key: 'a', name: { vi: 'a', en: 'a' }, date: '30/9/2021' },
          { key: 'a', name: { vi: 'b', en: 'b' }, date: '1/10/2021' },
        ],
      }),
      'milestones[1].key: milestone "a" appears twice',
    ],
    ['a bad reminder time', file({ reminders: { sendAt: '8h' } }), 'reminders.sendAt: expected HH:MM'],
    ['a misspelt reminder setting', file({ reminders: { daysBefor: [10, 5] } }), 'reminders: Unrecognized key: "daysBefor"'],
    ['checkpoints on an annual period', file({ checkpoints: [{ month: 3, date: '15/02/2021' }] }), 'checkpoints: only for kind: quarterly'],
    ['a checkpoint month 4', file({ kind: 'quarterly', checkpoints: [{ month: 4, date: '15/02/2021' }] }), 'checkpoints[0].month: expected month 3, 6 or 9'],
    [
      'a checkpoint month twice',
      file({
        kind: 'quarterly',
        checkpoints: [
          { month: 3, date: '15/02/2021' },
          { month: 3, date: '15/03/2021' },
        ],
      }),
      'checkpoints[1].month: month 3 appears twice',
    ],
    ['a bad status', file({ status: 'running' }), 'status: Invalid option: expected one of "draft"|"open"|"closed"|"published"'],
  ])('%s', (_what, input, expected) => {
    expect(errorsOf(input)).toContain(expected);
  });

  it('reports every bad field at once', () => {
    const errors = errorsOf(file({ kind: 'monthly', levels: { commune: level({ deadline: 'soon', set: 'x' }) } }));
    expect(errors.map((e) => e.split(':')[0])).toEqual(expect.arrayContaining(['kind', 'levels.commune.set', 'levels.commune.deadline']));
  });

  it('applies the defaults: wording by, tolerance 5, no status given', () => {
    const r = parsePeriodFile(file());
    expect(r.ok && [r.value.deadlineWording, r.value.lateToleranceWorkingDays, r.value.status]).toEqual(['by', 5, undefined]);
  });
});
