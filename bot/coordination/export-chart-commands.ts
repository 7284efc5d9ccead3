// /export [level]: the appendix workbook (.xlsx) and CSV as documents; /chart [level]: the
// ranking as a PNG bar chart. Both cover only the caller's scope.
import type { AssessedLevel } from '../../core/periods/period.schema.ts';
import { reply } from '../../core/reply.ts';
import type { CommandContext, CommandResult } from '../app/command-port.ts';
import { createCoordinationRepository } from '../db/repositories/coordination-repository.ts';
import { createCriteriaSetRepository } from '../db/repositories/criteria-set-repository.ts';
import type { StoredPeriod } from '../db/repositories/period-repository.ts';
import { asciiLabel, renderBarChart } from './bar-chart.ts';
import { assessedLevels, parseTarget, unitRows, type CoordinationDeps, type Scope } from './coordination-context.ts';
import { buildCsv, buildWorkbook, type Label, type LevelExport } from './export-workbook.ts';
import { guarded, say } from './guard.ts';
import { rankingsFor } from './ranking-command.ts';

export const levelExports = async (deps: CoordinationDeps, scope: Scope, period: StoredPeriod, level?: AssessedLevel): Promise<LevelExport[]> => {
  const rankings = await rankingsFor(deps, scope, period, level ? { level } : {});
  const rows = await unitRows(deps, scope, period, (u) => !level || u.level === level);
  const answers = await createCoordinationRepository(deps.db).answersOfMany(rows.flatMap((r) => (r.submission ? [r.submission.id] : [])));
  const out: LevelExport[] = [];
  for (const l of assessedLevels) {
    const link = period.sets.find((s) => s.level === l && s.answeredBy === 'unit');
    const atLevel = rows.filter((r) => r.level === l && !r.unit.excluded);
    if (!link || atLevel.length === 0) continue;
    const set = (await createCriteriaSetRepository(deps.db).findById(link.criteriaSetId))?.set;
    if (set) out.push({ level: l, set, rows: atLevel, ranking: rankings.find((r) => r.level === l), answers });
  }
  return out;
};

const fileStem = (period: StoredPeriod): string =>
  `xep-hang-${asciiLabel(period.name)
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')}`;

export const exportCommand =
  (deps: CoordinationDeps) =>
  (ctx: CommandContext): Promise<CommandResult> =>
    guarded(deps, ctx, async ({ scope, period }) => {
      const target = parseTarget(scope, ctx.args);
      const levels = await levelExports(deps, scope, period, target.level);
      if (levels.length === 0) return say(reply('coord:nothing_in_scope'));
      const label: Label = (key) => deps.translate(ctx.locale, `coord:${key}`);
      const stem = fileStem(period);
      return {
        replies: [reply('coord:export.done', { period: period.name, levels: levels.length, units: levels.reduce((n, l) => n + l.rows.length, 0) })],
        attachments: [
          {
            kind: 'document',
            fileName: `${stem}.xlsx`,
            mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            data: await buildWorkbook(period.name, levels, label),
          },
          { kind: 'document', fileName: `${stem}.csv`, mime: 'text/csv', data: Buffer.from(`\uFEFF${buildCsv(levels, label)}`, 'utf8') },
        ],
      };
    });

const tierColor = (percent: number): readonly [number, number, number] =>
  percent >= 90 ? [46, 139, 87] : percent >= 70 ? [65, 105, 225] : percent >= 50 ? [230, 160, 30] : [200, 60, 60];

export const chartCommand =
  (deps: CoordinationDeps) =>
  (ctx: CommandContext): Promise<CommandResult> =>
    guarded(deps, ctx, async ({ scope, period }) => {
      const target = parseTarget(scope, ctx.args);
      const rankings = await rankingsFor(deps, scope, period, target.level ? { level: target.level } : {});
      const ranking = rankings.find((r) => r.level === (target.level ?? 'commune')) ?? rankings[0];
      if (!ranking) return say(reply('coord:nothing_in_scope'));
      const bars = ranking.ranked
        .filter((r) => r.submitted)
        .map((r) => ({ label: `${r.rank}. ${r.unitCode}`, percent: r.percent, color: tierColor(r.percent) }));
      const png = renderBarChart(`${asciiLabel(period.name).slice(0, 40)} ${ranking.level.toUpperCase()}`, bars);
      return {
        replies: [reply('coord:chart.done', { count: bars.length })],
        attachments: [
          {
            kind: 'photo',
            fileName: `${fileStem(period)}-${ranking.level}.png`,
            mime: 'image/png',
            data: png,
            caption: reply('coord:chart.caption', { period: period.name }),
          },
        ],
      };
    });
