// Reminders end to end on both databases: the tick walked with a fixed clock, the throttled
// sender against a rate-limited loopback Bot API, a crash mid-wave, two instances, leases (a
// sender that lost its lease sends nothing more, `remind run` beside a running sender), the
// 403 / 429 / 5xx storms and Zalo's ambiguous 403. Pacing is checked on a virtual clock by
// counting per-second windows, never against the wall clock.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Api } from 'grammy';
import { VIETNAM_CALENDAR } from '../../../core/calendar/working-days.ts';
import { localMinutesOfDay, toLocalDate, dayOfWeek } from '../../../core/calendar/local-date.ts';
import { isPublicHolidayOrSunday } from '../../../core/calendar/working-days.ts';
import { openDatabase } from '../../../bot/db/database.ts';
import { createLeasesRepository } from '../../../bot/db/repositories/leases-repository.ts';
import { createMessageOutboxRepository } from '../../../bot/db/repositories/message-outbox-repository.ts';
import { createPeopleRepository } from '../../../bot/db/repositories/people-repository.ts';
import { createPeriodRepository } from '../../../bot/db/repositories/period-repository.ts';
import { createUnitRepository } from '../../../bot/db/repositories/unit-repository.ts';
import { telegramRowSender } from '../../../bot/channels/telegram/telegram-row-sender.ts';
import { createOutboxSender } from '../../../bot/app/delivery/outbox-sender.ts';
import { enqueueDueReminders, planReminders } from '../../../bot/app/delivery/plan-reminders.ts';
import { seedDemo } from '../../../bot/app/admin/seed-demo.ts';
import { createTranslator } from '../../../bot/platform/i18n.ts';
import { silentLogger } from '../../../bot/platform/logger.ts';
import { REMINDER_LEASE } from '../../../bot/app/delivery/reminder-service.ts';
import { zaloRowSender } from '../../../bot/channels/zalo/zalo-row-sender.ts';
import { errorFromResponse } from '../../../bot/channels/zalo/zalo-api-error.ts';
import type { ZaloApi } from '../../../bot/channels/zalo/zalo-api.ts';
import { runCli } from '../../../bot/cli/run-cli.ts';
import { maxPerRollingSecond, startRateLimitedBotApi, type RateLimitedApi } from '../../support/rate-limited-bot-api.ts';
import { startRemoteBotApi } from '../../support/remote-bot-api.ts';
import { virtualClock as sharedClock } from '../../support/virtual-clock.ts';
import { createSendBudget } from '../../../bot/platform/send-budget.ts';
import { availableProviders, createTestDatabase, type TestDatabase } from '../support/providers.ts';
import type { NewOutboxRow, RowSender, SendOutcome } from '../../../bot/app/ports.ts';

const providers = await availableProviders();
const translator = createTranslator('vi');

// The sender's own client, as in production: no auto-retry plugin (it reschedules on a 429).
const apiFor = (url: string) => new Api('123456:wave-token', { apiRoot: url });

/** The virtual clock of the send budget, as instants for the sender. */
const virtualClock = (start = Date.now()) => {
  const v = sharedClock(start);
  return { clock: v.clock, now: () => new Date(v.now()), budget: v.budget };
};

/**
 * An emulated platform on that clock: 429 (retry_after 1) above `perSecond` in a rolling second
 * or within a second to one chat, like the loopback API, recording what it accepted and when.
 */
const emulatedPlatform = (clock: { t: number }, perSecond: number) => {
  const accepted: { chatId: string; at: number }[] = [];
  const state = { accepted, received429: 0, refuse: undefined as ((row: { chatId: string }) => SendOutcome | undefined) | undefined };
  const send: RowSender = async (row) => {
    const forced = state.refuse?.(row);
    if (forced) return forced;
    const t = clock.t;
    const inWindow = accepted.filter((m) => t - m.at < 1000);
    if (inWindow.length >= perSecond || inWindow.some((m) => m.chatId === row.chatId)) {
      state.received429 += 1;
      return { kind: 'rate_limited', retryAfterSeconds: 1 };
    }
    accepted.push({ chatId: row.chatId, at: t });
    return { kind: 'sent' };
  };
  return { state, send };
};

