// Writes the appendix in one pass over each level's rows: the level sheet (national header,
// title, one row per unit), the detail sheet (one row per unit and criterion) and the level's
// CSV, all streamed, so a level of any size is never held in memory as rows.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { PassThrough, type Writable } from 'node:stream';
import { formatDate, placeDate, type Label } from '../labels.ts';
import { columnName, txt, type Cell } from '../xlsx/sheet-xml.ts';
import { STYLE } from '../xlsx/styles.ts';
import { XlsxWriter, type SheetWriter } from '../xlsx/xlsx-writer.ts';
import { criterionIndex, csvHeader, dataColumns, detailHeader, eachDetail, levelHeader, levelValues, widths, type HeaderColumn } from './appendix-columns.ts';
import type { AppendixDocument, AppendixLevel } from './appendix-model.ts';
import { csvWriter, type CsvWriter } from './csv-writer.ts';

export type Target = Writable | string;
export type AppendixTargets = {
  /** The workbook; a stream passed in is ended when the file is complete. */
  readonly xlsx?: Target;
  /** One CSV per level (same columns as the level sheet). */
  readonly csv?: (level: AppendixLevel) => Target;
};
export type AppendixSummary = { readonly levels: readonly { readonly level: string; readonly units: number; readonly detailRows: number }[] };

const MAX_DETAIL_ROWS = 1_048_576;
const HEADER_ROWS = 9; // national header (3), blank, title, subtitle, blank, two header rows

type Opened = { readonly stream: Writable; readonly path?: string };
const open = (t: Target): Opened => (typeof t === 'string' ? { stream: createWriteStream(t, { highWaterMark: 1024 * 1024 }), path: t } : { stream: t });
const finished = async (o: Opened): Promise<void> => {
  const done = once(o.stream, 'finish');
  o.stream.end();
  await done;
};

const padTo = (cells: Cell[], n: number, style: number): Cell[] => [...cells, ...Array.from({ length: Math.max(0, n - cells.length) }, () => txt(null, style))];

// Rows 1–9 of a level sheet; merges cover the national header blocks, title and header cells.
const levelPreamble = async (sheet: SheetWriter, doc: AppendixDocument, level: AppendixLevel, header: readonly HeaderColumn[], label: Label): Promise<void> => {
  const n = widths(header).length;
  const leftEnd = Math.min(3, Math.floor(n / 2) - 1);
  const rightStart = Math.max(leftEnd + 1, n - 8);
  const last = columnName(n - 1);
  const left = (r: number) => `A${r}:${columnName(leftEnd)}${r}`;
  const right = (r: number) => `${columnName(rightStart)}${r}:${last}${r}`;
  const block = (l: string | undefined, lStyle: number, r: string, rStyle: number): Cell[] => {
    const cells: Cell[] = Array.from({ length: n }, () => txt(null));
    cells[0] = txt(l ?? '', lStyle);
    cells[rightStart] = txt(r, rStyle);
    return cells;
  };
  await sheet.addRow(block(doc.issuer.parentName, STYLE.national, label('national.name'), STYLE.nationalBold));
  await sheet.addRow(block(doc.issuer.name, STYLE.nationalBold, label('national.motto'), STYLE.nationalBold));
  await sheet.addRow(block('', STYLE.national, placeDate(label, doc.place, doc.date), STYLE.subtitle));
  for (const r of [1, 2, 3]) {
    sheet.merge(left(r));
    sheet.merge(right(r));
  }
  await sheet.addRow([]);
  await sheet.addRow([txt(label('appendix.title'), STYLE.title)], 22);
  await sheet.addRow([
    txt(
      label('appendix.subtitle', {
        level: level.levelName,
        period: doc.periodName,
        from: formatDate(label, doc.window.from),
        to: formatDate(label, doc.window.to),
      }),
      STYLE.subtitle,
    ),
  ]);
  sheet.merge(`A5:${last}5`);
  sheet.merge(`A6:${last}6`);
  await sheet.addRow([]);
  const top: Cell[] = [];
  const bottom: Cell[] = [];
  for (const h of header) {
    const col = top.length;
    if (h.pair) {
      top.push(txt(h.title, STYLE.header), txt(null, STYLE.header));
      bottom.push(txt(label('appendix.col.self'), STYLE.header), txt(label('appendix.col.verified'), STYLE.header));
      sheet.merge(`${columnName(col)}8:${columnName(col + 1)}8`);
    } else {
      top.push(txt(h.title, STYLE.header));
      bottom.push(txt(null, STYLE.header));
      sheet.merge(`${columnName(col)}8:${columnName(col)}9`);
    }
  }
  await sheet.addRow(top, 48);
  await sheet.addRow(bottom, 18);
};

