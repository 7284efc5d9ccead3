// Types shared by the dialogue's use cases: who is talking, where they are, and what a turn
// produces (replies, the next chat state, optional files).
import type { Reply } from '../../../core/reply.ts';
import type { InboundEvent } from '../inbound.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { Attachment } from '../command-port.ts';
import type { FileFetcher } from '../dialogue-port.ts';
import type { ChatState } from './chat-state.ts';
import type { ChannelAccount, Membership, Person } from '../ports.ts';

export type Turn = {
  readonly event: InboundEvent;
  readonly now: Date;
  readonly account: ChannelAccount;
  readonly person: Person;
  readonly locale: Locale;
  readonly memberships: readonly Membership[];
  readonly state: ChatState;
  readonly fetchFile: FileFetcher;
};

export type TurnResult = {
  readonly replies: readonly Reply[];
  readonly state: ChatState;
  readonly attachments?: readonly Attachment[];
  /** Set when the person switched language during this turn. */
  readonly locale?: Locale;
  /** Memberships, language or the linked person changed: reload who this is next time. */
  readonly refreshIdentity?: boolean;
  /** The command menu this chat should show (a coordinator's own). */
  readonly menu?: 'coordinator';
  /** Offer the dashboard with this answer (a web_app button on Telegram). */
  readonly dashboardButton?: true;
  /** The button pressed was not the one on screen (old or forged): nothing was taken from it. */
  readonly choiceRefused?: true;
  /** The turn only moved on from the question (skip, evidence done): nothing new was answered. */
  readonly movedOn?: true;
  /** Another page of the list tapped: it replaces that message rather than adding one. */
  readonly replacesTapped?: true;
};

export const result = (state: ChatState, replies: readonly Reply[], extra: Partial<TurnResult> = {}): TurnResult => ({ state, replies, ...extra });
