// Reminders end to end on both databases: the tick walked with a fixed clock, the throttled
// sender against a rate-limited loopback Bot API, a crash mid-wave, two instances, leases,
// and the 403 / 5xx storms.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Bot } from 'grammy';
import { autoRetry } from '@grammyjs/auto-retry';
import { VIETNAM_CALENDAR } from '../../../core/calendar/working-days.ts';
import { localMinutesOfDay, toLocalDate, dayOfWeek } from '../../../core/calendar/local-date.ts';
import { isPublicHolidayOrSunday } from '../../../core/calendar/working-days.ts';
import { openDatabase } from '../../../bot/db/database.ts';
import { createLeasesRepository } from '../../../bot/db/repositories/leases-repository.ts';
import { createMessageOutboxRepository, type NewOutboxRow } from '../../../bot/db/repositories/message-outbox-repository.ts';
import { createPeopleRepository } from '../../../bot/db/repositories/people-repository.ts';
import { createPeriodRepository } from '../../../bot/db/repositories/period-repository.ts';
import { createUnitRepository } from '../../../bot/db/repositories/unit-repository.ts';
import { telegramRowSender } from '../../../bot/delivery/channel-senders.ts';
import { createOutboxSender } from '../../../bot/delivery/outbox-sender.ts';
import { enqueueDueReminders, planReminders } from '../../../bot/delivery/plan-reminders.ts';
import { seedDemo } from '../../../bot/demo/seed-demo.ts';
import { createTranslator } from '../../../bot/i18n.ts';
import { silentLogger } from '../../../bot/logger.ts';
import { startRateLimitedBotApi, type RateLimitedApi } from '../../support/rate-limited-bot-api.ts';
import { availableProviders, createTestDatabase, type TestDatabase } from '../support/providers.ts';

const providers = await availableProviders();
const translator = createTranslator('vi');

