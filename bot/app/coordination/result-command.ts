// /result: the published results (`period publish`) as they were frozen — the caller's unit(s)
// with rank, score, tier, self and verified figures, then the level's published table. Open to
// every member (reporters, coordinators, assessors): the table is public within the province.
import { formatDateVi, toLocalDate } from '../../../core/calendar/local-date.ts';
import { tierText } from '../../../core/criteria/tier-text.ts';
import type { Lang } from '../../../core/criteria/localized-text.ts';
import { parsePublication, publishedUnit, type Publication, type PublishedLevel } from '../../../core/ranking/publication.ts';
import { keyParam, reply, type Reply, type ReplyParam } from '../../../core/reply.ts';
import type { CommandContext, CommandResult } from '../command-port.ts';
import type { PublicationRepository } from '../ports.ts';
import { rankingLines } from './ranking-command.ts';
import { page } from './paging.ts';
import { say } from './guard.ts';

const publishedOn = (p: Publication): string => formatDateVi(toLocalDate(new Date(p.publishedAt)));

/** One unit's published line (also the notice each reporter gets on publication). */
export const unitResultReply = (p: Publication, unitId: string, lang: Lang): Reply | null => {
  const found = publishedUnit(p, unitId);
  if (!found) return null;
  const { row, level, of, figures } = found;
  const self = figures?.self;
  const verified = figures?.verified;
  // Nested messages are resolved in order: the reason first, so the rank text can use it.
  const reason: Record<string, ReplyParam> =
    'reason' in row
      ? { ...row.reason.params, reason: keyParam(row.reason.key) }
      : row.lastReason
        ? { ...row.lastReason.params, reason: keyParam(row.lastReason.key) }
        : { reason: keyParam('ranking:reason.not_submitted') };
  const rank: ReplyParam =
    'reason' in row ? keyParam('coord:result.rank_none') : row.rank === 'last' ? keyParam('coord:result.rank_last') : keyParam('coord:result.rank_n');
  return reply('coord:result.unit', {
    code: row.unitCode,
    unit: row.unitName,
    period: p.periodName,
    date: publishedOn(p),
    ...reason,
    rankNo: 'rank' in row && typeof row.rank === 'number' ? row.rank : 0,
    of,
    rank,
    percent: row.percent,
    points: row.points,
    basis: keyParam(`coord:basis.${row.basis}`),
    tier: tierText(level.tiers, row.tier, lang),
    selfPoints: self?.points ?? 0,
    selfMax: self?.applicableMax ?? 0,
    selfPercent: self?.percent ?? 0,
    verifiedPoints: verified?.points ?? 0,
    verifiedMax: verified?.applicableMax ?? 0,
    verifiedPercent: verified?.percent ?? 0,
    verified: keyParam(verified ? 'coord:result.verified_figures' : 'coord:result.not_verified'),
  });
};

export const publishedTable = (p: Publication, levels: readonly PublishedLevel[], lang: Lang): Reply[] => [
  reply('coord:result.table_title', { period: p.periodName, date: publishedOn(p) }),
  ...rankingLines(levels, lang),
];

/** The stored publications, newest first (a record that does not parse is skipped, not shown). */
export const readPublications = async (publications: PublicationRepository): Promise<Publication[]> =>
  (await publications.list()).flatMap((s) => {
    const parsed = parsePublication(s.results);
    return parsed.ok ? [parsed.value] : [];
  });

export const resultCommand =
  (deps: { readonly repos: { readonly publications: PublicationRepository } }) =>
  async (ctx: CommandContext): Promise<CommandResult> => {
    // Assessors only assess (/assess); results are for the units' own members and coordinators.
    const memberships = ctx.memberships.filter((m) => m.role === 'reporter' || m.role === 'coordinator');
    if (memberships.length === 0) return say(reply('coord:result.no_membership'));
    const wanted = ctx.args.find((a) => a.startsWith('period:'))?.slice(7);
    const all = (await readPublications(deps.repos.publications)).filter((p) => !wanted || p.periodId === wanted);
    const unitIds = [...new Set(memberships.map((m) => m.unitId))];
    const mine = all.find((p) => unitIds.some((id) => publishedUnit(p, id) !== null));
    if (mine) {
      const lines = unitIds.flatMap((id) => unitResultReply(mine, id, ctx.locale) ?? []);
      const levels = mine.levels.filter((l) => unitIds.some((id) => publishedUnit(mine, id)?.level.level === l.level));
      return say(...lines, ...page(publishedTable(mine, levels, ctx.locale), ctx.args, 'result'));
    }
    // A coordinator of a province or district (not itself ranked) reads every level's table.
    const latest = all[0];
    if (latest && memberships.some((m) => m.role === 'coordinator')) return say(...page(publishedTable(latest, latest.levels, ctx.locale), ctx.args, 'result'));
    return say(reply('coord:result.none'));
  };
