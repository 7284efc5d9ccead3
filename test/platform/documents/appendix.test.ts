// The appendix export: written from a synthetic level, read back with exceljs, unzip and a CSV
// parser; totals re-added from the detail rows; no live formula anywhere; numbers stay numbers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCriteria, syntheticLevel, syntheticUnit } from '../../../bench/synthetic-appendix.ts';
import type { AppendixDocument, AppendixLevel, AppendixUnitRow } from '../../../bot/platform/documents/appendix/appendix-model.ts';
import { appendixFiles, writeAppendix } from '../../../bot/platform/documents/appendix/write-appendix.ts';
import { isQuotedStyle } from '../../../bot/platform/documents/xlsx/styles.ts';
import { zipPart } from './support/read-documents.ts';
import { labelFor } from './support/sample-form.ts';

const UNITS = 120;
const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-appendix-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const docOf = (levels: AppendixLevel[]): AppendixDocument => ({
  issuer: { parentName: 'UBND TỈNH HÀ TĨNH', name: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ' },
  periodName: 'Đánh giá chính quyền số năm 2024',
  window: { from: '2023-11-10', to: '2024-11-10' },
  place: 'Hà Tĩnh',
  date: '2024-12-01',
  generatedAt: new Date('2024-12-01T02:00:00Z'),
  levels,
});

// RFC 4180 reader: enough for our own output.
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  return rows;
};

const xlsxPath = path.join(dir, 'appendix.xlsx');
const csvPath = path.join(dir, 'commune.csv');
let book: ExcelJS.Workbook;
let expected: AppendixUnitRow[];
const { groups, criteria } = syntheticCriteria(31);

beforeAll(async () => {
  expected = Array.from({ length: UNITS }, (_, i) => syntheticUnit(i, criteria, groups));
  const summary = await writeAppendix(docOf([syntheticLevel(UNITS)]), labelFor('vi'), { xlsx: xlsxPath, csv: () => csvPath });
  expect(summary.levels).toEqual([{ level: 'commune', units: UNITS, detailRows: expected.reduce((n, u) => n + u.criteria.length, 0) }]);
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsxPath);
}, 60_000);

const FIRST_DATA_ROW = 10;
const valuesOf = (ws: ExcelJS.Worksheet, r: number): unknown[] => (ws.getRow(r).values as unknown[]).slice(1);

