// Inline-button payloads, at most 64 bytes (Telegram's limit): `s:<stamp>:<value>` for the
// buttons of a dialogue message (the stamp names the message that offered them, so an old
// button is recognised as old), `c:<value>` for buttons valid in any message (reminders, menus).
// Anything else arriving as callback data is forged and is refused by the dialogue.
import { z } from 'zod';

const choiceValue = z
  .string()
  .min(1)
  .max(62)
  .regex(/^[\x21-\x7e]+$/);
const stampValue = z.string().regex(/^[0-9a-z]{1,6}$/);

export type UnpackedChoice = { readonly value: string; readonly stamp?: string };

export const packChoice = (value: string, stamp?: string): string | null => {
  const data = stamp !== undefined ? `s:${stamp}:${value}` : `c:${value}`;
  return choiceValue.safeParse(value).success && Buffer.byteLength(data) <= 64 ? data : null;
};

export const unpackChoice = (data: string): UnpackedChoice | null => {
  if (data.startsWith('c:')) {
    const parsed = choiceValue.safeParse(data.slice(2));
    return parsed.success ? { value: parsed.data } : null;
  }
  const m = /^s:([^:]*):(.*)$/s.exec(data);
  if (!m) return null;
  const stamp = stampValue.safeParse(m[1]);
  const value = choiceValue.safeParse(m[2]);
  return stamp.success && value.success ? { value: value.data, stamp: stamp.data } : null;
};
