// What a form says, as text, independent of the file format: the PDF and DOCX renderers lay out
// the same strings, so both carry identical content (and one test reads both).
import { formatDate, num, placeDate, type Label } from '../labels.ts';
import { assertFormIdentity, formTags, type FormCriterion, type SelfAssessmentForm } from './form-model.ts';

/** Table columns, left to right. */
export const FORM_COLUMNS = ['stt', 'criterion', 'max', 'numerator', 'denominator', 'value', 'self', 'explanation', 'evidence'] as const;
export type FormRow = readonly string[];

export type FormContent = {
  readonly headerLeft: readonly string[];
  /** The unit's own name (bold, the last line of the left block). */
  readonly headerLeftBold: string;
  readonly nationalName: string;
  readonly nationalMotto: string;
  readonly placeDate: string;
  readonly title: string;
  readonly subtitle: string;
  readonly info: readonly string[];
  /** Group header cells "Số liệu" spans numerator…value. */
  readonly columnTitles: Readonly<Record<(typeof FORM_COLUMNS)[number] | 'figures', string>>;
  readonly groups: readonly { readonly heading: string; readonly rows: readonly FormRow[]; readonly subtotal: FormRow }[];
  readonly totals: readonly string[];
  readonly signatureTitle: string;
  readonly signatureHint: string;
  readonly signerName: string;
  readonly identityLine: string;
  readonly keywords: string;
  readonly subject: string;
};

const valueText = (c: FormCriterion): string => {
  const v = c.figures.value;
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? `${num(v)}${c.figures.valueUnit ? ` ${c.figures.valueUnit}` : ''}` : v;
};

const criterionRow = (c: FormCriterion, label: Label): FormRow => [
  c.number,
  c.text,
  num(c.maxPoints),
  num(c.figures.numerator),
  num(c.figures.denominator),
  valueText(c),
  !c.applicable ? label('form.not_applicable') : c.selfPoints === null ? label('form.not_answered') : num(c.selfPoints),
  c.explanation ?? '',
  c.evidence.join('\n'),
];

export const formContent = (form: SelfAssessmentForm, label: Label): FormContent => {
  assertFormIdentity(form);
  const tags = formTags(form.submissionId, form.answersSha256);
  return {
    headerLeft: form.issuer.parentName ? [form.issuer.parentName] : [],
    headerLeftBold: form.issuer.unitName,
    nationalName: label('national.name'),
    nationalMotto: label('national.motto'),
    placeDate: placeDate(label, form.place, form.date),
    title: label('form.title'),
    subtitle: form.periodName,
    info: [
      label('form.unit_line', { unit: form.unitName }),
      label('form.period_line', { period: form.periodName }),
      label('form.window_line', { from: formatDate(label, form.window.from), to: formatDate(label, form.window.to) }),
    ],
    columnTitles: {
      stt: label('form.col.stt'),
      criterion: label('form.col.criterion'),
      max: label('form.col.max'),
      figures: label('form.col.figures'),
      numerator: label('form.col.numerator'),
      denominator: label('form.col.denominator'),
      value: label('form.col.value'),
      self: label('form.col.self'),
      explanation: label('form.col.explanation'),
      evidence: label('form.col.evidence'),
    },
    groups: form.groups.map((g) => ({
      heading: label('form.group_heading', { number: g.number, title: g.title, max: num(g.maxPoints) }),
      rows: g.criteria.map((c) => criterionRow(c, label)),
      subtotal: ['', label('form.subtotal', { number: g.number }), num(g.maxPoints), '', '', '', num(g.selfPoints), '', ''],
    })),
    totals: [
      label('form.total_line', { points: num(form.total.selfPoints), max: num(form.total.applicableMax) }),
      label('form.percent_line', { percent: num(form.total.percent) }),
      label('form.tier_line', { tier: form.total.tier }),
    ],
    signatureTitle: label('form.signature.title'),
    signatureHint: label('form.signature.hint'),
    signerName: form.signerName ?? '',
    identityLine: label('form.identity', { id: form.submissionId, hash: form.answersSha256.toLowerCase() }),
    keywords: `${tags.submission} ${tags.answers}`,
    subject: label('form.metadata_subject', { unit: form.unitName, period: form.periodName }),
  };
};