export const writeAppendix = async (doc: AppendixDocument, label: Label, targets: AppendixTargets): Promise<AppendixSummary> => {
  const opened: Opened[] = [];
  try {
    const xlsxOut = targets.xlsx !== undefined ? open(targets.xlsx) : undefined;
    if (xlsxOut) opened.push(xlsxOut);
    const book = xlsxOut
      ? new XlsxWriter(xlsxOut.stream, { title: label('appendix.title'), creator: doc.issuer.name, modifiedAt: doc.generatedAt })
      : undefined;
    const levelSheets = doc.levels.map((l) => book?.declare(l.levelName));
    const detailSheets = doc.levels.map((l) => book?.declare(label('appendix.detail_sheet', { level: l.levelName })));
    const summary: { level: string; units: number; detailRows: number }[] = [];

    for (const [i, level] of doc.levels.entries()) {
      const header = levelHeader(level, label);
      const dHeader = detailHeader(label);
      const index = criterionIndex(level);
      const levelDecl = levelSheets[i];
      const sheet =
        book && levelDecl
          ? await book.sheet(
              levelDecl,
              { widths: widths(header), columns: dataColumns(header), frozen: { rows: HEADER_ROWS, columns: 3 }, printTitleRows: [8, 9] },
              'deferred',
            )
          : undefined;
      if (sheet) await levelPreamble(sheet, doc, level, header, label);

      const detailLayout = { widths: widths(dHeader), columns: dataColumns(dHeader), frozen: { rows: 3, columns: 3 }, printTitleRows: [3, 3] as const };
      const openDetail = async (decl = detailSheets[i]) => {
        if (!book || !decl) return undefined;
        const d = await book.sheet(decl, detailLayout, 'stream');
        await d.addRow([txt(label('appendix.detail_title'), STYLE.title)], 22);
        await d.addRow([
          txt(
            label('appendix.subtitle', {
              level: level.levelName,
              period: doc.periodName,
              from: formatDate(label, doc.window.from),
              to: formatDate(label, doc.window.to),
            }),
            STYLE.subtitle,
          ),
        ]);
        d.merge(`A1:${columnName(dHeader.length - 1)}1`);
        d.merge(`A2:${columnName(dHeader.length - 1)}2`);
        await d.addRow(
          padTo(
            dHeader.map((h) => txt(h.title, STYLE.header)),
            dHeader.length,
            STYLE.header,
          ),
          36,
        );
        return d;
      };
      let detail = await openDetail();
      let detailPart = 1;

      const csvTarget = targets.csv ? open(targets.csv(level)) : undefined;
      if (csvTarget) opened.push(csvTarget);
      const csv: CsvWriter | undefined = csvTarget ? csvWriter(csvTarget.stream, csvHeader(header, label), false) : undefined;

      let units = 0;
      let detailRows = 0;
      for await (const row of level.rows) {
        units += 1;
        const values = levelValues(level, row, units, label);
        if (sheet) await sheet.addValues(values);
        if (csv) await csv.line(values);
        if (!detail) {
          detailRows += eachDetail(row, units, index, () => true).length;
          continue;
        }
        // A level beyond Excel's row limit continues on "… (2)".
        if (detail.rows() + row.criteria.length > MAX_DETAIL_ROWS) {
          await detail.close();
          detailPart += 1;
          detail = (await openDetail(book?.declare(`${label('appendix.detail_sheet', { level: level.levelName })} (${detailPart})`))) ?? detail;
        }
        const current = detail;
        const waits = eachDetail(row, units, index, (values) => current.addValues(values));
        detailRows += row.criteria.length;
        for (const w of waits) await w;
      }
      if (detail) await detail.close();
      if (sheet) {
        await sheet.close();
        await sheet.add();
      }
      if (csv && csvTarget) {
        await csv.end();
        await finished(csvTarget);
      }
      summary.push({ level: level.level, units, detailRows });
    }
    if (book && xlsxOut) {
      await book.finish();
      await finished(xlsxOut);
    }
    return { levels: summary };
  } catch (e) {
    // Never leave a half-written file that looks complete.
    for (const o of opened) {
      const closed = o.stream.closed
        ? Promise.resolve()
        : once(o.stream, 'close').then(
            () => undefined,
            () => undefined,
          );
      o.stream.destroy();
      if (!o.path) continue;
      // A file stream may still be opening: remove the file once its descriptor is closed.
      await closed;
      await unlink(o.path).catch(() => undefined);
    }
    throw e;
  }
};

/** The same files as buffers, for sending as chat attachments. */
export const appendixFiles = async (
  doc: AppendixDocument,
  label: Label,
): Promise<{ xlsx: Buffer; csv: { level: string; data: Buffer }[]; summary: AppendixSummary }> => {
  const collect = () => {
    const s = new PassThrough();
    const chunks: Buffer[] = [];
    s.on('data', (c: Buffer) => chunks.push(c));
    return { s, data: () => Buffer.concat(chunks) };
  };
  const xlsx = collect();
  const csv = new Map(doc.levels.map((l) => [l.level, collect()]));
  const summary = await writeAppendix(doc, label, { xlsx: xlsx.s, csv: (l) => csv.get(l.level)?.s ?? new PassThrough() });
  return { xlsx: xlsx.data(), csv: [...csv].map(([level, c]) => ({ level, data: c.data() })), summary };
};
