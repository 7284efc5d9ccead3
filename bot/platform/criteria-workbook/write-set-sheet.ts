// The "Bộ tiêu chí" sheet (properties, tiers, profile) and the "Nhóm" sheet.
import type { Worksheet } from 'exceljs';
import { DEFAULT_TIERS, type CriteriaSet, type Group, type ProfileItem, type Tier } from '../../../core/criteria/criteria-set.schema.ts';
import { labelOf, SPARE_ROWS, YES_NO, type ColumnDef } from './layout.ts';
import {
  GROUP_COLUMNS,
  PROFILE_COLUMNS,
  PROFILE_FIRST_COLUMN,
  PROPERTY_COLUMNS,
  PROPERTY_HEADERS,
  SET_PROPERTIES,
  TIER_COLUMNS,
  TIER_FIRST_COLUMN,
} from './set-columns.ts';
import { fitRowHeight, HEADER_FILL, REQUIRED_FILL, validationFor, writeHeader } from './write-helpers.ts';

type Value = string | number | undefined;

const propertyValues = (set: CriteriaSet | null): Record<string, Value> => {
  const vocabLabel = (key: string, value: unknown): string => labelOf(SET_PROPERTIES.find((p) => p.key === key)?.vocab ?? [], value);
  // The template carries the defaults, so an officer sees what "unchanged" means.
  const s = set ?? { answeredBy: 'unit', scored: true, explanationMinLength: 10, evidenceBlocksSubmission: false };
  return {
    key: set?.key,
    version: set?.version,
    titleVi: set?.title.vi,
    titleEn: set?.title.en,
    level: set ? vocabLabel('level', set.level) : undefined,
    totalPoints: set?.totalPoints,
    answeredBy: vocabLabel('answeredBy', s.answeredBy),
    scored: vocabLabel('scored', s.scored),
    explanationMinLength: s.explanationMinLength,
    evidenceBlocksSubmission: vocabLabel('evidenceBlocksSubmission', s.evidenceBlocksSubmission),
    legalBasis: set?.legalBasis,
  };
};

const writeRows = (ws: Worksheet, firstCol: number, defs: readonly ColumnDef[], rows: readonly Record<string, Value>[]): void => {
  rows.forEach((values, i) =>
    defs.forEach((d, j) => {
      const v = values[d.key];
      if (v !== undefined) ws.getRow(i + 2).getCell(firstCol + j).value = v;
    }),
  );
};

const tierRow = (t: Tier): Record<string, Value> => ({ key: t.key, minPercent: t.minPercent, labelVi: t.label?.vi, labelEn: t.label?.en });
const profileRow = (p: ProfileItem): Record<string, Value> => ({
  key: p.key,
  labelVi: p.label.vi,
  labelEn: p.label.en,
  min: p.min,
  max: p.max,
  required: labelOf(YES_NO, p.required),
});

export const writeSetSheet = (ws: Worksheet, set: CriteriaSet | null): void => {
  const head = ws.getRow(1);
  Object.values(PROPERTY_HEADERS).forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  const values = propertyValues(set);
  SET_PROPERTIES.forEach((p, i) => {
    const row = ws.getRow(i + 2);
    const label = row.getCell(PROPERTY_COLUMNS.label);
    label.value = p.header;
    label.font = { bold: true };
    if (p.required) label.fill = REQUIRED_FILL;
    const value = row.getCell(PROPERTY_COLUMNS.value);
    const v = values[p.key];
    if (p.kind === 'text') value.numFmt = '@';
    if (v !== undefined) value.value = v;
    const dv = validationFor(p, PROFILE_FIRST_COLUMN);
    if (dv) value.dataValidation = dv;
    const note = row.getCell(PROPERTY_COLUMNS.note);
    note.value = `${p.help}${p.example ? ` Ví dụ: ${p.example}` : ''}`;
    note.alignment = { wrapText: true, vertical: 'top' };
    note.font = { italic: true, color: { argb: 'FF595959' } };
  });
  ws.getColumn(PROPERTY_COLUMNS.label).width = 30;
  ws.getColumn(PROPERTY_COLUMNS.value).width = 40;
  ws.getColumn(PROPERTY_COLUMNS.note).width = 50;
  ws.getColumn(PROPERTY_COLUMNS.note + 1).width = 3;
  ws.getColumn(TIER_FIRST_COLUMN + TIER_COLUMNS.length).width = 3;
  const tiers = set ? set.tiers : DEFAULT_TIERS;
  writeHeader(ws, TIER_COLUMNS, TIER_FIRST_COLUMN, 20, PROFILE_FIRST_COLUMN);
  writeRows(ws, TIER_FIRST_COLUMN, TIER_COLUMNS, tiers.map(tierRow));
  const profile = set?.profile ?? [];
  writeHeader(ws, PROFILE_COLUMNS, PROFILE_FIRST_COLUMN, profile.length + 50, PROFILE_FIRST_COLUMN);
  writeRows(ws, PROFILE_FIRST_COLUMN, PROFILE_COLUMNS, profile.map(profileRow));
  for (let r = 1; r <= Math.max(SET_PROPERTIES.length, tiers.length, profile.length) + 1; r += 1) fitRowHeight(ws, r);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
};

const groupRow = (g: Group): Record<string, Value> => ({ code: g.code, titleVi: g.title.vi, titleEn: g.title.en, maxPoints: g.maxPoints });

export const writeGroupsSheet = (ws: Worksheet, groups: readonly Group[]): void => {
  writeHeader(ws, GROUP_COLUMNS, 1, groups.length + SPARE_ROWS, PROFILE_FIRST_COLUMN);
  writeRows(ws, 1, GROUP_COLUMNS, groups.map(groupRow));
  for (let r = 1; r <= groups.length + 1; r += 1) fitRowHeight(ws, r);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
};
