// A reply descriptor: a message key from locales/, its parameters and optional choices.
// The core never renders text; each channel turns descriptors into its own format
// (Telegram: HTML + inline buttons; Zalo and console: plain text + numbered options).
/** A parameter that is itself a message, translated in the recipient's language with the same parameters. */
export type KeyRef = { readonly key: string };
export type ReplyParam = string | number | KeyRef;
export type ReplyParams = Readonly<Record<string, ReplyParam>>;

export type Choice = {
  /** Stable value sent back when chosen (callback data on Telegram, the number typed elsewhere). */
  readonly value: string;
  readonly key: string;
  readonly params?: ReplyParams;
  /** A shortcut for channels with buttons (◀ ▶ paging); text channels show the typed command instead. */
  readonly buttonOnly?: true;
};

export type Reply = {
  readonly key: string;
  readonly params?: ReplyParams;
  readonly choices?: readonly Choice[];
  /** A row of a list: shown on the line right after the previous reply, not as a new paragraph. */
  readonly row?: true;
};

export const reply = (key: string, params?: ReplyParams, choices?: readonly Choice[]): Reply => ({
  key,
  ...(params ? { params } : {}),
  ...(choices ? { choices } : {}),
});

/** The same reply as a list row (see Reply.row): lists stay compact on a phone. */
export const asRow = (r: Reply): Reply => ({ ...r, row: true });

/**
 * A parameter that is itself a message key (e.g. a tier label inside a ranking line): the
 * channel translates it in the recipient's language before interpolating. It is an object, so
 * no text an officer typed can ever be taken for a key (strings are always escaped text).
 */
export const keyParam = (key: string): KeyRef => ({ key });

export const isKeyRef = (v: ReplyParam | undefined): v is KeyRef => typeof v === 'object' && v !== null && typeof v.key === 'string';
