// The criteria workbook format: sheet names, the words an officer picks from drop-down lists, and
// the column model shared by the writer, the reader and the instructions sheet. The workbook is a
// Vietnamese document (each province's appendix is), so these words are the file format itself,
// like YAML keys, and do not change with the reader's language.
import type { AnswerType } from '../../../core/criteria/answer-spec.schema.ts';

export const SHEETS = {
  instructions: 'Hướng dẫn',
  set: 'Bộ tiêu chí',
  groups: 'Nhóm',
  criteria: 'Tiêu chí',
} as const;

/** `aliases`: other spellings an officer may type, e.g. "tỉ lệ" for "tỷ lệ". */
export type VocabEntry<T> = { readonly value: T; readonly label: string; readonly aliases?: readonly string[] };
export type Vocab<T = string | boolean> = readonly VocabEntry<T>[];

export const ANSWER_TYPES: Vocab<AnswerType> = [
  { value: 'boolean', label: 'có/không', aliases: ['có / không', 'có hoặc không'] },
  { value: 'choice', label: 'chọn một' },
  { value: 'multi_check', label: 'chọn nhiều' },
  { value: 'count', label: 'số lượng' },
  { value: 'ratio', label: 'tỷ lệ', aliases: ['tỉ lệ'] },
  { value: 'ratio_threshold', label: 'tỷ lệ theo mức', aliases: ['tỉ lệ theo mức'] },
  { value: 'percent', label: 'phần trăm' },
  { value: 'date', label: 'ngày' },
  { value: 'imported_score', label: 'điểm từ hệ thống' },
  { value: 'text', label: 'văn bản' },
  { value: 'evidence_only', label: 'chỉ minh chứng' },
];

export const LEVELS: Vocab<'commune' | 'district' | 'department' | 'province'> = [
  { value: 'commune', label: 'xã' },
  { value: 'district', label: 'huyện' },
  { value: 'department', label: 'sở/ngành' },
  { value: 'province', label: 'tỉnh' },
];

export const ANSWERED_BY: Vocab<'unit' | 'assessor'> = [
  { value: 'unit', label: 'đơn vị tự đánh giá' },
  { value: 'assessor', label: 'người đánh giá' },
];

export const YES_NO: Vocab<boolean> = [
  { value: true, label: 'có' },
  { value: false, label: 'không' },
];

export const EVIDENCE: Vocab<'none' | 'optional' | 'required'> = [
  { value: 'none', label: 'không cần' },
  { value: 'optional', label: 'tùy chọn' },
  { value: 'required', label: 'bắt buộc' },
];

/** Kinds of evidence that count, as a canonical comma list of 'file' | 'reference' | 'url'. */
export const EVIDENCE_KINDS: Vocab<string> = [
  { value: 'file', label: 'tệp' },
  { value: 'file,reference', label: 'tệp/số hiệu' },
  { value: 'file,url', label: 'tệp/đường dẫn' },
  { value: 'file,reference,url', label: 'tệp/số hiệu/đường dẫn' },
  { value: 'reference', label: 'số hiệu' },
  { value: 'url', label: 'đường dẫn' },
  { value: 'reference,url', label: 'số hiệu/đường dẫn' },
];

export const DATE_VALIDITY: Vocab<'issued_in_window' | 'in_force'> = [
  { value: 'issued_in_window', label: 'ban hành trong kỳ' },
  { value: 'in_force', label: 'còn hiệu lực' },
];

export const EXPLANATION: Vocab<'below_max' | 'always' | 'never'> = [
  { value: 'below_max', label: 'khi chưa đạt tối đa' },
  { value: 'always', label: 'luôn luôn' },
  { value: 'never', label: 'không cần' },
];

export const ZERO_DENOMINATOR: Vocab<'not_applicable' | 'full' | 'zero'> = [
  { value: 'not_applicable', label: 'không áp dụng' },
  { value: 'full', label: 'đủ điểm' },
  { value: 'zero', label: '0 điểm' },
];

/** What a cell holds; decides how it is read, written and validated in Excel. */
export type CellKind = 'text' | 'code' | 'number' | 'integer' | 'enum' | 'rule' | 'relevance' | 'group' | 'profile_key';

export type ColumnDef = {
  readonly key: string;
  readonly header: string;
  /** The field of the YAML format it holds, shown in the instructions and accepted as a header. */
  readonly field: string;
  readonly kind: CellKind;
  readonly width: number;
  readonly vocab?: Vocab;
  readonly required?: boolean;
  readonly help: string;
  readonly example?: string;
};

/** Spare formatted rows (with drop-down lists) below the data, for officers to add to. */
export const SPARE_ROWS = 300;

export const labelOf = (vocab: Vocab, value: unknown): string => vocab.find((v) => v.value === value)?.label ?? String(value);
