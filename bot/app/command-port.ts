// Coordinator (and other role) commands plug into the dialogue through this port: the
// dialogue resolves who is asking and passes the words after the command; a handler returns
// reply descriptors and optional files (Excel export, ranking chart).
import type { Reply } from '../../core/reply.ts';
import type { ChannelKind } from './inbound.ts';
import type { Locale } from '../platform/i18n.ts';
import type { Membership } from './ports.ts';
import type { FileDescriptor } from '../platform/signed-links.ts';

export type Attachment = {
  readonly kind: 'document' | 'photo';
  readonly fileName: string;
  readonly mime: string;
  readonly data: Buffer;
  readonly caption?: Reply;
  /** What the file is, for a channel that sends a signed download link instead of the bytes (Zalo). */
  readonly link?: Omit<FileDescriptor, 'expiresAt'>;
};

export type CommandContext = {
  readonly personId: string;
  readonly accountId: string;
  readonly channel: ChannelKind;
  readonly locale: Locale;
  readonly now: Date;
  /** Active memberships of the caller (role + scope unit). */
  readonly memberships: readonly Membership[];
  /** Words after the command, e.g. ['X-THACHDAI', 'X-1.2', '15', 'thiếu', 'biên', 'bản']. */
  readonly args: readonly string[];
  /** The raw text after the command (notes keep their spacing). */
  readonly rawArgs: string;
};

export type CommandResult = {
  readonly replies: readonly Reply[];
  readonly attachments?: readonly Attachment[];
  /** Offer the coordinators' dashboard with the answer (Telegram: a web_app button; others ignore it). */
  readonly dashboardButton?: true;
};
export type CommandHandler = (ctx: CommandContext) => Promise<CommandResult>;
export type CommandRegistry = Readonly<Record<string, CommandHandler>>;

/** Messages to people other than the caller (e.g. reporters told their report was returned). */
export type OutgoingNotice = { readonly idempotencyKey: string; readonly accountId: string; readonly replies: readonly Reply[] };
export type NotifyPort = (notices: readonly OutgoingNotice[]) => Promise<void>;
