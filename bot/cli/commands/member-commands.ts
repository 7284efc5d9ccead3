// `member list <unit>` and `member remove <unit> <person id>`: who holds a role on a unit, and
// taking it away (the person keeps their chat account; their answers stay in the history).
import type { CliCommand } from '../cli-context.ts';
import { CliUsageError } from '../output.ts';

export const memberList: CliCommand = async (ctx) => {
  const code = ctx.args.words[2];
  if (!code) throw new CliUsageError('usage: member list <unit code>');
  const { units, people } = await ctx.repos();
  const unit = await units.findByCode(code);
  if (!unit) throw new CliUsageError(ctx.translator.t(ctx.locale, 'cli:unit.not_found', { code }));
  const members = await people.listUnitMembers(unit.id);
  if (members.length === 0) ctx.io.out(ctx.translator.t(ctx.locale, 'cli:member.none', { code: unit.code }));
  for (const m of members) ctx.io.out([m.personId, m.displayName, m.role, m.channels.join(','), m.since.toISOString().slice(0, 10)].join('\t'));
  return 0;
};

export const memberRemove: CliCommand = async (ctx) => {
  const [, , code, personId] = ctx.args.words;
  if (!code || !personId) throw new CliUsageError('usage: member remove <unit code> <person id>   (person ids: member list <unit code>)');
  const { t } = ctx.translator;
  const { units, people } = await ctx.repos();
  const unit = await units.findByCode(code);
  if (!unit) throw new CliUsageError(t(ctx.locale, 'cli:unit.not_found', { code }));
  const removed = await people.revokeUnitMember(unit.id, personId, ctx.now());
  if (removed === 0) throw new CliUsageError(t(ctx.locale, 'cli:member.not_member', { person: personId, code: unit.code }));
  ctx.io.out(t(ctx.locale, 'cli:member.removed', { person: personId, code: unit.code, count: removed }));
  return 0;
};
