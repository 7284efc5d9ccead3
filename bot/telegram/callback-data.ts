// Inline-button payloads: `c:<choice value>`, at most 64 bytes (Telegram's limit). Anything
// else arriving as callback data is forged or stale and is refused by the dialogue.
import { z } from 'zod';

const choiceValue = z
  .string()
  .min(1)
  .max(62)
  .regex(/^[\x21-\x7e]+$/);

export const packChoice = (value: string): string | null => (choiceValue.safeParse(value).success ? `c:${value}` : null);

export const unpackChoice = (data: string): string | null => {
  if (!data.startsWith('c:')) return null;
  const parsed = choiceValue.safeParse(data.slice(2));
  return parsed.success ? parsed.data : null;
};
