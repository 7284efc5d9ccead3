// Per answer, ours: officers complete a generated set through bot.handleUpdate (Bot API
// emulated in-process); latency of each answer, answers per second, statements per answer.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../bot/app/create-app.ts';
import { createFileEvidenceStore } from '../bot/db/file-evidence-store.ts';
import { createInvite } from '../bot/app/admin/create-invite.ts';
import { silentLogger } from '../bot/platform/logger.ts';
import type { ProviderName } from '../test/db/support/providers.ts';
import { createTelegramHarness } from '../test/support/telegram-harness.ts';
import { openBenchDb, percentile, round2 } from './bench-db.ts';
import { statements } from '../test/support/db-counter.ts';
import { answerFor, generatedSet } from './generated-set.ts';

export type AnswerResult = {
  p50Ms: number;
  p99Ms: number;
  perSecond: number;
  queriesPerAnswer: number;
  firstTenthP50Ms: number;
  lastTenthP50Ms: number;
  answers: number;
};

const OFFICERS = 8;
const COMMUNES = ['X-THACHDAI', 'X-THACHKHE', 'X-THACHLIEN', 'X-THIENLOC', 'X-TUNGLOC', 'X-VUONGLOC', 'X-THACHKIM', 'X-HODO'];

export const runAnswerBench = async (provider: ProviderName, n: number): Promise<AnswerResult> => {
  const now = new Date();
  const set = generatedSet(n);
  const db = await openBenchDb(provider, set, now);
  try {
    const app = createApp({
      repos: db.repos,
      logger: silentLogger(),
      evidence: createFileEvidenceStore(mkdtempSync(path.join(os.tmpdir(), 'bench-'))),
      evidenceMaxBytes: 1 << 20,
      botUsername: 'b',
    });
    const tg = createTelegramHarness(app.dialogue, () => new Date());
    const times: number[] = [];
    const byPosition: number[][] = Array.from({ length: n }, () => []);
    let stmts = 0;
    const started = performance.now();
    for (let o = 0; o < OFFICERS; o += 1) {
      const user = 9000 + o;
      const unit = await app.deps.units.findByCode(COMMUNES[o]!);
      const { code } = await createInvite(app.deps.invites, { unitId: unit!.id, role: 'reporter', uses: 1, days: 7, createdById: null, now });
      await tg.text(user, `/start ${code}`);
      await tg.text(user, '/report');
      for (let i = 0; i < n; i += 1) {
        const a = answerFor(i);
        const s0 = statements();
        const t0 = performance.now();
        if (a.choice) await tg.click(user, a.choice);
        else await tg.text(user, a.text ?? '');
        const dt = performance.now() - t0;
        stmts += statements() - s0;
        times.push(dt);
        byPosition[i]!.push(dt);
      }
      tg.sent.splice(0, tg.sent.length);
    }
    const total = (performance.now() - started) / 1000;
    const sorted = [...times].sort((a, b) => a - b);
    const tenth = Math.max(1, Math.floor(n / 10));
    const firsts = byPosition
      .slice(0, tenth)
      .flat()
      .sort((a, b) => a - b);
    const lasts = byPosition
      .slice(n - tenth)
      .flat()
      .sort((a, b) => a - b);
    const submitted = await db.prisma.answer.count();
    if (submitted !== OFFICERS * n) throw new Error(`expected ${OFFICERS * n} stored answers, found ${submitted}`);
    return {
      p50Ms: round2(percentile(sorted, 50)),
      p99Ms: round2(percentile(sorted, 99)),
      perSecond: round2(times.length / total),
      queriesPerAnswer: round2(stmts / times.length),
      firstTenthP50Ms: round2(percentile(firsts, 50)),
      lastTenthP50Ms: round2(percentile(lasts, 50)),
      answers: times.length,
    };
  } finally {
    await db.cleanup();
  }
};
