// Role commands available in every channel (coordinators' /status, /ranking, …).
import type { Config } from '../config.ts';
import { createCoordinationCommands } from '../coordination/coordination-commands.ts';
import type { Translator } from '../i18n.ts';
import type { Background } from './background.ts';
import type { CommandRegistry } from './command-port.ts';
import type { DialogueDeps } from './dialogue/deps.ts';

export type RegistryInput = { readonly deps: DialogueDeps; readonly config: Config; readonly background: Background; readonly translator: Translator };

export const createCommandRegistry = (input: RegistryInput): CommandRegistry =>
  createCoordinationCommands({
    db: input.deps.db,
    calendar: input.deps.calendar,
    botUsername: input.config.TELEGRAM_BOT_USERNAME,
    remind: input.background.remind,
    notify: input.background.notify,
    translate: input.translator.t,
  });
