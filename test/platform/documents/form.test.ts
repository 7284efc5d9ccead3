// The Phiếu tự đánh giá as PDF and DOCX, read back with pdftotext/pdfinfo and unzip.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { answersSha256 } from '../../../bot/platform/documents/answers-hash.ts';
import { renderFormDocx } from '../../../bot/platform/documents/form/form-docx.ts';
import type { SelfAssessmentForm } from '../../../bot/platform/documents/form/form-model.ts';
import { renderFormPdf } from '../../../bot/platform/documents/form/form-pdf.ts';
import { num } from '../../../bot/platform/documents/labels.ts';
import { docxText, flat, pdfInfo, pdfText, zipPart } from './support/read-documents.ts';
import { labelFor, sampleForm } from './support/sample-form.ts';

let form: SelfAssessmentForm;
beforeAll(async () => {
  form = (await sampleForm()).form;
}, 60_000);

// What both formats must say, as flat strings.
const expectedContent = (f: SelfAssessmentForm): string[] => [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'UBND HUYỆN THẠCH HÀ',
  f.issuer.unitName,
  'PHIẾU TỰ ĐÁNH GIÁ',
  `Đơn vị: ${f.unitName}`,
  'Thời gian lấy số liệu: từ ngày 10/11/2023 đến ngày 10/11/2024',
  'Thạch Đài, ngày 05 tháng 11 năm 2024',
  'THỦ TRƯỞNG ĐƠN VỊ',
  f.signerName ?? '',
  ...f.groups.flatMap((g) => [`${g.number}. ${g.title}`, `Cộng nhóm ${g.number}`]),
  ...f.groups.flatMap((g) => g.criteria.map((c) => c.text)),
  `Tổng điểm tự chấm: ${num(f.total.selfPoints)}/${num(f.total.applicableMax)} điểm`,
  `Tỷ lệ đạt: ${num(f.total.percent)}%`,
  `Mã phiếu: ${f.submissionId}`,
  f.answersSha256,
];

describe('self-assessment form, PDF', { timeout: 30_000 }, () => {
  it('prints the national header, the unit, every criterion with its diacritics, subtotals, totals and the signature block', async () => {
    const text = flat(pdfText(await renderFormPdf(form, labelFor('vi'))));
    for (const piece of expectedContent(form)) expect(text, piece).toContain(flat(piece));
    // Numbers are vi-VN: the ratio values and the percent use a decimal comma, never a point.
    const ratio = form.groups.flatMap((g) => g.criteria).find((c) => typeof c.figures.value === 'number' && !Number.isInteger(c.figures.value));
    expect(text).toContain(`${num(ratio?.figures.value as number)} %`);
    expect(text).not.toMatch(/\d\.\d{2} %/);
    expect(text).toContain('Không áp dụng');
  });

  it('embeds the submission id and the answers hash in the metadata and on every page', async () => {
    const pdf = await renderFormPdf(form, labelFor('vi'));
    const info = pdfInfo(pdf);
    expect(info['Keywords']).toBe(`egov-submission:${form.submissionId} egov-answers-sha256:${form.answersSha256}`);
    expect(info['Title']).toContain('PHIẾU TỰ ĐÁNH GIÁ');
    expect(info['CreationDate']).toContain('2024');
    const pages = Number(info['Pages']);
    expect(pages).toBeGreaterThan(1);
    for (let p = 1; p <= pages; p += 1) expect(flat(pdfText(pdf, p))).toContain(`Mã phiếu: ${form.submissionId} · SHA-256 câu trả lời: ${form.answersSha256}`);
    expect(pdf.includes(Buffer.from(`(${form.answersSha256})`))).toBe(true);
    expect(pdf.includes(Buffer.from('/EgovAnswersSha256 '))).toBe(true);
  });

  it('repeats the column header on a page a long group continues on', async () => {
    const long: SelfAssessmentForm = {
      ...form,
      groups: [{ ...form.groups[0]!, criteria: Array.from({ length: 40 }, (_, i) => ({ ...form.groups[0]!.criteria[0]!, number: `1.${i + 1}` })) }],
    };
    const pdf = await renderFormPdf(long, labelFor('vi'));
    const pages = Number(pdfInfo(pdf)['Pages']);
    expect(pages).toBeGreaterThan(2);
    for (let p = 2; p < pages; p += 1) expect(flat(pdfText(pdf, p))).toContain('Tài liệu kiểm chứng');
    expect(flat(pdfText(pdf))).toContain('1.40 ');
  });

  it('speaks English with the English labels', async () => {
    const text = flat(pdfText(await renderFormPdf(form, labelFor('en'))));
    for (const piece of ['SOCIALIST REPUBLIC OF VIETNAM', 'SELF-ASSESSMENT FORM', 'HEAD OF UNIT', 'Data window: from 10/11/2023 to 10/11/2024', 'Form id:'])
      expect(text).toContain(piece);
    expect(text).toContain(form.groups[0]!.criteria[0]!.text.replace(/\s+/g, ' '));
  });

  it('refuses an identity it could not embed', async () => {
    await expect(renderFormPdf({ ...form, submissionId: 'id with spaces' }, labelFor('vi'))).rejects.toThrow(/submissionId/);
    await expect(renderFormPdf({ ...form, answersSha256: 'abc' }, labelFor('vi'))).rejects.toThrow(/64 hex/);
  });
});

describe('self-assessment form, DOCX', { timeout: 30_000 }, () => {
  it('has the same content as the PDF in word/document.xml', async () => {
    const docx = await renderFormDocx(form, labelFor('vi'));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const text = flat(docxText(zipPart(docx, 'word/document.xml')));
    for (const piece of expectedContent(form).filter((p) => !p.startsWith('Mã phiếu') && p !== form.answersSha256)) expect(text, piece).toContain(flat(piece));
    expect(zipPart(docx, 'word/document.xml')).toContain('<w:tblHeader/>');
    const footer = flat(docxText(zipPart(docx, 'word/footer1.xml')));
    expect(footer).toContain(`Mã phiếu: ${form.submissionId} · SHA-256 câu trả lời: ${form.answersSha256}`);
    expect(zipPart(docx, 'docProps/custom.xml')).toContain(`<vt:lpwstr>${form.answersSha256}</vt:lpwstr>`);
    expect(zipPart(docx, 'docProps/core.xml')).toContain(`egov-submission:${form.submissionId}`);
  });
});

describe('answers hash', () => {
  it('ignores key order at every depth and changes with any value', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.oneof(fc.integer(), fc.string(), fc.dictionary(fc.string({ maxLength: 3 }), fc.integer()))),
        (answers) => {
          const reversed = Object.fromEntries(
            Object.entries(answers)
              .reverse()
              .map(([k, v]) => [k, v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse()) : v]),
          );
          expect(answersSha256(reversed)).toBe(answersSha256(answers));
          expect(answersSha256({ ...answers, 'X-extra': 1 })).not.toBe(answersSha256(answers));
        },
      ),
    );
    expect(answersSha256({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
    expect(() => answersSha256({ a: Number.NaN })).toThrow(/non-finite/);
  });
});
