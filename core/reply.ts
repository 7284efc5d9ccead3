// A reply descriptor: a message key from locales/, its parameters and optional choices.
// The core never renders text; each channel turns descriptors into its own format
// (Telegram: HTML + inline buttons; Zalo and console: plain text + numbered options).
export type ReplyParams = Readonly<Record<string, string | number>>;

export type Choice = {
  /** Stable value sent back when chosen (callback data on Telegram, the number typed elsewhere). */
  readonly value: string;
  readonly key: string;
  readonly params?: ReplyParams;
};

export type Reply = {
  readonly key: string;
  readonly params?: ReplyParams;
  readonly choices?: readonly Choice[];
};

export const reply = (key: string, params?: ReplyParams, choices?: readonly Choice[]): Reply => ({
  key,
  ...(params ? { params } : {}),
  ...(choices ? { choices } : {}),
});

/**
 * A parameter that is itself a message key (e.g. a tier label inside a ranking line): the
 * channel translates it in the recipient's language before interpolating. The marker is an
 * invisible separator, so text an officer typed is never taken for a key.
 */
export const KEY_PARAM_MARK = '\u2063';
export const keyParam = (key: string): string => `${KEY_PARAM_MARK}${key}`;
