// Every word printed on a document comes through a Label, so the same renderer serves vi and
// en: the caller binds it to i18n, e.g. `(key, p) => t(locale, \`documents:${key}\`, p)`.
// Keys are the paths in locales/<lng>/documents.json.
import { formatNumber } from '../../../core/criteria/format-number.ts';

export type LabelParams = Readonly<Record<string, string | number>>;
export type Label = (key: string, params?: LabelParams) => string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → its parts, as printed (zero-padded); throws on anything else. */
export const dateParts = (iso: string): { dd: string; mm: string; yyyy: string } => {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`expected a date written YYYY-MM-DD, got "${iso}"`);
  return { yyyy: m[1] ?? '', mm: m[2] ?? '', dd: m[3] ?? '' };
};

/** dd/mm/yyyy through the catalogue (`date`). */
export const formatDate = (label: Label, iso: string): string => label('date', dateParts(iso));

/** "Thạch Đài, ngày 05 tháng 11 năm 2024" (`place_date`). */
export const placeDate = (label: Label, place: string, iso: string): string => label('place_date', { place, ...dateParts(iso) });

/** vi-VN number: 865,02 and 1.000 (core/criteria/format-number.ts); '' for a missing value. */
export const num = (value: number | null | undefined, digits = 2): string => (value === null || value === undefined ? '' : formatNumber(value, digits));
