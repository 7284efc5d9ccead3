// The Phiếu tự đánh giá of one submission as a document model: every figure from the one score
// function (bot/app/scores.ts), every answer as an officer reads it (answerText), the texts of
// the criteria set in the reader's language. The renderers (PDF, DOCX) only lay it out.
import { formatDateVi, localMinutesOfDay, toLocalDate } from '../../../core/calendar/local-date.ts';
import { answerText } from '../../../core/criteria/answer-text.ts';
import type { StoredAnswer } from '../../../core/criteria/answer-value.schema.ts';
import type { CriteriaSet, Criterion, Tier } from '../../../core/criteria/criteria-set.schema.ts';
import { pickText, type Lang } from '../../../core/criteria/localized-text.ts';
import type { CriterionScore } from '../../../core/criteria/scoring.ts';
import type { ReplyParams } from '../../../core/reply.ts';
import type { Unit } from '../../../core/units/unit.ts';
import { answersSha256 } from '../../platform/documents/answers-hash.ts';
import type { FormCriterion, FormFigures, SelfAssessmentForm } from '../../platform/documents/form/form-model.ts';
import type { EvidenceFile, StoredPeriod, SubmissionSnapshot } from '../ports.ts';
import { scoreOf, windowOf } from '../scores.ts';

/** Translates any catalogue key (params may be nested key references). */
export type Translate = (key: string, params?: ReplyParams) => string;

export type FormSource = {
  readonly set: CriteriaSet;
  readonly period: StoredPeriod;
  readonly unit: Unit;
  readonly parent: Unit | null;
  readonly snapshot: SubmissionSnapshot;
  readonly evidence: readonly EvidenceFile[];
  readonly lang: Lang;
  readonly now: Date;
  readonly t: Translate;
};

/** The fingerprint of what was submitted: the stored answers (value, explanation, evidence count). */
export const submittedAnswersSha256 = (snapshot: Pick<SubmissionSnapshot, 'answers'>): string => answersSha256(snapshot.answers);

/** The identifier embedded in the form: the submission itself (its answers are pinned by the hash). */
export const formSubmissionId = (snapshot: Pick<SubmissionSnapshot, 'id'>): string => snapshot.id;

/** "05/11/2026 10:15" in Vietnam time (signing times). */
export const localDateTime = (at: Date): string => {
  const m = localMinutesOfDay(at);
  return `${formatDateVi(toLocalDate(at))} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

// "UBND xã Thạch Đài" → "Thạch Đài": the place name printed before the date.
const placeOf = (name: string): string =>
  name.replace(/^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/i, '').replace(/^(tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)\s+/i, '') || name;

const figuresOf = (c: Criterion, answer: StoredAnswer | undefined, lang: Lang, t: Translate): FormFigures => {
  const v = answer?.value;
  if (!v) return {};
  switch (v.type) {
    case 'ratio':
      return { numerator: v.numerator, denominator: v.denominator, value: v.denominator > 0 ? (v.numerator / v.denominator) * 100 : null, valueUnit: '%' };
    case 'percent':
      return { value: v.percent, valueUnit: '%' };
    case 'imported_score':
      return { value: v.score };
    case 'evidence_only':
      return {};
    default: {
      const r = answerText(c, v, lang);
      return { value: t(r.key, r.params) };
    }
  }
};

const tierName = (tiers: readonly Tier[], key: string | null, lang: Lang, t: Translate): string => {
  if (key === null) return t('ranking:tier.none');
  return pickText(tiers.find((x) => x.key === key)?.label, lang) || t(`ranking:tier.${key}`);
};

const pointsOf = (row: CriterionScore | undefined): { applicable: boolean; selfPoints: number | null } => {
  if (!row || row.status === 'unanswered') return { applicable: true, selfPoints: null };
  if (row.status === 'not_applicable' || row.status === 'irrelevant') return { applicable: false, selfPoints: null };
  return { applicable: true, selfPoints: row.points };
};

export const formModel = (src: FormSource): SelfAssessmentForm => {
  const { set, period, snapshot, lang, t } = src;
  const score = scoreOf(set, period, snapshot).self;
  const evidenceByCode = new Map<string, string[]>();
  for (const e of src.evidence) {
    const list = evidenceByCode.get(e.criterionCode) ?? [];
    list.push(e.fileName ?? t('documents:form.evidence_file', { kind: e.kind }));
    evidenceByCode.set(e.criterionCode, list);
  }
  const groups = set.groups.map((g) => {
    const gs = score.groups.find((x) => x.code === g.code);
    const criteria: FormCriterion[] = set.criteria
      .filter((c) => c.group === g.code)
      .map((c) => {
        const answer = snapshot.answers[c.code];
        return {
          number: c.code,
          text: pickText(c.text, lang),
          maxPoints: c.maxPoints,
          ...pointsOf(score.byCode[c.code]),
          figures: figuresOf(c, answer, lang, t),
          explanation: answer?.explanation ?? null,
          evidence: evidenceByCode.get(c.code) ?? [],
        };
      });
    return { number: g.code, title: pickText(g.title, lang), maxPoints: gs?.applicableMax ?? 0, selfPoints: gs?.points ?? 0, criteria };
  });
  const tiers = period.tiers ?? set.tiers;
  const submittedAt = snapshot.submittedAt ?? src.now;
  return {
    submissionId: formSubmissionId(snapshot),
    answersSha256: submittedAnswersSha256(snapshot),
    issuer: { ...(src.parent ? { parentName: src.parent.name.toUpperCase() } : {}), unitName: src.unit.name.toUpperCase() },
    unitName: src.unit.name,
    periodName: period.name,
    window: windowOf(period, set.level),
    groups,
    total: { selfPoints: score.points, applicableMax: score.applicableMax, percent: score.percent, tier: tierName(tiers, score.tier?.key ?? null, lang, t) },
    place: placeOf(src.unit.name),
    date: toLocalDate(submittedAt),
    // The submission time, not the print time: the same submission always gives the same file.
    generatedAt: submittedAt,
  };
};
