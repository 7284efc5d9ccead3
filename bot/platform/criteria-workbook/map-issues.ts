// Points schema (zod) and cross-field (validate-criteria-set) problems back at the cells the
// values came from, using the path → cell map the reader recorded.
import type { z } from 'zod';
import { formatPath, type CriteriaSetIssue } from '../../../core/criteria/validate-criteria-set.ts';
import { SHEETS } from './layout.ts';
import type { CellMap } from './read-cells.ts';
import { fromSetIssue, workbookIssue, type WorkbookIssue } from './workbook-issues.ts';

const parent = (path: string): string => path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');

/** The cell of the path, or of its closest recorded ancestor; else the sheet it belongs to. */
export const cellFor = (cells: CellMap, path: string): string => {
  for (let p = path; p !== ''; p = parent(p)) {
    const hit = cells.get(p);
    if (hit) return hit;
    if (parent(p) === p) break;
  }
  if (path.startsWith('criteria')) return SHEETS.criteria;
  if (path.startsWith('groups')) return SHEETS.groups;
  return SHEETS.set;
};

const KEY_PATTERN = '/^[a-z][a-z0-9_]*$/';
const CODE_PATTERN = '/^[A-Za-z0-9][A-Za-z0-9._-]*$/';
const SLUG_PATTERN = '/^[A-Za-z0-9_-]+$/';

const fromZodIssue = (cells: CellMap, i: z.core.$ZodIssue): WorkbookIssue => {
  const path = formatPath(i.path);
  const cell = cellFor(cells, path);
  switch (i.code) {
    case 'invalid_format':
      if ('pattern' in i && String(i.pattern) === KEY_PATTERN) return workbookIssue(cell, 'bad_key');
      if ('pattern' in i && String(i.pattern) === CODE_PATTERN) return workbookIssue(cell, 'bad_code');
      if ('pattern' in i && String(i.pattern) === SLUG_PATTERN) return workbookIssue(cell, 'bad_value');
      break;
    case 'too_small':
      if (i.origin === 'string') return workbookIssue(cell, 'missing_value');
      if (i.origin === 'array') return workbookIssue(cell, 'too_few', { min: Number(i.minimum) });
      return workbookIssue(cell, 'too_small', { min: Number(i.minimum) });
    case 'too_big':
      if (i.origin === 'number') return workbookIssue(cell, 'too_big', { max: Number(i.maximum) });
      break;
    case 'invalid_type':
      if (/received undefined/.test(i.message)) return workbookIssue(cell, 'missing_value');
      break;
    default:
      break;
  }
  return workbookIssue(cell, 'schema', { message: i.message });
};

export const fromZod = (cells: CellMap, error: z.ZodError): WorkbookIssue[] => error.issues.map((i) => fromZodIssue(cells, i));

export const fromSetIssues = (cells: CellMap, issues: readonly CriteriaSetIssue[]): WorkbookIssue[] =>
  issues.map((i) => fromSetIssue(cellFor(cells, i.path), i));
