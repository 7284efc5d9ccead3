// Shared checks of every coordinator command: who may ask, for which period, about which units.
import { reply, type Reply } from '../../../core/reply.ts';
import type { CommandContext, CommandResult } from '../command-port.ts';
import { isCoordinator, pickPeriod, scopeOf, type CoordinationDeps, type Scope } from './coordination-context.ts';
import type { StoredPeriod } from '../ports.ts';

export const say = (...replies: Reply[]): CommandResult => ({ replies });

export type Guarded = { readonly scope: Scope; readonly period: StoredPeriod };

/** Runs `f` for a coordinator with an open period; otherwise answers why not. */
export const guarded = async (deps: CoordinationDeps, ctx: CommandContext, f: (g: Guarded) => Promise<CommandResult>): Promise<CommandResult> => {
  if (!isCoordinator(ctx)) return say(reply('coord:only_coordinators'));
  const period = await pickPeriod(deps, ctx.args);
  if (!period) return say(reply('coord:no_period'));
  return f({ scope: await scopeOf(deps, ctx), period });
};

/**
 * `guarded` for commands that change a report or its appraisal (/return, /verify, /verified):
 * once a period's results are published they are a record, so those refuse, and say why.
 */
export const guardedWrite = async (deps: CoordinationDeps, ctx: CommandContext, f: (g: Guarded) => Promise<CommandResult>): Promise<CommandResult> => {
  if (!isCoordinator(ctx)) return say(reply('coord:only_coordinators'));
  const period = await pickPeriod(deps, ctx.args);
  const published = period
    ? period.status === 'published'
      ? period
      : null
    : ((await deps.repos.periods.list()).find((p) => p.status === 'published') ?? null);
  if (published) return say(reply('coord:published_read_only', { period: published.name }));
  return guarded(deps, ctx, f);
};

/** Looks up a unit code the caller named, refusing anything outside their scope. */
export const unitInScope = (scope: Scope, code: string | undefined): { ok: true; unit: Scope['all'][number] } | { ok: false; result: CommandResult } => {
  if (!code) return { ok: false, result: say(reply('coord:unit_code_missing')) };
  const unit = scope.byCode.get(code.toUpperCase());
  if (!unit) return { ok: false, result: say(reply('coord:unknown_unit', { code })) };
  if (!scope.visible.has(unit.id)) return { ok: false, result: say(reply('coord:out_of_scope', { code: unit.code })) };
  return { ok: true, unit };
};
