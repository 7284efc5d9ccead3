// Calendar arithmetic on plain 'YYYY-MM-DD' strings and Asia/Ho_Chi_Minh wall-clock time.
// Vietnam has used UTC+7 without daylight saving since 1975, so the offset is a constant:
// relying on Intl/TZ data would make results depend on the machine running the bot.
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar date written 'YYYY-MM-DD' (rejects 2023-02-29). */
export const isIsoDate = (value: string): boolean => {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
};

export const isLocalTime = (value: string): boolean => HH_MM.test(value);

// Dates are handled as UTC midnights internally: UTC has no DST, so day arithmetic is exact.
const toUtcMidnight = (dateIso: string): number => {
  if (!isIsoDate(dateIso)) throw new RangeError(`not an ISO date: ${dateIso}`);
  const [y, m, d] = dateIso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};

const fromUtcMidnight = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const addDays = (dateIso: string, days: number): string => fromUtcMidnight(toUtcMidnight(dateIso) + days * DAY_MS);

/** 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = (dateIso: string): number => new Date(toUtcMidnight(dateIso)).getUTCDay();

/** Calendar days from `fromIso` to `toIso` (negative when `toIso` is earlier). */
export const daysBetween = (fromIso: string, toIso: string): number => Math.round((toUtcMidnight(toIso) - toUtcMidnight(fromIso)) / DAY_MS);

/** Adds calendar months, clamping the day (31/01 + 1 month = 28 or 29/02). */
export const addMonths = (dateIso: string, months: number): string => {
  const [y, m, d] = dateIso.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtcMidnight(Date.UTC(year, month, Math.min(d, lastDay)));
};

export const yearOf = (dateIso: string): number => Number(dateIso.slice(0, 4));

/** The local (Asia/Ho_Chi_Minh) calendar date of an instant. */
export const toLocalDate = (instant: Date): string => new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

/** Minutes since local midnight (0–1439) of an instant in Asia/Ho_Chi_Minh. */
export const localMinutesOfDay = (instant: Date): number => {
  const shifted = new Date(instant.getTime() + VN_OFFSET_MS);
  return shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
};

export const parseLocalTimeMinutes = (hhmm: string): number => {
  const m = HH_MM.exec(hhmm);
  if (!m) throw new RangeError(`not a HH:MM time: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
};

/** The instant at which the local wall clock in Asia/Ho_Chi_Minh reads `dateIso hhmm`. */
export const localDateTimeToInstant = (dateIso: string, hhmm: string): Date =>
  new Date(toUtcMidnight(dateIso) + parseLocalTimeMinutes(hhmm) * 60_000 - VN_OFFSET_MS);

/** The first instant of the local day after `dateIso`: an exclusive end-of-day bound. */
export const endOfLocalDayExclusive = (dateIso: string): Date => localDateTimeToInstant(addDays(dateIso, 1), '00:00');

/** 'dd/mm/yyyy', the way Vietnamese official letters write dates. */
export const formatDateVi = (dateIso: string): string => {
  const [y, m, d] = dateIso.split('-');
  return `${d}/${m}/${y}`;
};