describe('appendix workbook', { timeout: 30_000 }, () => {
  it('is a valid zip with a level sheet then its detail sheet, national header and title', () => {
    execFileSync('unzip', ['-tq', xlsxPath]);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Cấp xã', 'Cấp xã - chi tiết']);
    const ws = book.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('UBND TỈNH HÀ TĨNH');
    expect(ws.getCell('A2').value).toBe('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    const right = valuesOf(ws, 1).filter(Boolean);
    expect(right).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(valuesOf(ws, 2)).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(valuesOf(ws, 3)).toContain('Hà Tĩnh, ngày 01 tháng 12 năm 2024');
    expect(ws.getCell('A5').value).toBe('BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG');
    expect(valuesOf(ws, 8).slice(0, 5)).toEqual(['STT', 'Mã đơn vị', 'Đơn vị', '1. Môi trường chính sách', '1. Môi trường chính sách']);
    expect(valuesOf(ws, 9).slice(3, 5)).toEqual(['Tự chấm', 'Thẩm định']);
    expect(ws.rowCount).toBe(FIRST_DATA_ROW - 1 + UNITS);
  });

  it('has one row per unit with numbers as numbers, empty cells empty, and ranks as numbers or "cuối"', () => {
    const ws = book.worksheets[0]!;
    const g = groups.length;
    expected.forEach((u, i) => {
      const row = valuesOf(ws, FIRST_DATA_ROW + i);
      expect(row.slice(0, 3)).toEqual([i + 1, u.unitCode, u.unitName]);
      const groupCells = row.slice(3, 3 + 2 * g);
      expect(groupCells).toEqual(groups.flatMap((gr) => [u.groups[gr.number]?.self ?? undefined, u.groups[gr.number]?.verified ?? undefined]));
      const [totalSelf, totalVerified, max, pSelf, pVerified, tSelf, tVerified, rank, notRanked] = row.slice(3 + 2 * g, 12 + 2 * g);
      expect([totalSelf, totalVerified, max, pSelf, pVerified]).toEqual(
        [u.total.self, u.total.verified, u.applicableMax, u.percent.self, u.percent.verified].map((v) => v ?? undefined),
      );
      for (const v of [totalSelf, totalVerified, max, pSelf, pVerified]) if (v !== undefined) expect(typeof v).toBe('number');
      expect([tSelf, tVerified]).toEqual([u.tier.self ?? undefined, u.tier.verified ?? undefined]);
      if (u.rank.kind === 'ranked') expect(rank).toBe(u.rank.place);
      if (u.rank.kind === 'last') expect(rank).toBe('cuối');
      if (u.rank.kind === 'not_ranked') {
        expect(rank).toBeUndefined();
        expect(notRanked).toBe(`không xếp hạng (${u.rank.reason})`);
      } else expect(notRanked).toBeUndefined();
      // A missing verified score is an empty cell, never an empty string.
      if (u.total.verified === null) expect(ws.getRow(FIRST_DATA_ROW + i).getCell(5 + 2 * g).type).toBe(ExcelJS.ValueType.Null);
    });
    expect(expected.some((u) => u.rank.kind === 'last') && expected.some((u) => u.rank.kind === 'not_ranked')).toBe(true);
  });

  it('detail rows add up to each unit’s group subtotals and totals, self and verified', () => {
    const detail = book.worksheets[1]!;
    expect(valuesOf(detail, 3)).toEqual([
      'STT',
      'Mã đơn vị',
      'Đơn vị',
      'Mã tiêu chí',
      'Tiêu chí',
      'Điểm tối đa',
      'Tử số (a)',
      'Mẫu số (b)',
      'Tự chấm',
      'Thẩm định',
      'Giải trình',
      'Số tài liệu kiểm chứng',
    ]);
    const sums = new Map<string, { self: number; verified: number; groups: Map<string, number>; rows: number }>();
    const groupOf = new Map(criteria.map((c) => [c.code, c.group]));
    for (let r = 4; r <= detail.rowCount; r += 1) {
      const [, code, , crit, text, max, , , self, verified] = valuesOf(detail, r) as [
        number,
        string,
        string,
        string,
        string,
        number,
        unknown,
        unknown,
        number,
        number | undefined,
      ];
      expect(typeof self).toBe('number');
      expect(text).toBe(criteria.find((c) => c.code === crit)?.text);
      expect(max).toBe(criteria.find((c) => c.code === crit)?.maxPoints);
      const s = sums.get(code) ?? { self: 0, verified: 0, groups: new Map(), rows: 0 };
      s.self += self;
      s.verified += verified ?? 0;
      s.rows += 1;
      const g = groupOf.get(crit) ?? '?';
      s.groups.set(g, (s.groups.get(g) ?? 0) + self);
      sums.set(code, s);
    }
    const ws = book.worksheets[0]!;
    for (let i = 0; i < UNITS; i += 1) {
      const row = valuesOf(ws, FIRST_DATA_ROW + i);
      const code = row[1] as string;
      const totalSelf = row[3 + 2 * groups.length] as number | undefined;
      const s = sums.get(code);
      if (totalSelf === undefined) {
        expect(s).toBeUndefined();
        continue;
      }
      expect(s?.rows).toBe(criteria.length);
      expect(s?.self).toBeCloseTo(totalSelf, 6);
      const totalVerified = row[4 + 2 * groups.length] as number | undefined;
      if (totalVerified !== undefined) expect(s?.verified).toBeCloseTo(totalVerified, 6);
      groups.forEach((g, k) => expect(s?.groups.get(g.number) ?? 0).toBeCloseTo(row[3 + 2 * k] as number, 6));
    }
  });

  it('contains no formula, and marks formula-like texts as quoted text', () => {
    for (const ws of book.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
        }),
      );
    }
    const file = readFileSync(xlsxPath);
    const sheetXml = zipPart(file, 'xl/worksheets/sheet2.xml');
    expect(sheetXml).not.toMatch(/<f[ >]/);
    const styles = [...zipPart(file, 'xl/styles.xml').matchAll(/<xf [^>]*>/g)].map((m) => m[0]).slice(1); // first is cellStyleXfs
    const unescape = (t: string) =>
      t
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    const strings = [...zipPart(file, 'xl/sharedStrings.xml').matchAll(/<si><t xml:space="preserve">([^<]*)<\/t><\/si>/g)].map((m) => unescape(m[1] ?? ''));
    // Repeated texts are shared, explanations (each unit's own) inline: both are checked.
    const cells = [
      ...[...sheetXml.matchAll(/<c r="([A-Z]+)\d+" s="(\d+)" t="s"><v>(\d+)<\/v>/g)].map((m) => ({
        column: m[1],
        style: Number(m[2]),
        text: strings[Number(m[3])] ?? '',
      })),
      ...[...sheetXml.matchAll(/<c r="([A-Z]+)\d+" s="(\d+)" t="inlineStr"><is><t xml:space="preserve">([^<]*)<\/t><\/is><\/c>/g)].map((m) => ({
        column: m[1],
        style: Number(m[2]),
        text: unescape(m[3] ?? ''),
      })),
    ];
    const risky = cells.filter((c) => /^[=+\-@]/.test(c.text));
    expect(risky.length).toBeGreaterThan(0);
    for (const c of risky) {
      expect(isQuotedStyle(c.style)).toBe(true);
      expect(styles[c.style]).toContain('quotePrefix="1"');
    }
    // Texts are kept as written (Excel shows them as text; no visible apostrophe added).
    expect(risky.some((c) => c.text.startsWith('=HYPERLINK('))).toBe(true);
    // …and the plain ones keep their plain style.
    const plain = cells.filter((c) => c.column === 'K' && /^[A-ZĐ]/.test(c.text));
    expect(plain.length).toBeGreaterThan(0);
    for (const c of plain) expect(isQuotedStyle(c.style)).toBe(false);
  });
});

