// The channel-neutral shape every channel (Telegram, Zalo, console) normalises its updates to
// before calling a use case. `dedupeKey` is what the processed-updates table stores so that a
// redelivered update is applied once (Telegram: `tg:<update_id>`, Zalo: `zalo:<event_name>:<message_id>`).
export type ChannelKind = 'telegram' | 'zalo' | 'console';

export type InboundContent =
  | { readonly kind: 'text'; readonly text: string }
  /** A tapped button: its value and, for dialogue messages, the stamp of the message it belongs to. */
  | { readonly kind: 'callback'; readonly data: string; readonly stamp?: string }
  | {
      readonly kind: 'file';
      readonly fileKind: 'photo' | 'document';
      /** Channel file reference: Telegram file_id, Zalo photo URL. */
      readonly fileRef: string;
      readonly url?: string;
      readonly size?: number;
      readonly mime?: string;
      readonly fileName?: string;
      readonly caption?: string;
    }
  | { readonly kind: 'unsupported'; readonly what: string };

export type InboundEvent = {
  readonly channel: ChannelKind;
  readonly dedupeKey: string;
  readonly externalUserId: string;
  readonly chatId: string;
  readonly displayName?: string;
  readonly languageCode?: string;
  readonly receivedAt: Date;
  readonly content: InboundContent;
};
