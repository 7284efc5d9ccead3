// /unit <code>: the unit's answers, scores, explanations, evidence and what blocks submission.
import { pickText } from '../../core/criteria/localized-text.ts';
import type { Answers } from '../../core/criteria/answer-value.schema.ts';
import { AnswerValueSchema } from '../../core/criteria/answer-value.schema.ts';
import { reviewSummary } from '../../core/questionnaire/review-summary.ts';
import { keyParam, reply, type Reply } from '../../core/reply.ts';
import type { CommandContext, CommandResult } from '../app/command-port.ts';
import { createCoordinationRepository } from '../db/repositories/coordination-repository.ts';
import { createCriteriaSetRepository } from '../db/repositories/criteria-set-repository.ts';
import { unitRows, type CoordinationDeps } from './coordination-context.ts';
import { guarded, say, unitInScope } from './guard.ts';

export const unitCommand =
  (deps: CoordinationDeps) =>
  (ctx: CommandContext): Promise<CommandResult> =>
    guarded(deps, ctx, async ({ scope, period }) => {
      const found = unitInScope(
        scope,
        ctx.args.find((a) => !a.startsWith('period:')),
      );
      if (!found.ok) return found.result;
      const [row] = await unitRows(deps, scope, period, (u) => u.id === found.unit.id);
      if (!row) return say(reply('coord:unit.not_assessed', { code: found.unit.code }));
      const head = reply('coord:unit.title', {
        code: found.unit.code,
        name: found.unit.name,
        status: keyParam(`coord:state.${row.status}`),
        period: period.name,
      });
      const s = row.submission;
      if (!s) return say(head, reply('coord:unit.not_started'));
      const set = (await createCriteriaSetRepository(deps.db).findById(s.criteriaSetId))?.set;
      if (!set) return say(head);
      const details = await createCoordinationRepository(deps.db).answersOf(s.id);
      const byCode = new Map(details.map((d) => [d.criterionCode, d]));
      const answers: Record<string, Answers[string]> = {};
      for (const d of details) {
        const v = AnswerValueSchema.safeParse(d.value);
        if (v.success) answers[d.criterionCode] = { value: v.data, ...(d.explanation ? { explanation: d.explanation } : {}), evidenceCount: d.evidenceCount };
      }
      const summary = reviewSummary(set, answers, {}, { window: period.dataWindow });
      const lines: Reply[] = [
        head,
        reply('coord:unit.totals', {
          points: s.selfPoints,
          applicableMax: s.applicableMax,
          percent: s.selfPercent,
          verified: s.appraisalStarted && s.verifiedPoints !== null ? keyParam('coord:unit.verified_total') : '',
          verifiedPoints: s.verifiedPoints ?? 0,
          verifiedPercent: s.verifiedPercent ?? 0,
        }),
      ];
      for (const c of set.criteria) {
        const d = byCode.get(c.code);
        const score = summary.score.byCode[c.code];
        if (!d) {
          if (score?.status !== 'irrelevant') lines.push(reply('coord:unit.criterion_missing', { code: c.code, max: c.maxPoints }));
          continue;
        }
        lines.push(
          reply('coord:unit.criterion', {
            code: c.code,
            points: d.points ?? 0,
            max: c.maxPoints,
            evidence: d.evidenceCount,
            verified: d.verifiedPoints !== null ? keyParam('coord:unit.verified') : '',
            verifiedPoints: d.verifiedPoints ?? 0,
            explanation: d.explanation ?? '',
            text: pickText(c.text, ctx.locale).slice(0, 60),
          }),
        );
      }
      if (summary.blockers.length > 0)
        lines.push(
          reply('coord:unit.blockers', {
            count: summary.blockers.length,
            codes: summary.blockers
              .map((b) => b.code)
              .slice(0, 15)
              .join(', '),
          }),
        );
      return say(...lines);
    });
