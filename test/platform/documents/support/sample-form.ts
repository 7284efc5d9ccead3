// A realistic form from the shipped commune set (31 criteria, six groups, Vietnamese texts),
// with deterministic made-up answers: ratios carry a/b, one criterion is not applicable, one
// below max is explained. Subtotals and totals are summed here, as the scoring core would.
import path from 'node:path';
import { createTranslator, type Locale } from '../../../../bot/platform/i18n.ts';
import { answersSha256 } from '../../../../bot/platform/documents/answers-hash.ts';
import type { FormCriterion, FormGroup, SelfAssessmentForm } from '../../../../bot/platform/documents/form/form-model.ts';
import type { Label } from '../../../../bot/platform/documents/labels.ts';
import { loadCriteriaFile } from '../../../../bot/platform/criteria-files.ts';
import type { CriteriaSet } from '../../../../core/criteria/criteria-set.schema.ts';
import { DEFAULT_TIERS } from '../../../../core/criteria/criteria-set.schema.ts';
import { tierFor } from '../../../../core/criteria/scoring.ts';

export const communeSet = async (): Promise<CriteriaSet> => {
  const r = await loadCriteriaFile(path.resolve('core/criteria/sets/commune-2025.yaml'));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const translator = createTranslator('vi');
export const labelFor =
  (locale: Locale): Label =>
  (key, params) =>
    translator.t(locale, `documents:${key}`, params);

export type SampleOptions = { readonly submissionId?: string; readonly unitName?: string; readonly seed?: number };

export const sampleForm = async (options: SampleOptions = {}): Promise<{ form: SelfAssessmentForm; answers: Record<string, unknown> }> => {
  const set = await communeSet();
  const seed = options.seed ?? 1;
  const answers: Record<string, unknown> = {};
  const groups: FormGroup[] = set.groups.map((g) => {
    const criteria: FormCriterion[] = set.criteria
      .filter((c) => c.group === g.code)
      .map((c, i) => {
        const k = (i + seed) % 5;
        const applicable = c.code !== 'X-6.7';
        const isRatio = c.answer.type === 'ratio' || c.answer.type === 'ratio_threshold';
        const denominator = isRatio ? 20 + k * 3 : undefined;
        const numerator = isRatio && denominator ? denominator - k : undefined;
        const points = !applicable ? null : k === 0 ? c.maxPoints : Math.round(((c.maxPoints * (5 - k)) / 5) * 100) / 100;
        answers[c.code] = isRatio ? { type: 'ratio', numerator, denominator } : { type: 'points', value: points };
        return {
          number: c.code.replace(/^X-/, ''),
          text: c.text.vi,
          maxPoints: c.maxPoints,
          applicable,
          figures: isRatio
            ? { numerator: numerator ?? null, denominator: denominator ?? null, value: ((numerator ?? 0) / (denominator ?? 1)) * 100, valueUnit: '%' }
            : { value: k === 0 ? 'Có' : String(k) },
          selfPoints: points,
          explanation: points !== null && points < c.maxPoints ? `Đã triển khai ${5 - k}/5 nội dung; phần còn lại thực hiện trong quý I năm sau.` : null,
          evidence: c.evidence === 'none' ? [] : [`QĐ số ${10 + i}/QĐ-UBND ngày 15/3/2024.pdf`],
        };
      });
    const applicableMax = criteria.filter((c) => c.applicable).reduce((s, c) => s + c.maxPoints, 0);
    const selfPoints = criteria.reduce((s, c) => s + (c.selfPoints ?? 0), 0);
    return { number: g.code, title: g.title.vi, maxPoints: applicableMax, selfPoints: Math.round(selfPoints * 100) / 100, criteria };
  });
  const selfPoints = Math.round(groups.reduce((s, g) => s + g.selfPoints, 0) * 100) / 100;
  const applicableMax = groups.reduce((s, g) => s + g.maxPoints, 0);
  const percent = Math.round((selfPoints / applicableMax) * 10000) / 100;
  const form: SelfAssessmentForm = {
    submissionId: options.submissionId ?? 'sub-0f3a9c2e-v3',
    answersSha256: answersSha256(answers),
    issuer: { parentName: 'UBND HUYỆN THẠCH HÀ', unitName: (options.unitName ?? 'UBND xã Thạch Đài').toUpperCase() },
    unitName: options.unitName ?? 'UBND xã Thạch Đài',
    periodName: 'Đánh giá kết quả phát triển chính quyền số năm 2024',
    window: { from: '2023-11-10', to: '2024-11-10' },
    groups,
    total: { selfPoints, applicableMax, percent, tier: translator.t('vi', `ranking:tier.${tierFor(DEFAULT_TIERS, percent)?.key ?? 'none'}`) },
    place: 'Thạch Đài',
    date: '2024-11-05',
    signerName: 'Nguyễn Văn Đức',
    generatedAt: new Date('2024-11-05T02:30:00Z'),
  };
  return { form, answers };
};
