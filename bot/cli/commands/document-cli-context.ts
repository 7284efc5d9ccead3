// What the document verbs (form, export, chart) share: the coordination dependencies over the
// CLI's repositories, and an administrator as the caller (coordinator of every top unit), so the
// same use cases as in chat produce the files, with every unit of the installation in scope.
import { scopeFromUnits, type CoordinationDeps, type Scope } from '../../app/coordination/coordination-context.ts';
import type { Membership, StoredPeriod } from '../../app/ports.ts';
import { stringFlag } from '../args.ts';
import type { CliContext } from '../cli-context.ts';
import { CliUsageError } from '../output.ts';

export const cliCoordination = async (ctx: CliContext): Promise<{ deps: CoordinationDeps; memberships: Membership[]; scope: Scope }> => {
  const repos = await ctx.repos();
  const units = await repos.units.list();
  const roots = units.filter((u) => u.parentId === null);
  const deps: CoordinationDeps = {
    repos,
    calendar: await ctx.calendar(),
    botUsername: ctx.config.TELEGRAM_BOT_USERNAME,
    remind: async () => ({ queued: 0 }),
    notify: async () => undefined,
    translate: ctx.translator.t,
  };
  const memberships = roots.map((u) => ({ id: `cli:${u.id}`, personId: 'cli', unitId: u.id, role: 'coordinator' as const }));
  // The units read once: the scope is built from the same list (10,000 units: a read saved).
  return { deps, memberships, scope: scopeFromUnits(units, memberships) };
};

export const periodFlag = async (ctx: CliContext, usage: string): Promise<StoredPeriod> => {
  const periodId = stringFlag(ctx.args, 'period');
  if (!periodId) throw new CliUsageError(usage);
  const period = await (await ctx.repos()).periods.findById(periodId);
  if (!period) throw new CliUsageError(`unknown period ${periodId} (see: npm run cli -- period list)`);
  return period;
};
