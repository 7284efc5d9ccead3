// Wires repositories and use cases over one database. Used by bot/main.ts and by the tests,
// so both run exactly the same product.
import { randomBytes } from 'node:crypto';
import { codeFromBytes } from '../../core/access/invite-rules.ts';
import { VIETNAM_CALENDAR, type WorkingCalendar } from '../../core/calendar/working-days.ts';
import type { Db } from '../db/database.ts';
import { createChatRepository } from '../db/repositories/chat-repository.ts';
import { createCriteriaSetRepository } from '../db/repositories/criteria-set-repository.ts';
import { createInviteRepository } from '../db/repositories/invite-repository.ts';
import { createLinkCodeRepository } from '../db/repositories/link-code-repository.ts';
import { createPeopleRepository } from '../db/repositories/people-repository.ts';
import { createPeriodRepository } from '../db/repositories/period-repository.ts';
import { createSubmissionRepository } from '../db/repositories/submission-repository.ts';
import { createUnitRepository } from '../db/repositories/unit-repository.ts';
import type { Locale } from '../platform/i18n.ts';
import type { Logger } from '../platform/logger.ts';
import type { CommandRegistry } from './command-port.ts';
import { createDialogue } from './dialogue/create-dialogue.ts';
import type { DialogueDeps } from './dialogue/deps.ts';
import { createFileEvidenceStore } from '../db/file-evidence-store.ts';
import { withCaches } from './dialogue/cached-deps.ts';
import type { Dialogue } from './dialogue-port.ts';

export type AppOptions = {
  readonly db: Db;
  readonly logger: Logger;
  readonly clock?: () => Date;
  readonly defaultLocale?: Locale;
  readonly evidenceDir: string;
  readonly evidenceMaxBytes: number;
  readonly botUsername: string;
  readonly calendar?: WorkingCalendar;
  readonly commands?: (deps: DialogueDeps) => CommandRegistry;
  readonly newCode?: () => string;
};

export type App = { readonly dialogue: Dialogue; readonly deps: DialogueDeps };

export const createApp = (options: AppOptions): App => {
  const db = options.db;
  const base: DialogueDeps = {
    db,
    units: createUnitRepository(db),
    people: createPeopleRepository(db),
    chats: createChatRepository(db),
    invites: createInviteRepository(db),
    linkCodes: createLinkCodeRepository(db),
    periods: createPeriodRepository(db),
    criteriaSets: createCriteriaSetRepository(db),
    submissions: createSubmissionRepository(db),
    evidence: createFileEvidenceStore(options.evidenceDir),
    calendar: options.calendar ?? VIETNAM_CALENDAR,
    commands: {},
    logger: options.logger,
    clock: options.clock ?? (() => new Date()),
    defaultLocale: options.defaultLocale ?? 'vi',
    evidenceMaxBytes: options.evidenceMaxBytes,
    botUsername: options.botUsername,
    newCode: options.newCode ?? (() => codeFromBytes(randomBytes(10)).slice(0, 8)),
  };
  const deps: DialogueDeps = withCaches({ ...base, commands: options.commands ? options.commands(base) : {} });
  return { dialogue: createDialogue(deps), deps };
};
