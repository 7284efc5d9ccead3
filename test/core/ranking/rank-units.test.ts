import { describe, expect, it } from 'vitest';
import { localDateTimeToInstant } from '../../../core/calendar/local-date.ts';
import { VIETNAM_CALENDAR as CAL } from '../../../core/calendar/working-days.ts';
import { lateness } from '../../../core/periods/deadlines.ts';
import { parsePeriod } from '../../../core/periods/parse-period.ts';
import type { Period } from '../../../core/periods/period.schema.ts';
import { aggregateDistricts } from '../../../core/ranking/aggregate-districts.ts';
import { rankUnits, type RankEntry, type LevelRanking } from '../../../core/ranking/rank-units.ts';
import { tierFor } from '../../../core/ranking/tiers.ts';

const parsed = parsePeriod({
  id: 'p2024',
  name: 'CQS 2024',
  kind: 'annual',
  scored: true,
  dataWindow: { from: '2023-11-10', to: '2024-11-10' },
  opensAt: '2024-04-01',
  deadlines: { commune: '2024-04-26' },
  status: 'open',
});
if (!parsed.ok) throw new Error('bad period');
const period: Period = parsed.value;

const entry = (code: string, percent: number, over: Partial<RankEntry> & { submittedLocal?: string } = {}): RankEntry => {
  const { submittedLocal = '2024-04-25 10:00', ...rest } = over;
  const [d, t] = submittedLocal.split(' ') as [string, string];
  const submittedAt = localDateTimeToInstant(d, t);
  const status = rest.status ?? 'submitted';
  const late = lateness(period, 'commune', submittedAt, CAL);
  if (!late.ok) throw new Error('no deadline');
  return {
    unitId: `id-${code}`,
    unitCode: code,
    unitName: `Xã ${code}`,
    level: 'commune',
    parentId: 'D1',
    excluded: false,
    status,
    percent,
    points: percent * 10,
    applicableMax: 1000,
    groupPoints: {},
    tier: tierFor(percent),
    ...(status === 'submitted' || status === 'verified' ? { submittedAt, late: late.value } : { late: { workingDaysLate: 0, beyondTolerance: false } }),
    ...rest,
  };
};

const summary = (r: LevelRanking) => ({
  ranked: r.ranked.map((x) => `${x.rank}:${x.unitCode}${x.lateFlag ? `(late ${x.workingDaysLate})` : ''}${x.submitted ? '' : '(missing)'}`),
  notRanked: r.notRanked.map((x) => `${x.unitCode}:${x.reason.key}${x.reason.params ? JSON.stringify(x.reason.params) : ''}`),
  excluded: r.excludedCount,
});

const rank = (entries: RankEntry[], tieBreaks?: Parameters<typeof rankUnits>[0]['tieBreaks']) => {
  const r = rankUnits({ level: 'commune', entries, ...(tieBreaks ? { tieBreaks } : {}) });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return summary(r.value);
};

describe('rankUnits — seed rules', () => {
  it('Gia Lai: units that did not submit are ranked last, equal, by code', () => {
    expect(
      rank([
        entry('X3', 0, { status: 'not_started' }),
        entry('X1', 80),
        entry('X4', 95, { status: 'draft' }), // a good draft does not count
        entry('X2', 60, { status: 'returned' }), // returned and not resubmitted
        entry('X5', 70, { status: 'verified' }),
      ]),
    ).toEqual({ ranked: ['1:X1', '2:X5', '3:X2(missing)', '3:X3(missing)', '3:X4(missing)'], notRanked: [], excluded: 0 });
  });

  it('Bình Thuận: 6 working days late across a weekend and the 30/4–1/5 break → not ranked; 5 → ranked, flagged', () => {
    expect(
      rank([
        entry('X1', 90, { submittedLocal: '2024-05-08 08:00' }), // 6 working days late
        entry('X2', 85, { submittedLocal: '2024-05-07 16:00' }), // 5 working days late
        entry('X3', 70),
      ]),
    ).toEqual({
      ranked: ['1:X2(late 5)', '2:X3'],
      notRanked: ['X1:ranking:reason.too_late{"days":6}'],
      excluded: 0,
    });
  });

  it('excluded units are left out entirely; ranked:false units are listed with their reason', () => {
    expect(
      rank([
        entry('X1', 99, { excluded: true }),
        entry('X2', 50),
        entry('X3', 75, { ranked: false, notRankedReason: { key: 'ranking:reason.no_public_services' } }),
        entry('X4', 10, { ranked: false }),
      ]),
    ).toEqual({
      ranked: ['1:X2'],
      notRanked: ['X3:ranking:reason.no_public_services', 'X4:ranking:reason.not_ranked_by_rule'],
      excluded: 1,
    });
  });
});

