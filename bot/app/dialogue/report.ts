// The reporting conversation: start or resume, answer, skip, edit. One criterion per message;
// every change is stored before the reply goes out.
import type { EvidenceReference } from '../../../core/criteria/parse-evidence-reference.ts';
import { inputErrorReply, type InputError } from '../../../core/criteria/input-error.ts';
import { formatDateVi } from '../../../core/calendar/local-date.ts';
import { describeQuestion, type QuestionDescriptor } from '../../../core/questionnaire/describe-question.ts';
import { applyInput, type ApplyResult } from '../../../core/questionnaire/apply-input.ts';
import { criteriaProgress } from '../../../core/criteria/progress.ts';
import { gotoAttachment, gotoCriterion, gotoProfile } from '../../../core/questionnaire/navigation.ts';
import { startSession } from '../../../core/questionnaire/start-session.ts';
import { currentAnswerReplies } from '../../../core/questionnaire/current-answer.ts';
import { CHOICE, SessionStateSchema, type QuestionnaireInput, type SessionState } from '../../../core/questionnaire/session-state.schema.ts';
import { reply, type Choice, type Reply } from '../../../core/reply.ts';
import type { ChatState } from './chat-state.ts';
import type { DialogueDeps } from './deps.ts';
import { persistWithRetry } from './persist-answer.ts';
import { isLockedStatus, scoreOf, windowOf } from '../scores.ts';
import { resolveReport, type ReportContext, type Resolution } from './report-context.ts';
import { result, type Turn, type TurnResult } from './turn.ts';
import { withOffered } from './offered.ts';
import { prefillFromCheckpoint } from './prefill-profile.ts';

export const isLocked = isLockedStatus;

const optsOf = (ctx: ReportContext, turn: Turn) => ({ lang: turn.locale, window: windowOf(ctx.period, ctx.unit.level) });

export const lockedReplies = (ctx: ReportContext): Reply[] => [
  reply('dialogue:report.locked', {
    unit: ctx.unit.name,
    submittedAt: ctx.submission.submittedAt ? formatDateVi(ctx.submission.submittedAt.toISOString().slice(0, 10)) : '-',
  }),
];

/**
 * Adds the way forward the engine leaves to the channel: "skip for now" on a question or an
 * explanation, and "done" on an evidence request that has no button yet. Editing an answered
 * criterion, the ways are "keep as is" and "remove the answer" instead.
 */
const withSkip = (q: QuestionDescriptor): readonly Reply[] => {
  const last = q.replies[q.replies.length - 1];
  if (!last) return q.replies;
  const has = (value: string) => (last.choices ?? []).some((c) => c.value === value);
  const editing = q.kind === 'criterion' && q.currentAnswer !== null && (q.step === 'value' || q.step === 'numerator');
  const extra: Choice[] =
    q.step === 'evidence'
      ? has(CHOICE.evidenceDone)
        ? []
        : [{ value: CHOICE.evidenceDone, key: 'criteria:choice.evidence_done' }]
      : editing
        ? [
            { value: CHOICE.skip, key: 'dialogue:choice.keep' },
            { value: CHOICE.clear, key: 'dialogue:choice.clear' },
          ]
        : q.allowsSkip
          ? [{ value: CHOICE.skip, key: 'dialogue:choice.skip' }]
          : [];
  if (extra.length === 0 || q.step === 'denominator') return q.replies;
  return [...q.replies.slice(0, -1), { ...last, choices: [...(last.choices ?? []), ...extra] }];
};

export const questionReplies = (q: QuestionDescriptor | null, ctx: ReportContext, turn: Turn, session: SessionState): readonly Reply[] => {
  if (q) return withSkip(q);
  const d = describeQuestion(ctx.set, session, ctx.submission.answers, ctx.submission.profile, optsOf(ctx, turn));
  return d ? d.replies : [reply('dialogue:report.all_answered'), reply('dialogue:report.next_steps', {}, navChoices())];
};

export const navChoices = () => [
  { value: 'cmd:review', key: 'dialogue:choice.review' },
  { value: 'cmd:submit', key: 'dialogue:choice.submit' },
];

const reportState = (turn: Turn, ctx: ReportContext, session: SessionState): ChatState => ({
  v: 1,
  mode: 'report',
  unitId: ctx.unit.id,
  periodId: ctx.period.id,
  submissionId: ctx.submission.id,
  session,
  ...(turn.state.assess ? { assess: true } : {}),
});

