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
