import { err, ok, type Result } from '../result.ts';
import type { Relevance } from './criteria-set.schema.ts';
import { foldText } from './fold-text.ts';
import { parseNumber } from './parse-number.ts';
import { formatExactNumber } from './rule-cell.ts';

// The "Chỉ hỏi khi" (asked only when) cell of a criteria workbook:
//   đã trả lời     the earlier criterion was answered
//   S-4.1 >= 20 điểm     it earned at least 20 points
//   X-1.1 = "head"       its answer equals a value: "quoted" text, a number, or có/không
// Text is always written quoted so that "1" stays text and 1 stays a number on the way back.
const ANSWERED = new Set(['da tra loi', 'answered']);
const YES = new Set(['co', 'yes', 'true']);
const NO = new Set(['khong', 'no', 'false']);

const parseValue = (raw: string): string | number | boolean | null => {
  const s = raw.trim();
  const quoted = /^"(.*)"$/su.exec(s) ?? /^“(.*)”$/su.exec(s);
  if (quoted) return (quoted[1] ?? '').replace(/""/g, '"');
  if (s === '') return null;
  const folded = foldText(s);
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  const n = parseNumber(s);
  return n.ok ? n.value : s;
};

/** Parses the cell; the error is the expected form, for the message. */
export const parseRelevanceCell = (text: string): Result<Relevance, 'relevance.syntax'> => {
  const s = text.normalize('NFC').trim();
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)$/su.exec(s);
  if (!m) return err('relevance.syntax');
  const criterion = m[1] ?? '';
  const rest = (m[2] ?? '').trim();
  if (ANSWERED.has(foldText(rest))) return ok({ criterion, answered: true });
  const min = /^(?:>=|≥)\s*(.+?)\s*(?:điểm|diem)?$/iu.exec(rest);
  if (min) {
    const n = parseNumber(min[1] ?? '', { min: 0 });
    return n.ok ? ok({ criterion, minPoints: n.value }) : err('relevance.syntax');
  }
  const eq = /^=\s*(.+)$/su.exec(rest);
  if (eq) {
    const value = parseValue(eq[1] ?? '');
    return value === null ? err('relevance.syntax') : ok({ criterion, equals: value });
  }
  return err('relevance.syntax');
};

export const formatRelevanceCell = (r: Relevance): string => {
  if ('answered' in r) return `${r.criterion} đã trả lời`;
  if ('minPoints' in r) return `${r.criterion} >= ${formatExactNumber(r.minPoints)} điểm`;
  const v = r.equals;
  if (typeof v === 'boolean') return `${r.criterion} = ${v ? 'có' : 'không'}`;
  if (typeof v === 'number') return `${r.criterion} = ${formatExactNumber(v)}`;
  return `${r.criterion} = "${v.replace(/"/g, '""')}"`;
};
