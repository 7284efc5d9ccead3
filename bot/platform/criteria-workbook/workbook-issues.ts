// Problems found in a criteria workbook. Every one names the cell (`Tiêu chí!F12`) or, when no
// single cell is at fault, the sheet; each code has a message at `admin:workbook.<code>`.
import { reply, type Reply, type ReplyParams } from '../../../core/reply.ts';
import { setIssueReply, type CriteriaSetIssue } from '../../../core/criteria/validate-criteria-set.ts';

export const WORKBOOK_ISSUE_CODES = [
  'unreadable',
  'missing_sheet',
  'missing_column',
  'unknown_column',
  'duplicate_column',
  'missing_property',
  'unknown_property',
  'required',
  'number',
  'integer',
  'choice',
  'translation_missing',
  'not_used',
  'options_missing',
  'options_not_used',
  'orphan_row',
  'rule_syntax',
  'rule_unknown_setting',
  'rule_number',
  'rule_date',
  'rule_setting_not_used',
  'rule_threshold_not_used',
  'relevance_syntax',
  'no_rows',
  'missing_value',
  'too_few',
  'too_small',
  'too_big',
  'bad_code',
  'bad_key',
  'bad_value',
  'schema',
] as const;
export type WorkbookIssueCode = (typeof WORKBOOK_ISSUE_CODES)[number];

export type WorkbookIssue = { readonly cell: string; readonly key: string; readonly params: ReplyParams };

export const workbookIssue = (cell: string, code: WorkbookIssueCode, params: ReplyParams = {}): WorkbookIssue => ({
  cell,
  key: `admin:workbook.${code}`,
  params: { cell, ...params },
});

/** A cross-field problem of the set (validate-criteria-set), its path replaced by the cell. */
export const fromSetIssue = (cell: string, i: CriteriaSetIssue): WorkbookIssue => {
  const r = setIssueReply({ ...i, params: { ...i.params, path: cell } });
  return { cell, key: r.key, params: { ...r.params, cell } };
};

export const workbookIssueReply = (i: WorkbookIssue): Reply => reply(i.key, i.params);
