// /dashboard: the coordinators' dashboard. On Zalo and the console a signed link for this person
// (valid DASHBOARD_LINK_TTL_SECONDS); on Telegram the same link plus the Mini App button.
import { reply } from '../../../core/reply.ts';
import type { CommandContext, CommandResult } from '../command-port.ts';
import { isCoordinator, type CoordinationDeps } from './coordination-context.ts';
import { localDateTime } from './form-document.ts';
import { say } from './guard.ts';

export const dashboardCommand =
  (deps: CoordinationDeps) =>
  async (ctx: CommandContext): Promise<CommandResult> => {
    if (!isCoordinator(ctx)) return say(reply('coord:only_coordinators'));
    if (!deps.dashboard) return { ...say(reply('coord:dashboard.unavailable')), dashboardButton: true };
    const { url, expiresAt } = deps.dashboard.link(ctx.personId, ctx.now);
    return { ...say(reply('coord:dashboard.link', { url, expires: localDateTime(expiresAt) })), dashboardButton: true };
  };
