import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listShippedSets, loadCriteriaFile } from '../../../bot/platform/criteria-files.ts';
import { criteriaChecksum } from '../../../bot/platform/criteria-workbook/criteria-checksum.ts';
import { readCriteriaWorkbook } from '../../../bot/platform/criteria-workbook/read-criteria-workbook.ts';
import { writeCriteriaWorkbook } from '../../../bot/platform/criteria-workbook/write-criteria-workbook.ts';
import { canonicalJson } from '../../../core/criteria/canonical-json.ts';
import type { CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';
import { validateCriteriaSet } from '../../../core/criteria/validate-criteria-set.ts';
import { everyTypeSet } from './every-type-set.ts';
import { editWorkbook } from './open-workbook.ts';

const valid = (input: unknown): CriteriaSet => {
  const r = validateCriteriaSet(input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

const roundTrip = async (set: CriteriaSet): Promise<CriteriaSet> => {
  const read = await readCriteriaWorkbook(await writeCriteriaWorkbook(set));
  if (!read.ok) throw new Error(JSON.stringify(read.error.slice(0, 5)));
  return read.value;
};

describe('criteria workbook round trip', () => {
  it.each(listShippedSets())('%s: YAML → xlsx → read gives the same canonical definition and checksum', async (file) => {
    const loaded = await loadCriteriaFile(file);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const back = await roundTrip(loaded.value);
    expect(canonicalJson(back)).toBe(canonicalJson(loaded.value));
    expect(criteriaChecksum(back)).toBe(criteriaChecksum(loaded.value));
  });

  it('carries every answer type and optional field exactly', async () => {
    const set = valid(everyTypeSet);
    const back = await roundTrip(set);
    expect(back).toEqual(set);
    // What the reader must not invent: absent optional values stay absent.
    const a2 = back.criteria.find((c) => c.code === 'A-2');
    expect(a2?.answer).toEqual({ type: 'boolean', noPoints: 0 });
    expect(back.groups[1]).toEqual({ code: '1.10', title: { vi: 'Nhóm 1.10', en: 'Group 1.10' } });
  });

  it('the checksum ignores key order and defaults written out, and changes with the content', () => {
    const set = valid(everyTypeSet);
    const reordered = Object.fromEntries(Object.entries(set).reverse()) as CriteriaSet;
    expect(criteriaChecksum(reordered)).toBe(criteriaChecksum(set));
    expect(criteriaChecksum(valid({ ...everyTypeSet, explanationMinLength: 10 }))).toBe(
      criteriaChecksum(valid({ ...everyTypeSet, explanationMinLength: undefined })),
    );
    expect(criteriaChecksum(valid({ ...everyTypeSet, legalBasis: 'khác' }))).not.toBe(criteriaChecksum(set));
  });

  // Texts an officer may type: Vietnamese letters, the separators of the cell syntaxes, quotes,
  // line breaks, digits that look like numbers.
  const chars = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂĐÔ ;:="\'\n,.%-_/()<>≥≤0123456789ệởữ'];
  const text = fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s !== '');

  it('carries any text in any text cell (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 8, maxLength: 8 }), async ([a, b, c, d, e, f, g, h]) => {
        const input = structuredClone(everyTypeSet);
        const [first, , third] = input.criteria;
        if (!first || !third || third.answer.type !== 'choice') throw new Error('fixture');
        first.text = { vi: a!, en: b! };
        first.help = { vi: c!, en: d! };
        third.answer.options[0]!.label = { vi: e!, en: f! };
        input.title = { vi: g!, en: h! };
        input.groups[0]!.title = { vi: h!, en: g! };
        const set = valid(input);
        expect(canonicalJson(await roundTrip(set))).toBe(canonicalJson(set));
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it('an empty English cell takes the Vietnamese text', async () => {
    const data = await editWorkbook(await writeCriteriaWorkbook(valid(everyTypeSet)), (wb) => {
      wb.getWorksheet('Tiêu chí')!.getCell('D2').value = null;
    });
    const read = await readCriteriaWorkbook(data);
    expect(read.ok && read.value.criteria[0]?.text).toEqual({ vi: 'Có quy chế?', en: 'Có quy chế?' });
  });
});
