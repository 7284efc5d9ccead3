// A set that uses every answer type and every optional field the format has, with the awkward
// values a workbook must carry: decimals, "1.10" as a code, separators and quotes in labels.
import type { CriteriaSetInput } from '../../../core/criteria/criteria-set.schema.ts';

const t = (vi: string, en = `${vi} (en)`) => ({ vi, en });
const yesNo = [
  { value: 'opt_a', label: t('Đạt; đủ "điều kiện"'), points: 10 },
  { value: 'opt-b', label: t('Chưa đạt: thiếu = 0'), points: 0 },
];

type C = CriteriaSetInput['criteria'][number];
const criteria: C[] = [
  {
    code: 'A-1',
    group: 'A',
    text: t('Có quy chế?'),
    help: t('Ghi số hiệu\nvà ngày ký'),
    answer: { type: 'boolean', yesPoints: 10, noPoints: 2 },
    maxPoints: 10,
    evidence: 'required',
    explanation: 'always',
    evidenceHint: t('Quy chế'),
    dataSource: 'QLVB&ĐH',
    verifier: 'Sở KH&CN',
    provenance: 'R (F-1)',
  },
  { code: 'A-2', group: 'A', text: t('Có/không, điểm lẻ', 'Same text'), answer: { type: 'boolean' }, maxPoints: 12.5 },
  { code: 'A-3', group: 'A', text: t('Chọn một'), answer: { type: 'choice', options: yesNo }, maxPoints: 10, allowNotApplicable: true },
  {
    code: 'A-4',
    group: 'A',
    text: t('Chọn nhiều'),
    answer: {
      type: 'multi_check',
      items: [
        { value: 'x', label: t('X'), points: 5 },
        { value: 'y', label: t('Y'), points: 5 },
        { value: 'z', label: t('Z'), points: 10 },
      ],
      cap: 15,
    },
    maxPoints: 15,
  },
  {
    code: 'A-5',
    group: 'A',
    text: t('Đếm theo mức'),
    answer: {
      type: 'count',
      tiers: [
        { min: 0, points: 0 },
        { min: 1, points: 5 },
        { min: 1000, points: 10 },
      ],
      unitLabel: t('hồ sơ'),
    },
    maxPoints: 10,
    constraints: { min: 0, max: 100000 },
    relevantWhen: { criterion: 'A-1', equals: true },
  },
  { code: 'A-6', group: 'A', text: t('Đếm từng cái'), answer: { type: 'count', perItem: 5 }, maxPoints: 20 },
  {
    code: '1.10-1',
    group: '1.10',
    text: t('Tỷ lệ'),
    answer: { type: 'ratio', numeratorLabel: t('Tử'), denominatorLabel: t('Mẫu'), zeroDenominator: 'full', defaultDenominator: 'officials', integer: false },
    maxPoints: 20,
    relevantWhen: { criterion: 'A-5', minPoints: 5 },
  },
  {
    code: '1.10-2',
    group: '1.10',
    text: t('Tỷ lệ theo mức'),
    answer: {
      type: 'ratio_threshold',
      numeratorLabel: t('Tử'),
      denominatorLabel: t('Mẫu'),
      zeroDenominator: 'zero',
      denominatorCriterion: 'A-6',
      bands: [
        { minPercent: 80, points: 20 },
        { minPercent: 50.5, points: 10 },
        { minPercent: 0, points: 0 },
      ],
    },
    maxPoints: 20,
    relevantWhen: { criterion: 'A-3', equals: 'opt_a' },
  },
  { code: '1.10-3', group: '1.10', text: t('Phần trăm'), answer: { type: 'percent' }, maxPoints: 7 },
  {
    code: '1.10-4',
    group: '1.10',
    text: t('Phần trăm theo mức'),
    answer: {
      type: 'percent',
      bands: [
        { minPercent: 90, points: 12.5 },
        { minPercent: 0, points: 0 },
      ],
    },
    maxPoints: 12.5,
  },
  {
    code: '1.10-5',
    group: '1.10',
    text: t('Ngày ban hành'),
    answer: {
      type: 'date',
      byDate: [
        { onOrBefore: '03-31', points: 40 },
        { onOrBefore: '2025-06-30', points: 30 },
      ],
      otherwisePoints: 20,
      allowNone: true,
    },
    maxPoints: 40,
  },
  { code: '1.10-6', group: '1.10', text: t('Điểm từ hệ thống'), answer: { type: 'imported_score', scale: 1000, source: t('Cổng DVC') }, maxPoints: 20 },
  {
    code: '1.10-7',
    group: '1.10',
    text: t('Văn bản có điểm'),
    answer: { type: 'text', points: 3 },
    maxPoints: 3,
    constraints: { minLength: 5, maxLength: 300 },
    relevantWhen: { criterion: 'A-6', equals: 1000 },
  },
  { code: '1.10-8', group: '1.10', text: t('Chỉ minh chứng'), answer: { type: 'evidence_only' }, maxPoints: 5, evidence: 'required' },
  {
    code: '1.10-9',
    group: '1.10',
    text: t('Ghi chú'),
    answer: { type: 'text' },
    maxPoints: 0,
    explanation: 'never',
    evidence: 'optional',
    relevantWhen: { criterion: '1.10-8', answered: true },
  },
];

const total = criteria.reduce((s, c) => s + c.maxPoints, 0);
const groupA = criteria.filter((c) => c.group === 'A').reduce((s, c) => s + c.maxPoints, 0);

export const everyTypeSet: CriteriaSetInput = {
  key: 'every_type',
  version: 3,
  title: t('Bộ thử mọi loại trả lời', 'Every answer type'),
  level: 'district',
  totalPoints: total,
  tiers: [
    { key: 'xuat_sac', minPercent: 95, label: t('Xuất sắc', 'Excellent') },
    { key: 'tot', minPercent: 80 },
    { key: 'yeu', minPercent: 0 },
  ],
  answeredBy: 'assessor',
  scored: true,
  explanationMinLength: 20,
  evidenceBlocksSubmission: true,
  legalBasis: 'QĐ 1/QĐ-UBND; "phụ lục"',
  profile: [
    { key: 'officials', label: t('Số CBCC'), min: 1, max: 500, required: true },
    { key: 'villages', label: t('Số thôn') },
  ],
  groups: [
    { code: 'A', title: t('Nhóm A'), maxPoints: groupA },
    { code: '1.10', title: t('Nhóm 1.10', 'Group 1.10') },
  ],
  criteria,
};