/** Handles the non-ready outcomes of resolving a report (choose unit/period, no membership…). */
export const unresolved = (turn: Turn, r: Exclude<Resolution, { kind: 'ready' }>): TurnResult => {
  switch (r.kind) {
    case 'no_membership':
      return result({ v: 1, mode: 'idle' }, [reply('dialogue:report.no_membership')]);
    case 'no_period':
      return result({ v: 1, mode: 'idle', unitId: r.unit.id }, [reply('dialogue:report.no_period', { unit: r.unit.name })]);
    case 'published':
      return result({ v: 1, mode: 'idle', unitId: r.unit.id }, [reply('dialogue:report.published', { unit: r.unit.name, period: r.period.name })]);
    case 'choose_unit':
      return withOffered(
        result({ v: 1, mode: 'choose_unit' }, [
          reply(
            'dialogue:report.choose_unit',
            {},
            r.units.map((u) => ({ value: `unit:${u.id}`, key: 'dialogue:choice.plain', params: { label: `${u.code} · ${u.name}` } })),
          ),
        ]),
        true,
      );
    case 'choose_period':
      return withOffered(
        result({ v: 1, mode: 'choose_period', unitId: r.unit.id }, [
          reply(
            'dialogue:report.choose_period',
            {},
            r.periods.map((p) => ({ value: `period:${p.id}`, key: 'dialogue:choice.plain', params: { label: p.name } })),
          ),
        ]),
        true,
      );
  }
};

/** /report (or a button): resolve unit and period, then resume where this chat was. */
export const startReport = async (deps: DialogueDeps, turn: Turn, wanted: { unitId?: string; periodId?: string } = {}): Promise<TurnResult> => {
  const r = await resolveReport(deps, turn, wanted);
  if (r.kind !== 'ready') return unresolved(turn, r);
  const prefilled = await prefillFromCheckpoint(deps, turn, r.ctx);
  const ctx = prefilled?.ctx ?? r.ctx;
  const s = ctx.submission;
  const progress = criteriaProgress(ctx.set, scoreOf(ctx.set, ctx.period, s).self);
  const intro = reply('dialogue:report.intro', {
    unit: ctx.unit.name,
    period: ctx.period.name,
    deadline: formatDateVi(ctx.period.deadlines[ctx.unit.level as 'commune'] ?? ''),
    answered: progress.done,
    total: progress.total,
  });
  if (isLocked(s.status))
    return withOffered(
      result({ v: 1, mode: 'idle', unitId: ctx.unit.id, periodId: ctx.period.id, submissionId: s.id }, [
        ...lockedReplies(ctx),
        reply('dialogue:report.locked_hint', {}, [{ value: 'cmd:review', key: 'dialogue:choice.review' }]),
      ]),
      true,
    );
  const returned = s.status === 'returned' ? [reply('dialogue:report.returned', { note: s.returnNote ?? '' })] : [];
  const resumable = turn.state.submissionId === s.id && turn.state.session ? SessionStateSchema.safeParse(turn.state.session) : null;
  const session =
    resumable?.success && resumable.data.cursor.kind !== 'done'
      ? resumable.data
      : startSession(ctx.set, s.answers, s.profile, { window: windowOf(ctx.period, ctx.unit.level) });
  const q = describeQuestion(ctx.set, session, s.answers, s.profile, optsOf(ctx, turn));
  const notes = prefilled ? [prefilled.note] : [];
  return withOffered(
    result(reportState(turn, ctx, session), [intro, ...notes, ...returned, ...questionReplies(q, ctx, turn, session)]),
    q?.choicesExclusive ?? true,
  );
};

/** Loads the submission this chat is working on, or null when the chat is not reporting. */
export const currentReport = async (deps: DialogueDeps, turn: Turn, forWrite = false): Promise<ReportContext | null> => {
  const { unitId, periodId } = turn.state;
  if (!unitId || !periodId) return null;
  if (!turn.state.assess && !turn.memberships.some((m) => m.role === 'reporter' && m.unitId === unitId)) return null;
  const r = await resolveReport(deps, turn, { unitId, periodId, forWrite });
  return r.kind === 'ready' ? r.ctx : null;
};

