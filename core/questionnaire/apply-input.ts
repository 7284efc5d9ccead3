import type { Answers, ProfileValues, StoredAnswer } from '../criteria/answer-value.schema.ts';
import type { CriteriaSet, Criterion } from '../criteria/criteria-set.schema.ts';
import { cleanInput, foldText, MAX_INPUT_LENGTH } from '../criteria/fold-text.ts';
import { inputError, type InputError } from '../criteria/input-error.ts';
import { pickText } from '../criteria/localized-text.ts';
import { formatDateVi } from '../calendar/local-date.ts';
import { parseNumber } from '../criteria/parse-number.ts';
import { parseEvidenceReference, type EvidenceReference } from '../criteria/parse-evidence-reference.ts';
import { scoreSet, type CriterionScore, type SetScore } from '../criteria/scoring.ts';
import { reply, type Reply } from '../reply.ts';
import { err, ok, type Result } from '../result.ts';
import { describeQuestion, type QuestionOptions } from './describe-question.ts';
import { interpretValueInput } from './interpret-input.ts';
import { criteriaProgress } from '../criteria/progress.ts';
import { crossCheckReplies } from './cross-checks.ts';
import { findCriterion, firstStep, nextCursor } from './navigation.ts';
import { CHOICE, profileItemId, type ChangedAnswer, type QuestionnaireInput, type SessionState } from './session-state.schema.ts';

export type ApplyResult = {
  readonly state: SessionState;
  readonly answers: Answers;
  readonly profile: ProfileValues;
  /** What to persist besides the state; null when only the position moved (skip, tick). */
  readonly changed: ChangedAnswer | null;
  /** In order: acknowledgement (points + running total), then the next prompt. */
  readonly replies: readonly Reply[];
  /** Evidence given as a document reference or a web address, to be recorded beside the files. */
  readonly reference?: EvidenceReference;
};

type Ctx = { readonly set: CriteriaSet; readonly profile: ProfileValues; readonly opts: QuestionOptions };

// Words that end the evidence step: what the screen says ("Xong"), and what officers type to move on without a file.
const DONE_WORDS = new Set(['xong', 'done', 'het', 'tiep', 'tiep tuc', 'ok', 'hoan thanh', 'next', 'bo qua', 'skip', 'khong co', 'chua co', 'thoi']);

const totals = (score: SetScore) => ({ total: score.points, applicableMax: score.applicableMax, percent: score.percent });

const doneReply = (set: CriteriaSet, score: SetScore): Reply => {
  const { done: answered, total: questions } = criteriaProgress(set, score);
  return set.scored
    ? reply('criteria:questionnaire.done', { answered, questions, ...totals(score) })
    : reply('criteria:questionnaire.done_unscored', { answered, questions });
};

/** Moves to the next open item and appends its prompt (or the end-of-questionnaire message). */
const advance = (ctx: Ctx, answers: Answers, profile: ProfileValues, skipped: string[], lead: Reply[], changed: ChangedAnswer | null): ApplyResult => {
  const score = scoreSet(ctx.set, answers, ctx.opts);
  const cursor = nextCursor(ctx.set, answers, profile, skipped, score);
  const state: SessionState = { cursor, step: firstStep(ctx.set, cursor), skipped };
  const next = describeQuestion(ctx.set, state, answers, profile, ctx.opts, score);
  return { state, answers, profile, changed, replies: [...lead, ...(next ? next.replies : [doneReply(ctx.set, score)])] };
};

const stay = (ctx: Ctx, state: SessionState, answers: Answers, lead: Reply[], changed: ChangedAnswer | null, promptOnly = false): ApplyResult => {
  const q = describeQuestion(ctx.set, state, answers, ctx.profile, ctx.opts);
  const prompt = q ? (promptOnly ? [q.reply] : [...q.replies]) : [];
  return { state, answers, profile: ctx.profile, changed, replies: [...lead, ...prompt] };
};

