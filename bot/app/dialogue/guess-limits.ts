// Limits on guessing codes. Each account already waits after 5 wrong invite codes; these add a
// ceiling across all accounts (an attacker with many accounts) and a per-account limit on /link
// codes. Counted in this process: with several instances each holds its own ceiling.
export type FailureWindow = {
  /** True while fewer than `limit` failures were counted for `key` in the last window. */
  readonly allows: (key: string, now: Date) => boolean;
  readonly fail: (key: string, now: Date) => void;
};

export const createFailureWindow = (limit: number, windowMs: number): FailureWindow => {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: Date): number[] => {
    const kept = (failures.get(key) ?? []).filter((t) => now.getTime() - t < windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };
  return {
    allows: (key, now) => recent(key, now).length < limit,
    fail: (key, now) => {
      // Bounded memory under attack: a key never holds more than `limit` timestamps.
      failures.set(key, [...recent(key, now), now.getTime()].slice(-limit));
    },
  };
};

/** Wrong invite codes from every account together, per 10 minutes, before all guessing pauses. */
export const GLOBAL_INVITE_FAILURES = 100;
/** Wrong /link codes of one account, per 15 minutes. */
export const LINK_FAILURES_PER_ACCOUNT = 5;
/** Wrong /link codes from every account together, per 10 minutes. */
export const GLOBAL_LINK_FAILURES = 100;

export type GuessLimits = { readonly invites: FailureWindow; readonly links: FailureWindow; readonly linksPerAccount: FailureWindow };

export const createGuessLimits = (): GuessLimits => ({
  invites: createFailureWindow(GLOBAL_INVITE_FAILURES, 10 * 60_000),
  links: createFailureWindow(GLOBAL_LINK_FAILURES, 10 * 60_000),
  linksPerAccount: createFailureWindow(LINK_FAILURES_PER_ACCOUNT, 15 * 60_000),
});
