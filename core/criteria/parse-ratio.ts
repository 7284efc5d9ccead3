import { err, ok, type Result } from '../result.ts';
import { cleanInput, foldText } from './fold-text.ts';
import { inputError, type InputError } from './input-error.ts';
import { parseNumber } from './parse-number.ts';

export type Ratio = { readonly numerator: number; readonly denominator: number };
export type RatioOptions = { readonly integer?: boolean; readonly maxDenominator?: number };

// "45/50", "45 / 50", "45 trên 50" (also typed without accents: "45 tren 50"), "45 of 50".
const MAX_RATIO_LENGTH = 100;
const SEPARATOR = /^(.+?)\s*(?:\/|\u2215|\u2044|\s+tren\s+|\s+of\s+)\s*(.+)$/;

/** Splits "a/b" into its two sides, or null when the text is not written as a ratio. */
export const splitRatio = (text: string): [string, string] | null => {
  // Long text is never a ratio; the cap also keeps the lazy regex linear.
  if (typeof text !== 'string' || text.length > MAX_RATIO_LENGTH) return null;
  const m = SEPARATOR.exec(foldText(cleanInput(typeof text === 'string' ? text : '')));
  return m && m[1] !== undefined && m[2] !== undefined ? [m[1], m[2]] : null;
};

/** Checks 0 ≤ a ≤ b (b = 0 is allowed only with a = 0: the criterion is then not applicable). */
export const checkRatio = (numerator: number, denominator: number): Result<Ratio, InputError> =>
  numerator > denominator ? err(inputError('ratio.numerator_exceeds_denominator', { numerator, denominator })) : ok({ numerator, denominator });

export const parseRatio = (text: string, opts: RatioOptions = {}): Result<Ratio, InputError> => {
  if (cleanInput(typeof text === 'string' ? text : '') === '') return err(inputError('input.empty'));
  const parts = splitRatio(text);
  if (!parts) return err(inputError('ratio.invalid'));
  const integer = opts.integer ?? true;
  const a = parseNumber(parts[0], { integer, min: 0 });
  if (!a.ok) return a;
  const b = parseNumber(parts[1], { integer, min: 0, ...(opts.maxDenominator !== undefined ? { max: opts.maxDenominator } : {}) });
  if (!b.ok) return b;
  return checkRatio(a.value, b.value);
};
