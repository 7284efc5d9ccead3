// A dozen reporters of one unit answering at the same moment (the night before the deadline,
// the whole commune office at once): every write lands, nobody is told "not saved".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../bot/app/create-app.ts';
import { createInvite } from '../../../bot/app/admin/create-invite.ts';
import { nextAction } from '../../support/answer-driver.ts';
import { demoApp, shippedCommuneSet, type DemoApp } from '../support/demo-app.ts';
import { availableProviders, type TestDatabase } from '../support/providers.ts';

const providers = await availableProviders();
const set = await shippedCommuneSet();
const REPORTERS = 12;

describe.each(providers)('%d reporters of one unit at once on %s'.replace('%d', String(REPORTERS)), (provider) => {
  let db: TestDatabase;
  let app: App;
  const now = new Date('2026-11-22T02:00:00Z');
  let tg: DemoApp['tg'];
  beforeAll(async () => {
    ({ db, app, tg } = await demoApp(provider, now));
  });
  afterAll(async () => db.dispose());

  it('stores every one of their answers, with no failed write', async () => {
    const unit = await app.deps.units.findByCode('X-THACHDAI');
    const { code } = await createInvite(app.deps.invites, { unitId: unit!.id, role: 'reporter', uses: REPORTERS, days: 7, createdById: null, now });
    const users = Array.from({ length: REPORTERS }, (_, i) => 3000 + i);
    const codes = set.criteria.filter((c) => !c.relevantWhen).map((c) => c.code);
    for (const [i, u] of users.entries()) {
      await tg.text(u, `/start ${code}`);
      await tg.text(u, '/report');
      await tg.text(u, `/edit ${codes[i]}`);
    }
    for (let round = 0; round < 3; round += 1) {
      const turns = await Promise.all(
        users.map(async (u) => {
          const action = nextAction(set, await app.deps.chats.getState('telegram', String(u)), 2026, new Set(['*']));
          if (action.kind === 'text') return tg.text(u, action.text);
          if (action.kind === 'choice') return tg.click(u, action.value);
          return [];
        }),
      );
      for (const replies of turns) {
        expect(replies.map((r) => r.text).join('\n')).not.toMatch(/CHƯA được lưu|đã có lỗi/);
      }
    }
    const row = await db.prisma.submission.findFirstOrThrow({ where: { unitId: unit!.id }, include: { answers: true } });
    const answered = new Set(row.answers.map((a) => a.criterionCode));
    for (const c of codes.slice(0, REPORTERS)) expect(answered.has(c), c).toBe(true);
    expect(new Set(row.answers.map((a) => a.answeredById)).size).toBeGreaterThanOrEqual(REPORTERS);
  });
});
