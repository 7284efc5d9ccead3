// Role commands available in every channel (coordinators' /status, /ranking, …).
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import { createCoordinationCommands } from './coordination/coordination-commands.ts';
import type { CoordinationDeps } from './coordination/coordination-context.ts';
import type { Translator } from '../platform/i18n.ts';
import type { DashboardLinks } from '../platform/dashboard/dashboard-link.ts';
import type { Background } from './delivery/background.ts';
import type { CommandRegistry } from './command-port.ts';
import type { EvidenceStore, Repositories } from './ports.ts';

export type RegistryInput = {
  readonly repos: Repositories;
  readonly calendar: WorkingCalendar;
  readonly botUsername: string;
  readonly background: Pick<Background, 'remind' | 'notify'>;
  readonly translator: Translator;
  readonly dashboard?: DashboardLinks;
  readonly evidence?: EvidenceStore;
};

/** The coordination use cases' dependencies (also what the signed file links produce files with). */
export const coordinationDeps = (input: RegistryInput): CoordinationDeps => ({
  repos: input.repos,
  calendar: input.calendar,
  // Read when a link is made: the running bot learns its username from Telegram after start-up.
  get botUsername() {
    return input.botUsername;
  },
  remind: input.background.remind,
  notify: input.background.notify,
  translate: input.translator.t,
  ...(input.dashboard ? { dashboard: input.dashboard } : {}),
  ...(input.evidence ? { readEvidence: input.evidence.read } : {}),
});

export const createCommandRegistry = (input: RegistryInput): CommandRegistry => createCoordinationCommands(coordinationDeps(input));
