// /ranking [level] [district]: rank, unit, score, %, tier and late flag per level; units not
// ranked listed separately with the reason; long lists paged.
import type { AssessedLevel } from '../../../core/periods/period.schema.ts';
import { DEFAULT_TIERS, type Tier } from '../../../core/criteria/criteria-set.schema.ts';
import type { Lang } from '../../../core/criteria/localized-text.ts';
import { tierText } from '../../../core/criteria/tier-text.ts';
import { rankUnits, type LevelRanking, type NotRankedRow, type RankedRow } from '../../../core/ranking/rank-units.ts';
import { asRow, keyParam, reply, type Reply } from '../../../core/reply.ts';
import type { CommandContext, CommandResult } from '../command-port.ts';
import { assessedLevels, parseTarget, toRankEntry, unitRows, type CoordinationDeps, type RowDeps, type Scope, type UnitRow } from './coordination-context.ts';
import { guarded, say } from './guard.ts';
import { page } from './paging.ts';
import type { StoredPeriod } from '../ports.ts';

/** A level's ranking with the tiers its figures are classified by (the period's, or the set's). */
export type LevelRankingView = LevelRanking & { readonly tiers: readonly Tier[] };

/** Rankings per level over the units in scope (optionally one district's communes), by the period's rules. */
export const rankingsFor = async (
  deps: RowDeps,
  scope: Scope,
  period: StoredPeriod,
  filter: { level?: AssessedLevel; districtId?: string },
  /** The unit rows when the caller already has them (the export), so they are read once. */
  known?: readonly UnitRow[],
): Promise<LevelRankingView[]> => {
  const wanted = (u: { level: string; parentId: string | null }) =>
    (!filter.level || u.level === filter.level) && (!filter.districtId || u.parentId === filter.districtId);
  const rows = known ? known.filter((r) => wanted(r.unit)) : await unitRows(deps, scope, period, wanted);
  const out: LevelRankingView[] = [];
  for (const level of assessedLevels) {
    const entries = rows.filter((r) => r.level === level).map(toRankEntry);
    if (entries.length === 0) continue;
    const r = rankUnits({ level, entries, rules: period.ranking });
    const link = period.sets.find((s) => s.level === level && s.answeredBy === 'unit');
    const set = link ? (await deps.repos.criteriaSets.findById(link.criteriaSetId))?.set : undefined;
    if (r.ok) out.push({ ...r.value, tiers: period.tiers ?? set?.tiers ?? DEFAULT_TIERS });
  }
  return out;
};

const figures = (row: RankedRow | NotRankedRow, tiers: readonly Tier[], lang: Lang) => ({
  code: row.unitCode,
  name: row.unitName,
  points: row.points,
  percent: row.percent,
  tier: tierText(tiers, row.tier, lang),
  basis: keyParam(`coord:basis.${row.basis}`),
});

export const rankingLines = (rankings: readonly LevelRankingView[], lang: Lang): Reply[] =>
  rankings.flatMap((r) => [
    reply('coord:ranking.level', { level: keyParam(`coord:level.${r.level}`), count: r.ranked.length + r.notRanked.length }),
    ...r.ranked.map((row) =>
      asRow(
        row.rank === 'last'
          ? reply(row.submitted ? 'coord:ranking.row_last_scored' : 'coord:ranking.row_last', {
              ...figures(row, r.tiers, lang),
              ...row.lastReason?.params,
              reason: keyParam(row.lastReason?.key ?? 'ranking:reason.not_submitted'),
            })
          : reply('coord:ranking.row', {
              ...figures(row, r.tiers, lang),
              rank: row.rank,
              late: row.lateFlag ? keyParam('coord:ranking.late') : '',
              days: row.workingDaysLate,
            }),
      ),
    ),
    ...(r.notRanked.length > 0 ? [reply('coord:ranking.not_ranked_title')] : []),
    ...r.notRanked.map((row) =>
      asRow(
        reply(row.submitted ? 'coord:ranking.not_ranked_scored' : 'coord:ranking.not_ranked_row', {
          ...figures(row, r.tiers, lang),
          ...row.reason.params,
          reason: keyParam(row.reason.key),
        }),
      ),
    ),
  ]);

export const rankingCommand =
  (deps: CoordinationDeps) =>
  (ctx: CommandContext): Promise<CommandResult> =>
    guarded(deps, ctx, async ({ scope, period }) => {
      const target = parseTarget(scope, ctx.args);
      const districtArg = target.district;
      if (target.unknown) return say(reply('coord:unknown_target', { value: target.unknown }));
      if (districtArg && !scope.visible.has(districtArg.id)) return say(reply('coord:out_of_scope', { code: districtArg.code }));
      const rankings = await rankingsFor(deps, scope, period, {
        ...(target.level ? { level: target.level } : {}),
        ...(districtArg ? { districtId: districtArg.id } : {}),
      });
      if (rankings.length === 0) return say(reply('coord:nothing_in_scope'));
      return {
        ...say(reply('coord:ranking.title', { period: period.name }), ...page(rankingLines(rankings, ctx.locale), ctx.args, 'ranking')),
        dashboardButton: true,
      };
    });