const waveRows = (n: number, prefix: string): NewOutboxRow[] =>
  Array.from({ length: n }, (_, i) => ({
    idempotencyKey: `${prefix}:${i}`,
    kind: 'reminder:test',
    channel: 'telegram',
    accountId: null,
    chatId: String(100_000 + i),
    payload: {
      locale: i % 2 ? 'vi' : 'en',
      replies: [
        {
          key: 'reminders:before_deadline',
          params: { unitName: `Xã ${i}`, deadline: '15/12/2026', workingDaysRemaining: 3, answered: 5, total: 31, points: 120, percent: 12 },
        },
      ],
    },
    nextAttemptAt: new Date(Date.now() - 1000),
  }));

describe.each(providers)('reminder delivery on %s', (provider) => {
  let db: TestDatabase;
  let api: RateLimitedApi;
  beforeAll(async () => {
    db = await createTestDatabase(provider);
  });
  afterAll(async () => db.dispose());
  afterEach(async () => {
    await api?.close();
    await db.prisma.outbox.deleteMany({});
  });

  it('walks a period from opening to past its tolerance: the expected reminders, none to submitted units, none in quiet hours or on holidays', async () => {
    const opened = new Date('2026-11-23T01:00:00Z');
    const summary = await seedDemo(db.repos, opened);
    const people = createPeopleRepository(db.prisma);
    const units = createUnitRepository(db.prisma);
    const join = async (externalId: string, unitCode: string, role: 'reporter' | 'coordinator') => {
      const acc = await people.ensureAccount({ channel: 'telegram', externalId, chatId: externalId, displayName: externalId, locale: 'vi', now: opened });
      await people.grantMembership({ personId: acc.personId, unitId: (await units.findByCode(unitCode))!.id, role });
      return acc;
    };
    const late = await join('r-late', 'X-THACHDAI', 'reporter');
    const done = await join('r-done', 'X-THACHKHE', 'reporter');
    const coord = await join('c-thachha', 'H-THACHHA', 'coordinator');
    // X-THACHKHE submits on the first day.
    const setId = summary.period.sets.find((s) => s.level === 'commune' && s.answeredBy === 'unit')!.criteriaSetId;
    await db.prisma.submission.create({
      data: { periodId: summary.period.id, unitId: (await units.findByCode('X-THACHKHE'))!.id, criteriaSetId: setId, status: 'submitted', submittedAt: opened },
    });

    const deadline = summary.period.deadlines.commune!;
    const end = new Date(`${deadline}T00:00:00Z`).getTime() + 14 * 86_400_000;
    for (let t = opened.getTime(); t < end; t += 3_600_000) await enqueueDueReminders(db.repos, new Date(t), VIETNAM_CALENDAR);
    const rows = await db.prisma.outbox.findMany({ orderBy: { nextAttemptAt: 'asc' } });
    const to = (accountId: string) => rows.filter((r) => r.accountId === accountId);
    expect(to(done.id)).toEqual([]);
    const thachDai = (await units.findByCode('X-THACHDAI'))!.id;
    const kinds = to(late.id)
      .filter((r) => r.idempotencyKey.includes(thachDai))
      .map((r) => r.kind.replace('reminder:', ''));
    // A reminder falling on a Sunday or holiday moves to the next allowed morning; when that is
    // the deadline morning, only the deadline reminder goes out.
    const dayBefore = new Date(new Date(`${deadline}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);
    const before1 = isPublicHolidayOrSunday(dayBefore, VIETNAM_CALENDAR) ? [] : ['before_1'];
    expect(kinds.slice(0, 3 + before1.length)).toEqual(['before_7', 'before_3', ...before1, 'deadline_morning']);
    const lateKinds = kinds.filter((k) => k.startsWith('late_day_'));
    expect(lateKinds).toEqual(['late_day_1', 'late_day_2', 'late_day_3', 'late_day_4', 'late_day_5']);
    expect(to(coord.id).length).toBeGreaterThan(0);
    expect(to(coord.id).every((r) => r.kind.startsWith('reminder:late'))).toBe(true);
    for (const r of rows) {
      const local = toLocalDate(r.nextAttemptAt);
      const minutes = localMinutesOfDay(r.nextAttemptAt);
      expect(minutes).toBeGreaterThanOrEqual(7 * 60 + 30);
      expect(minutes).toBeLessThanOrEqual(20 * 60 + 30);
      expect(isPublicHolidayOrSunday(local, VIETNAM_CALENDAR), local).toBe(false);
      expect(dayOfWeek(local)).not.toBe(0);
    }
    // Running the whole walk again adds nothing: the keys are unique.
    const before = rows.length;
    for (let t = opened.getTime(); t < end; t += 6 * 3_600_000) await enqueueDueReminders(db.repos, new Date(t), VIETNAM_CALENDAR);
    expect(await db.prisma.outbox.count()).toBe(before);
    // The dry run at a later time lists nothing for the submitted unit either.
    const planned = await planReminders(db.repos, new Date(end - 10 * 86_400_000), VIETNAM_CALENDAR);
    expect(planned.every((p) => p.recipientAccountId !== done.id)).toBe(true);
    await createPeriodRepository(db.prisma).setStatus(summary.period.id, 'closed');
  });

  it('delivers 300 reminders against an API answering 429 above its ceiling: all exactly once, even after a crash mid-wave', async () => {
    // The platform's real ceiling: 30 messages/s overall, 1/s per chat, with some latency.
    api = await startRateLimitedBotApi({ perSecond: 30, latencyMs: 20 });
    const outbox = createMessageOutboxRepository(db.prisma);
    await outbox.enqueue(waveRows(300, 'wave'), new Date());
    expect(await outbox.enqueue(waveRows(300, 'wave'), new Date())).toBe(0);
    const people = createPeopleRepository(db.prisma);
    const markUnreachable = (id: string, at: Date) => people.markUnreachable(id, at);
    const send = telegramRowSender(apiFor(api.url), translator);

    // Instance A stops answering after 100 messages, holding claimed rows (a crash).
    let sentByA = 0;
    let answeredA = 0;
    const crashed = createOutboxSender({
      outbox,
      markUnreachable,
      ratePerSecond: 30,
      holder: 'A',
      logger: silentLogger(),
      batchSize: 60,
      senders: {
        telegram: async (row) => {
          if (sentByA++ >= 100) return new Promise(() => undefined);
          const outcome = await send(row);
          answeredA += 1;
          return outcome;
        },
      },
    });
    void crashed.drain();
    // Counted by A's answered calls (a rescheduled 429 would leave the API's count short).
    while (answeredA < 100) await new Promise((r) => setTimeout(r, 20));
    // A is now stuck with its next batch claimed.
    for (let i = 0; i < 100 && (await db.prisma.outbox.count({ where: { status: 'sending' } })) === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(await db.prisma.outbox.count({ where: { status: 'sending' } })).toBeGreaterThan(0);

    // Instance B starts after A's claims expired and delivers the rest; not within the second of
    // A's last message (no restarted process is that quick), or the two would share one window.
    while (Date.now() - (api.accepted.at(-1)?.at ?? 0) < 1000) await new Promise((r) => setTimeout(r, 50));
    const acceptedByA = api.accepted.length;
    const later = () => new Date(Date.now() + 10 * 60_000);
    const b = createOutboxSender({ outbox, markUnreachable, ratePerSecond: 30, holder: 'B', logger: silentLogger(), now: later, senders: { telegram: send } });
    const stats = await b.drain();
    expect(stats.sent).toBe(300 - acceptedByA);
    const perChat = new Map<string, number>();
    for (const m of api.accepted) perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
    expect(perChat.size).toBe(300);
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);
    expect(await db.prisma.outbox.count({ where: { status: 'sent' } })).toBe(300);
    // Any 429 (wall-clock jitter on a loaded machine) was rescheduled, never repeated; the pacing
    // itself is asserted on the virtual clock below.
  }, 240_000);

  it('paces at most 30 messages in any second overall and 1/s per chat, receiving no 429 (virtual clock)', async () => {
    const { clock, now, budget } = virtualClock();
    const platform = emulatedPlatform(clock, 30);
    const outbox = createMessageOutboxRepository(db.prisma);
    const rows = waveRows(90, 'paced').map((r) => ({ ...r, nextAttemptAt: new Date(clock.t - 1000) }));
    // Three messages to the same chat: they must be a second apart.
    rows.push(...[1, 2].map((i) => ({ ...rows[0]!, idempotencyKey: `paced:same:${i}` })));
    await outbox.enqueue(rows, now());
    const people = createPeopleRepository(db.prisma);
    const sender = createOutboxSender({
      outbox,
      markUnreachable: (id, at) => people.markUnreachable(id, at),
      ratePerSecond: 30,
      budget: budget(30),
      holder: 'P',
      logger: silentLogger(),
      now,
      senders: { telegram: platform.send },
    });
    // Each drain sends what is due; the rows deferred for their chat fall due a second later.
    for (let i = 0; i < 20 && (await db.prisma.outbox.count({ where: { status: { in: ['pending', 'sending'] } } })) > 0; i += 1) {
      await sender.drain();
      clock.t += 500;
    }
    expect(platform.state.accepted).toHaveLength(92);
    expect(platform.state.received429).toBe(0);
    expect(maxPerRollingSecond(platform.state.accepted.map((m) => m.at))).toBeLessThanOrEqual(30);
    // The distinct chats go out in the fewest one-second windows the ceiling allows.
    const firstWave = platform.state.accepted.slice(0, 90).map((m) => m.at);
    expect(Math.floor((firstWave.at(-1)! - firstWave[0]!) / 1000)).toBeLessThanOrEqual(3);
    const same = platform.state.accepted.filter((m) => m.chatId === rows[0]!.chatId).map((m) => m.at);
    expect(same).toHaveLength(3);
    for (let i = 1; i < same.length; i += 1) expect(same[i]! - same[i - 1]!).toBeGreaterThanOrEqual(1000);
  }, 60_000);

  it('a 429 pauses the whole sender for its retry_after, then the row goes out once', async () => {
    const { clock, now, budget } = virtualClock();
    const platform = emulatedPlatform(clock, 1000);
    let refusedAt: number | undefined;
    platform.state.refuse = (row) => {
      if (refusedAt !== undefined || row.chatId !== '100010') return undefined;
      refusedAt = clock.t;
      return { kind: 'rate_limited', retryAfterSeconds: 3 };
    };
    const outbox = createMessageOutboxRepository(db.prisma);
    await outbox.enqueue(
      waveRows(60, 'slow429').map((r) => ({ ...r, nextAttemptAt: new Date(clock.t - 1000) })),
      now(),
    );
    const sender = createOutboxSender({
      outbox,
      markUnreachable: async () => undefined,
      ratePerSecond: 30,
      budget: budget(30),
      holder: 'R',
      logger: silentLogger(),
      now,
      senders: { telegram: platform.send },
    });
    const first = await sender.drain();
    expect(first.rateLimited).toBe(1);
    expect(refusedAt).toBeDefined();
    const after = platform.state.accepted.filter((m) => m.at > refusedAt!);
    expect(after.length).toBeGreaterThan(0);
    // Nothing at all went out during the pause, not only to the refused chat.
    // (Outbox times are whole milliseconds: the pause runs from the refusal's millisecond.)
    expect(after.filter((m) => m.at < Math.floor(refusedAt!) + 3000).map((m) => m.at - refusedAt!)).toEqual([]);
    clock.t += 3000;
    await sender.drain();
    expect(platform.state.accepted.map((m) => m.chatId).sort()).toEqual(
      waveRows(60, 'x')
        .map((r) => r.chatId)
        .sort(),
    );
  }, 60_000);

  it("a Zalo 403 (an internal error in Zalo's table) is retried, and only the third refusal marks the account unreachable", async () => {
    const { clock, now, budget } = virtualClock();
    const people = createPeopleRepository(db.prisma);
    const account = await people.ensureAccount({ channel: 'zalo', externalId: 'z-403', chatId: 'z-403', displayName: 'Z', locale: 'vi', now: now() });
    let calls = 0;
    const zalo = {
      sendMessage: async () => {
        calls += 1;
        throw errorFromResponse('sendMessage', 200, { ok: false, error_code: 403, description: 'Internal server error' }, {}, 'tok');
      },
    } as unknown as ZaloApi;
    const outbox = createMessageOutboxRepository(db.prisma);
    const base = waveRows(1, 'z')[0]!;
    await outbox.enqueue(
      [{ ...base, idempotencyKey: 'zalo:403', channel: 'zalo', accountId: account.id, chatId: 'z-403', nextAttemptAt: new Date(clock.t - 1000) }],
      now(),
    );
    const sender = createOutboxSender({
      outbox,
      markUnreachable: (id, at) => people.markUnreachable(id, at),
      ratePerSecond: 30,
      budget: budget(30),
      holder: 'Z',
      logger: silentLogger(),
      now,
      senders: { zalo: zaloRowSender(zalo, translator) },
    });
    for (const attempt of [1, 2]) {
      await sender.drain();
      expect(calls).toBe(attempt);
      expect(await db.prisma.outbox.findUnique({ where: { idempotencyKey: 'zalo:403' } })).toMatchObject({ status: 'pending', attempts: attempt });
      expect((await people.findAccountById(account.id))?.unreachable).toBe(false);
      clock.t += 15 * 60_000;
    }
    await sender.drain();
    expect(calls).toBe(3);
    expect(await db.prisma.outbox.findUnique({ where: { idempotencyKey: 'zalo:403' } })).toMatchObject({ status: 'dead' });
    expect((await people.findAccountById(account.id))?.unreachable).toBe(true);
  }, 30_000);

  it('a 403 marks the account unreachable and stops; a 500 is retried with backoff', async () => {
    api = await startRateLimitedBotApi({ perSecond: 100 });
    const people = createPeopleRepository(db.prisma);
    const blocked = await people.ensureAccount({
      channel: 'telegram',
      externalId: '777001',
      chatId: '777001',
      displayName: 'B',
      locale: 'vi',
      now: new Date(),
    });
    const flaky = await people.ensureAccount({ channel: 'telegram', externalId: '777002', chatId: '777002', displayName: 'F', locale: 'vi', now: new Date() });
    api.failChats.set('777001', 403);
    api.failChats.set('777002', 500);
    const outbox = createMessageOutboxRepository(db.prisma);
    const base = waveRows(1, 'x')[0]!;
    await outbox.enqueue(
      [
        { ...base, idempotencyKey: 'storm:403', accountId: blocked.id, chatId: '777001' },
        { ...base, idempotencyKey: 'storm:500', accountId: flaky.id, chatId: '777002' },
      ],
      new Date(),
    );
    let clock = Date.now();
    const sender = createOutboxSender({
      outbox,
      markUnreachable: (id, at) => people.markUnreachable(id, at),
      ratePerSecond: 50,
      holder: 'S',
      logger: silentLogger(),
      now: () => new Date(clock),
      senders: { telegram: telegramRowSender(apiFor(api.url), translator) },
    });
    const first = await sender.drain();
    expect(first.dead).toBe(1);
    expect((await people.findAccountById(blocked.id))?.unreachable).toBe(true);
    expect(await db.prisma.outbox.findUnique({ where: { idempotencyKey: 'storm:403' } })).toMatchObject({ status: 'dead' });
    const retry = await db.prisma.outbox.findUnique({ where: { idempotencyKey: 'storm:500' } });
    expect(retry?.status === 'pending' || retry?.status === 'sent').toBe(true);
    clock += 60_000;
    await sender.drain();
    expect(await db.prisma.outbox.findUnique({ where: { idempotencyKey: 'storm:500' } })).toMatchObject({ status: 'sent' });
    expect(api.accepted.filter((m) => m.chatId === '777002')).toHaveLength(1);
  }, 60_000);

  it('a 429 storm (a sender configured above the ceiling) still delivers every message exactly once (virtual clock)', async () => {
    const { clock, now, budget } = virtualClock();
    const platform = emulatedPlatform(clock, 30);
    const outbox = createMessageOutboxRepository(db.prisma);
    await outbox.enqueue(
      waveRows(120, 'storm429').map((r) => ({ ...r, nextAttemptAt: new Date(clock.t - 1000) })),
      now(),
    );
    const sender = createOutboxSender({
      outbox,
      markUnreachable: async () => undefined,
      ratePerSecond: 90,
      budget: budget(90),
      holder: 'T',
      logger: silentLogger(),
      now,
      senders: { telegram: platform.send },
    });
    for (let i = 0; i < 40 && (await db.prisma.outbox.count({ where: { idempotencyKey: { startsWith: 'storm429' }, status: { not: 'sent' } } })) > 0; i += 1) {
      await sender.drain();
      clock.t += 1000;
    }
    expect(platform.state.received429).toBeGreaterThan(0);
    const chats = platform.state.accepted.map((m) => m.chatId);
    expect(chats).toHaveLength(120);
    expect(new Set(chats).size).toBe(120);
  }, 60_000);

  it('a lease is held by one instance and taken over after it expires', async () => {
    const leases = createLeasesRepository(db.prisma);
    const t0 = new Date('2026-12-01T00:00:00Z');
    expect(await leases.acquire('reminders-test', 'A', t0, 30_000)).toBe(true);
    expect(await leases.acquire('reminders-test', 'B', new Date(t0.getTime() + 10_000), 30_000)).toBe(false);
    expect(await leases.acquire('reminders-test', 'A', new Date(t0.getTime() + 20_000), 30_000)).toBe(true);
    expect(await leases.acquire('reminders-test', 'B', new Date(t0.getTime() + 60_000), 30_000)).toBe(true);
    expect(await leases.holderOf('reminders-test', new Date(t0.getTime() + 61_000))).toBe('B');
  });

  it.runIf(provider === 'postgresql')(
    'two instances on one database drain one wave with no duplicate',
    async () => {
      api = await startRateLimitedBotApi({ perSecond: 1000, perChatMs: 0 });
      const second = openDatabase(db.url);
      try {
        const outboxA = createMessageOutboxRepository(db.prisma);
        const outboxB = createMessageOutboxRepository(second.prisma);
        await outboxA.enqueue(waveRows(600, 'twin'), new Date());
        const mk = (holder: string, outbox: typeof outboxA) =>
          createOutboxSender({
            outbox,
            markUnreachable: async () => undefined,
            ratePerSecond: 400,
            holder,
            logger: silentLogger(),
            batchSize: 25,
            senders: { telegram: telegramRowSender(apiFor(api.url), translator) },
          });
        // Each may take at most half per drain, so both work at once whatever the scheduling; a
        // drain that lost every candidate to the other ends early and the next one goes on.
        const senderA = mk('A', outboxA);
        const senderB = mk('B', outboxB);
        const a = { sent: 0 };
        const b = { sent: 0 };
        for (let i = 0; i < 20 && (await db.prisma.outbox.count({ where: { status: { in: ['pending', 'sending'] } } })) > 0; i += 1) {
          const [sa, sb] = await Promise.all([senderA.drain(300), senderB.drain(300)]);
          a.sent += sa.sent;
          b.sent += sb.sent;
        }
        // Which instance wins how many rows depends on scheduling; what must hold is that every
        // row goes out exactly once between them.
        expect(a.sent + b.sent).toBe(600);
        expect(new Set(api.accepted.map((m) => m.chatId)).size).toBe(600);
        expect(api.accepted).toHaveLength(600);
      } finally {
        await second.close();
      }
    },
    60_000,
  );

  it.runIf(provider === 'postgresql')(
    'two instances with the lease on one database and a slow API: nothing sent twice, nothing sent by the one that lost the lease',
    async () => {
      const second = openDatabase(db.url);
      try {
        const clock = { t: Date.now() };
        const now = () => new Date(clock.t);
        const outboxA = createMessageOutboxRepository(db.prisma);
        const outboxB = createMessageOutboxRepository(second.prisma);
        const leasesA = createLeasesRepository(db.prisma);
        const leasesB = createLeasesRepository(second.prisma);
        await outboxA.enqueue(
          waveRows(200, 'lease').map((r) => ({ ...r, nextAttemptAt: new Date(clock.t - 1000) })),
          now(),
        );
        // One ordered log of what happened: sends by instance, and B's taking of the lease.
        const events: string[] = [];
        const accepted: string[] = [];
        let inFlightA = 0;
        let openGate: () => void = () => undefined;
        let gate: Promise<void> | undefined;
        const slow =
          (name: string): RowSender =>
          async (row) => {
            events.push(`send:${name}`);
            accepted.push(row.chatId);
            await new Promise((r) => setTimeout(r, 3));
            return { kind: 'sent' };
          };
        const sendA = slow('A');
        const budgetA = createSendBudget({ ratePerSecond: 1000 });
        const a = createOutboxSender({
          outbox: outboxA,
          markUnreachable: async () => undefined,
          ratePerSecond: 1000,
          // A stalls (a long GC pause, a partition) after 40 messages, for longer than its lease.
          budget: { ...budgetA, take: async (p) => (gate ? gate.then(() => budgetA.take(p)) : budgetA.take(p)) },
          lease: { repo: leasesA, name: REMINDER_LEASE, ttlMs: 10_000 },
          concurrency: 8,
          batchSize: 20,
          holder: 'A',
          logger: silentLogger(),
          now,
          senders: {
            telegram: async (row) => {
              inFlightA += 1;
              try {
                if (accepted.length + 1 >= 40 && !gate) gate = new Promise<void>((r) => (openGate = r));
                return await sendA(row);
              } finally {
                inFlightA -= 1;
              }
            },
          },
        });
        const drainingA = a.drain();
        while (!gate || inFlightA > 0) await new Promise((r) => setTimeout(r, 5));
        const sentBeforeStall = events.length;
        expect(sentBeforeStall).toBeGreaterThanOrEqual(40);
        // Past A's lease (10 s) but not its claims (60 s): B takes the lease over.
        clock.t += 15_000;
        const b = createOutboxSender({
          outbox: outboxB,
          markUnreachable: async () => undefined,
          ratePerSecond: 1000,
          lease: {
            repo: {
              ...leasesB,
              acquire: async (...args) => {
                const ok = await leasesB.acquire(...args);
                if (ok && !events.includes('lease:B')) {
                  events.push('lease:B');
                  // A wakes up now, while B sends.
                  openGate();
                }
                return ok;
              },
            },
            name: REMINDER_LEASE,
            ttlMs: 10_000,
          },
          concurrency: 8,
          batchSize: 20,
          holder: 'B',
          logger: silentLogger(),
          now,
          senders: { telegram: slow('B') },
        });
        const [statsA, statsB] = await Promise.all([drainingA, b.drain()]);
        expect(statsA.leaseLost).toBe(true);
        expect(statsB.leaseLost).toBe(false);
        // A's rows given back (and any claimed by it) are B's once their claims end.
        clock.t += 61_000;
        await b.drain();
        const takeover = events.indexOf('lease:B');
        expect(takeover).toBeGreaterThan(0);
        expect(events.slice(takeover).filter((e) => e === 'send:A')).toEqual([]);
        expect(accepted).toHaveLength(200);
        expect(new Set(accepted).size).toBe(200);
        expect(await db.prisma.outbox.count({ where: { idempotencyKey: { startsWith: 'lease:' }, status: 'sent' } })).toBe(200);
      } finally {
        await second.close();
        await db.prisma.lease.deleteMany({});
      }
    },
    60_000,
  );

  it('remind run beside a running sender leaves the sending to the lease holder: nothing twice, never above the rate', async () => {
    // The platform in its own thread: the CLI's start-up work in this one must not stall the
    // clock the limits are counted by (a remote platform would not see it).
    const remote = await startRemoteBotApi({ perSecond: 30, latencyMs: 50 });
    const outbox = createMessageOutboxRepository(db.prisma);
    const leases = createLeasesRepository(db.prisma);
    await outbox.enqueue(waveRows(90, 'beside'), new Date());
    // As in the running bot, the sender's client has called getMe before its first wave (a cold
    // first request arrives late, and the next ones pack the first second).
    const client = apiFor(remote.url);
    await client.getMe();
    const server = createOutboxSender({
      outbox,
      markUnreachable: async () => undefined,
      ratePerSecond: 30,
      lease: { repo: leases, name: REMINDER_LEASE, ttlMs: 60_000 },
      holder: 'server',
      logger: silentLogger(),
      senders: { telegram: telegramRowSender(client, translator) },
    });
    try {
      const serving = server.drain();
      while ((await remote.stats()).accepted.length < 10) await new Promise((r) => setTimeout(r, 20));
      const out: string[] = [];
      const env = { DATABASE_URL: db.url, TELEGRAM_BOT_TOKEN: '123456:wave-token', TELEGRAM_API_ROOT: remote.url, INSTANCE_ID: 'cli' };
      expect(await runCli(['remind', 'run'], env, { out: (l) => out.push(l), error: (l) => out.push(l) })).toBe(0);
      expect(out.join('\n')).toContain('holds the reminders lease');
      expect(out.join('\n')).toContain('sent 0');
      expect((await serving).sent).toBe(90);
      const { accepted, received429 } = await remote.stats();
      const chats = accepted.map((m) => m.chatId);
      expect(chats).toHaveLength(90);
      expect(new Set(chats).size).toBe(90);
      expect(received429).toBe(0);
      expect(maxPerRollingSecond(accepted.map((m) => m.at))).toBeLessThanOrEqual(30);
    } finally {
      await remote.close();
      await db.prisma.lease.deleteMany({});
    }
  }, 60_000);
});
