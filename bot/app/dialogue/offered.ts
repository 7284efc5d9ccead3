// Remembers the choice values of the last message so a tapped button can be checked against
// what was really offered (forged or stale callback data is refused) and so text channels can
// map a typed number (exclusive choices) or letter (extra options next to typed answers).
import type { TurnResult } from './turn.ts';

export const withOffered = (r: TurnResult, exclusive: boolean): TurnResult => {
  const last = [...r.replies].reverse().find((x) => x.choices && x.choices.length > 0);
  const values = last?.choices?.map((c) => c.value) ?? [];
  return { ...r, state: { ...r.state, ...(values.length > 0 ? { offered: { values, exclusive } } : { offered: undefined }) } };
};

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
export const choiceLabelPrefix = (index: number, exclusive: boolean): string => (exclusive ? `${index + 1}` : (LETTERS[index] ?? `${index + 1}`));

/** A typed "2" (exclusive choices) or "b" (optional extras) → the offered value, if any. */
export const typedChoice = (text: string, offered: { values: readonly string[]; exclusive: boolean } | undefined): string | null => {
  if (!offered || offered.values.length === 0) return null;
  const t = text.trim().toLowerCase();
  if (offered.exclusive && /^\d{1,2}$/.test(t)) return offered.values[Number(t) - 1] ?? null;
  if (!offered.exclusive && /^[a-z]$/.test(t)) return offered.values[LETTERS.indexOf(t)] ?? null;
  return null;
};
