// Coordinator queries over a large installation: 10,000 communes, each with a submitted
// 31-criterion report; time of /status and /ranking as a province coordinator, and peak RSS.
import { createCoordinationCommands } from '../bot/coordination/coordination-commands.ts';
import { createTranslator } from '../bot/i18n.ts';
import { VIETNAM_CALENDAR } from '../core/calendar/working-days.ts';
import { openBenchDb, round2 } from './bench-db.ts';
import { generatedSet } from './generated-set.ts';
import { randomUUID } from 'node:crypto';

export type QueriesResult = { units: number; statusMs: number; rankingMs: number; peakRssMb: number };

export const runQueriesBench = async (units: number): Promise<QueriesResult> => {
  const set = generatedSet(31);
  const now = new Date();
  const db = await openBenchDb('sqlite', set, now);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const prisma = db.prisma;
    const province = await prisma.unit.findUniqueOrThrow({ where: { code: 'HATINH' } });
    const period = await prisma.period.findFirstOrThrow({ select: { id: true } });
    const setRow = await prisma.criteriaSet.findFirstOrThrow({ select: { id: true } });
    const ids = Array.from({ length: units }, () => randomUUID());
    for (let i = 0; i < units; i += 1000) {
      await prisma.unit.createMany({
        data: ids
          .slice(i, i + 1000)
          .map((id, k) => ({ id, code: `B${String(i + k).padStart(5, '0')}`, name: `Xã thử ${i + k}`, level: 'commune', parentId: province.id })),
      });
      await prisma.submission.createMany({
        data: ids.slice(i, i + 1000).map((unitId, k) => ({
          id: unitId,
          periodId: period.id,
          unitId,
          criteriaSetId: setRow.id,
          status: (i + k) % 7 === 0 ? 'draft' : 'submitted',
          answeredCount: 31,
          selfPoints: 100 + ((i + k) % 200),
          selfPercent: (100 + ((i + k) % 200)) / 3.1,
          applicableMax: 310,
          tier: 'kha',
          groupPoints: { '6': (i + k) % 50, '5': (i + k) % 40 },
          submittedAt: new Date(now.getTime() - (i + k) * 1000),
          workingDaysLate: (i + k) % 11 === 0 ? 6 : 0,
          lateBeyondTolerance: (i + k) % 11 === 0,
        })),
      });
      await prisma.answer.createMany({
        data: ids
          .slice(i, i + 1000)
          .flatMap((submissionId) =>
            set.criteria.map((c) => ({
              submissionId,
              criterionCode: c.code,
              value: { type: 'boolean', value: true },
              points: 10,
              answeredById: 'bench',
              channel: 'telegram',
              answeredAt: now,
            })),
          ),
      });
    }
    const commands = createCoordinationCommands({
      db: prisma,
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
