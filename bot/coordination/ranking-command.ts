// /ranking [level] [district]: rank, unit, score, %, tier and late flag per level; units not
// ranked listed separately with the reason; long lists paged.
import type { AssessedLevel } from '../../core/periods/period.schema.ts';
import { rankUnits, type LevelRanking } from '../../core/ranking/rank-units.ts';
import { keyParam, reply, type Reply } from '../../core/reply.ts';
import type { CommandContext, CommandResult } from '../app/command-port.ts';
import type { StoredPeriod } from '../db/repositories/period-repository.ts';
import { assessedLevels, parseTarget, toRankEntry, unitRows, type CoordinationDeps, type Scope } from './coordination-context.ts';
import { guarded, say } from './guard.ts';
import { page } from './paging.ts';

/** Rankings per level over the units in scope (optionally one district's communes). */
export const rankingsFor = async (
  deps: CoordinationDeps,
  scope: Scope,
  period: StoredPeriod,
  filter: { level?: AssessedLevel; districtId?: string },
): Promise<LevelRanking[]> => {
  const rows = await unitRows(
    deps,
    scope,
    period,
    (u) => (!filter.level || u.level === filter.level) && (!filter.districtId || u.parentId === filter.districtId),
  );
  const out: LevelRanking[] = [];
  for (const level of assessedLevels) {
    const entries = rows.filter((r) => r.level === level).map(toRankEntry);
    if (entries.length === 0) continue;
    const r = rankUnits({ level, entries });
    if (r.ok) out.push(r.value);
  }
  return out;
};

export const rankingLines = (rankings: readonly LevelRanking[]): Reply[] =>
  rankings.flatMap((r) => [
    reply('coord:ranking.level', { level: keyParam(`coord:level.${r.level}`), count: r.ranked.length + r.notRanked.length }),
    ...r.ranked.map((row) =>
      reply(row.submitted ? 'coord:ranking.row' : 'coord:ranking.row_missing', {
        rank: row.rank,
        code: row.unitCode,
        name: row.unitName,
        points: row.points,
        percent: row.percent,
        tier: keyParam(`ranking:tier.${row.tier}`),
        late: row.lateFlag ? keyParam('coord:ranking.late') : '',
        days: row.workingDaysLate,
      }),
    ),
    ...(r.notRanked.length > 0 ? [reply('coord:ranking.not_ranked_title')] : []),
    ...r.notRanked.flatMap((row) => [reply('coord:ranking.not_ranked_row', { code: row.unitCode, name: row.unitName, percent: row.percent }), row.reason]),
  ]);

export const rankingCommand =
  (deps: CoordinationDeps) =>
  (ctx: CommandContext): Promise<CommandResult> =>
    guarded(deps, ctx, async ({ scope, period }) => {
      const target = parseTarget(scope, ctx.args);
      const districtArg = ctx.args.map((a) => scope.byCode.get(a.toUpperCase())).find((u) => u?.level === 'district');
      if (target.unknown && !districtArg) return say(reply('coord:unknown_target', { value: target.unknown }));
      if (districtArg && !scope.visible.has(districtArg.id)) return say(reply('coord:out_of_scope', { code: districtArg.code }));
      const rankings = await rankingsFor(deps, scope, period, {
        ...(target.level ? { level: target.level } : {}),
        ...(districtArg ? { districtId: districtArg.id } : {}),
      });
      if (rankings.length === 0) return say(reply('coord:nothing_in_scope'));
      return say(reply('coord:ranking.title', { period: period.name }), ...page(rankingLines(rankings), ctx.args, 'ranking'));
    });
