// Appraisal (thẩm định) and returns:
//   /verify <code> <criterion> <points> <note>  fixes one criterion's points (appraisal in progress);
//   /verified <code>                             finishes the appraisal: the report is "verified";
//   /return <code> <note>                        reopens a submitted report and tells its reporters why;
//   /history <code> <criterion>                  the self value, each change and each appraisal with its note.
// On a return the appraiser's points are kept, the appraisal is reopened if it was finished,
// and any criterion the unit changes afterwards loses its appraised points (its history keeps
// them): the council then appraises what was resubmitted. Lateness stays that of the first
// submission.
import { formatDateVi, toLocalDate } from '../../../core/calendar/local-date.ts';
import { answerText } from '../../../core/criteria/answer-text.ts';
import { AnswerValueSchema } from '../../../core/criteria/answer-value.schema.ts';
import { parseNumber } from '../../../core/criteria/parse-number.ts';
import { asRow, keyParam, reply, type Reply } from '../../../core/reply.ts';
import type { CommandContext, CommandResult } from '../command-port.ts';
import type { StoredOverride, StoredPeriod } from '../ports.ts';
import { scoreCache, scoreOf } from '../scores.ts';
import { unitRows, type CoordinationDeps, type Scope } from './coordination-context.ts';
import { guarded, guardedWrite, say, unitInScope } from './guard.ts';

/** The database's answer to a refused write: published meanwhile (a record now), or someone else's write first. */
const refusedWrite = (reason: 'conflict' | 'published', periodName: string): Reply =>
  reason === 'published' ? reply('coord:published_read_only', { period: periodName }) : reply('coord:busy');

const noteAfter = (raw: string, words: number): string => raw.trim().split(/\s+/).slice(words).join(' ').trim();

type Loaded = Exclude<Awaited<ReturnType<typeof loadSubmitted>>, CommandResult>;

/** The unit's submission in scope with its set and snapshot, or the reply that says why not. */
const loadSubmitted = async (deps: CoordinationDeps, scope: Scope, period: StoredPeriod, code: string | undefined, notSubmittedKey: string) => {
  const found = unitInScope(scope, code);
  if (!found.ok) return found.result;
  const [row] = await unitRows(deps, scope, period, (u) => u.id === found.unit.id);
  const s = row?.submission;
  if (!s || (s.status !== 'submitted' && s.status !== 'verified')) return say(reply(notSubmittedKey, { code: found.unit.code }));
  const [stored, snap] = await Promise.all([deps.repos.criteriaSets.findById(s.criteriaSetId), deps.repos.submissions.load(s.id)]);
  if (!stored || !snap) return say(reply('coord:busy'));
  return { unit: found.unit, set: stored.set, snap };
};

const isResult = (x: Loaded | CommandResult): x is CommandResult => 'replies' in x;

export const returnCommand =
  (deps: CoordinationDeps) =>
  (ctx: CommandContext): Promise<CommandResult> =>
    guardedWrite(deps, ctx, async ({ scope, period }) => {
      const note = noteAfter(ctx.rawArgs, 1);
      if (ctx.args[0] && note.length < 5) return say(reply('coord:return.usage'));
      const loaded = await loadSubmitted(deps, scope, period, ctx.args[0], 'coord:return.not_submitted');
      if (isResult(loaded)) return loaded;
      const { unit, snap } = loaded;
      const outcome = await deps.repos.submissions.applyChange(snap.id, {
        expectedVersion: snap.version,
        actor: { personId: ctx.personId, channel: ctx.channel },
        now: ctx.now,
        status: { to: 'returned', note, event: 'returned' },
        ...(snap.appraisalState === 'done' ? { appraisal: 'in_progress' as const } : {}),
      });
      if (!outcome.ok) return say(refusedWrite(outcome.reason, period.name));
      const reporters = await deps.repos.people.listMemberAccounts([unit.id], 'reporter');
      await deps.notify(
        reporters.map((a) => ({
          idempotencyKey: `return:${snap.id}:${outcome.version}:${a.id}`,
          accountId: a.id,
          replies: [
            reply('coord:return.notice', { unit: unit.name, note, period: period.name }, [
              { value: `report:continue:${period.id}`, key: 'reminders:action.continue' },
            ]),
          ],
        })),
      );
      return say(reply('coord:return.done', { code: unit.code, name: unit.name, count: reporters.length }));
    });