/** Below full points, "always", or not applicable (the officer must say why it does not apply). */
export const explanationNeeded = (set: CriteriaSet, c: Criterion, s: CriterionScore): boolean =>
  (s.status === 'not_applicable' && c.explanation !== 'never') ||
  ((s.status === 'scored' || s.status === 'blocked_by_evidence') &&
    (c.explanation === 'always' || (c.explanation === 'below_max' && set.scored && s.rawPoints < c.maxPoints)));

const needsExplanation = (set: CriteriaSet, c: Criterion, s: CriterionScore, a: StoredAnswer): boolean =>
  a.explanation === undefined && explanationNeeded(set, c, s);

const needsEvidence = (c: Criterion, s: CriterionScore, a: StoredAnswer): boolean =>
  c.answer.type === 'evidence_only' ? a.evidenceCount > 0 : c.evidence !== 'none' && a.evidenceCount === 0 && s.rawPoints > 0 && s.status !== 'not_applicable';

/** After a value or an explanation: explanation first, then evidence, then the next question. */
const followUp = (
  ctx: Ctx,
  c: Criterion,
  state: SessionState,
  answers: Answers,
  lead: Reply[],
  changed: ChangedAnswer,
  fromStep: 'value' | 'explanation',
): ApplyResult => {
  const score = scoreSet(ctx.set, answers, ctx.opts);
  const s = score.byCode[c.code];
  const a = answers[c.code];
  const skipped = state.skipped.filter((id) => id !== c.code);
  const here = (step: 'explanation' | 'evidence') => stay(ctx, { cursor: state.cursor, step, skipped }, answers, lead, changed);
  if (s && a && fromStep === 'value' && needsExplanation(ctx.set, c, s, a)) return here('explanation');
  if (s && a && needsEvidence(c, s, a)) return here('evidence');
  return advance(ctx, answers, ctx.profile, skipped, lead, changed);
};

const savedReply = (set: CriteriaSet, c: Criterion, score: SetScore): Reply => {
  const s = score.byCode[c.code];
  if (s?.status === 'not_applicable') return reply('criteria:answer.saved_not_applicable', { code: c.code, ...totals(score) });
  if (!set.scored) return reply('criteria:answer.saved_unscored', { code: c.code });
  const base = { code: c.code, maxPoints: c.maxPoints, ...totals(score) };
  return s?.status === 'blocked_by_evidence'
    ? reply('criteria:answer.saved_pending_evidence', { ...base, points: s.rawPoints })
    : reply('criteria:answer.saved', { ...base, points: s?.points ?? 0 });
};

/**
 * The applicable maximum explains itself: when an answer makes criteria irrelevant or not
 * applicable (or relevant again), say how much it moved and why.
 */
const maxChanged = (set: CriteriaSet, before: SetScore, after: SetScore): Reply[] => {
  if (!set.scored || before.applicableMax === after.applicableMax) return [];
  const moved = after.criteria.filter((r) => (before.byCode[r.code]?.applicableMax ?? 0) !== r.applicableMax).map((r) => r.code);
  const key = after.applicableMax < before.applicableMax ? 'criteria:answer.max_lower' : 'criteria:answer.max_higher';
  return [reply(key, { before: before.applicableMax, after: after.applicableMax, codes: moved.join(', '), count: moved.length })];
};

