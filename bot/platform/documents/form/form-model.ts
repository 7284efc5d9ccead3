// The view model of a Phiếu tự đánh giá (self-assessment form): plain data the caller fills from
// the scoring core; the renderers (form-pdf.ts, form-docx.ts) only lay it out. Texts that come
// from elsewhere (criterion texts, tier names, answer values such as "Có") arrive already in
// the reader's language; points are numbers and are formatted vi-VN here.

export type FormFigures = {
  /** Tử số (a) and mẫu số (b) of a ratio criterion; leave out for other answer types. */
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  /** The answer as read: a number (printed vi-VN, e.g. a ratio's 86,5 %) or a text the caller localised ("Có", "15/10/2024"). */
  readonly value?: number | string | null;
  /** Unit of a numeric value, e.g. "%"; printed after it. */
  readonly valueUnit?: string;
};

export type FormCriterion = {
  /** STT as printed, e.g. "1.2". */
  readonly number: string;
  readonly text: string;
  readonly maxPoints: number;
  /** false: the criterion does not apply to this unit (out of the applicable maximum). */
  readonly applicable: boolean;
  readonly figures: FormFigures;
  /** null = not answered. */
  readonly selfPoints: number | null;
  readonly explanation?: string | null;
  /** One line per piece of evidence (file name or document reference). */
  readonly evidence: readonly string[];
};

export type FormGroup = {
  /** e.g. "1" or "I". */
  readonly number: string;
  readonly title: string;
  /** Applicable maximum of the group and the unit's points in it, as the scoring core gives them. */
  readonly maxPoints: number;
  readonly selfPoints: number;
  readonly criteria: readonly FormCriterion[];
};

export type SelfAssessmentForm = {
  /** Identifier of the submission (version) this form was generated for; [A-Za-z0-9_.:-]. */
  readonly submissionId: string;
  /** answersSha256() of the submitted answers: 64 hex digits. */
  readonly answersSha256: string;
  /** Top-left block: the superior body (e.g. "UBND HUYỆN THẠCH HÀ") above the unit's own name. */
  readonly issuer: { readonly parentName?: string; readonly unitName: string };
  readonly unitName: string;
  readonly periodName: string;
  /** Data window (mốc thời gian lấy số liệu), 'YYYY-MM-DD'. */
  readonly window: { readonly from: string; readonly to: string };
  readonly groups: readonly FormGroup[];
  readonly total: { readonly selfPoints: number; readonly applicableMax: number; readonly percent: number; readonly tier: string };
  /** Địa danh and date printed above the signature, 'YYYY-MM-DD'. */
  readonly place: string;
  readonly date: string;
  /** Name under the signature block, when known. */
  readonly signerName?: string;
  /** Creation time written into the file's metadata (kept out of `new Date()` so output is reproducible). */
  readonly generatedAt: Date;
};

/** The tags embedded in the PDF (Keywords) that checkSignedForm looks for in the signed bytes. */
export const formTags = (submissionId: string, answersSha256: string): { readonly submission: string; readonly answers: string } => ({
  submission: `egov-submission:${submissionId}`,
  answers: `egov-answers-sha256:${answersSha256.toLowerCase()}`,
});

const ID = /^[A-Za-z0-9_.:-]{1,128}$/;
const HEX64 = /^[0-9a-fA-F]{64}$/;

/** Throws when the identity fields could not be embedded and matched later. */
export const assertFormIdentity = (form: Pick<SelfAssessmentForm, 'submissionId' | 'answersSha256'>): void => {
  if (!ID.test(form.submissionId)) throw new RangeError(`form: submissionId must be 1–128 of [A-Za-z0-9_.:-], got "${form.submissionId}"`);
  if (!HEX64.test(form.answersSha256)) throw new RangeError(`form: answersSha256 must be 64 hex digits, got "${form.answersSha256}"`);
};
