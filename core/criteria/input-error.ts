import { reply, type Reply, type ReplyParams } from '../reply.ts';

// Every expected input failure has one of these codes; each has a message at
// `criteria:error.<code>` in locales/{vi,en}/criteria.json (checked by a test).
export const INPUT_ERROR_CODES = [
  'input.empty',
  'input.too_long',
  'input.unexpected_choice',
  'number.invalid',
  'number.not_integer',
  'number.out_of_range',
  'number.too_small',
  'number.too_large',
  'ratio.invalid',
  'ratio.numerator_exceeds_denominator',
  'ratio.no_default_denominator',
  'date.invalid',
  'date.outside_window',
  'date.after_window',
  'choice.unknown',
  'choice.ambiguous',
  'yesno.invalid',
  'text.too_short',
  'text.too_long',
  'evidence.expected',
  'evidence.answer_first',
  'evidence.not_expected',
  'evidence.expected_url',
  'evidence.bad_url',
  'evidence.url_not_accepted',
  'evidence.reference_number',
  'evidence.reference_date',
  'evidence.reference_excerpt',
  'not_applicable.not_allowed',
  'questionnaire.finished',
  'questionnaire.unknown_criterion',
  'questionnaire.not_relevant',
  'questionnaire.answer_first',
  'questionnaire.no_explanation',
] as const;

export type InputErrorCode = (typeof INPUT_ERROR_CODES)[number];
export type InputError = { readonly code: InputErrorCode; readonly params: ReplyParams };

export const inputError = (code: InputErrorCode, params: ReplyParams = {}): InputError => ({ code, params });

export const inputErrorReply = (error: InputError): Reply => reply(`criteria:error.${error.code}`, error.params);
