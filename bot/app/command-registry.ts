// Role commands available in every channel (coordinators' /status, /ranking, …).
import type { Config } from '../config.ts';
import type { Background } from './background.ts';
import type { CommandRegistry } from './command-port.ts';
import type { DialogueDeps } from './dialogue/deps.ts';

export type RegistryInput = { readonly deps: DialogueDeps; readonly config: Config; readonly background: Background };

export const createCommandRegistry = (_input: RegistryInput): CommandRegistry => ({});