describe('rankUnits — ties', () => {
  const tied = () => [
    entry('A', 80, { groupPoints: { '6': 200, '5': 90 }, submittedLocal: '2024-04-20 09:00' }),
    entry('B', 80, { groupPoints: { '6': 210, '5': 80 }, submittedLocal: '2024-04-22 09:00' }),
    entry('C', 80, { groupPoints: { '6': 200, '5': 95 }, submittedLocal: '2024-04-23 09:00' }),
    entry('D', 80, { groupPoints: { '6': 200, '5': 95 }, submittedLocal: '2024-04-21 09:00' }),
    entry('E', 80.004, { groupPoints: { '6': 200, '5': 95 }, submittedLocal: '2024-04-21 09:00' }), // = D at 2 decimals
    entry('F', 79.99),
  ];

  it.each([
    ['default: group 6, group 5, earlier submission', undefined, ['1:B', '2:D', '2:E', '4:C', '5:A', '6:F']],
    ['percent only → equal ranks (1, 1, …, 6)', [], ['1:A', '1:B', '1:C', '1:D', '1:E', '6:F']],
    ['earlier submission only', [{ kind: 'earlier_submission' as const }], ['1:A', '2:D', '2:E', '4:B', '5:C', '6:F']],
    [
      'group 5 then group 6',
      [
        { kind: 'group_points' as const, group: '5' },
        { kind: 'group_points' as const, group: '6' },
      ],
      ['1:C', '1:D', '1:E', '4:A', '5:B', '6:F'],
    ],
  ])('%s', (_name, tieBreaks, expected) => {
    expect(rank(tied(), tieBreaks).ranked).toEqual(expected);
  });

  it('is deterministic whatever the input order', () => {
    const base = rank(tied());
    expect(rank([...tied()].reverse())).toEqual(base);
    expect(rank([...tied().slice(3), ...tied().slice(0, 3)])).toEqual(base);
  });
});

describe('rankUnits — input errors', () => {
  it('rejects mixed levels and duplicates', () => {
    expect(rankUnits({ level: 'district', entries: [entry('X1', 1)] })).toEqual({
      ok: false,
      error: { code: 'MIXED_LEVELS', unitId: 'id-X1', level: 'commune' },
    });
    expect(rankUnits({ level: 'commune', entries: [entry('X1', 1), entry('X1', 2)] })).toEqual({
      ok: false,
      error: { code: 'DUPLICATE_UNIT', unitId: 'id-X1' },
    });
  });
});

describe('aggregateDistricts', () => {
  it('averages submitted communes, counts missing ones, leaves excluded ones out', () => {
    const r = rankUnits({
      level: 'commune',
      entries: [
        entry('A', 80, { parentId: 'D1' }),
        entry('B', 61, { parentId: 'D1', submittedLocal: '2024-05-08 08:00' }), // too late: score still counts
        entry('C', 0, { parentId: 'D1', status: 'draft' }),
        entry('D', 99, { parentId: 'D1', excluded: true }),
        entry('E', 50, { parentId: 'D2', status: 'not_started' }),
      ],
    });
    if (!r.ok) throw new Error('rank failed');
    expect(aggregateDistricts(r.value, [{ districtId: 'D1' }, { districtId: 'D2' }, { districtId: 'D3' }])).toEqual([
      { districtId: 'D1', averagePercent: 70.5, averagePercentMissingAsZero: 47, submittedCount: 2, missingCount: 1, total: 3 },
      { districtId: 'D2', averagePercent: null, averagePercentMissingAsZero: 0, submittedCount: 0, missingCount: 1, total: 1 },
      { districtId: 'D3', averagePercent: null, averagePercentMissingAsZero: null, submittedCount: 0, missingCount: 0, total: 0 },
    ]);
  });
});
