import type { AnswerValue, DateWindow, ProfileValues, StoredAnswer } from '../criteria/answer-value.schema.ts';
import type { Criterion } from '../criteria/criteria-set.schema.ts';
import { cleanInput, foldText, MAX_INPUT_LENGTH } from '../criteria/fold-text.ts';
import { inputError, type InputError } from '../criteria/input-error.ts';
import { parseChoice, parseMultiChoice } from '../criteria/parse-choice.ts';
import { parseDate } from '../criteria/parse-date.ts';
import { parseNumber, parsePercent } from '../criteria/parse-number.ts';
import { checkRatio, parseRatio, splitRatio } from '../criteria/parse-ratio.ts';
import { isNoKeyword, parseYesNo } from '../criteria/parse-yes-no.ts';
import { err, ok, type Result } from '../result.ts';
import { COUNT_MAX } from './question-prompts.ts';
import { CHOICE, type QuestionnaireInput, type SessionState } from './session-state.schema.ts';

/** What one input means for the question on screen (value, numerator or denominator step). */
export type Interpretation =
  | { readonly kind: 'commit'; readonly value: AnswerValue; readonly addEvidence: number }
  | { readonly kind: 'numerator'; readonly numerator: number }
  | { readonly kind: 'toggle'; readonly items: string[] };

type Out = Result<Interpretation, InputError>;

const commit = (value: AnswerValue, addEvidence = 0): Out => ok({ kind: 'commit', value, addEvidence });
const NOT_APPLICABLE_WORDS = new Set(['na', 'n/a', 'n.a', 'k/a', 'kad', 'khong ap dung', 'not applicable']);
const unexpected = (): Out => err(inputError('input.unexpected_choice'));

const fromResult = <T>(r: Result<T, InputError>, f: (v: T) => Out): Out => (r.ok ? f(r.value) : r);

const interpretRatio = (c: Criterion, state: SessionState, profile: ProfileValues, input: QuestionnaireInput): Out => {
  const spec = c.answer;
  if (spec.type !== 'ratio' && spec.type !== 'ratio_threshold') return unexpected();
  const toValue = (r: { numerator: number; denominator: number }): Out => commit({ type: 'ratio', ...r });
  const maxDenominator = c.constraints.max;
  const numerator = state.draft?.numerator;
  const asking = state.step === 'denominator' && numerator !== undefined;
  if (input.kind === 'choice') {
    if (input.value !== CHOICE.defaultDenominator || !asking) return unexpected();
    const value = spec.defaultDenominator ? profile[spec.defaultDenominator] : undefined;
    if (value === undefined) return err(inputError('ratio.no_default_denominator'));
    return fromResult(checkRatio(numerator, value), toValue);
  }
  if (input.kind !== 'text') return unexpected();
  if (splitRatio(input.text)) {
    return fromResult(parseRatio(input.text, { integer: spec.integer, ...(maxDenominator !== undefined ? { maxDenominator } : {}) }), toValue);
  }
  const range = { integer: spec.integer, min: 0, ...(maxDenominator !== undefined ? { max: maxDenominator } : {}) };
  if (!asking) return fromResult(parseNumber(input.text, range), (n) => ok({ kind: 'numerator', numerator: n }));
  return fromResult(parseNumber(input.text, range), (b) => fromResult(checkRatio(numerator, b), toValue));
};