const sameQuestion = (ctx: ReportContext, turn: Turn, session: SessionState, lead: readonly Reply[]): TurnResult => {
  const q = describeQuestion(ctx.set, session, ctx.submission.answers, ctx.submission.profile, optsOf(ctx, turn));
  return withOffered(result(reportState(turn, ctx, session), [...lead, ...questionReplies(q, ctx, turn, session)]), q?.choicesExclusive ?? true);
};

/**
 * A refused input: one short line and the input hint with its choices, not the whole question
 * again — the question is still on screen just above, and on a phone six repeated lines push it away.
 */
const briefRepeat = (ctx: ReportContext, turn: Turn, session: SessionState, lead: readonly Reply[]): TurnResult => {
  const q = describeQuestion(ctx.set, session, ctx.submission.answers, ctx.submission.profile, optsOf(ctx, turn));
  if (!q) return sameQuestion(ctx, turn, session, lead);
  return withOffered(result(reportState(turn, ctx, session), [...lead, ...withSkip(q).slice(-1)]), q.choicesExclusive);
};

export const errorAndRepeat = (ctx: ReportContext, turn: Turn, session: SessionState, error: InputError): TurnResult =>
  briefRepeat(ctx, turn, session, [inputErrorReply(error)]);

/**
 * How many of the engine's last replies are the prompt being swapped: after evidence it repeats
 * only the prompt line, elsewhere the whole question, so only the matching tail is replaced
 * (the acknowledgements before it, e.g. "points now count", are kept).
 */
const promptTail = (replies: readonly Reply[], prompt: readonly Reply[]): number => {
  let n = 0;
  while (n < prompt.length && n < replies.length && replies[replies.length - 1 - n]!.key === prompt[prompt.length - 1 - n]!.key) n += 1;
  return n;
};

/** A typed document reference or web address, kept beside the files as evidence of the criterion. */
const recordReference = async (deps: DialogueDeps, turn: Turn, submissionId: string, code: string, ref: EvidenceReference): Promise<void> => {
  const text = ref.kind === 'url' ? ref.url : `${ref.number}, ${formatDateVi(ref.date)}: ${ref.excerpt}`;
  await deps.submissions.addEvidence({
    submissionId,
    criterionCode: code,
    kind: ref.kind === 'url' ? 'url' : 'reference',
    channel: turn.event.channel,
    fileRef: ref.kind === 'url' ? ref.url : ref.number,
    sha256: null,
    size: null,
    mime: null,
    fileName: text.slice(0, 255),
    storedPath: null,
    uploadedById: turn.person.id,
    now: turn.now,
  });
};

/** Applies one input to the question on screen, stores it, and replies with the next question. */
export const answer = async (
  deps: DialogueDeps,
  turn: Turn,
  input: QuestionnaireInput,
  beforeStore?: (ctx: ReportContext) => Promise<Reply | null>,
): Promise<TurnResult> => {
  const trusted = await currentReport(deps, turn, true);
  if (!trusted) return startReport(deps, turn);
  // A cached snapshot may predate a coordinator's /return: look again before refusing.
  const ctx = isLocked(trusted.submission.status) ? ((await currentReport(deps, turn)) ?? trusted) : trusted;
  if (isLocked(ctx.submission.status)) return result({ ...turn.state, mode: 'idle' }, lockedReplies(ctx));
  const session = turn.state.session ?? startSession(ctx.set, ctx.submission.answers, ctx.submission.profile, { window: windowOf(ctx.period, ctx.unit.level) });
  type Failure = InputError | { code: 'locked' };
  const apply = (snap: typeof ctx.submission): { ok: true; value: ApplyResult } | { ok: false; error: Failure } =>
    isLocked(snap.status) ? { ok: false, error: { code: 'locked' } } : applyInput(ctx.set, session, snap.answers, snap.profile, input, optsOf(ctx, turn));
  if (beforeStore) {
    // Evidence is downloaded only when the engine accepts it here: check on the snapshot first.
    const dry = apply(ctx.submission);
    if (!dry.ok) return dry.error.code === 'locked' ? result(turn.state, lockedReplies(ctx)) : errorAndRepeat(ctx, turn, session, dry.error as InputError);
    const problem = await beforeStore(ctx);
    if (problem) return briefRepeat(ctx, turn, session, [problem]);
  }
  const stored = await persistWithRetry(deps, ctx.set, ctx.period, ctx.submission, apply, { personId: turn.person.id, channel: turn.event.channel }, turn.now);
  if (!stored.ok)
    return stored.error.code === 'locked' ? result(turn.state, lockedReplies(ctx)) : errorAndRepeat(ctx, turn, session, stored.error as InputError);
  const r = stored.value;
  if (r.reference && r.changed) await recordReference(deps, turn, ctx.submission.id, r.changed.code, r.reference);
  const next = { ...ctx, submission: stored.snapshot };
  const q = describeQuestion(ctx.set, r.state, r.answers, r.profile, optsOf(ctx, turn));
  // The engine's replies end with the next prompt; swap it for the same prompt plus "skip".
  const replies = q
    ? [...r.replies.slice(0, r.replies.length - promptTail(r.replies, q.replies)), ...withSkip(q)]
    : [...r.replies, reply('dialogue:report.next_steps', {}, navChoices())];
  return withOffered(result(reportState(turn, next, r.state), replies), q?.choicesExclusive ?? true);
};

