import { err, ok, type Result } from '../result.ts';
import { foldText } from './fold-text.ts';
import { isValidYmd } from './iso-date.ts';
import { parseNumber } from './parse-number.ts';

// The "Cách tính điểm" (scoring rule) cell of a criteria workbook: clauses separated by ";" or
// line breaks, e.g. ">=4: 20; >=2: 10; >=0: 0" (count tiers), ">=80%: 50; >=0%: 0" (bands),
// "<=31/03: 40; còn lại=20" (date rules), "có=20; không=0" (yes/no points), "mỗi=20; trần=80".
// Thresholds keep the order they are written in, so a set read back is the set written.
export const RULE_SETTINGS = ['yes', 'no', 'perItem', 'cap', 'otherwise', 'scale', 'points'] as const;
export type RuleSetting = (typeof RULE_SETTINGS)[number];

export type RuleClause =
  | { readonly kind: 'min'; readonly min: number; readonly points: number }
  | { readonly kind: 'date'; readonly onOrBefore: string; readonly points: number }
  | { readonly kind: 'setting'; readonly name: RuleSetting; readonly value: number };

export type RuleCellError = { readonly code: 'rule.syntax' | 'rule.unknown_setting' | 'rule.number' | 'rule.date'; readonly clause: string };

/** Vietnamese name written for each setting; folded English and Vietnamese aliases are read. */
export const RULE_SETTING_NAMES: Readonly<Record<RuleSetting, string>> = {
  yes: 'có',
  no: 'không',
  perItem: 'mỗi',
  cap: 'trần',
  otherwise: 'còn lại',
  scale: 'thang',
  points: 'điểm',
};
const ALIASES: Readonly<Record<string, RuleSetting>> = {
  co: 'yes',
  yes: 'yes',
  khong: 'no',
  no: 'no',
  moi: 'perItem',
  per: 'perItem',
  peritem: 'perItem',
  tran: 'cap',
  'toi da': 'cap',
  cap: 'cap',
  'con lai': 'otherwise',
  otherwise: 'otherwise',
  thang: 'scale',
  'thang diem': 'scale',
  scale: 'scale',
  diem: 'points',
  points: 'points',
};

/** A number as the workbook writes it: exact (shortest round-trip digits), decimal comma. */
export const formatExactNumber = (n: number): string => {
  const s = String(n);
  if (!s.includes('e')) return s.replace('.', ',');
  return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '').replace('.', ',');
};

const stripPoints = (s: string): string =>
  s
    .normalize('NFC')
    .trim()
    .replace(/\s*(điểm|diem|đ)\.?$/iu, '')
    .trim();

const num = (s: string, integer: boolean): number | null => {
  const r = parseNumber(s, { integer, min: 0 });
  return r.ok ? r.value : null;
};

const pad2 = (s: string): string => s.padStart(2, '0');

/** "31/03" → "03-31", "31/3/2025" → "2025-03-31"; ISO forms are accepted as they are. */
export const parseRuleDate = (s: string): string | null => {
  const t = s.trim();
  let y: string | undefined;
  let m: string;
  let d: string;
  const vi = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(t);
  const iso = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(t);
  if (vi) [, d, m, y] = vi as unknown as [string, string, string, string | undefined];
  else if (iso) [, y, m, d] = iso as unknown as [string, string | undefined, string, string];
  else return null;
  if (!isValidYmd(y ? Number(y) : 2024, Number(m), Number(d))) return null;
  return `${y ? `${y}-` : ''}${pad2(m)}-${pad2(d)}`;
};

/** "03-31" → "31/03", "2025-03-31" → "31/03/2025". */
export const formatRuleDate = (rule: string): string => {
  const parts = rule.split('-');
  return parts.length === 2 ? `${parts[1]}/${parts[0]}` : `${parts[2]}/${parts[1]}/${parts[0]}`;
};

const parseClause = (raw: string, integerMin: boolean): RuleClause | RuleCellError => {
  const clause = raw.trim();
  const threshold = /^(>=|≥|<=|≤)\s*([^:]+?)\s*:\s*(.+)$/u.exec(clause);
  if (threshold) {
    const [, op = '', left = '', right = ''] = threshold;
    const points = num(stripPoints(right), false);
    if (points === null) return { code: 'rule.number', clause };
    if (op === '<=' || op === '≤') {
      const date = parseRuleDate(left);
      return date === null ? { code: 'rule.date', clause } : { kind: 'date', onOrBefore: date, points };
    }
    const min = num(left.replace(/\s*%$/, ''), integerMin);
    return min === null ? { code: 'rule.number', clause } : { kind: 'min', min, points };
  }
  const setting = /^([^=]+?)\s*=\s*(.+)$/u.exec(clause);
  if (!setting || /^(>=|≥|<=|≤)/u.test(clause)) return { code: 'rule.syntax', clause };
  const name = ALIASES[foldText(setting[1] ?? '')];
  if (!name) return { code: 'rule.unknown_setting', clause };
  const value = num(stripPoints(setting[2] ?? ''), false);
  return value === null ? { code: 'rule.number', clause } : { kind: 'setting', name, value };
};

/** Parses a rule cell; `integerMin` reads ">=1,000" as one thousand (count tiers). */
export const parseRuleCell = (text: string, opts: { readonly integerMin?: boolean } = {}): Result<RuleClause[], RuleCellError[]> => {
  const clauses: RuleClause[] = [];
  const errors: RuleCellError[] = [];
  for (const part of text.split(/[;\n]/)) {
    if (part.trim() === '') continue;
    const c = parseClause(part, opts.integerMin === true);
    if ('code' in c) errors.push(c);
    else clauses.push(c);
  }
  return errors.length > 0 ? err(errors) : ok(clauses);
};

/** `percent` writes thresholds as ">=80%" (bands of ratios and percentages). */
export const formatRuleClause = (c: RuleClause, percent = false): string => {
  switch (c.kind) {
    case 'min':
      return `>=${formatExactNumber(c.min)}${percent ? '%' : ''}: ${formatExactNumber(c.points)}`;
    case 'date':
      return `<=${formatRuleDate(c.onOrBefore)}: ${formatExactNumber(c.points)}`;
    case 'setting':
      return `${RULE_SETTING_NAMES[c.name]}=${formatExactNumber(c.value)}`;
  }
};

export const formatRuleCell = (clauses: readonly RuleClause[], percent = false): string => clauses.map((c) => formatRuleClause(c, percent)).join('; ');