const interpretText = (c: Criterion, text: string, window?: DateWindow): Out => {
  const spec = c.answer;
  switch (spec.type) {
    case 'boolean':
      return fromResult(parseYesNo(text), (value) => commit({ type: 'boolean', value }));
    case 'choice':
      return fromResult(parseChoice(text, spec.options), (option) => commit({ type: 'choice', option }));
    case 'multi_check':
      return fromResult(parseMultiChoice(text, spec.items), (items) => commit({ type: 'multi_check', items }));
    case 'count':
      return fromResult(parseNumber(text, { integer: true, min: Math.max(0, c.constraints.min ?? 0), max: c.constraints.max ?? COUNT_MAX }), (count) =>
        commit({ type: 'count', count }),
      );
    case 'percent':
      return fromResult(parsePercent(text), (percent) => commit({ type: 'percent', percent }));
    case 'date':
      if (spec.allowNone && isNoKeyword(text)) return commit({ type: 'date', date: null });
      return fromResult(parseDate(text, window ? { window, validity: spec.validity } : {}), (date) => commit({ type: 'date', date }));
    case 'imported_score': {
      const s = spec.scale === 100 ? cleanInput(text).replace(/\s*%$/, '') : text;
      return fromResult(parseNumber(s, { min: 0, max: spec.scale }), (score) => commit({ type: 'imported_score', score }));
    }
    case 'text': {
      const t = cleanInput(text);
      const min = c.constraints.minLength ?? 1;
      const max = c.constraints.maxLength ?? MAX_INPUT_LENGTH;
      if (t === '') return err(inputError('input.empty'));
      if (t.length < min) return err(inputError('text.too_short', { min }));
      if (t.length > max) return err(inputError('text.too_long', { max }));
      return commit({ type: 'text', text: t });
    }
    case 'evidence_only':
      return isNoKeyword(text) ? commit({ type: 'evidence_only' }) : err(inputError('evidence.expected'));
    case 'ratio':
    case 'ratio_threshold':
      return unexpected();
  }
};

export const interpretValueInput = (
  c: Criterion,
  state: SessionState,
  answer: StoredAnswer | undefined,
  profile: ProfileValues,
  input: QuestionnaireInput,
  window?: DateWindow,
): Out => {
  const spec = c.answer;
  if (input.kind === 'skip') return unexpected();
  if (input.kind === 'evidence') {
    if (spec.type === 'evidence_only') return commit({ type: 'evidence_only' }, Math.max(1, Math.trunc(input.count ?? 1)));
    return err(inputError(c.evidence === 'none' ? 'evidence.not_expected' : 'evidence.answer_first'));
  }
  if (input.kind === 'text' && input.text.length > MAX_INPUT_LENGTH) return err(inputError('input.too_long', { max: MAX_INPUT_LENGTH }));
  const naWord = input.kind === 'text' && NOT_APPLICABLE_WORDS.has(foldText(cleanInput(input.text)));
  if (naWord || (input.kind === 'choice' && input.value === CHOICE.notApplicable)) {
    return c.allowNotApplicable ? commit({ type: 'not_applicable' }) : err(inputError('not_applicable.not_allowed'));
  }
  if (spec.type === 'ratio' || spec.type === 'ratio_threshold') return interpretRatio(c, state, profile, input);
  if (input.kind === 'text') return interpretText(c, input.text, window);
  const v = input.value;
  switch (spec.type) {
    case 'boolean':
      return v === CHOICE.yes || v === CHOICE.no ? commit({ type: 'boolean', value: v === CHOICE.yes }) : unexpected();
    case 'choice': {
      const option = v.startsWith(CHOICE.optionPrefix) ? spec.options.find((o) => `${CHOICE.optionPrefix}${o.value}` === v) : undefined;
      return option ? commit({ type: 'choice', option: option.value }) : unexpected();
    }
    case 'multi_check': {
      const current = state.draft?.items ?? (answer?.value.type === 'multi_check' ? answer.value.items : []);
      if (v === CHOICE.multiDone) return commit({ type: 'multi_check', items: current });
      const item = spec.items.find((o) => `${CHOICE.itemPrefix}${o.value}` === v);
      if (!item) return unexpected();
      const items = current.includes(item.value) ? current.filter((i) => i !== item.value) : [...current, item.value];
      // Keep set order so stored answers and exports read the same way every time.
      return ok({ kind: 'toggle', items: spec.items.map((o) => o.value).filter((i) => items.includes(i)) });
    }
    case 'date':
      return v === CHOICE.none && spec.allowNone ? commit({ type: 'date', date: null }) : unexpected();
    default:
      return unexpected();
  }
};