/** /edit <code>: jump to a criterion (or a profile item) of the current submission. */
export const editCriterion = async (deps: DialogueDeps, turn: Turn, code: string): Promise<TurnResult> => {
  const ctx = await currentReport(deps, turn);
  if (!ctx) {
    const started = await startReport(deps, turn);
    if (started.state.mode !== 'report' || !code) return started;
    return editCriterion(deps, { ...turn, state: started.state }, code);
  }
  if (isLocked(ctx.submission.status)) return result(turn.state, lockedReplies(ctx));
  const base = turn.state.session ?? startSession(ctx.set, ctx.submission.answers, ctx.submission.profile);
  if (!code) return result(turn.state, [reply('dialogue:report.edit_usage', { example: ctx.set.criteria[0]?.code ?? 'X-1.1' })]);
  const moved = ctx.set.profile.some((p) => p.key === code) ? gotoProfile(ctx.set, base, code) : gotoCriterion(ctx.set, base, code);
  if (!moved.ok) return errorAndRepeat(ctx, turn, base, moved.error);
  const s = ctx.submission;
  const current = currentAnswerReplies(ctx.set, scoreOf(ctx.set, ctx.period, s).self, s.answers, s.profile, moved.value.cursor, turn.locale);
  return sameQuestion(ctx, turn, moved.value, current);
};

/** /file CODE, /explain CODE: a file or a reason for an answered criterion, without answering again. */
export const attachTo = async (deps: DialogueDeps, turn: Turn, code: string, step: 'evidence' | 'explanation'): Promise<TurnResult> => {
  const ctx = await currentReport(deps, turn);
  if (!ctx) return startReport(deps, turn);
  if (isLocked(ctx.submission.status)) return result(turn.state, lockedReplies(ctx));
  const base = turn.state.session ?? startSession(ctx.set, ctx.submission.answers, ctx.submission.profile);
  if (!code)
    return result(turn.state, [
      reply(step === 'evidence' ? 'dialogue:report.file_usage' : 'dialogue:report.explain_usage', { example: ctx.set.criteria[0]?.code ?? 'X-1.1' }),
    ]);
  const moved = gotoAttachment(ctx.set, base, ctx.submission.answers, code, step);
  if (!moved.ok) return errorAndRepeat(ctx, turn, base, moved.error);
  const s = ctx.submission;
  const current = currentAnswerReplies(ctx.set, scoreOf(ctx.set, ctx.period, s).self, s.answers, s.profile, moved.value.cursor, turn.locale);
  return sameQuestion(ctx, { ...turn, state: { ...turn.state, mode: 'report' } }, moved.value, current);
};

/**
 * After /score, /lang or /help in the middle of a report, the question on screen is shown again
 * (in the language now chosen), so the officer never has to ask where she was.
 */
export const thenQuestion = async (deps: DialogueDeps, turn: Turn, r: TurnResult): Promise<TurnResult> => {
  if (turn.state.mode !== 'report' || !turn.state.session) return r;
  const ctx = await currentReport(deps, turn, true);
  if (!ctx || isLocked(ctx.submission.status)) return r;
  const q = sameQuestion(ctx, { ...turn, locale: r.locale ?? turn.locale, state: r.state }, turn.state.session, []);
  return { ...r, replies: [...r.replies, ...q.replies], state: q.state };
};
