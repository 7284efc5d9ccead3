// The "Bộ tiêu chí" sheet (properties, tiers, profile) and the "Nhóm" sheet → the set's fields.
import type { Worksheet } from 'exceljs';
import { foldText } from '../../../core/criteria/fold-text.ts';
import { cellAt, cellRef, isBlank, showValue } from './cell-values.ts';
import { SHEETS, type ColumnDef } from './layout.ts';
import { lastRow, locateColumns, rowReader, type ReadSink, type Table } from './read-cells.ts';
import { GROUP_COLUMNS, PROFILE_COLUMNS, PROPERTY_COLUMNS, PROPERTY_HEADERS, SET_PROPERTIES, TIER_COLUMNS } from './set-columns.ts';
import { workbookIssue } from './workbook-issues.ts';

const defined = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const prefixed = (prefix: string, defs: readonly ColumnDef[]): ColumnDef[] => defs.map((d) => ({ ...d, key: `${prefix}${d.key}` }));

const propertyHeaderDefs: ColumnDef[] = Object.entries(PROPERTY_HEADERS).map(([key, header]) => ({
  key: `prop.${key}`,
  header,
  field: header,
  kind: 'text',
  width: 0,
  required: key !== 'note',
  help: '',
}));

/** Rows of a table until its last filled row; a row counts when any of its cells is filled. */
const tableRows = (t: Table, prefix: string, sink: ReadSink, read: (r: ReturnType<typeof rowReader>, i: number) => Record<string, unknown>) => {
  const out: Record<string, unknown>[] = [];
  const keys = [...t.cols.keys()].filter((k) => k.startsWith(prefix));
  const last = lastRow({ ...t, cols: new Map([...t.cols].filter(([k]) => k.startsWith(prefix))) });
  for (let row = 2; row <= last; row += 1) {
    const r = rowReader(t, row, sink);
    if (keys.some((k) => r.filled(k))) out.push(read(r, out.length));
  }
  return out;
};

/** Properties are found by their label in column A, wherever the officer moved the row. */
const readProperties = (ws: Worksheet, sink: ReadSink): Map<string, number> => {
  const rows = new Map<string, number>();
  const byLabel = new Map(
    SET_PROPERTIES.flatMap(
      (p) =>
        [
          [foldText(p.header), p],
          [foldText(p.field), p],
        ] as const,
    ),
  );
  for (let row = 2; row <= ws.rowCount; row += 1) {
    const v = cellAt(ws, row, PROPERTY_COLUMNS.label);
    if (isBlank(v)) continue;
    const p = byLabel.get(foldText(showValue(v)));
    if (!p) sink.issues.push(workbookIssue(cellRef(SHEETS.set, PROPERTY_COLUMNS.label, row), 'unknown_property', { label: showValue(v).trim() }));
    else rows.set(p.key, row);
  }
  for (const p of SET_PROPERTIES) {
    if (p.required && !rows.has(p.key)) sink.issues.push(workbookIssue(`${SHEETS.set}!A:A`, 'missing_property', { sheet: SHEETS.set, label: p.header }));
  }
  return rows;
};

export const readSetSheet = (ws: Worksheet, sink: ReadSink): Record<string, unknown> => {
  const t = locateColumns(ws, SHEETS.set, [...propertyHeaderDefs, ...prefixed('tier.', TIER_COLUMNS), ...prefixed('profile.', PROFILE_COLUMNS)], sink);
  const rows = readProperties(ws, sink);
  // Each property is read from column B of its row through a one-column view of the sheet.
  const prop = (key: string) => {
    const def = SET_PROPERTIES.find((p) => p.key === key);
    const row = rows.get(key) ?? 0;
    const view: Table = { ...t, cols: new Map(row > 0 ? [[key, PROPERTY_COLUMNS.value]] : []), defs: new Map(def ? [[key, def]] : []) };
    return { r: rowReader(view, row, sink), path: def?.field ?? key, required: def?.required === true };
  };
  const text = (key: string) => {
    const p = prop(key);
    return p.r.text(key, p.path, p.required);
  };
  const num = (key: string, integer = false) => {
    const p = prop(key);
    return p.r.number(key, p.path, { integer, required: p.required });
  };
  const pick = (key: string) => {
    const p = prop(key);
    const vocab = SET_PROPERTIES.find((d) => d.key === key)?.vocab ?? [];
    return p.r.choice(key, vocab, p.path, p.required);
  };
  const titleVi = text('titleVi');
  const titleRow = rows.get('titleVi');
  if (titleRow !== undefined) sink.cells.set('title', cellRef(SHEETS.set, PROPERTY_COLUMNS.value, titleRow));
  const titleEn = text('titleEn');
  const tiers = tableRows(t, 'tier.', sink, (r, i) =>
    defined({
      key: r.text('tier.key', `tiers[${i}].key`, true),
      minPercent: r.number('tier.minPercent', `tiers[${i}].minPercent`, { required: true }),
      label: r.localized('tier.labelVi', 'tier.labelEn', `tiers[${i}].label`),
    }),
  );
  const profile = tableRows(t, 'profile.', sink, (r, i) =>
    defined({
      key: r.text('profile.key', `profile[${i}].key`, true),
      label: r.localized('profile.labelVi', 'profile.labelEn', `profile[${i}].label`, true),
      min: r.number('profile.min', `profile[${i}].min`, { integer: true }),
      max: r.number('profile.max', `profile[${i}].max`, { integer: true }),
      required: r.choice('profile.required', PROFILE_COLUMNS.find((c) => c.key === 'required')?.vocab ?? [], `profile[${i}].required`),
    }),
  );
  sink.cells.set('tiers', cellRef(SHEETS.set, t.cols.get('tier.key') ?? 5, 1));
  sink.cells.set('profile', cellRef(SHEETS.set, t.cols.get('profile.key') ?? 10, 1));
  return defined({
    key: text('key'),
    version: num('version', true),
    title: titleVi !== undefined ? { vi: titleVi, en: titleEn ?? titleVi } : undefined,
    level: pick('level'),
    totalPoints: num('totalPoints'),
    tiers: tiers.length > 0 ? tiers : undefined,
    answeredBy: pick('answeredBy'),
    scored: pick('scored'),
    explanationMinLength: num('explanationMinLength', true),
    evidenceBlocksSubmission: pick('evidenceBlocksSubmission'),
    legalBasis: text('legalBasis'),
    profile: profile.length > 0 ? profile : undefined,
  });
};

export const readGroupsSheet = (ws: Worksheet, sink: ReadSink): Record<string, unknown>[] => {
  const t = locateColumns(ws, SHEETS.groups, GROUP_COLUMNS, sink);
  const groups = tableRows(t, '', sink, (r, i) => {
    sink.cells.set(`groups[${i}]`, r.ref('code'));
    return defined({
      code: r.text('code', `groups[${i}].code`, true),
      title: r.localized('titleVi', 'titleEn', `groups[${i}].title`, true),
      maxPoints: r.number('maxPoints', `groups[${i}].maxPoints`),
    });
  });
  // With no rows the problem is row 2; otherwise totals over the groups point at their points column.
  sink.cells.set('groups', groups.length === 0 ? `${SHEETS.groups}!A2` : cellRef(SHEETS.groups, t.cols.get('maxPoints') ?? 1, 1));
  if (groups.length === 0 && t.cols.has('code')) sink.issues.push(workbookIssue(`${SHEETS.groups}!A2`, 'no_rows', { sheet: SHEETS.groups }));
  return groups;
};
