// /form over the in-memory ports: a reporter gets the Phiếu tự đánh giá of the submitted report
// as PDF and DOCX, with the national header, the unit's name and the criterion texts (read back
// with pdftotext and unzip); its figures are the score function's; scope is enforced.
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreOf } from '../../../bot/app/scores.ts';
import { formatNumber } from '../../../core/criteria/format-number.ts';
import type { CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';
import { docxText, flat, pdfText, zipPart } from '../../platform/documents/support/read-documents.ts';
import { submitDirectly } from '../support/submit-directly.ts';
import { createHarness, keys, type Harness } from '../support/use-case-harness.ts';

const start = new Date('2026-11-24T03:00:00.000Z');

describe('/form', { timeout: 60_000 }, () => {
  let h: Harness;
  let set: CriteriaSet;

  beforeAll(async () => {
    h = await createHarness(start);
    ({ set } = await h.setOf('commune'));
    await h.join(1, 'H-THACHHA', 'coordinator');
    await h.join(2, 'H-CANLOC', 'coordinator');
    await h.join(10, 'X-THACHDAI', 'reporter');
  });

  it('is refused before submission, with a message saying why', async () => {
    expect(keys(await h.text(10, '/form'))).toEqual(['coord:form.not_submitted']);
  });

  it('after submission gives the reporter a PDF and a DOCX with the header, the unit and every criterion text, and the scored total', async () => {
    const id = await submitDirectly(h, 'X-THACHDAI', 0.8, new Date('2026-11-25T03:00:00Z'));
    const out = await h.send(10, { kind: 'text', text: '/form' });
    expect(keys(out!.replies)).toEqual(['coord:form.done']);
    const [pdf, docx] = out!.attachments!;
    expect(pdf!.fileName).toBe('phieu-tu-danh-gia-x-thachdai.pdf');
    expect(pdf!.link).toMatchObject({ kind: 'form_pdf', periodId: h.seed.period.id });
    const text = flat(pdfText(pdf!.data));
    const word = flat(docxText(zipPart(docx!.data, 'word/document.xml')));
    const snapshot = (await h.repos.submissions.load(id))!;
    const score = scoreOf(set, h.seed.period, snapshot).self;
    for (const body of [text, word]) {
      expect(body).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(body).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(body).toContain('Xã Thạch Đài');
      expect(body).toContain('THỦ TRƯỞNG ĐƠN VỊ');
      expect(body).toContain(`Tổng điểm tự chấm: ${formatNumber(score.points, 2)}/${formatNumber(score.applicableMax, 2)}`);
      for (const c of set.criteria.slice(0, 5)) expect(body).toContain(flat(c.text.vi).slice(0, 40));
    }
  });

  it('lets a coordinator name a unit in scope, and refuses one outside it', async () => {
    const out = await h.send(1, { kind: 'text', text: '/form X-THACHDAI pdf' });
    expect(out!.attachments!.map((a) => a.fileName)).toEqual(['phieu-tu-danh-gia-x-thachdai.pdf']);
    expect(keys(await h.text(2, '/form X-THACHDAI'))).toEqual(['coord:out_of_scope']);
    expect(keys(await h.text(1, '/form X-NOPE'))).toEqual(['coord:unknown_unit']);
  });
});
