// Wires the dialogue's use cases over the repositories and services the composition root
// built once. Used by bot/main.ts and by the tests, so both run exactly the same product.
import { randomBytes } from 'node:crypto';
import { codeFromBytes } from '../../core/access/invite-rules.ts';
import { VIETNAM_CALENDAR, type WorkingCalendar } from '../../core/calendar/working-days.ts';
import type { Locale } from '../platform/i18n.ts';
import type { Logger } from '../platform/logger.ts';
import type { CommandRegistry } from './command-port.ts';
import { withCaches } from './dialogue/cached-deps.ts';
import { createDialogue } from './dialogue/create-dialogue.ts';
import type { DialogueDeps, FaultPoint } from './dialogue/deps.ts';
import { createGuessLimits } from './dialogue/guess-limits.ts';
import { createKeyedLock } from './dialogue/keyed-lock.ts';
import type { Dialogue } from './dialogue-port.ts';
import type { EvidenceStore, Repositories } from './ports.ts';

export type AppOptions = {
  readonly repos: Repositories;
  readonly evidence: EvidenceStore;
  readonly logger: Logger;
  readonly clock?: () => Date;
  readonly defaultLocale?: Locale;
  readonly evidenceMaxBytes: number;
  readonly botUsername: string;
  readonly calendar?: WorkingCalendar;
  /** Role commands (coordinators); built from the uncached dependencies. */
  readonly commands?: (deps: DialogueDeps) => CommandRegistry;
  readonly newCode?: () => string;
  readonly fault?: (point: FaultPoint) => void;
};

export type App = { readonly dialogue: Dialogue; readonly deps: DialogueDeps };

export const createApp = (options: AppOptions): App => {
  const { repos } = options;
  const base: DialogueDeps = {
    units: repos.units,
    people: repos.people,
    chats: repos.chats,
    invites: repos.invites,
    linkCodes: repos.linkCodes,
    periods: repos.periods,
    criteriaSets: repos.criteriaSets,
    submissions: repos.submissions,
    signedForms: repos.signedForms,
    evidence: options.evidence,
    calendar: options.calendar ?? VIETNAM_CALENDAR,
    commands: {},
    logger: options.logger,
    clock: options.clock ?? (() => new Date()),
    defaultLocale: options.defaultLocale ?? 'vi',
    evidenceMaxBytes: options.evidenceMaxBytes,
    botUsername: options.botUsername,
    newCode: options.newCode ?? (() => codeFromBytes(randomBytes(10)).slice(0, 8)),
    ...(options.fault ? { fault: options.fault } : {}),
    submissionLock: createKeyedLock(),
    guessLimits: createGuessLimits(),
  };
  const deps: DialogueDeps = withCaches({ ...base, commands: options.commands ? options.commands(base) : {} });
  return { dialogue: createDialogue(deps), deps };
};
