// The appendix layout as a workbook: one sheet per level, one row per unit with each
// criterion's self and verified points, explanation and evidence count, then totals, percent,
// tier and rank — every figure from the score function and the ranking. The same table is
// written as CSV (all levels, one "level" column).
import ExcelJS from 'exceljs';
import type { CriteriaSet, Tier } from '../../../core/criteria/criteria-set.schema.ts';
import { pickText, type Lang } from '../../../core/criteria/localized-text.ts';
import type { SubmissionScore } from '../../../core/criteria/submission-score.ts';
import type { LevelRanking } from '../../../core/ranking/rank-units.ts';
import type { ReplyParams } from '../../../core/reply.ts';
import type { SubmissionSnapshot } from '../ports.ts';
import type { UnitRow } from './coordination-context.ts';

export type Label = (key: string, params?: ReplyParams) => string;

export type ExportUnit = { readonly row: UnitRow; readonly snapshot: SubmissionSnapshot | null; readonly score: SubmissionScore | null };

export type LevelExport = {
  readonly level: string;
  readonly set: CriteriaSet;
  readonly tiers: readonly Tier[];
  readonly units: readonly ExportUnit[];
  readonly ranking: LevelRanking | undefined;
  /** Language of the reader (tier labels of the set). */
  readonly lang: Lang;
};

type Cell = string | number | null;
type Table = { header: string[]; rows: Cell[][] };

/** The rank as published: a number, "cuối" for the shared last place, or "not ranked: why". */
const rankCell = (x: LevelExport, unitId: string, label: Label): Cell => {
  const ranked = x.ranking?.ranked.find((r) => r.unitId === unitId);
  if (ranked) return ranked.rank === 'last' ? label('ranking.last') : ranked.rank;
  const apart = x.ranking?.notRanked.find((r) => r.unitId === unitId);
  return apart ? `${label('export.not_ranked')}: ${label(apart.reason.key, apart.reason.params)}` : null;
};

const tableOf = (x: LevelExport, label: Label): Table => {
  const header = [label('export.code'), label('export.unit'), label('export.status')];
  for (const c of x.set.criteria) {
    header.push(
      `${c.code} ${label('export.self')}`,
      `${c.code} ${label('export.verified')}`,
      `${c.code} ${label('export.explanation')}`,
      `${c.code} ${label('export.evidence')}`,
    );
  }
  header.push(
    label('export.total_self'),
    label('export.percent_self'),
    label('export.total_verified'),
    label('export.percent_verified'),
    label('export.applicable_max'),
    label('export.tier'),
    label('export.rank'),
  );
  const rows = x.units.map(({ row, snapshot, score }) => {
    const cells: Cell[] = [row.unit.code, row.unit.name, label(`state.${row.status}`)];
    for (const c of x.set.criteria) {
      const self = score?.self.byCode[c.code];
      const answered = snapshot?.answers[c.code];
      const shown = self && self.status !== 'irrelevant' && answered;
      cells.push(
        shown ? (self.status === 'not_applicable' ? label('export.not_applicable') : self.points) : null,
        shown && snapshot?.overrides[c.code] ? (score?.verified?.byCode[c.code]?.points ?? null) : null,
        answered?.explanation ?? null,
        answered ? answered.evidenceCount : null,
      );
    }
    const ranked = x.ranking?.ranked.find((r) => r.unitId === row.unit.id) ?? x.ranking?.notRanked.find((r) => r.unitId === row.unit.id);
    const tier = ranked?.tier ?? null;
    cells.push(
      score?.self.points ?? null,
      score?.self.percent ?? null,
      score?.verified?.points ?? null,
      score?.verified?.percent ?? null,
      (score?.verified ?? score?.self)?.applicableMax ?? null,
      tier
        ? `${pickText(x.tiers.find((t) => t.key === tier)?.label, x.lang) || label(`ranking:tier.${tier}`)} (${label(`basis.${ranked?.basis ?? 'self'}`)})`
        : null,
      rankCell(x, row.unit.id, label),
    );
    return cells;
  });
  const order = (row: Cell[]) => (typeof row[row.length - 1] === 'number' ? (row[row.length - 1] as number) : Number.MAX_SAFE_INTEGER);
  rows.sort((a, b) => order(a) - order(b) || String(a[0]).localeCompare(String(b[0])));
  return { header, rows };
};

export const buildWorkbook = async (title: string, levels: readonly LevelExport[], label: Label): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'egov-report-bot';
  for (const x of levels) {
    const t = tableOf(x, label);
    const ws = wb.addWorksheet(label(`level.${x.level}`).slice(0, 31));
    ws.addRow([`${title} — ${label(`level.${x.level}`)}`]).font = { bold: true };
    const head = ws.addRow(t.header);
    head.font = { bold: true };
    for (const r of t.rows) ws.addRow(r);
    ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 2 }];
    ws.getColumn(2).width = 28;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
};

const csvCell = (v: Cell): string => {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const buildCsv = (levels: readonly LevelExport[], label: Label): string =>
  levels
    .map((x) => {
      const t = tableOf(x, label);
      return [[label('export.level'), ...t.header], ...t.rows.map((r) => [label(`level.${x.level}`), ...r])].map((r) => r.map(csvCell).join(',')).join('\r\n');
    })
    .join('\r\n\r\n');
