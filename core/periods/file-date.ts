// Dates in a period file are written as in the letters, day first — 15/9/2019 or 15/09/2019 —
// or as ISO 2019-09-15. Nothing else (no two-digit years, no "15-9-2019"): an admin file
// should be unambiguous, and a typo must be an error, not a guess.
import { z } from 'zod';
import { isIsoDate } from '../calendar/local-date.ts';

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
export const FILE_DATE_EXPECTED = 'expected a date dd/mm/yyyy or YYYY-MM-DD';

/** The ISO date of a file date, or undefined when it is not a real date in an accepted form. */
export const fileDateToIso = (text: string): string | undefined => {
  const s = text.trim();
  const dmy = DMY.exec(s);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : s;
  return isIsoDate(iso) ? iso : undefined;
};

export const fileDateSchema = z.string({ error: FILE_DATE_EXPECTED }).transform((text, ctx) => {
  const iso = fileDateToIso(text);
  if (iso !== undefined) return iso;
  ctx.issues.push({ code: 'custom', message: `${FILE_DATE_EXPECTED}, got "${text}"`, input: text });
  return z.NEVER;
});
