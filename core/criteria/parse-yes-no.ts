import { err, ok, type Result } from '../result.ts';
import { cleanInput, foldText } from './fold-text.ts';
import { inputError, type InputError } from './input-error.ts';

// Compared after foldText (no accents, lower case). Trailing politeness particles ("có ạ",
// "không ạ", "dạ có") and punctuation are dropped first.
const YES = new Set([
  'co',
  'c',
  'yes',
  'y',
  'x',
  '\u2713',
  '\u2714',
  '\u2705',
  '1',
  'dung',
  'dung roi',
  'co roi',
  'roi',
  'ok',
  'oke',
  'okay',
  'true',
  'da co',
  'co a',
  'vang',
  'da',
]);
const NO = new Set(['khong', 'k', 'ko', 'kh', 'hong', 'no', 'n', '0', 'chua', 'chua co', 'khong co', 'false', '\u2717', '\u2718', '\u274c', 'sai']);

// Keywords are short; longer text is cut so that folding stays cheap (it can never match).
export const normaliseKeyword = (text: string): string =>
  foldText(cleanInput(typeof text === 'string' ? text.slice(0, 64) : ''))
    .replace(/[.!?,;]+$/g, '')
    .replace(/^(da|vang)\s+/, '')
    .replace(/\s+(a|nhe|nha)$/, '')
    .trim();

export const isNoKeyword = (text: string): boolean => NO.has(normaliseKeyword(text));

export const parseYesNo = (text: string): Result<boolean, InputError> => {
  const s = normaliseKeyword(text);
  if (s === '') return err(inputError('input.empty'));
  if (YES.has(s)) return ok(true);
  if (NO.has(s)) return ok(false);
  return err(inputError('yesno.invalid'));
};
