// The columns of the appendix: the level sheet (one row per unit: group subtotals, total,
// percent and tier, self and verified side by side, then rank) and the detail sheet (one row
// per unit and criterion). The CSV of a level uses exactly the level sheet's columns.
import type { Label } from '../labels.ts';
import type { DataColumn, Value } from '../xlsx/sheet-xml.ts';
import { STYLE } from '../xlsx/styles.ts';
import type { AppendixCriterion, AppendixLevel, AppendixRank, AppendixUnitRow } from './appendix-model.ts';

/** A header cell: one column, or a self/verified pair under a shared title. */
export type HeaderColumn = {
  readonly title: string;
  readonly pair: boolean;
  readonly width: number;
  readonly kind: DataColumn['kind'];
  readonly style: number;
};

const single = (title: string, width: number, kind: DataColumn['kind'], style: number): HeaderColumn => ({ title, pair: false, width, kind, style });
const pair = (title: string, width: number, style: number = STYLE.number): HeaderColumn => ({ title, pair: true, width, kind: 'number', style });

export const levelHeader = (level: AppendixLevel, label: Label): HeaderColumn[] => [
  single(label('appendix.col.stt'), 6, 'number', STYLE.integer),
  single(label('appendix.col.unit_code'), 12, 'text', STYLE.textCenter),
  single(label('appendix.col.unit'), 32, 'shared', STYLE.text),
  ...level.groups.map((g) => pair(label('appendix.col.group', { number: g.number, title: g.title }), 10)),
  pair(label('appendix.col.total'), 10),
  single(label('appendix.col.applicable_max'), 10, 'number', STYLE.number),
  pair(label('appendix.col.percent'), 9, STYLE.percent),
  { ...pair(label('appendix.col.tier'), 11), kind: 'shared', style: STYLE.textCenter },
  single(label('appendix.col.rank'), 9, 'auto', STYLE.integer),
  single(label('appendix.col.not_ranked'), 28, 'text', STYLE.text),
];

/** The flat columns of a header: a pair becomes two. */
export const dataColumns = (header: readonly HeaderColumn[]): DataColumn[] =>
  header.flatMap((h) =>
    h.pair
      ? [
          { kind: h.kind, style: h.style },
          { kind: h.kind, style: h.style },
        ]
      : [{ kind: h.kind, style: h.style }],
  );

export const widths = (header: readonly HeaderColumn[]): number[] => header.flatMap((h) => (h.pair ? [h.width, h.width] : [h.width]));

/** One header line for CSV: "1. Môi trường chính sách - Tự chấm". */
export const csvHeader = (header: readonly HeaderColumn[], label: Label): string[] =>
  header.flatMap((h) =>
    h.pair
      ? [
          label('appendix.csv_column', { column: h.title, side: label('appendix.col.self') }),
          label('appendix.csv_column', { column: h.title, side: label('appendix.col.verified') }),
        ]
      : [h.title],
  );

const rankCell = (rank: AppendixRank, label: Label): Value => (rank.kind === 'ranked' ? rank.place : rank.kind === 'last' ? label('appendix.rank_last') : null);

/** The level row's values, in levelHeader order. */
export const levelValues = (level: AppendixLevel, row: AppendixUnitRow, stt: number, label: Label): Value[] => {
  const values: Value[] = [stt, row.unitCode, row.unitName];
  for (const g of level.groups) {
    const p = row.groups[g.number];
    values.push(p?.self ?? null, p?.verified ?? null);
  }
  values.push(
    row.total.self,
    row.total.verified,
    row.applicableMax,
    row.percent.self,
    row.percent.verified,
    row.tier.self,
    row.tier.verified,
    rankCell(row.rank, label),
    row.rank.kind === 'not_ranked' ? label('appendix.not_ranked', { reason: row.rank.reason }) : null,
  );
  return values;
};

export const detailHeader = (label: Label): HeaderColumn[] => [
  single(label('appendix.col.stt'), 6, 'number', STYLE.integer),
  single(label('appendix.col.unit_code'), 12, 'shared', STYLE.textCenter),
  single(label('appendix.col.unit'), 28, 'shared', STYLE.text),
  single(label('appendix.col.criterion_code'), 10, 'shared', STYLE.textCenter),
  single(label('appendix.col.criterion'), 50, 'shared', STYLE.text),
  single(label('appendix.col.max'), 8, 'number', STYLE.number),
  single(label('appendix.col.numerator'), 9, 'number', STYLE.number),
  single(label('appendix.col.denominator'), 9, 'number', STYLE.number),
  single(label('appendix.col.self'), 9, 'number', STYLE.number),
  single(label('appendix.col.verified'), 9, 'number', STYLE.number),
  // Inline, not shared: each unit writes its own (250,000 distinct ones in 310,000 rows would
  // sit in the shared-string table until the workbook ends: 60 MB at 10,000 units).
  single(label('appendix.col.explanation'), 44, 'text', STYLE.text),
  single(label('appendix.col.evidence_count'), 10, 'number', STYLE.integer),
];

export type CriterionIndex = ReadonlyMap<string, { readonly c: AppendixCriterion; readonly order: number }>;

export const criterionIndex = (level: AppendixLevel): CriterionIndex => new Map(level.criteria.map((c, order) => [c.code, { c, order }]));

/**
 * Calls `each` with the detail row of every criterion of the unit, in the level's order. The
 * array passed is reused between calls (300,000 rows: no garbage per row).
 */
export const eachDetail = <T>(row: AppendixUnitRow, stt: number, index: CriterionIndex, each: (values: readonly Value[]) => T): T[] => {
  const defs: { readonly a: AppendixUnitRow['criteria'][number]; readonly c: AppendixCriterion; readonly order: number }[] = [];
  let sorted = true;
  for (const a of row.criteria) {
    const def = index.get(a.code);
    if (!def) throw new RangeError(`appendix: unit ${row.unitCode} has criterion "${a.code}", which is not among the level's criteria`);
    if (defs.length > 0 && (defs[defs.length - 1]?.order ?? 0) > def.order) sorted = false;
    defs.push({ a, c: def.c, order: def.order });
  }
  // Usually already in order: sort only when not.
  if (!sorted) defs.sort((x, y) => x.order - y.order);
  const values: Value[] = [stt, row.unitCode, row.unitName, '', '', 0, null, null, null, null, null, 0];
  const out: T[] = [];
  for (const { a, c } of defs) {
    values[3] = c.code;
    values[4] = c.text;
    values[5] = c.maxPoints;
    values[6] = a.numerator ?? null;
    values[7] = a.denominator ?? null;
    values[8] = a.points.self;
    values[9] = a.points.verified;
    values[10] = a.explanation ?? null;
    values[11] = a.evidenceCount;
    const r = each(values);
    if (r !== undefined) out.push(r);
  }
  return out;
};
