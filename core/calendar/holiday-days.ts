// Builders for the yearly holiday data: a break is written as announced ("from … to …"),
// then single days give the precise name of the holiday itself.
import type { Holiday } from './calendar.schema.ts';
import { addDays } from './local-date.ts';

type Name = Holiday['name'];

export const day = (date: string, name: Name): Holiday[] => [{ date, name }];

/** Every date from `from` to `to`, both inclusive. */
export const span = (from: string, to: string, name: Name): Holiday[] => {
  const out: Holiday[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push({ date: d, name });
  return out;
};

/** Flattens, keeping the LAST name given for a date (so a precise name overrides the break's). */
export const days = (...groups: Holiday[][]): Holiday[] => {
  const byDate = new Map<string, Holiday>();
  for (const h of groups.flat()) byDate.set(h.date, h);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
};
