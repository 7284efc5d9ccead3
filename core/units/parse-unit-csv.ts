// Parses a unit list in CSV (`code,name,level,parent_code[,excluded]`) and validates every row against
// the rows above it and the units already known. All problems are returned, each with its
// line number, so an import is all-or-nothing and the admin fixes everything in one pass.
import type { Result } from '../result.ts';
import { cleanInput } from '../criteria/fold-text.ts';
import { err, ok } from '../result.ts';
import { allowedParentLevels, unitCodeSchema, unitLevelSchema, type NewUnit, type UnitLevel } from './unit.ts';

export type CsvProblem = { readonly line: number; readonly code: string; readonly params?: Readonly<Record<string, string | number>> };

/** Splits one CSV line honouring double quotes ("a, b" and "" escapes). */
export const splitCsvLine = (line: string): string[] | null => {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"' && current.trim() === '') {
      quoted = true;
      current = '';
    } else if (ch === ',') {
      fields.push(current);
      current = '';
    } else current += ch;
  }
  if (quoted) return null;
  fields.push(current);
  return fields.map((f) => cleanInput(f));
};

const expectedHeader = ['code', 'name', 'level', 'parent_code'];
const optionalColumn = 'excluded';

// An empty cell leaves the unit's stored flag as it is, so re-importing an old four-column file
// never re-includes a unit an admin excluded.
const excludedValues: Readonly<Record<string, boolean>> = {
  yes: true,
  true: true,
  '1': true,
  x: true,
  có: true,
  no: false,
  false: false,
  '0': false,
  không: false,
};

export const parseUnitCsv = (text: string, existing: ReadonlyMap<string, UnitLevel>): Result<NewUnit[], CsvProblem[]> => {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: CsvProblem[] = [];
  const header = splitCsvLine(lines[0] ?? '')?.map((h) => h.toLowerCase());
  if (!header || expectedHeader.some((h, i) => header[i] !== h)) {
    return err([{ line: 1, code: 'csv.bad_header', params: { expected: expectedHeader.join(',') } }]);
  }
  const withExcluded = header.length > expectedHeader.length && header[expectedHeader.length] === optionalColumn;
  const columns = withExcluded ? expectedHeader.length + 1 : expectedHeader.length;
  const known = new Map(existing);
  const seen = new Set<string>();
  const rows: NewUnit[] = [];
  lines.slice(1).forEach((raw, index) => {
    const line = index + 2;
    if (raw.trim() === '') return;
    const fields = splitCsvLine(raw);
    if (!fields) return void problems.push({ line, code: 'csv.unclosed_quote' });
    if (fields.length !== columns) return void problems.push({ line, code: 'csv.field_count', params: { expected: columns, found: fields.length } });
    const [code = '', name = '', levelRaw = '', parentRaw = '', excludedRaw = ''] = fields;
    const excluded = excludedRaw === '' ? undefined : excludedValues[excludedRaw.toLowerCase()];
    if (excludedRaw !== '' && excluded === undefined) return void problems.push({ line, code: 'csv.bad_excluded', params: { value: excludedRaw } });
    if (!unitCodeSchema.safeParse(code).success) return void problems.push({ line, code: 'csv.bad_code', params: { value: code } });
    if (seen.has(code)) return void problems.push({ line, code: 'csv.duplicate_code', params: { value: code } });
    if (name === '' || name.length > 200) return void problems.push({ line, code: 'csv.bad_name' });
    const level = unitLevelSchema.safeParse(levelRaw.toLowerCase());
    if (!level.success) return void problems.push({ line, code: 'csv.bad_level', params: { value: levelRaw } });
    const parentCode = parentRaw === '' ? null : parentRaw;
    const parentLevel = parentCode === null ? null : known.get(parentCode);
    if (parentCode !== null && parentLevel === undefined) {
      return void problems.push({ line, code: 'csv.unknown_parent', params: { value: parentCode } });
    }
    if (!allowedParentLevels[level.data].includes(parentLevel ?? null)) {
      return void problems.push({ line, code: 'csv.bad_parent_level', params: { level: level.data, parent: parentLevel ?? 'none' } });
    }
    seen.add(code);
    known.set(code, level.data);
    rows.push({ code, name, level: level.data, parentCode, ...(excluded !== undefined ? { excluded } : {}) });
  });
  if (rows.length === 0 && problems.length === 0) problems.push({ line: 1, code: 'csv.empty' });
  return problems.length > 0 ? err(problems) : ok(rows);
};