const apiFor = (url: string) => {
  const bot = new Bot('123456:wave-token', { client: { apiRoot: url } });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  return bot.api;
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
    const summary = await seedDemo(db.prisma, opened);
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
    for (let t = opened.getTime(); t < end; t += 3_600_000) await enqueueDueReminders(db.prisma, new Date(t), VIETNAM_CALENDAR);
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
    for (let t = opened.getTime(); t < end; t += 6 * 3_600_000) await enqueueDueReminders(db.prisma, new Date(t), VIETNAM_CALENDAR);
    expect(await db.prisma.outbox.count()).toBe(before);
    // The dry run at a later time lists nothing for the submitted unit either.
    const planned = await planReminders(db.prisma, new Date(end - 10 * 86_400_000), VIETNAM_CALENDAR);
    expect(planned.every((p) => p.recipientAccountId !== done.id)).toBe(true);
    await createPeriodRepository(db.prisma).setStatus(summary.period.id, 'closed');
  });

  it('delivers 2,000 reminders against an API answering 429 above its ceiling: all exactly once, even after a crash mid-wave', async () => {
    // The platform's real ceiling: 30 messages/s overall, 1/s per chat (about 70 s for the wave).
    api = await startRateLimitedBotApi({ perSecond: 30 });
    const outbox = createMessageOutboxRepository(db.prisma);
    await outbox.enqueue(waveRows(2000, 'wave'), new Date());
    expect(await outbox.enqueue(waveRows(2000, 'wave'), new Date())).toBe(0);
    const people = createPeopleRepository(db.prisma);
    const markUnreachable = (id: string, at: Date) => people.markUnreachable(id, at);
    const send = telegramRowSender(apiFor(api.url), translator);

    // Instance A stops answering after 700 messages, holding claimed rows (a crash).
    let sentByA = 0;
    const crashed = createOutboxSender({
      outbox,
      markUnreachable,
      ratePerSecond: 30,
      holder: 'A',
      logger: silentLogger(),
      batchSize: 60,
      senders: { telegram: async (row) => (sentByA++ < 700 ? send(row) : new Promise(() => undefined)) },
    });
    void crashed.drain();
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (api.accepted.length >= 700) {
          clearInterval(t);
          resolve();
        }
      }, 20);
    });
    // A is now stuck with its next batch claimed.
    for (let i = 0; i < 200 && (await db.prisma.outbox.count({ where: { status: 'sending' } })) === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(await db.prisma.outbox.count({ where: { status: 'sending' } })).toBeGreaterThan(0);

    // Instance B starts after A's claims expired and delivers the rest.
    const later = () => new Date(Date.now() + 10 * 60_000);
    const b = createOutboxSender({ outbox, markUnreachable, ratePerSecond: 30, holder: 'B', logger: silentLogger(), now: later, senders: { telegram: send } });
    const stats = await b.drain();
    expect(stats.sent).toBe(1300);
    const perChat = new Map<string, number>();
    for (const m of api.accepted) perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
    expect(perChat.size).toBe(2000);
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);
    expect(await db.prisma.outbox.count({ where: { status: 'sent' } })).toBe(2000);
    expect(api.received429).toBe(0);
    const span = (api.accepted.at(-1)!.at - api.accepted[700]!.at) / 1000;
    expect(1299 / span).toBeGreaterThan(30 * 0.9);
  }, 240_000);

  it('paces below 30 messages/s overall and 1/s per chat, receiving no 429', async () => {
    api = await startRateLimitedBotApi({ perSecond: 30 });
    const outbox = createMessageOutboxRepository(db.prisma);
    const rows = waveRows(90, 'paced');
    // Three messages to the same chat: they must be a second apart.
    rows.push(...[1, 2].map((i) => ({ ...rows[0]!, idempotencyKey: `paced:same:${i}` })));
    await outbox.enqueue(rows, new Date());
    const people = createPeopleRepository(db.prisma);
    const sender = createOutboxSender({
      outbox,
      markUnreachable: (id, at) => people.markUnreachable(id, at),
      ratePerSecond: 30,
      holder: 'P',
      logger: silentLogger(),
      senders: { telegram: telegramRowSender(apiFor(api.url), translator) },
    });
    const started = Date.now();
    while ((await db.prisma.outbox.count({ where: { status: { in: ['pending', 'sending'] } } })) > 0 && Date.now() - started < 30_000) {
      await sender.drain();
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(api.accepted.length).toBe(92);
    expect(api.received429).toBe(0);
    // The distinct chats go out back to back: the achieved rate is close to the ceiling.
    const firstWave = api.accepted.slice(0, 90);
    const elapsed = (firstWave.at(-1)!.at - firstWave[0]!.at) / 1000;
    expect(89 / elapsed).toBeGreaterThan(30 * 0.9);
    const same = api.accepted.filter((m) => m.chatId === rows[0]!.chatId).map((m) => m.at);
    expect(same).toHaveLength(3);
    for (let i = 1; i < same.length; i += 1) expect(same[i]! - same[i - 1]!).toBeGreaterThanOrEqual(1000);
  }, 60_000);

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

  it('a 429 storm (a sender configured above the ceiling) still delivers every message exactly once', async () => {
    api = await startRateLimitedBotApi({ perSecond: 30 });
    const outbox = createMessageOutboxRepository(db.prisma);
    await outbox.enqueue(waveRows(120, 'storm429'), new Date());
    const people = createPeopleRepository(db.prisma);
    const sender = createOutboxSender({
      outbox,
      markUnreachable: (id, at) => people.markUnreachable(id, at),
      ratePerSecond: 90,
      holder: 'T',
      logger: silentLogger(),
      senders: { telegram: telegramRowSender(apiFor(api.url), translator) },
    });
    const started = Date.now();
    while (
      (await db.prisma.outbox.count({ where: { idempotencyKey: { startsWith: 'storm429' }, status: { not: 'sent' } } })) > 0 &&
      Date.now() - started < 60_000
    ) {
      await sender.drain();
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(api.received429).toBeGreaterThan(0);
    const chats = api.accepted.map((m) => m.chatId);
    expect(chats).toHaveLength(120);
    expect(new Set(chats).size).toBe(120);
  }, 90_000);

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
        const [a, b] = await Promise.all([mk('A', outboxA).drain(), mk('B', outboxB).drain()]);
        expect(a.sent + b.sent).toBe(600);
        expect(a.sent).toBeGreaterThan(0);
        expect(b.sent).toBeGreaterThan(0);
        expect(new Set(api.accepted.map((m) => m.chatId)).size).toBe(600);
        expect(api.accepted).toHaveLength(600);
      } finally {
        await second.close();
      }
    },
    60_000,
  );
});