export const verifyCommand =
  (deps: CoordinationDeps) =>
  (ctx: CommandContext): Promise<CommandResult> =>
    guardedWrite(deps, ctx, async ({ scope, period }) => {
      const [code, criterion, pointsText] = ctx.args;
      const note = noteAfter(ctx.rawArgs, 3);
      if (!code || !criterion || !pointsText || note.length < 3) return say(reply('coord:verify.usage'));
      const loaded = await loadSubmitted(deps, scope, period, code, 'coord:verify.not_submitted');
      if (isResult(loaded)) return loaded;
      const { unit, set, snap } = loaded;
      if (snap.status === 'verified') return say(reply('coord:verify.already_done', { code: unit.code }));
      const c = set.criteria.find((x) => x.code.toLowerCase() === criterion.toLowerCase());
      if (!c) return say(reply('coord:verify.unknown_criterion', { criterion }));
      const points = parseNumber(pointsText, { min: 0, max: c.maxPoints });
      if (!points.ok) return say(reply('coord:verify.bad_points', { max: c.maxPoints }));
      const row = scoreOf(set, period, snap).self.byCode[c.code];
      if (!snap.answers[c.code] || !row || row.status === 'irrelevant' || row.status === 'unanswered')
        return say(reply('coord:verify.unanswered', { code: c.code }));
      const overrides: Record<string, StoredOverride> = { ...snap.overrides, [c.code]: { points: points.value, note, byId: ctx.personId, at: ctx.now } };
      const cache = scoreCache(set, period, { answers: snap.answers, overrides });
      const outcome = await deps.repos.submissions.applyChange(snap.id, {
        expectedVersion: snap.version,
        actor: { personId: ctx.personId, channel: ctx.channel },
        now: ctx.now,
        overrides: { set: { [c.code]: { points: points.value, note } } },
        appraisal: 'in_progress',
        score: cache,
      });
      if (!outcome.ok) return say(refusedWrite(outcome.reason, period.name));
      const v = cache.verified ?? cache.self;
      return say(
        reply('coord:verify.done', {
          unit: unit.code,
          code: c.code,
          points: points.value,
          self: row.points,
          max: c.maxPoints,
          total: v.points,
          applicableMax: v.applicableMax,
          percent: v.percent,
        }),
      );
    });

export const verifiedCommand =
  (deps: CoordinationDeps) =>
  (ctx: CommandContext): Promise<CommandResult> =>
    guardedWrite(deps, ctx, async ({ scope, period }) => {
      const loaded = await loadSubmitted(deps, scope, period, ctx.args[0], 'coord:verify.not_submitted');
      if (isResult(loaded)) return loaded;
      const { unit, set, snap } = loaded;
      if (snap.status === 'verified') return say(reply('coord:verify.already_done', { code: unit.code }));
      const cache = scoreCache(set, period, snap);
      const outcome = await deps.repos.submissions.applyChange(snap.id, {
        expectedVersion: snap.version,
        actor: { personId: ctx.personId, channel: ctx.channel },
        now: ctx.now,
        appraisal: 'done',
        score: cache,
        status: { to: 'verified', event: 'verified', note: noteAfter(ctx.rawArgs, 1) },
      });
      if (!outcome.ok) return say(refusedWrite(outcome.reason, period.name));
      const v = cache.verified ?? cache.self;
      return say(
        reply('coord:verified.done', {
          code: unit.code,
          name: unit.name,
          count: Object.keys(snap.overrides).length,
          total: v.points,
          applicableMax: v.applicableMax,
          percent: v.percent,
        }),
      );
    });

const revisionLine = (
  kind: string,
  r: { value: unknown; points: number | null; explanation: string | null; note: string | null; createdAt: Date },
  c: Parameters<typeof answerText>[0],
  lang: 'vi' | 'en',
): Reply => {
  const when = formatDateVi(toLocalDate(r.createdAt));
  if (kind === 'verify') return reply('coord:history.verify', { when, points: r.points ?? 0, note: r.note ?? '' });
  if (kind === 'verify_cleared') return reply('coord:history.verify_cleared', { when });
  if (kind === 'clear') return reply('coord:history.clear', { when });
  const v = AnswerValueSchema.safeParse(r.value);
  const value = v.success ? answerText(c, v.data, lang) : reply('criteria:value.not_applicable');
  return reply('coord:history.answer', { when, ...value.params, value: keyParam(value.key), explanation: r.explanation ?? '-' });
};

export const historyCommand =
  (deps: CoordinationDeps) =>
  (ctx: CommandContext): Promise<CommandResult> =>
    guarded(deps, ctx, async ({ scope, period }) => {
      const [code, criterion] = ctx.args;
      if (!code || !criterion) return say(reply('coord:history.usage'));
      const found = unitInScope(scope, code);
      if (!found.ok) return found.result;
      const [row] = await unitRows(deps, scope, period, (u) => u.id === found.unit.id);
      const s = row?.submission;
      if (!s) return say(reply('coord:unit.not_started'));
      const stored = await deps.repos.criteriaSets.findById(s.criteriaSetId);
      const c = stored?.set.criteria.find((x) => x.code.toLowerCase() === criterion.toLowerCase());
      if (!c) return say(reply('coord:verify.unknown_criterion', { criterion }));
      const [revisions, events] = await Promise.all([deps.repos.submissions.history(s.id, c.code), deps.repos.submissions.events(s.id)]);
      const lines = revisions.map((r) => asRow(revisionLine(r.kind, r, c, ctx.locale)));
      const steps = events.map((e) =>
        asRow(reply('coord:history.event', { when: formatDateVi(toLocalDate(e.createdAt)), event: keyParam(`coord:event.${e.kind}`), note: e.note ?? '' })),
      );
      return say(
        reply('coord:history.title', { unit: found.unit.code, code: c.code }),
        ...(lines.length > 0 ? lines : [reply('coord:history.none')]),
        ...(steps.length > 0 ? [reply('coord:history.events'), ...steps] : []),
      );
    });
