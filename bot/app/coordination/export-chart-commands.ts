// /export [level]: the appendix from the database (the streamed writer: one workbook with a
// level sheet and a detail sheet per level, one CSV per level); /chart [level] [district] [all]:
// the ranking as PNG images (resvg, Vietnamese names) within Telegram's photo limits. Both
// cover only the caller's scope; the CLI calls the same builders.
import { pickText } from '../../../core/criteria/localized-text.ts';
import type { AssessedLevel } from '../../../core/periods/period.schema.ts';
import { reply, type Reply } from '../../../core/reply.ts';
import { appendixFiles } from '../../platform/documents/appendix/write-appendix.ts';
import type { ChartInput, ChartLayout } from '../../platform/documents/chart/chart-model.ts';
import { renderChart, type ChartImage } from '../../platform/documents/chart/render-chart.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { Attachment, CommandContext, CommandResult } from '../command-port.ts';
import type { StoredPeriod } from '../ports.ts';
import { appendixDocument } from './appendix-document.ts';
import { parseTarget, type CoordinationDeps, type Scope } from './coordination-context.ts';
import { documentLabel } from './document-label.ts';
import { guarded, say } from './guard.ts';
import { rankingsFor } from './ranking-command.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const fileStem = (period: StoredPeriod): string =>
  `bang-tong-hop-${period.name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)}`;

export type ExportCaller = { readonly personId: string; readonly locale: Locale; readonly now: Date };

/** The appendix files of a scope: the workbook and one CSV per level; none when nothing is in scope. */
export const buildExportFiles = async (
  deps: CoordinationDeps,
  scope: Scope,
  period: StoredPeriod,
  caller: ExportCaller,
  level?: AssessedLevel,
): Promise<{ files: Attachment[]; levels: number; units: number }> => {
  const doc = await appendixDocument(deps, scope, period, caller.locale, caller.now, level);
  if (doc.levels.length === 0) return { files: [], levels: 0, units: 0 };
  const files = await appendixFiles(doc, documentLabel(deps, caller.locale));
  const stem = fileStem(period);
  const link = { periodId: period.id, personId: caller.personId, ...(level ? { level } : {}) };
  // A UTF-8 BOM is written by the CSV writer, so Excel opens Vietnamese names correctly.
  const csv = files.csv.map((c): Attachment => ({
    kind: 'document',
    fileName: `${stem}-${c.level}.csv`,
    mime: 'text/csv',
    data: c.data,
    link: { ...link, kind: 'export_csv', level: c.level },
  }));
  const units = files.summary.levels.reduce((n, l) => n + l.units, 0);
  return {
    files: [{ kind: 'document', fileName: `${stem}.xlsx`, mime: XLSX_MIME, data: files.xlsx, link: { ...link, kind: 'export_xlsx' } }, ...csv],
    levels: doc.levels.length,
    units,
  };
};

export const exportCommand =
  (deps: CoordinationDeps) =>
  (ctx: CommandContext): Promise<CommandResult> =>
    guarded(deps, ctx, async ({ scope, period }) => {
      const target = parseTarget(scope, ctx.args);
      const built = await buildExportFiles(deps, scope, period, ctx, target.level);
      if (built.files.length === 0) return say(reply('coord:nothing_in_scope'));
      return { replies: [reply('coord:export.done', { period: period.name, levels: built.levels, units: built.units })], attachments: built.files };
    });

export type ChartRequest = { readonly level?: AssessedLevel; readonly districtId?: string; readonly all?: boolean; readonly top?: number };

const TOP = 30;

/** The ranking chart of one level as images, or a message when no unit of it has submitted. */
export const buildChart = async (
  deps: CoordinationDeps,
  scope: Scope,
  period: StoredPeriod,
  caller: ExportCaller,
  req: ChartRequest,
): Promise<{ ok: true; images: ChartImage[]; level: AssessedLevel; units: number } | { ok: false; reply: Reply }> => {
  const rankings = await rankingsFor(deps, scope, period, req.level ? { level: req.level } : {});
  const ranking = rankings.find((r) => r.level === (req.level ?? 'commune')) ?? rankings[0];
  if (!ranking) return { ok: false, reply: reply('coord:nothing_in_scope') };
  const t = (key: string) => deps.translate(caller.locale, key);
  const bars = ranking.ranked.flatMap((r) =>
    typeof r.rank === 'number' && r.submitted ? [{ unitId: r.unitId, label: r.unitName, percent: r.percent, tier: r.tier ?? 'none', rank: r.rank }] : [],
  );
  if (bars.length === 0) return { ok: false, reply: reply('coord:chart.empty', { level: t(`coord:level.${ranking.level}`) }) };
  // The caller's district (named, or the one they coordinate) stays on the chart below the top N.
  const districtIds = new Set(req.districtId ? [req.districtId] : scope.roots.filter((u) => u.level === 'district').map((u) => u.id));
  const input: ChartInput = {
    periodName: period.name,
    levelName: t(`coord:level.${ranking.level}`),
    basis: ranking.ranked.some((r) => r.submitted && r.basis === 'verified') ? 'verified' : 'self',
    bars,
    tiers: [
      ...ranking.tiers.map((tier) => ({ code: tier.key, label: pickText(tier.label, caller.locale) || t(`ranking:tier.${tier.key}`) })),
      { code: 'none', label: t('ranking:tier.none') },
    ],
    highlight: ranking.ranked.filter((r) => r.parentId !== undefined && districtIds.has(r.parentId)).map((r) => r.unitId),
  };
  const layout: ChartLayout = req.all ? { mode: 'split' } : { mode: 'top', top: req.top ?? TOP };
  return { ok: true, images: renderChart(input, documentLabel(deps, caller.locale), layout), level: ranking.level, units: bars.length };
};

export const chartCommand =
  (deps: CoordinationDeps) =>
  (ctx: CommandContext): Promise<CommandResult> =>
    guarded(deps, ctx, async ({ scope, period }) => {
      const all = ctx.args.some((a) => a.toLowerCase() === 'all' || a.toLowerCase() === 'tatca');
      const target = parseTarget(
        scope,
        ctx.args.filter((a) => !['all', 'tatca'].includes(a.toLowerCase())),
      );
      if (target.unknown) return say(reply('coord:unknown_target', { value: target.unknown }));
      const chart = await buildChart(deps, scope, period, ctx, {
        ...(target.level ? { level: target.level } : {}),
        ...(target.district ? { districtId: target.district.id } : {}),
        all,
      });
      if (!chart.ok) return say(chart.reply);
      const stem = `${fileStem(period)}-${chart.level}`;
      return {
        replies: [reply('coord:chart.done', { count: chart.units })],
        attachments: chart.images.map((img) => ({
          kind: 'photo',
          fileName: chart.images.length > 1 ? `${stem}-${img.part}.png` : `${stem}.png`,
          mime: 'image/png',
          data: img.png,
          caption: reply('coord:chart.caption', { period: period.name }),
          link: { kind: 'chart_png', periodId: period.id, personId: ctx.personId, level: chart.level },
        })),
      };
    });