describe('appendix CSV', () => {
  it('is UTF-8 with BOM and CRLF, has the level sheet’s columns, numbers plain and formula-like texts quoted away', () => {
    const raw = readFileSync(csvPath);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(UNITS + 1);
    const ws = book.worksheets[0]!;
    const width = valuesOf(ws, 9).length;
    expect(rows[0]).toHaveLength(width);
    expect(rows[0]?.slice(3, 5)).toEqual(['1. Môi trường chính sách - Tự chấm', '1. Môi trường chính sách - Thẩm định']);
    rows.slice(1).forEach((r, i) => {
      expect(r).toHaveLength(width);
      const xl = valuesOf(ws, FIRST_DATA_ROW + i);
      r.forEach((field, k) => {
        const v = xl[k];
        if (typeof v === 'number') expect(Number(field)).toBe(v);
        else if (v === undefined) expect(field).toBe('');
        else expect(field).toBe(/^[=+\-@]/.test(String(v)) ? `'${String(v)}` : String(v));
        expect(field).not.toMatch(/^[=+\-@\t\r]/);
      });
    });
  });

  it('neutralises a formula-like unit name in CSV and keeps it as text in the workbook', async () => {
    const level = syntheticLevel(0);
    const row = { ...syntheticUnit(1, level.criteria, level.groups), unitName: '=1+2', unitCode: '+X1' };
    const files = await appendixFiles(docOf([{ ...level, rows: [row] }]), labelFor('vi'));
    const csv = parseCsv(files.csv[0]!.data.toString('utf8').slice(1));
    expect(csv[1]?.slice(1, 3)).toEqual(["'+X1", "'=1+2"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files.xlsx as never);
    expect(wb.worksheets[0]!.getCell(`C${FIRST_DATA_ROW}`).value).toBe('=1+2');
    expect(wb.worksheets[0]!.getCell(`C${FIRST_DATA_ROW}`).type).toBe(ExcelJS.ValueType.String);
  });
});

describe('appendix, several levels and bad input', { timeout: 30_000 }, () => {
  it('writes all level sheets first, then the detail sheets, and one CSV per level', async () => {
    const district: AppendixLevel = { ...syntheticLevel(5, 12), level: 'district', levelName: 'Cấp huyện' };
    const files = await appendixFiles(docOf([syntheticLevel(7), district]), labelFor('en'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files.xlsx as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Cấp xã', 'Cấp huyện', 'Cấp xã - detail', 'Cấp huyện - detail']);
    expect(wb.worksheets[1]!.getCell('A5').value).toBe('SUMMARY OF ASSESSMENT AND RANKING RESULTS');
    expect(wb.worksheets[1]!.rowCount).toBe(FIRST_DATA_ROW - 1 + 5);
    expect(files.csv.map((c) => [c.level, parseCsv(c.data.toString('utf8').slice(1)).length])).toEqual([
      ['commune', 8],
      ['district', 6],
    ]);
  });

  it('an empty level is a header-only sheet and CSV', async () => {
    const files = await appendixFiles(docOf([syntheticLevel(0)]), labelFor('vi'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files.xlsx as never);
    expect(wb.worksheets[0]!.rowCount).toBe(FIRST_DATA_ROW - 1);
    expect(parseCsv(files.csv[0]!.data.toString('utf8').slice(1))).toHaveLength(1);
  });

  it('refuses a criterion the level does not have, naming it, and leaves no partial file', async () => {
    const level = syntheticLevel(0);
    const good = syntheticUnit(0, level.criteria, level.groups);
    const bad = { ...good, criteria: [...good.criteria, { code: 'X-9.9', points: { self: 1, verified: null }, evidenceCount: 0 }] };
    const out = path.join(dir, 'bad.xlsx');
    await expect(writeAppendix(docOf([{ ...level, rows: [good, bad] }]), labelFor('vi'), { xlsx: out })).rejects.toThrow(/X-9\.9/);
    expect(existsSync(out)).toBe(false);
  });
});
