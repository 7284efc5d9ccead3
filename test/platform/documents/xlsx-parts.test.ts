// The pieces under the appendix: XML text escaping, column names, CSV fields, and any text or
// number surviving a round trip through our workbook writer and exceljs' reader.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from '../../../bot/platform/documents/appendix/csv-writer.ts';
import { columnName, escapeXml, num, txt } from '../../../bot/platform/documents/xlsx/sheet-xml.ts';
import { STYLE } from '../../../bot/platform/documents/xlsx/styles.ts';
import { XlsxWriter } from '../../../bot/platform/documents/xlsx/xlsx-writer.ts';

const workbookOf = async (rows: { text: string; n: number }[]): Promise<ExcelJS.Workbook> => {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const w = new XlsxWriter(out, { title: 't', creator: 'c', modifiedAt: new Date('2024-01-01T00:00:00Z') });
  const decl = w.declare('Trang [1]: thử/nghiệm*?');
  const sheet = await w.sheet(decl, {
    widths: [10, 10, 10],
    columns: [
      { kind: 'shared', style: STYLE.text },
      { kind: 'text', style: STYLE.text },
      { kind: 'number', style: STYLE.number },
    ],
  });
  await sheet.addRow([txt('header', STYLE.header), num(1)]);
  for (const r of rows) await sheet.addValues([r.text, r.text, r.n]);
  await sheet.close();
  await w.finish();
  out.end();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as never);
  return wb;
};

describe('xlsx parts', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('column %i is %s', (i, name) => expect(columnName(i)).toBe(name));

  it.each([
    ['Thạch Đài & <Kỳ Anh> "x"', 'Thạch Đài &amp; &lt;Kỳ Anh&gt; &quot;x&quot;'],
    ['bell\u0007 and nul\u0000 gone, tab\tand\nnewline kept', 'bell and nul gone, tab\tand\nnewline kept'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
    ['emoji 😀 kept', 'emoji 😀 kept'],
  ])('escapes %j', (input, xml) => expect(escapeXml(input)).toBe(xml));

  it.each([
    ['=1+2', "'=1+2"],
    ['+84 912', "'+84 912"],
    ['-5 điểm', "'-5 điểm"],
    ['@Tổ', "'@Tổ"],
    ['\tx', "'\tx"],
    ['\rx', '"\'\rx"'],
    ['a,b', '"a,b"'],
    ['x"y', '"x""y"'],
    ['dòng 1\ndòng 2', '"dòng 1\ndòng 2"'],
    ['Khá', 'Khá'],
    ['', ''],
  ])('CSV text %j → %j', (input, field) => expect(csvField(input)).toBe(field));

  it('CSV numbers stay numbers, negative ones too; empty is empty', () => {
    expect(csvLine([-5, 865.02, 0, null, undefined, Number.NaN, 'x'])).toBe('-5,865.02,0,,,,x\r\n');
  });

  it('any text and number survive the round trip (sheet names made valid)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ text: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), n: fc.double({ noNaN: true, noDefaultInfinity: true }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        async (rows) => {
          const wb = await workbookOf(rows);
          const ws = wb.worksheets[0]!;
          expect(ws.name).toBe('Trang  1   thử nghiệm');
          rows.forEach((r, i) => {
            const row = ws.getRow(i + 2);
            const expected = escapeXml(r.text)
              .replace(/&lt;/g, '<')
              .replace(/&gt;/g, '>')
              .replace(/&quot;/g, '"')
              .replace(/&amp;/g, '&');
            const read = (c: ExcelJS.Cell) =>
              c.type === ExcelJS.ValueType.Null
                ? ''
                : typeof c.value === 'string'
                  ? c.value
                  : ((c.value as { richText?: { text: string }[] }).richText?.map((t) => t.text).join('') ?? String(c.value));
            expect(read(row.getCell(1))).toBe(expected);
            expect(read(row.getCell(2))).toBe(expected);
            expect(row.getCell(3).value).toBe(Object.is(r.n, -0) ? 0 : r.n);
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});
