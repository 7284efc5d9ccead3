import type { WorkingCalendar } from '../../../core/calendar/working-days.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { GuessLimits } from './guess-limits.ts';
import type { KeyedLock } from './keyed-lock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { CommandRegistry } from '../command-port.ts';
import type { EvidenceStore, Repositories, SubmissionSnapshot } from '../ports.ts';

export type FaultPoint = 'turn_started' | 'answer_stored' | 'before_turn_completed';

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
  /** Fault-injection points for crash tests (see FAULT_INJECT): called where a crash hurts most. */
  readonly fault?: (point: FaultPoint) => void;
  /** Ceilings on wrong invite and link codes (see guess-limits.ts). */
  readonly guessLimits?: GuessLimits;
  /** Writers of one submission take turns in this process (see keyed-lock.ts). */
  readonly submissionLock?: KeyedLock;
  /** Lets the answer path keep the snapshot it just stored (see cached-deps.ts). */
  readonly rememberSnapshot?: (snapshot: SubmissionSnapshot) => unknown;
  /** Drops a submission's cached snapshot (its held write did not commit). */
  readonly forgetSnapshot?: (submissionId: string) => void;
  /** The cached copy of this submission when it is newer than the one given (a turn committed meanwhile). */
  readonly newerSnapshot?: (snapshot: SubmissionSnapshot) => SubmissionSnapshot | undefined;
};
