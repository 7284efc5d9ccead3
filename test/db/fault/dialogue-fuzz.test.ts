// Fault and abuse: fast-check generates officer inputs (text of every shape, button payloads,
// forged callback data, commands, files) and drives them through the full dialogue. Whatever
// arrives, the bot answers, keeps serving, stores only valid answers within the points, and the
// conversation state stays parseable. FUZZ_ANSWERS sets the number of inputs (CI raises it).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../bot/app/create-app.ts';
import { scoreCache, scoreOf } from '../../../bot/app/scores.ts';
import { createInvite } from '../../../bot/app/admin/create-invite.ts';
import { ChatStateSchema } from '../../../bot/app/dialogue/chat-state.ts';
import { AnswerValueSchema } from '../../../core/criteria/answer-value.schema.ts';
import { CriteriaSetSchema } from '../../../core/criteria/criteria-set.schema.ts';
import { createTelegramHarness } from '../../support/telegram-harness.ts';
import { demoApp } from '../support/demo-app.ts';
import { availableProviders, type TestDatabase } from '../support/providers.ts';

const providers = await availableProviders();
const total = Number(process.env['FUZZ_ANSWERS'] ?? 1500);
// A turn is a few milliseconds of Prisma work (about 4 on SQLite, 7 on PostgreSQL, more on a
// loaded CI machine): room for 20 ms a turn, so CI's 100,000 inputs are never cut by the clock.
const timeoutMs = Math.max(600_000, total * 20);

const input = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.oneof(
      fc.integer({ min: -5, max: 200 }).map(String),
      fc.double({ noNaN: false }).map(String),
      fc.constantFrom('1.234', '1 234', '12,5', '85%', '45/50', '45 trên 50', '60/50', '0/0', 'có', 'không', 'k', 'x', '15/9/2021', '31/02/2026', 'xong', 'na'),
    ),
  },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 5000 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '/review',
      '/score',
      '/skip',
      '/edit X-1.3',
      '/edit ZZZ',
      '/submit',
      '/cancel',
      '/report',
      '/help',
      '/lang',
      '/unknown',
      '/start',
      '/link XXXXXX',
    ),
  },
);
const action = fc.oneof(
  { weight: 8, arbitrary: input.map((text) => ({ kind: 'text' as const, text })) },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(
        'y',
        'n',
        'skip',
        'e:done',
        'm:done',
        'd:default',
        'c:head',
        'c:none',
        'cmd:review',
        'cmd:submit',
        'confirm:submit',
        'confirm:cancel',
        'edit:X-1.1',
        'lang:en',
        'lang:vi',
        'period:nope',
        'unit:nope',
      )
      .map((value) => ({ kind: 'click' as const, value })),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 70 }).map((raw) => ({ kind: 'forged' as const, raw })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3_000_000 }).map((size) => ({ kind: 'photo' as const, size })) },
);

describe.each(providers)('dialogue under generated input on %s', (provider) => {
  let db: TestDatabase;
  let app: App;
  const now = new Date('2026-11-22T03:00:00Z');
  beforeAll(async () => {
    ({ db, app } = await demoApp(provider, now, { botUsername: 'b' }));
  });
  afterAll(async () => db.dispose());

  it(
    `answers every one of ${total} generated inputs and stores only valid answers`,
    async () => {
      const tg = createTelegramHarness(app.dialogue, () => now);
      const users = [5001, 5002, 5003];
      for (const [i, u] of users.entries()) {
        const unit = await app.deps.units.findByCode(['X-THACHDAI', 'X-THACHDAI', 'X-HODO'][i]!);
        const { code } = await createInvite(app.deps.invites, { unitId: unit!.id, role: 'reporter', uses: 1, days: 7, createdById: null, now });
        await tg.text(u, `/start ${code}`);
        await tg.text(u, '/report');
      }
      // Sampled in chunks so 100,000 inputs never sit in memory at once.
      const chunks = function* () {
        for (let done = 0, seed = 20261122; done < total; done += 1000, seed += 1) {
          yield* fc.sample(fc.tuple(fc.constantFrom(...users), action), { numRuns: Math.min(1000, total - done), seed });
        }
      };
      let answered = 0;
      for (const [user, a] of chunks()) {
        const replies =
          a.kind === 'text'
            ? await tg.text(user, a.text)
            : a.kind === 'click'
              ? await tg.click(user, a.value)
              : a.kind === 'forged'
                ? await tg.click(user, `raw:${a.raw}`)
                : await tg.photo(user, a.size);
        expect(replies.length, JSON.stringify(a)).toBeGreaterThanOrEqual(1);
        expect(replies.every((r) => r.text.length > 0 && r.text.length <= 4096)).toBe(true);
        expect(replies.some((r) => r.text.includes('đã có lỗi'))).toBe(false);
        answered += 1;
        if (tg.sent.length > 10_000) tg.sent.splice(0, tg.sent.length);
      }
      expect(answered).toBe(total);

      for (const row of await db.prisma.chatState.findMany()) expect(ChatStateSchema.safeParse(row.state).success).toBe(true);
      const sets = new Map((await db.prisma.criteriaSet.findMany()).map((s) => [s.id, CriteriaSetSchema.parse(s.definition)]));
      for (const sub of await db.prisma.submission.findMany({ include: { answers: true } })) {
        const set = sets.get(sub.criteriaSetId)!;
        for (const a of sub.answers) expect(AnswerValueSchema.safeParse(a.value).success).toBe(true);
        // The cached score is what the score function computes from what was stored.
        const snapshot = (await db.repos.submissions.load(sub.id))!;
        const period = (await db.repos.periods.findById(sub.periodId))!;
        const fresh = scoreCache(set, period, snapshot);
        if (sub.score !== null) expect(sub.score).toEqual(fresh);
        expect(fresh.self.points).toBeLessThanOrEqual(set.totalPoints);
        const rows = scoreOf(set, period, snapshot).self.criteria;
        for (const r of rows) expect(r.points).toBeLessThanOrEqual(r.maxPoints);
      }
    },
    timeoutMs,
  );
});
