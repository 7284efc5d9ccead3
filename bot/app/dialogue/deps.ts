import type { WorkingCalendar } from '../../../core/calendar/working-days.ts';
import type { Db } from '../../db/database.ts';
import type { ChatRepository } from '../../db/repositories/chat-repository.ts';
import type { CriteriaSetRepository } from '../../db/repositories/criteria-set-repository.ts';
import type { LinkCodeRepository } from '../../db/repositories/link-code-repository.ts';
import type { InviteRepository } from '../../db/repositories/invite-repository.ts';
import type { PeopleRepository } from '../../db/repositories/people-repository.ts';
import type { PeriodRepository } from '../../db/repositories/period-repository.ts';
import type { SubmissionRepository } from '../../db/repositories/submission-repository.ts';
import type { UnitRepository } from '../../db/repositories/unit-repository.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { Logger } from '../../platform/logger.ts';
import type { CommandRegistry } from '../command-port.ts';
import type { EvidenceStore } from '../../db/file-evidence-store.ts';

export type DialogueDeps = {
  readonly db: Db;
  readonly units: UnitRepository;
  readonly people: PeopleRepository;
  readonly chats: ChatRepository;
  readonly invites: InviteRepository;
  readonly linkCodes: LinkCodeRepository;
  readonly periods: PeriodRepository;
  readonly criteriaSets: CriteriaSetRepository;
  readonly submissions: SubmissionRepository;
  readonly evidence: EvidenceStore;
  readonly calendar: WorkingCalendar;
  readonly commands: CommandRegistry;
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly defaultLocale: Locale;
  readonly evidenceMaxBytes: number;
  readonly botUsername: string;
  /** Random one-time codes (link codes); injected so tests are deterministic. */
  readonly newCode: () => string;
  /** Lets the answer path keep the snapshot it just stored (see cached-deps.ts). */
  readonly rememberSnapshot?: (snapshot: import('../../db/repositories/submission-repository.ts').SubmissionSnapshot) => unknown;
};
