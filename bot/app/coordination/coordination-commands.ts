// The coordinators' command registry, plugged into the dialogue through the command port.
import type { CommandRegistry } from '../command-port.ts';
import type { CoordinationDeps } from './coordination-context.ts';
import { chartCommand, exportCommand } from './export-chart-commands.ts';
import { membersCommand } from './members-command.ts';
import { formCommand } from './form-command.ts';
import { dashboardCommand } from './dashboard-command.ts';
import { missingCommand } from './missing-command.ts';
import { rankingCommand } from './ranking-command.ts';
import { resultCommand } from './result-command.ts';
import { inviteCommand, remindCommand } from './remind-invite-commands.ts';
import { historyCommand, returnCommand, verifiedCommand, verifyCommand } from './return-verify-commands.ts';
import { statusCommand } from './status-command.ts';
import { unitCommand } from './unit-command.ts';

export const createCoordinationCommands = (deps: CoordinationDeps): CommandRegistry => ({
  status: statusCommand(deps),
  missing: missingCommand(deps),
  ranking: rankingCommand(deps),
  unit: unitCommand(deps),
  return: returnCommand(deps),
  verify: verifyCommand(deps),
  verified: verifiedCommand(deps),
  history: historyCommand(deps),
  remind: remindCommand(deps),
  invite: inviteCommand(deps),
  members: membersCommand(deps),
  result: resultCommand(deps),
  export: exportCommand(deps),
  chart: chartCommand(deps),
  form: formCommand(deps),
  dashboard: dashboardCommand(deps),
});
