// The officer's answer is the hottest path of the product: a turn that stores one answer may
// cost at most four statements at the driver (issue 20), counted on both databases while an
// officer walks the commune set. Today it is two: the turn's opening read and its commit
// (one INSERT into the TurnCommit view, whose trigger writes everything).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../bot/app/create-app.ts';
import { createInvite } from '../../../bot/app/admin/create-invite.ts';
import { nextAction } from '../../support/answer-driver.ts';
import { installCounters, statements } from '../../support/db-counter.ts';
import { demoApp, shippedCommuneSet, type DemoApp } from '../support/demo-app.ts';
import { availableProviders, type TestDatabase } from '../support/providers.ts';

const providers = await availableProviders();
const set = await shippedCommuneSet();
const BUDGET = 4;

describe.each(providers)('statements per answer on %s', (provider) => {
  let db: TestDatabase;
  let app: App;
  const now = new Date('2026-11-22T02:00:00Z');
  let tg: DemoApp['tg'];
  beforeAll(async () => {
    installCounters();
    ({ db, app, tg } = await demoApp(provider, now));
  });
  afterAll(async () => db.dispose());

  it(`stores each answer of a walk through the commune set in at most ${BUDGET} statements, and stores it`, async () => {
    const unit = await app.deps.units.findByCode('X-THACHDAI');
    const { code } = await createInvite(app.deps.invites, { unitId: unit!.id, role: 'reporter', uses: 1, days: 7, createdById: null, now });
    const user = 4100;
    await tg.text(user, `/start ${code}`);
    await tg.text(user, '/report');
    const revisions = () => db.prisma.answerRevision.count({ where: { submission: { unitId: unit!.id } } });
    const answerTurns: { code: string; statements: number }[] = [];
    for (let turn = 0; turn < 40; turn += 1) {
      const state = await app.deps.chats.getState('telegram', String(user));
      const action = nextAction(set, state, 2026, new Set(['*']));
      if (action.kind === 'done' || action.kind === 'photo') break;
      const before = await revisions();
      const s0 = statements();
      const replies = action.kind === 'text' ? await tg.text(user, action.text) : await tg.click(user, action.value);
      const used = statements() - s0;
      expect(replies.length, `turn ${turn} answered`).toBeGreaterThan(0);
      if ((await revisions()) === before + 1) answerTurns.push({ code: `${turn}:${action.kind}`, statements: used });
    }
    // The walk stored answers of several kinds (yes/no, choices, counts, ratios) and
    // explanations (a revision of an answer already stored).
    for (const t of answerTurns) expect(t.statements, t.code).toBeLessThanOrEqual(BUDGET);
    const stored = await db.prisma.answer.count({ where: { submission: { unitId: unit!.id } } });
    expect(stored).toBeGreaterThanOrEqual(10);
    expect(answerTurns.length).toBeGreaterThanOrEqual(stored);
  });
});
