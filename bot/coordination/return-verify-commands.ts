// /return <code> <note> reopens a submitted report and tells its reporters why;
// /verify <code> <criterion> <points> <note> records an appraisal score for one criterion.
import { reply } from '../../core/reply.ts';
import type { CommandContext, CommandResult } from '../app/command-port.ts';
import { createCoordinationRepository } from '../db/repositories/coordination-repository.ts';
import { createCriteriaSetRepository } from '../db/repositories/criteria-set-repository.ts';
import { createPeopleRepository } from '../db/repositories/people-repository.ts';
import { createSubmissionRepository } from '../db/repositories/submission-repository.ts';
import { parseNumber } from '../../core/criteria/parse-number.ts';
import { unitRows, type CoordinationDeps } from './coordination-context.ts';
import { guarded, say, unitInScope } from './guard.ts';

const noteAfter = (raw: string, words: number): string => raw.trim().split(/\s+/).slice(words).join(' ').trim();

export const returnCommand =
  (deps: CoordinationDeps) =>
  (ctx: CommandContext): Promise<CommandResult> =>
    guarded(deps, ctx, async ({ scope, period }) => {
      const found = unitInScope(scope, ctx.args[0]);
      if (!found.ok) return found.result;
      const note = noteAfter(ctx.rawArgs, 1);
      if (note.length < 5) return say(reply('coord:return.usage'));
      const [row] = await unitRows(deps, scope, period, (u) => u.id === found.unit.id);
      const s = row?.submission;
      if (!s || (s.status !== 'submitted' && s.status !== 'verified')) return say(reply('coord:return.not_submitted', { code: found.unit.code }));
      const outcome = await createSubmissionRepository(deps.db).applyChange(s.id, {
        expectedVersion: s.version,
        actor: { personId: ctx.personId, channel: ctx.channel },
        now: ctx.now,
        status: { to: 'returned', note, event: 'returned' },
      });
      if (!outcome.ok) return say(reply('coord:busy'));
      const reporters = await createPeopleRepository(deps.db).listMemberAccounts([found.unit.id], 'reporter');
      await deps.notify(
        reporters.map((a) => ({
          idempotencyKey: `return:${s.id}:${outcome.version}:${a.id}`,
          accountId: a.id,
          replies: [
            reply('coord:return.notice', { unit: found.unit.name, note, period: period.name }, [
              { value: `report:continue:${period.id}`, key: 'reminders:action.continue' },
            ]),
          ],
        })),
      );
      return say(reply('coord:return.done', { code: found.unit.code, name: found.unit.name, count: reporters.length }));
    });

export const verifyCommand =
  (deps: CoordinationDeps) =>
  (ctx: CommandContext): Promise<CommandResult> =>
    guarded(deps, ctx, async ({ scope, period }) => {
      const [code, criterion, pointsText] = ctx.args;
      const found = unitInScope(scope, code);
      if (!found.ok) return found.result;
      const note = noteAfter(ctx.rawArgs, 3);
      if (!criterion || !pointsText || note.length < 3) return say(reply('coord:verify.usage'));
      const [row] = await unitRows(deps, scope, period, (u) => u.id === found.unit.id);
      const s = row?.submission;
      if (!s || (s.status !== 'submitted' && s.status !== 'verified')) return say(reply('coord:verify.not_submitted', { code: found.unit.code }));
      const set = (await createCriteriaSetRepository(deps.db).findById(s.criteriaSetId))?.set;
      const c = set?.criteria.find((x) => x.code.toLowerCase() === criterion.toLowerCase());
      if (!c) return say(reply('coord:verify.unknown_criterion', { criterion }));
      const points = parseNumber(pointsText, { min: 0, max: c.maxPoints });
      if (!points.ok) return say(reply('coord:verify.bad_points', { max: c.maxPoints }));
      const result = await createCoordinationRepository(deps.db).verify({
        submissionId: s.id,
        criterionCode: c.code,
        points: points.value,
        note,
        personId: ctx.personId,
        channel: ctx.channel,
        now: ctx.now,
        applicableMax: s.applicableMax,
      });
      if (!result) return say(reply('coord:verify.unanswered', { code: c.code }));
      return say(
        reply('coord:verify.done', {
          unit: found.unit.code,
          code: c.code,
          points: points.value,
          max: c.maxPoints,
          total: result.verifiedPoints,
          percent: result.verifiedPercent,
        }),
      );
    });
