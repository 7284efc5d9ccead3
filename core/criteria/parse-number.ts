import { err, ok, type Result } from '../result.ts';
import { cleanInput } from './fold-text.ts';
import { inputError, type InputError } from './input-error.ts';

export type NumberOptions = { readonly integer?: boolean; readonly min?: number; readonly max?: number };

/*
 * How "1.234", "1 234", "12,5" and "12.5" are told apart (vi-VN writes 1.234,5; phones and
 * Excel copies often give 1,234.5 or 12.5):
 *  1. Spaces may only group thousands: "1 234" and "1 234,5" (groups of exactly 3 digits).
 *  2. Both '.' and ',' present: the one that comes last is the decimal mark and the other
 *     must group thousands ("1.234,5" = "1,234.5" = 1234.5).
 *  3. One kind of mark appearing more than once groups thousands ("1.234.567").
 *  4. A single mark followed by exactly 3 digits, after 1–3 leading digits that are not "0":
 *     '.' groups thousands (vi-VN: "1.234" = 1234, "12.500" = 12500); ',' groups thousands
 *     only in whole-number fields (counts, numerators) and is the vi-VN decimal comma
 *     elsewhere ("1,234" in a percentage field = 1.234).
 *  5. Any other single mark is the decimal mark ("12,5" = "12.5" = 12.5, "0.125" = 0.125).
 * A decimal answer in a whole-number field is refused (number.not_integer), never truncated.
 */
const MAX_NUMBER_LENGTH = 40;

const normaliseBody = (body: string, integer: boolean): string | null => {
  if (body.includes(' ')) {
    const m = /^(\d{1,3}(?: \d{3})+)([.,]\d+)?$/.exec(body);
    return m ? `${(m[1] ?? '').replace(/ /g, '')}${(m[2] ?? '').replace(',', '.')}` : null;
  }
  const dots = (body.match(/\./g) ?? []).length;
  const commas = (body.match(/,/g) ?? []).length;
  if (dots > 0 && commas > 0) {
    const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const at = body.lastIndexOf(decimal);
    const intPart = body.slice(0, at);
    const frac = body.slice(at + 1);
    const grouped = new RegExp(`^\\d{1,3}(?:\\${group}\\d{3})+$`);
    if (body.split(decimal).length !== 2 || !grouped.test(intPart) || !/^\d+$/.test(frac)) return null;
    return `${intPart.split(group).join('')}.${frac}`;
  }
  const mark = dots > 0 ? '.' : commas > 0 ? ',' : null;
  if (mark === null) return /^\d+$/.test(body) ? body : null;
  const count = mark === '.' ? dots : commas;
  if (count > 1) {
    const grouped = new RegExp(`^\\d{1,3}(?:\\${mark}\\d{3})+$`);
    return grouped.test(body) ? body.split(mark).join('') : null;
  }
  const [intPart = '', frac = ''] = body.split(mark);
  if (!/^\d*$/.test(intPart) || !/^\d+$/.test(frac)) return null;
  const looksGrouped = frac.length === 3 && /^[1-9]\d{0,2}$/.test(intPart);
  if (looksGrouped && (mark === '.' || integer)) return `${intPart}${frac}`;
  return `${intPart === '' ? '0' : intPart}.${frac}`;
};

const checkRange = (value: number, opts: NumberOptions): Result<number, InputError> => {
  const { min, max } = opts;
  const below = min !== undefined && value < min;
  const above = max !== undefined && value > max;
  if (!below && !above) return ok(value);
  if (min !== undefined && max !== undefined) return err(inputError('number.out_of_range', { min, max }));
  return below ? err(inputError('number.too_small', { min: min ?? 0 })) : err(inputError('number.too_large', { max: max ?? 0 }));
};

/** Parses a number as typed on a vi-VN phone; never throws. */
export const parseNumber = (text: string, opts: NumberOptions = {}): Result<number, InputError> => {
  const s = cleanInput(typeof text === 'string' ? text : '');
  if (s === '') return err(inputError('input.empty'));
  if (s.length > MAX_NUMBER_LENGTH) return err(inputError('number.invalid'));
  const m = /^([+-]?)\s*(\d[\d., ]*\d|\d|[.,]\d+)$/.exec(s);
  if (!m) return err(inputError('number.invalid'));
  const body = normaliseBody(m[2] ?? '', opts.integer === true);
  if (body === null) return err(inputError('number.invalid'));
  const value = Number(`${m[1] === '-' ? '-' : ''}${body}`);
  if (!Number.isFinite(value)) return err(inputError('number.invalid'));
  if (opts.integer && !Number.isInteger(value)) return err(inputError('number.not_integer'));
  // Beyond 2^53 whole numbers are no longer exact: treat as too large rather than guess.
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    return opts.max !== undefined ? checkRange(value, opts) : err(inputError('number.invalid'));
  }
  return checkRange(value === 0 ? 0 : value, opts);
};

/** "85%", "85 %", "85,5%" or a bare "85"; always 0–100. */
export const parsePercent = (text: string): Result<number, InputError> => {
  const s = cleanInput(typeof text === 'string' ? text : '').replace(/\s*%$/, '');
  return parseNumber(s, { min: 0, max: 100 });
};
