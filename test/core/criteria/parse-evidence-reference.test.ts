import { describe, expect, it } from 'vitest';
import { parseEvidenceReference } from '../../../core/criteria/parse-evidence-reference.ts';

describe('evidence as a reference', () => {
  it.each([
    [
      'QĐ số 123/QĐ-UBND ngày 05/3/2026 về thành lập Ban chỉ đạo CĐS',
      { kind: 'document', number: '123/QĐ-UBND', date: '2026-03-05', excerpt: 'thành lập Ban chỉ đạo CĐS' },
    ],
    [
      'Kế hoạch 45/KH-UBND ngày 12 tháng 1 năm 2026 v/v chuyển đổi số năm 2026',
      { kind: 'document', number: '45/KH-UBND', date: '2026-01-12', excerpt: 'chuyển đổi số năm 2026' },
    ],
    ['Số: 7/BC-UBND ngày 1/2/26 về kết quả thực hiện', { kind: 'document', number: '7/BC-UBND', date: '2026-02-01', excerpt: 'kết quả thực hiện' }],
    ['https://thachdai.hatinh.gov.vn/chuyen-muc/cds', { kind: 'url', url: 'https://thachdai.hatinh.gov.vn/chuyen-muc/cds' }],
  ])('%s', (text, expected) => {
    const r = parseEvidenceReference(text, ['file', 'reference', 'url']);
    expect(r.ok && r.value).toEqual(expected);
  });

  it.each([
    ['QĐ ngày 05/3/2026 về thành lập', ['reference'], 'evidence.reference_number'],
    ['QĐ số 123/QĐ-UBND về thành lập', ['reference'], 'evidence.reference_date'],
    ['QĐ số 123/QĐ-UBND ngày 05/3/2026', ['reference'], 'evidence.reference_excerpt'],
    ['QĐ số 123/QĐ-UBND ngày 31/2/2026 về x y z', ['reference'], 'date.invalid'],
    ['https://localhost/x', ['url'], 'evidence.bad_url'],
    ['ftp://a.gov.vn/x', ['url'], 'evidence.expected_url'],
    ['https://a.gov.vn/x', ['file', 'reference'], 'evidence.url_not_accepted'],
    ['QĐ số 1/QĐ ngày 1/1/2026 về a b c', ['file', 'url'], 'evidence.expected_url'],
    ['QĐ số 1/QĐ ngày 1/1/2026 về a b c', ['file'], 'evidence.expected'],
  ] as const)('%s (%s) → %s', (text, allowed, code) => {
    const r = parseEvidenceReference(text, allowed);
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });
});
