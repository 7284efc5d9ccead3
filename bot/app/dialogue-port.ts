// The port between channels and the dialogue use cases: a channel hands over a normalised
// inbound event and gets reply descriptors in the person's language back, or null when the
// update was a redelivery that must not be answered again.
import type { Reply } from '../../core/reply.ts';
import type { InboundContent, InboundEvent } from './inbound.ts';
import type { Locale } from '../platform/i18n.ts';

import type { Attachment } from './command-port.ts';

export type DialogueOutput = {
  readonly locale: Locale;
  readonly replies: readonly Reply[];
  readonly attachments?: readonly Attachment[];
  /** Text channels number exclusive choices (type 1, 2…) and letter optional extras (type a, b…). */
  readonly exclusiveChoices: boolean;
  /** The command menu this chat should show from now on (channels with menus set it). */
  readonly menu?: 'coordinator';
  /** Offer the coordinators' dashboard with this answer (Telegram: a web_app button). */
  readonly dashboardButton?: true;
  /** Names the message whose choices these are: a button channel sends it back with the choice. */
  readonly choiceStamp?: string;
  /** The button pressed was refused (not the one on screen): a channel must not mark it as chosen. */
  readonly choiceRefused?: true;
  /** The reply only moves on from the tapped message (skip, done): it may continue in that message. */
  readonly movedOn?: true;
  /** Another page of the list whose button was tapped: shown in that message's place. */
  readonly replacesTapped?: true;
};

export type FetchedFile = { readonly buffer: Buffer; readonly mime: string | null; readonly size: number };
export type FileFetchError = { readonly code: 'too_large' | 'download_failed' };
/** Downloads a file an officer sent, refusing anything over the size limit. */
export type FileFetcher = (
  content: Extract<InboundContent, { kind: 'file' }>,
  maxBytes: number,
) => Promise<{ ok: true; value: FetchedFile } | { ok: false; error: FileFetchError }>;

export type Dialogue = {
  readonly handle: (event: InboundEvent, fetchFile: FileFetcher) => Promise<DialogueOutput | null>;
};
