import { err, ok, type Result } from '../result.ts';
import type { DateWindow } from './answer-value.schema.ts';
import { cleanInput, foldText } from './fold-text.ts';
import { inputError, type InputError } from './input-error.ts';
import { displayDate, isValidYmd, toIsoDate } from './iso-date.ts';

export type DateOptions = { readonly window?: DateWindow; readonly validity?: 'issued_in_window' | 'in_force' };

// Day first, as Vietnamese documents write it: 15/9/2021, 15-09-21, 15.9.2021, and
// "ngày 15 tháng 9 năm 2021"; ISO 2021-09-15 is also accepted. Two-digit years are 20yy:
// the documents asked about (plans, decisions) are all from this century.
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const YMD = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;
const WORDS = /^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:nam\s*)?(\d{4})$/;

export const parseDate = (text: string, opts: DateOptions = {}): Result<string, InputError> => {
  const raw = cleanInput(typeof text === 'string' ? text : '');
  if (raw === '') return err(inputError('input.empty'));
  if (raw.length > 60) return err(inputError('date.invalid'));
  const s = foldText(raw)
    .replace(/\s*([/.-])\s*/g, '$1')
    .replace(/,/g, ' ')
    .trim();
  let ymd: [number, number, number] | null = null;
  const dmy = DMY.exec(s) ?? WORDS.exec(s);
  const iso = YMD.exec(s);
  if (dmy) {
    const y = Number(dmy[3]);
    ymd = [y < 100 ? 2000 + y : y, Number(dmy[2]), Number(dmy[1])];
  } else if (iso) {
    ymd = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  }
  if (!ymd || !isValidYmd(...ymd)) return err(inputError('date.invalid'));
  const date = toIsoDate(...ymd);
  const w = opts.window;
  if (w && opts.validity === 'in_force') {
    if (date > w.to) return err(inputError('date.after_window', { to: displayDate(w.to) }));
  } else if (w && (date < w.from || date > w.to)) {
    return err(inputError('date.outside_window', { from: displayDate(w.from), to: displayDate(w.to) }));
  }
  return ok(date);
};
