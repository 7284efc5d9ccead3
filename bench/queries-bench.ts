// Coordinator queries over a large installation: 10,000 communes, each with a submitted
// 31-criterion report; time of /status and /ranking as a province coordinator, and peak RSS.
import { createRepositories } from '../bot/db/create-repositories.ts';
import { createCoordinationCommands } from '../bot/app/coordination/coordination-commands.ts';
import { createTranslator } from '../bot/platform/i18n.ts';
import { VIETNAM_CALENDAR } from '../core/calendar/working-days.ts';
import { openBenchDb, round2 } from './bench-db.ts';
import { generatedSet } from './generated-set.ts';
import { randomUUID } from 'node:crypto';
import { scoreOf } from '../bot/app/scores.ts';
import type { Answers } from '../core/criteria/answer-value.schema.ts';
import { scoreCacheOf } from '../core/criteria/submission-score.ts';
import { valueFor } from '../test/app/support/submit-directly.ts';

export type QueriesResult = { units: number; statusMs: number; rankingMs: number; peakRssMb: number };

export const runQueriesBench = async (units: number): Promise<QueriesResult> => {
  const set = generatedSet(31);
  const now = new Date();
  const db = await openBenchDb('sqlite', set, now);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  try {
    const prisma = db.prisma;
    const province = await prisma.unit.findUniqueOrThrow({ where: { code: 'HATINH' } });
    const periodRow = await prisma.period.findFirstOrThrow({ select: { id: true } });
    const repos = createRepositories(prisma);
    const period = (await repos.periods.findById(periodRow.id))!;
    const setRow = await prisma.criteriaSet.findFirstOrThrow({ select: { id: true } });
    // Reports of varied quality (yes/no patterns by unit), each scored by the score function and
    // cached with the submission as the product does; some first submitted late, some drafts.
    const report = (i: number) => {
      const answers: Record<string, Answers[string]> = {};
      for (const [k, c] of set.criteria.entries()) answers[c.code] = { value: valueFor(c, ((i * 37 + k * 11) % 100) / 99, 2026), evidenceCount: 1 };
      return { answers, score: scoreCacheOf(set, scoreOf(set, period, { answers, overrides: {} })) };
    };
    const ids = Array.from({ length: units }, () => randomUUID());
    for (let i = 0; i < units; i += 1000) {
      const slice = ids.slice(i, i + 1000);
      const reports = slice.map((_, k) => report(i + k));
      await prisma.unit.createMany({
        data: slice.map((id, k) => ({ id, code: `B${String(i + k).padStart(5, '0')}`, name: `Xã thử ${i + k}`, level: 'commune', parentId: province.id })),
      });
      await prisma.submission.createMany({
        data: slice.map((unitId, k) => {
          const submitted = (i + k) % 7 !== 0;
          const at = new Date(now.getTime() - ((i + k) % 11 === 0 ? -20 : 1) * 86_400_000);
          return {
            id: unitId,
            periodId: period.id,
            unitId,
            criteriaSetId: setRow.id,
            status: submitted ? 'submitted' : 'draft',
            version: 2,
            score: reports[k]!.score as never,
            ...(submitted ? { firstSubmittedAt: at, submittedAt: at } : {}),
          };
        }),
      });
      await prisma.answer.createMany({
        data: slice.flatMap((submissionId, k) =>
          Object.entries(reports[k]!.answers).map(([code, a]) => ({
            submissionId,
            criterionCode: code,
            value: a.value as never,
            answeredById: 'bench',
            channel: 'telegram',
            answeredAt: now,
          })),
        ),
      });
    }
    const commands = createCoordinationCommands({
      repos,
      calendar: VIETNAM_CALENDAR,
      botUsername: 'b',
      translate: createTranslator('vi').t,
      notify: async () => undefined,
      remind: async () => ({ queued: 0 }),
    });
    const ctx = {
      personId: 'p',
      accountId: 'a',
      channel: 'telegram' as const,
      locale: 'vi' as const,
      now,
      memberships: [{ id: 'm', personId: 'p', unitId: province.id, role: 'coordinator' as const }],
      rawArgs: '',
    };
    const time = async (name: string, args: string[]) => {
      const t0 = performance.now();
      const out = await commands[name]!({ ...ctx, args, rawArgs: args.join(' ') });
      if (out.replies.length === 0) throw new Error(`${name} answered nothing`);
      return performance.now() - t0;
    };
    await time('status', []);
    const statusMs = await time('status', []);
    const rankingMs = await time('ranking', ['commune']);
    return { units, statusMs: round2(statusMs), rankingMs: round2(rankingMs), peakRssMb: round2(peak / (1024 * 1024)) };
  } finally {
    clearInterval(sampler);
    await db.cleanup();
  }
};