const applyValue = (ctx: Ctx, c: Criterion, state: SessionState, answers: Answers, input: QuestionnaireInput): Result<ApplyResult, InputError> => {
  if (input.kind === 'skip') {
    const skipped = [...state.skipped.filter((id) => id !== c.code), c.code];
    return ok(advance(ctx, answers, ctx.profile, skipped, [reply('criteria:questionnaire.skipped', { code: c.code })], null));
  }
  const prev = answers[c.code];
  const r = interpretValueInput(c, state, prev, ctx.profile, input, ctx.opts.window);
  if (!r.ok) return r;
  const it = r.value;
  if (it.kind === 'numerator') return ok(stay(ctx, { ...state, step: 'denominator', draft: { numerator: it.numerator } }, answers, [], null));
  if (it.kind === 'toggle') return ok(stay(ctx, { ...state, draft: { items: it.items } }, answers, [], null, true));
  const same = prev !== undefined && JSON.stringify(prev.value) === JSON.stringify(it.value);
  // A changed value needs a fresh explanation; evidence stays attached to the criterion.
  const stored: StoredAnswer = {
    value: it.value,
    evidenceCount: (prev?.evidenceCount ?? 0) + it.addEvidence,
    ...(same && prev?.explanation !== undefined ? { explanation: prev.explanation } : {}),
  };
  const next = { ...answers, [c.code]: stored };
  const before = scoreSet(ctx.set, answers, ctx.opts);
  const score = scoreSet(ctx.set, next, ctx.opts);
  const changed: ChangedAnswer = { code: c.code, kind: 'criterion', points: score.byCode[c.code]?.points ?? 0 };
  const cleared: SessionState = { cursor: state.cursor, step: state.step, skipped: state.skipped };
  const lead = [
    savedReply(ctx.set, c, score),
    ...maxChanged(ctx.set, before, score),
    ...crossCheckReplies(ctx.set, c, it.value, ctx.profile, ctx.opts.lang ?? 'vi', next),
  ];
  return ok(followUp(ctx, c, cleared, next, lead, changed, 'value'));
};

const withEvidence = (answers: Answers, code: string, count: number | undefined): Answers => {
  const a = answers[code];
  return a ? { ...answers, [code]: { ...a, evidenceCount: a.evidenceCount + Math.max(1, Math.trunc(count ?? 1)) } } : answers;
};

const applyExplanation = (ctx: Ctx, c: Criterion, state: SessionState, answers: Answers, input: QuestionnaireInput): Result<ApplyResult, InputError> => {
  const a = answers[c.code];
  if (!a) return ok(stay(ctx, { ...state, step: firstStep(ctx.set, state.cursor) }, answers, [], null));
  const points = scoreSet(ctx.set, answers, ctx.opts).byCode[c.code]?.points ?? 0;
  if (input.kind === 'skip') {
    return ok(
      followUp(ctx, c, state, answers, [reply('criteria:explanation.skipped', { code: c.code })], { code: c.code, kind: 'explanation', points }, 'explanation'),
    );
  }
  if (input.kind === 'evidence') {
    if (c.evidence === 'none') return err(inputError('evidence.not_expected'));
    const next = withEvidence(answers, c.code, input.count);
    const count = next[c.code]?.evidenceCount ?? 0;
    return ok(stay(ctx, state, next, [reply('criteria:evidence.received', { code: c.code, count })], { code: c.code, kind: 'evidence', points }, true));
  }
  if (input.kind !== 'text') return err(inputError('input.unexpected_choice'));
  const text = cleanInput(input.text);
  const min = ctx.set.explanationMinLength;
  if (text === '') return err(inputError('input.empty'));
  if (text.length < min) return err(inputError('text.too_short', { min }));
  if (text.length > MAX_INPUT_LENGTH) return err(inputError('text.too_long', { max: MAX_INPUT_LENGTH }));
  const next = { ...answers, [c.code]: { ...a, explanation: text } };
  return ok(
    followUp(ctx, c, state, next, [reply('criteria:explanation.saved', { code: c.code })], { code: c.code, kind: 'explanation', points }, 'explanation'),
  );
};

