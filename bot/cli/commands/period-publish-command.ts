// `period publish <id>`: freezes the period's results, makes it read-only and queues one notice
// per reporter (see bot/app/admin/publish-period.ts). Safe to run again after a crash.
import { publishPeriod } from '../../app/admin/publish-period.ts';
import type { CliCommand } from '../cli-context.ts';
import { findPeriodArg } from './period-commands.ts';

export const periodPublish: CliCommand = async (ctx) => {
  const period = await findPeriodArg(ctx, 'period publish <id>');
  const say = (key: string, params: Record<string, unknown> = {}) => ctx.translator.t(ctx.locale, `year:period.${key}`, { id: period.id, ...params });
  const out = await publishPeriod({ repos: await ctx.repos(), calendar: await ctx.calendar() }, period.id, ctx.now());
  if (!out.ok) {
    ctx.io.error(say(`publish_${out.error}`, { status: period.status }));
    return 1;
  }
  const p = out.publication;
  const units = p.levels.reduce((n, l) => n + l.ranked.length + l.notRanked.length, 0);
  ctx.io.out([period.id, 'published'].join('\t'));
  ctx.io.out(say(out.created ? 'published' : 'already_published', { date: p.publishedAt, levels: p.levels.length, units }));
  ctx.io.out(say('publish_notices', { count: out.queued }));
  return 0;
};
