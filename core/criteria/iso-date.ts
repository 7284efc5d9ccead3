// Calendar arithmetic on ISO 'YYYY-MM-DD' strings, so the core never needs a Date or a clock
// and never meets time zones: these are civil dates written on documents.
export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export const daysInMonth = (y: number, m: number): number => (m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

export const isValidYmd = (y: number, m: number, d: number): boolean =>
  Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const toIsoDate = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

export const isIsoDate = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
};

/** dd/mm/yyyy, the way Vietnamese documents write dates; used in message params. */
export const displayDate = (iso: string): string => {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};

/** Resolves a by-date rule ('MM-DD' or 'YYYY-MM-DD') against the assessment year. */
export const resolveRuleDate = (rule: string, year: number): string => (/^\d{2}-\d{2}$/.test(rule) ? `${pad(year, 4)}-${rule}` : rule);
