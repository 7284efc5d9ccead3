import { err, ok, type Result } from '../result.ts';
import { cleanInput, foldText } from './fold-text.ts';
import { inputError, type InputError } from './input-error.ts';
import type { LocalizedText } from './localized-text.ts';
import { isNoKeyword } from './parse-yes-no.ts';

export type ChoiceOption = { readonly value: string; readonly label: LocalizedText };

const matchesOf = (options: readonly ChoiceOption[], test: (hay: string) => boolean): ChoiceOption[] =>
  options.filter((o) => [o.value, o.label.vi, o.label.en].some((h) => test(foldText(h))));

/**
 * An option by its 1-based number ("2") or by its label, compared without accents or case:
 * an exact label wins, otherwise a prefix that fits exactly one option ("pho" → "Phó Chủ tịch").
 */
export const parseChoice = (text: string, options: readonly ChoiceOption[]): Result<string, InputError> => {
  const raw = cleanInput(typeof text === 'string' ? text : '');
  if (raw === '') return err(inputError('input.empty'));
  if (raw.length > 200) return err(inputError('choice.unknown', { count: options.length }));
  const needle = foldText(raw).replace(/[.)]$/, '');
  if (/^\d{1,6}$/.test(needle)) {
    const option = options[Number(needle) - 1];
    return option ? ok(option.value) : err(inputError('choice.unknown', { count: options.length }));
  }
  const exact = matchesOf(options, (h) => h === needle);
  if (exact.length === 1 && exact[0]) return ok(exact[0].value);
  const prefix = exact.length > 1 ? exact : matchesOf(options, (h) => h.startsWith(needle));
  if (prefix.length === 1 && prefix[0]) return ok(prefix[0].value);
  return prefix.length > 1 ? err(inputError('choice.ambiguous', { count: prefix.length })) : err(inputError('choice.unknown', { count: options.length }));
};

/**
 * Several options at once for a checklist: "1, 3", "1 3", "1;3" or labels separated by ',' or ';'.
 * "không"/"0" means none ticked.
 */
export const parseMultiChoice = (text: string, options: readonly ChoiceOption[]): Result<string[], InputError> => {
  const raw = cleanInput(typeof text === 'string' ? text : '');
  if (raw === '') return err(inputError('input.empty'));
  if (raw.length > 500) return err(inputError('input.too_long', { max: 500 }));
  if (isNoKeyword(raw)) return ok([]);
  const tokens = /^[\d\s,;.+]+$/.test(raw) ? raw.split(/[\s,;.+]+/) : raw.split(/[,;\n]+/);
  const picked: string[] = [];
  for (const token of tokens.map((t) => t.trim()).filter((t) => t !== '')) {
    const r = parseChoice(token, options);
    if (!r.ok) return r;
    if (!picked.includes(r.value)) picked.push(r.value);
  }
  return picked.length > 0 ? ok(picked) : err(inputError('choice.unknown', { count: options.length }));
};
