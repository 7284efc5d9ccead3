import type { WorkingCalendar } from '../../../core/calendar/working-days.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { Logger } from '../../platform/logger.ts';
import type { CommandRegistry } from '../command-port.ts';
import type { EvidenceStore, Repositories, SubmissionSnapshot } from '../ports.ts';

/** What the dialogue's use cases work with: the repositories and the shell's services. */
export type DialogueDeps = Pick<
  Repositories,
  'units' | 'people' | 'chats' | 'invites' | 'linkCodes' | 'periods' | 'criteriaSets' | 'submissions' | 'signedForms'
> & {
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
  readonly rememberSnapshot?: (snapshot: SubmissionSnapshot) => unknown;
};
