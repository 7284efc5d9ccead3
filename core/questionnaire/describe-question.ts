import type { AnswerType } from '../criteria/answer-spec.schema.ts';
import type { Answers, DateWindow, ProfileValues, StoredAnswer } from '../criteria/answer-value.schema.ts';
import type { CriteriaSet } from '../criteria/criteria-set.schema.ts';
import { pickText, type Lang } from '../criteria/localized-text.ts';
import { scoreSet, type SetScore } from '../criteria/scoring.ts';
import { reply, type Choice, type Reply } from '../reply.ts';
import { findCriterion, progressOf, type Progress } from './navigation.ts';
import { criterionPrompt } from './question-prompts.ts';
import { profileItemId, type RunningScore, type SessionState, type Step } from './session-state.schema.ts';

export type QuestionOptions = { readonly lang?: Lang; readonly window?: DateWindow };

export type QuestionDescriptor = {
  /** Criterion code, or `profile:<key>` for a unit-profile number. */
  readonly itemId: string;
  readonly kind: 'criterion' | 'profile';
  readonly code: string;
  readonly step: Step;
  readonly answerType: AnswerType | 'profile';
  /** Everything to send, in order: header, help, hint, then `reply` (which carries the choices). */
  readonly replies: readonly Reply[];
  readonly reply: Reply;
  readonly choices: readonly Choice[];
  /** True: the choices are the only valid answers (Zalo may map typed numbers to them). */
  readonly choicesExclusive: boolean;
  readonly progress: Progress;
  readonly runningScore: RunningScore;
  readonly pointsAvailable: number;
  readonly defaultDenominator: number | null;
  readonly allowsSkip: boolean;
  readonly currentAnswer: StoredAnswer | null;
};

export const runningScoreOf = (score: SetScore): RunningScore => ({
  points: score.points,
  applicableMax: score.applicableMax,
  percent: score.percent,
});

/** The question at the cursor, or null when the questionnaire is finished. */
export const describeQuestion = (
  set: CriteriaSet,
  state: SessionState,
  answers: Answers,
  profile: ProfileValues,
  opts: QuestionOptions = {},
  score: SetScore = scoreSet(set, answers, opts),
): QuestionDescriptor | null => {
  const lang = opts.lang ?? 'vi';
  const cursor = state.cursor;
  if (cursor.kind === 'done') return null;
  const progress = progressOf(set, answers, profile, score, cursor);
  const common = { progress, runningScore: runningScoreOf(score), allowsSkip: true };
  if (cursor.kind === 'profile') {
    const item = set.profile.find((p) => p.key === cursor.key);
    if (!item) return null;
    const r = reply('criteria:prompt.profile', {
      label: pickText(item.label, lang),
      index: progress.index,
      total: progress.total,
      min: item.min,
      max: item.max,
    });
    return {
      ...common,
      itemId: profileItemId(item.key),
      kind: 'profile',
      code: item.key,
      step: 'value',
      answerType: 'profile',
      replies: [r],
      reply: r,
      choices: [],
      choicesExclusive: false,
      pointsAvailable: 0,
      defaultDenominator: null,
      currentAnswer: null,
    };
  }
  const c = findCriterion(set, cursor.code);
  if (!c) return null;
  const answer = answers[c.code];
  const prompt = criterionPrompt(set, c, state, answer, profile, score.byCode[c.code]?.rawPoints ?? 0, lang, opts.window);
  const replies: Reply[] = [];
  if (state.step === 'value' || state.step === 'numerator') {
    const head = { index: progress.index, total: progress.total, code: c.code, text: pickText(c.text, lang) };
    replies.push(set.scored ? reply('criteria:question.header', { ...head, maxPoints: c.maxPoints }) : reply('criteria:question.header_unscored', head));
    if (c.help) replies.push(reply('criteria:question.help', { help: pickText(c.help, lang) }));
    if (answer) replies.push(reply('criteria:question.editing', { code: c.code }));
  }
  if (state.step === 'evidence' && c.evidenceHint) replies.push(reply('criteria:question.evidence_hint', { hint: pickText(c.evidenceHint, lang) }));
  replies.push(prompt.reply);
  return {
    ...common,
    itemId: c.code,
    kind: 'criterion',
    code: c.code,
    step: state.step,
    answerType: c.answer.type,
    replies,
    reply: prompt.reply,
    choices: prompt.reply.choices ?? [],
    choicesExclusive: prompt.exclusive,
    pointsAvailable: set.scored ? c.maxPoints : 0,
    defaultDenominator: prompt.defaultDenominator,
    currentAnswer: answer ?? null,
  };
};
