// The appendix layout as a workbook: one sheet per level, one row per unit with each
// criterion's self score, verified score, explanation and evidence count, then totals, tier
// and rank. The same table is written as CSV (all levels, one "level" column).
import ExcelJS from 'exceljs';
import type { CriteriaSet } from '../../core/criteria/criteria-set.schema.ts';
import type { LevelRanking } from '../../core/ranking/rank-units.ts';
import type { AnswerDetail } from '../db/repositories/coordination-repository.ts';
import type { UnitRow } from './coordination-context.ts';

export type Label = (key: string) => string;

export type LevelExport = {
  readonly level: string;
  readonly set: CriteriaSet;
  readonly rows: readonly UnitRow[];
  readonly ranking: LevelRanking | undefined;
  readonly answers: ReadonlyMap<string, readonly AnswerDetail[]>;
};

type Table = { header: string[]; rows: (string | number)[][] };

const tableOf = (x: LevelExport, label: Label): Table => {
  const rankOf = new Map(x.ranking?.ranked.map((r) => [r.unitId, String(r.rank)]) ?? []);
  const notRanked = new Set(x.ranking?.notRanked.map((r) => r.unitId) ?? []);
  const header = [label('export.code'), label('export.unit'), label('export.status')];
  for (const c of x.set.criteria)
    header.push(
      `${c.code} ${label('export.self')}`,
      `${c.code} ${label('export.verified')}`,
      `${c.code} ${label('export.explanation')}`,
      `${c.code} ${label('export.evidence')}`,
    );
  header.push(
    label('export.total_self'),
    label('export.total_verified'),
    label('export.applicable_max'),
    label('export.percent'),
    label('export.tier'),
    label('export.rank'),
  );
  const rows = x.rows.map((r) => {
    const s = r.submission;
    const byCode = new Map((s ? (x.answers.get(s.id) ?? []) : []).map((a) => [a.criterionCode, a]));
    const cells: (string | number)[] = [r.unit.code, r.unit.name, label(`state.${r.status}`)];
    for (const c of x.set.criteria) {
      const a = byCode.get(c.code);
      cells.push(a?.points ?? '', a?.verifiedPoints ?? '', a?.explanation ?? '', a ? a.evidenceCount : '');
    }
    const verified = s?.appraisalStarted && s.verifiedPoints !== null ? s.verifiedPoints : '';
    const percent = s ? (s.appraisalStarted && s.verifiedPercent !== null ? s.verifiedPercent : s.selfPercent) : 0;
    cells.push(
      s?.selfPoints ?? 0,
      verified,
      s?.applicableMax ?? 0,
      percent,
      s?.tier ? label(`tier.${s.tier}`) : '',
      notRanked.has(r.unit.id) ? label('export.not_ranked') : (rankOf.get(r.unit.id) ?? ''),
    );
    return cells;
  });
  const rank = (row: (string | number)[]) => Number(row[row.length - 1]) || Number.MAX_SAFE_INTEGER;
  rows.sort((a, b) => rank(a) - rank(b) || String(a[0]).localeCompare(String(b[0])));
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

const csvCell = (v: string | number): string => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const buildCsv = (levels: readonly LevelExport[], label: Label): string =>
  levels
    .map((x) => {
      const t = tableOf(x, label);
      return [[label('export.level'), ...t.header], ...t.rows.map((r) => [label(`level.${x.level}`), ...r])].map((r) => r.map(csvCell).join(',')).join('\r\n');
    })
    .join('\r\n\r\n');
