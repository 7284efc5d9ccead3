// Evidence given as a reference instead of a file, where the criterion allows it:
//   a document: "QĐ số 123/QĐ-UBND ngày 05/3/2026 về thành lập Ban chỉ đạo CĐS" → its number,
//   date and excerpt (trích yếu), the way Vietnamese administrative documents are cited;
//   a web address: "https://xathachdai.hatinh.gov.vn/chuyen-muc/cds" (validated; shown to
//   coordinators as a link).
import { err, ok, type Result } from '../result.ts';
import { cleanInput, foldText } from './fold-text.ts';
import { inputError, type InputError } from './input-error.ts';
import { parseDate } from './parse-date.ts';

export type EvidenceReference =
  { readonly kind: 'document'; readonly number: string; readonly date: string; readonly excerpt: string } | { readonly kind: 'url'; readonly url: string };

export type EvidenceKind = 'file' | 'reference' | 'url';

// "số 123/QĐ-UBND", "123/KH-UBND", "Số: 45/BC-UBND" — a number, a slash and an issuer code.
const NUMBER = /(?:^|\s)(?:s[oố]\s*:?\s*)?(\d{1,6}\s*\/\s*(?=[0-9\-./&]*[A-ZĐa-zđ])[0-9A-ZĐa-zđ\-./&]{2,40})/;
const DATE = /ng[aà]y\s+(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{1,2}\s+th[aá]ng\s+\d{1,2}\s+n[aă]m\s+\d{4})/i;
const EXCERPT = /\s(?:v[eề]|v\/v|về việc|trích yếu:?)\s+(.+)$/i;
const MAX = 500;

const parseUrl = (text: string): Result<EvidenceReference, InputError> => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return err(inputError('evidence.bad_url'));
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.') || url.username || url.password) {
    return err(inputError('evidence.bad_url'));
  }
  return ok({ kind: 'url', url: url.toString() });
};

/** Reads a reference of an allowed kind, or says what is expected. */
export const parseEvidenceReference = (raw: string, allowed: readonly EvidenceKind[]): Result<EvidenceReference, InputError> => {
  const text = cleanInput(raw);
  if (text === '') return err(inputError('input.empty'));
  if (text.length > MAX) return err(inputError('text.too_long', { max: MAX }));
  if (/^https?:\/\//i.test(text)) return allowed.includes('url') ? parseUrl(text) : err(inputError('evidence.url_not_accepted'));
  if (!allowed.includes('reference')) return err(inputError(allowed.includes('url') ? 'evidence.expected_url' : 'evidence.expected'));
  const number = NUMBER.exec(text)?.[1]?.replace(/\s+/g, '');
  const dateText = DATE.exec(text)?.[1];
  if (!number) return err(inputError('evidence.reference_number'));
  if (!dateText) return err(inputError('evidence.reference_date'));
  const date = parseDate(dateText);
  if (!date.ok) return date;
  const excerpt = EXCERPT.exec(text)?.[1]?.trim() ?? '';
  if (foldText(excerpt).length < 3) return err(inputError('evidence.reference_excerpt'));
  return ok({ kind: 'document', number, date: date.value, excerpt });
};
