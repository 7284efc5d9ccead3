import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUnitCsv, splitCsvLine } from '../../../core/units/parse-unit-csv.ts';

const existing = new Map([
  ['HATINH', 'province' as const],
  ['H-TH', 'district' as const],
]);
const header = 'code,name,level,parent_code\n';

describe('parseUnitCsv', () => {
  it('cleans names of invisible format characters (a U+2063 in a name breaks no screen)', () => {
    const r = parseUnitCsv(`${header}X-1,\u2063<b>Xã\u200b 1</b>,commune,H-TH\n`, existing);
    expect(r.ok && r.value[0]?.name).toBe('<b>Xã 1</b>');
  });

  it.each([
    ['bad header', 'id,name\n', 1, 'csv.bad_header'],
    ['field count', `${header}X-1,Xã 1,commune\n`, 2, 'csv.field_count'],
    ['bad code', `${header}X 1,Xã 1,commune,H-TH\n`, 2, 'csv.bad_code'],
    ['bad level', `${header}X-1,Xã 1,xa,H-TH\n`, 2, 'csv.bad_level'],
    ['unknown parent', `${header}X-1,Xã 1,commune,H-ZZ\n`, 2, 'csv.unknown_parent'],
    ['commune under commune', `${header}X-1,Xã 1,commune,H-TH\nX-2,Xã 2,commune,X-1\n`, 3, 'csv.bad_parent_level'],
    ['province with parent', `${header}P-2,Tỉnh,province,HATINH\n`, 2, 'csv.bad_parent_level'],
    ['duplicate', `${header}X-1,Xã 1,commune,H-TH\nX-1,Xã 1b,commune,H-TH\n`, 3, 'csv.duplicate_code'],
    ['unclosed quote', `${header}X-1,"Xã 1,commune,H-TH\n`, 2, 'csv.unclosed_quote'],
    ['empty name', `${header}X-1,,commune,H-TH\n`, 2, 'csv.bad_name'],
    ['no rows', header, 1, 'csv.empty'],
  ])('%s → line %i %s', (_name, text, line, code) => {
    const r = parseUnitCsv(text, existing);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]).toMatchObject({ line, code });
  });

  it('reports every bad row, not only the first', () => {
    const r = parseUnitCsv(`${header}X-1,Xã 1,xa,H-TH\nX-2,Xã 2,commune,H-TH\nX-3,Xã 3,commune,NOPE\n`, existing);
    expect(r.ok ? [] : r.error.map((p) => p.line)).toEqual([2, 4]);
  });

  it('accepts communes directly under the province (two-level installations), quotes, BOM and CRLF', () => {
    const r = parseUnitCsv(
      `\uFEFF${header.replace('\n', '\r\n')}X-1,"Xã ""Một"", mới",commune,HATINH\r\nH-2,Huyện 2,district,HATINH\r\nX-2,Xã 2,COMMUNE,H-2\r\n`,
      existing,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual([
      { code: 'X-1', name: 'Xã "Một", mới', level: 'commune', parentCode: 'HATINH' },
      { code: 'H-2', name: 'Huyện 2', level: 'district', parentCode: 'HATINH' },
      { code: 'X-2', name: 'Xã 2', level: 'commune', parentCode: 'H-2' },
    ]);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        parseUnitCsv(header + text, existing);
        splitCsvLine(text);
      }),
    );
  });
});

describe('parseUnitCsv with the optional excluded column', () => {
  const withExcluded = 'code,name,level,parent_code,excluded\n';
  it('reads yes/no, leaves an empty cell unset, and refuses other values with the line', () => {
    const r = parseUnitCsv(`${withExcluded}X-1,Xã 1,commune,H-TH,yes\nX-2,Xã 2,commune,H-TH,no\nX-3,Xã 3,commune,H-TH,\n`, existing);
    expect(r.ok && r.value.map((u) => u.excluded)).toEqual([true, false, undefined]);
    const bad = parseUnitCsv(`${withExcluded}X-1,Xã 1,commune,H-TH,maybe\n`, existing);
    expect(bad.ok ? null : bad.error[0]).toMatchObject({ line: 2, code: 'csv.bad_excluded', params: { value: 'maybe' } });
    const short = parseUnitCsv(`${withExcluded}X-1,Xã 1,commune,H-TH\n`, existing);
    expect(short.ok ? null : short.error[0]).toMatchObject({ line: 2, code: 'csv.field_count', params: { expected: 5, found: 4 } });
  });
});