const applyEvidence = (ctx: Ctx, c: Criterion, state: SessionState, answers: Answers, input: QuestionnaireInput): Result<ApplyResult, InputError> => {
  const before = scoreSet(ctx.set, answers, ctx.opts);
  const s = before.byCode[c.code];
  const count = answers[c.code]?.evidenceCount ?? 0;
  const done = (input.kind === 'choice' && input.value === CHOICE.evidenceDone) || (input.kind === 'text' && DONE_WORDS.has(foldText(input.text)));
  // A typed document reference or web address counts where the criterion accepts one.
  const typedReference = input.kind === 'text' && !done && (c.evidenceKinds.includes('reference') || c.evidenceKinds.includes('url'));
  const reference = typedReference ? parseEvidenceReference(input.text, c.evidenceKinds) : null;
  if (reference && !reference.ok) return reference;
  if (input.kind === 'evidence' || reference?.ok) {
    const next = withEvidence(answers, c.code, input.kind === 'evidence' ? input.count : 1);
    const after = scoreSet(ctx.set, next, ctx.opts);
    const count = next[c.code]?.evidenceCount ?? 0;
    const lead = [
      reference?.ok
        ? reply(reference.value.kind === 'url' ? 'criteria:evidence.url_received' : 'criteria:evidence.reference_received', {
            code: c.code,
            count,
            ...(reference.value.kind === 'url'
              ? { url: reference.value.url }
              : { number: reference.value.number, date: formatDateVi(reference.value.date), excerpt: reference.value.excerpt }),
          })
        : reply('criteria:evidence.received', { code: c.code, count }),
    ];
    const points = after.byCode[c.code]?.points ?? 0;
    if (ctx.set.scored && s?.status === 'blocked_by_evidence' && after.byCode[c.code]?.status === 'scored') {
      lead.push(reply('criteria:evidence.points_unblocked', { code: c.code, points, ...totals(after) }));
    }
    const result = stay(ctx, state, next, lead, { code: c.code, kind: 'evidence', points }, true);
    return ok(reference?.ok ? { ...result, reference: reference.value } : result);
  }
  if (input.kind === 'skip' || done) {
    const lead: Reply[] = [];
    if (count === 0 && c.evidence === 'required' && ctx.set.scored && (s?.rawPoints ?? 0) > 0) {
      lead.push(reply('criteria:evidence.skipped_required', { code: c.code, points: s?.rawPoints ?? 0 }));
    }
    return ok(advance(ctx, answers, ctx.profile, state.skipped, lead, null));
  }
  return err(inputError('evidence.expected'));
};

const applyProfile = (ctx: Ctx, key: string, state: SessionState, answers: Answers, input: QuestionnaireInput): Result<ApplyResult, InputError> => {
  const item = ctx.set.profile.find((p) => p.key === key);
  if (!item) return ok(advance(ctx, answers, ctx.profile, state.skipped, [], null));
  const id = profileItemId(key);
  if (input.kind === 'skip') {
    const skipped = [...state.skipped.filter((x) => x !== id), id];
    return ok(
      advance(ctx, answers, ctx.profile, skipped, [reply('criteria:questionnaire.skipped', { code: pickText(item.label, ctx.opts.lang ?? 'vi') })], null),
    );
  }
  if (input.kind === 'evidence') return err(inputError('evidence.not_expected'));
  if (input.kind !== 'text') return err(inputError('input.unexpected_choice'));
  const r = parseNumber(input.text, { integer: true, min: item.min, max: item.max });
  if (!r.ok) return r;
  const profile = { ...ctx.profile, [key]: r.value };
  const lead = [reply('criteria:profile.saved', { label: pickText(item.label, ctx.opts.lang ?? 'vi'), value: r.value })];
  const skipped = state.skipped.filter((x) => x !== id);
  return ok(advance({ ...ctx, profile }, answers, profile, skipped, lead, { code: key, kind: 'profile', points: 0 }));
};

/** Applies one officer input to the question at the cursor. Errors leave everything unchanged. */
export const applyInput = (
  set: CriteriaSet,
  state: SessionState,
  answers: Answers,
  profile: ProfileValues,
  rawInput: QuestionnaireInput,
  opts: QuestionOptions = {},
): Result<ApplyResult, InputError> => {
  const input: QuestionnaireInput = rawInput.kind === 'choice' && rawInput.value === CHOICE.skip ? { kind: 'skip' } : rawInput;
  const ctx: Ctx = { set, profile, opts };
  const cursor = state.cursor;
  if (cursor.kind === 'done') return err(inputError('questionnaire.finished'));
  if (cursor.kind === 'profile') return applyProfile(ctx, cursor.key, state, answers, input);
  const c = findCriterion(set, cursor.code);
  if (!c) return err(inputError('questionnaire.unknown_criterion', { code: cursor.code }));
  if (state.step === 'explanation') return applyExplanation(ctx, c, state, answers, input);
  if (state.step === 'evidence') return applyEvidence(ctx, c, state, answers, input);
  return applyValue(ctx, c, state, answers, input);
};
