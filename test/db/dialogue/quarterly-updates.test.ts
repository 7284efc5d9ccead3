// Issue #12, the quarterly part: a non-scored quarterly period is updated at months 3, 6 and 9.
// Each /submit records a snapshot for the checkpoint the day falls in and leaves the report
// open; reminders skip checkpoints already updated; /unit lists the checkpoints; and a later
// annual report starts from the last update's general figures.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../bot/app/create-app.ts';
import { createInvite } from '../../../bot/app/admin/create-invite.ts';
import { seedDemo, type SeedSummary } from '../../../bot/app/admin/seed-demo.ts';
import { createCommandRegistry } from '../../../bot/app/command-registry.ts';
import { planReminders } from '../../../bot/app/delivery/plan-reminders.ts';
import type { Role } from '../../../bot/app/ports.ts';
import { createFileEvidenceStore } from '../../../bot/db/file-evidence-store.ts';
import { createTranslator } from '../../../bot/platform/i18n.ts';
import { silentLogger } from '../../../bot/platform/logger.ts';
import { localDateTimeToInstant } from '../../../core/calendar/local-date.ts';
import { VIETNAM_CALENDAR } from '../../../core/calendar/working-days.ts';
import { createTelegramHarness } from '../../support/telegram-harness.ts';
import { availableProviders, createTestDatabase, type TestDatabase } from '../support/providers.ts';

const providers = await availableProviders();
const REPORTER = 7101;
const COORDINATOR = 7102;
const UNIT = 'X-THACHDAI';

describe.each(providers)('quarterly updates on %s', (provider) => {
  let db: TestDatabase;
  let app: App;
  let seed: SeedSummary;
  let quarterlyId: string;
  let now = localDateTimeToInstant('2021-02-08', '10:00');
  const tg = () => createTelegramHarness(app.dialogue, () => now);
  let chat: ReturnType<typeof tg>;
  // Update ids go on across harnesses: a restarted bot must not take them for redeliveries.
  let updateId = 0;
  const say = async (userId: number, text: string) => (await chat.text(userId, text, ++updateId)).map((m) => m.text).join('\n');
  const tap = async (userId: number, value: string) => (await chat.click(userId, value, ++updateId)).map((m) => m.text).join('\n');
  const join = async (userId: number, unitCode: string, role: Role) => {
    const unit = (await db.repos.units.findByCode(unitCode))!;
    const { code } = await createInvite(db.repos.invites, { unitId: unit.id, role, uses: 1, days: 7, createdById: null, now });
    await say(userId, `/start ${code}`);
  };
  const unitId = async () => (await db.repos.units.findByCode(UNIT))!.id;
  const submission = async (periodId: string) => (await db.prisma.submission.findFirstOrThrow({ where: { periodId, unitId: await unitId() } })).id;
  const dueKinds = async () => (await planReminders(db.repos, now, VIETNAM_CALENDAR)).filter((r) => r.unitName === 'Xã Thạch Đài').map((r) => r.kind);

  const build = (): App =>
    createApp({
      repos: db.repos,
      logger: silentLogger(),
      clock: () => now,
      evidence: createFileEvidenceStore(mkdtempSync(path.join(os.tmpdir(), 'egov-q-'))),
      evidenceMaxBytes: 1 << 20,
      botUsername: 'egov_bot',
      commands: (deps) =>
        createCommandRegistry({
          repos: db.repos,
          calendar: deps.calendar,
          botUsername: 'egov_bot',
          translator: createTranslator('vi'),
          background: { notify: async () => undefined, remind: async (r) => ({ queued: r.unitIds.length }) },
        }),
    });

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    seed = await seedDemo(db.repos, now);
    app = build();
    chat = tg();
    // Only the quarterly period is open, as in Hà Tĩnh between two annual assessments.
    await db.repos.periods.setStatus(seed.period.id, 'closed');
    const set = (await db.repos.criteriaSets.findByKey('quarterly_update', 1))!;
    quarterlyId = await db.repos.periods.create(
      {
        key: 'hatinh-2021-quarterly',
        name: 'Cập nhật số liệu 3, 6, 9 tháng năm 2021',
        kind: 'quarterly',
        scored: false,
        dataWindow: { from: '2020-11-15', to: '2021-11-15' },
        opensAt: '2020-11-16',
        deadlines: { commune: '2021-08-15' },
        lateToleranceWorkingDays: 5,
        status: 'open',
        checkpoints: [
          { month: 3, date: '2021-02-15' },
          { month: 6, date: '2021-05-15' },
          { month: 9, date: '2021-08-15' },
        ],
      },
      [{ level: 'commune', criteriaSetId: set.id }],
    );
    await join(REPORTER, UNIT, 'reporter');
    await join(COORDINATOR, 'H-THACHHA', 'coordinator');
    // The figures of the first quarter, as the officer gave them.
    const snap = await db.repos.submissions.getOrCreate({ periodId: quarterlyId, unitId: await unitId(), criteriaSetId: set.id, profile: {}, now });
    const ratio = (numerator: number, denominator: number) => ({ type: 'ratio', numerator, denominator }) as const;
    const ok = await db.repos.submissions.applyChange(snap.id, {
      expectedVersion: snap.version,
      actor: { personId: 'seed', channel: 'telegram' },
      now,
      profile: { officials: 40 },
      answers: [
        { code: 'Q-1', value: { type: 'count', count: 120 } },
        { code: 'Q-2', value: ratio(30, 120), explanation: 'Đang mở rộng.' },
        { code: 'Q-3', value: ratio(50, 100), explanation: 'Đang mở rộng.' },
        { code: 'Q-4', value: ratio(10, 40), explanation: 'Đang tập huấn.' },
        { code: 'Q-5', value: { type: 'text', text: 'Triển khai một cửa điện tử.' } },
        { code: 'Q-6', value: { type: 'text', text: 'Thiếu máy tính.' } },
      ],
    });
    if (!ok.ok) throw new Error('conflict');
  });
  afterAll(async () => db.dispose());

  it('records month 3, then month 6 with the edited figure, keeps the report open, and reminds only the checkpoint not yet updated', async () => {
    expect(await dueKinds()).toEqual(['quarterly_m3']);
    const missingBefore = await say(COORDINATOR, '/missing');
    expect(missingBefore).toContain('chưa cập nhật số liệu 3 tháng (hạn 15/02/2021)');
    expect(missingBefore).toContain(UNIT);
    expect(missingBefore).not.toContain('tự đánh giá');
    await say(REPORTER, '/report');
    const confirm = await say(REPORTER, '/submit');
    expect(confirm).toContain('Ghi nhận số liệu 3 tháng');
    expect(confirm).not.toContain('bị khóa');
    const first = await tap(REPORTER, 'confirm:submit');
    expect(first).toContain('Đã ghi nhận số liệu 3 tháng (hạn 15/02/2021)');
    expect(first).toContain('15/05/2021');
    const id = await submission(quarterlyId);
    expect((await db.repos.submissions.checkpointsOf([id])).map((c) => [c.month, c.answers['Q-1']?.value])).toEqual([[3, { type: 'count', count: 120 }]]);
    // Month 3 is updated: no more month-3 reminders, on the same day, and not missing.
    expect(await dueKinds()).toEqual([]);
    expect(await say(COORDINATOR, '/missing')).not.toContain(UNIT);
    const status = await say(COORDINATOR, '/status');
    expect(status).toContain('Cập nhật số liệu 3 tháng, hạn 15/02/2021');
    expect(status).toContain('3 đơn vị · đã nộp 1 · đang làm 0 · chưa bắt đầu 2');
    // Tết 2021 (10–16/02) leaves one working day before the checkpoint.
    expect(status).toContain('Hạn 15/02/2021 (còn 1 ngày làm việc)');

    // The next quarter: the report is still open and starts from the month-3 figures.
    now = localDateTimeToInstant('2021-05-10', '10:00');
    expect(await dueKinds()).toEqual(['quarterly_m6']);
    const missingM6 = await say(COORDINATOR, '/missing');
    expect(missingM6).toContain('6 tháng (hạn 15/05/2021)');
    expect(missingM6).toContain(UNIT);
    expect(await say(REPORTER, '/edit Q-1')).not.toContain('không thể sửa');
    await say(REPORTER, '150');
    expect(await say(REPORTER, '/submit')).toContain('Ghi nhận số liệu 6 tháng');
    expect(await tap(REPORTER, 'confirm:submit')).toContain('Đã ghi nhận số liệu 6 tháng (hạn 15/05/2021)');
    const both = await db.repos.submissions.checkpointsOf([id]);
    expect(both.map((c) => [c.month, c.answers['Q-1']?.value, c.profile])).toEqual([
      [3, { type: 'count', count: 120 }, { officials: 40 }],
      [6, { type: 'count', count: 150 }, { officials: 40 }],
    ]);
    expect((await db.repos.submissions.load(id))!.status).toBe('draft');
    expect(await dueKinds()).toEqual([]);

    // Sent again before 15/05 replaces the month-6 snapshot, never adds one.
    await say(REPORTER, '/edit Q-1');
    await say(REPORTER, '160');
    await say(REPORTER, '/submit');
    await tap(REPORTER, 'confirm:submit');
    expect((await db.repos.submissions.checkpointsOf([id])).map((c) => [c.month, c.answers['Q-1']?.value])).toEqual([
      [3, { type: 'count', count: 120 }],
      [6, { type: 'count', count: 160 }],
    ]);
  });

  it('/unit lists each checkpoint: recorded on which day, or not yet', async () => {
    const text = await say(COORDINATOR, `/unit ${UNIT}`);
    expect(text).toContain('Số liệu 3 tháng (hạn 15/02/2021): đã ghi nhận ngày 08/02/2021');
    expect(text).toContain('Số liệu 6 tháng (hạn 15/05/2021): đã ghi nhận ngày 10/05/2021');
    expect(text).toContain('Số liệu 9 tháng (hạn 15/08/2021): chưa cập nhật');
  });

  it('an annual report whose window overlaps starts from the last update’s general figures', async () => {
    await db.repos.periods.setStatus(quarterlyId, 'closed');
    const communeSet = seed.period.sets.find((s) => s.level === 'commune' && s.answeredBy === 'unit')!;
    const annualId = await db.repos.periods.create(
      {
        name: 'Đánh giá Chính quyền số năm 2021',
        kind: 'annual',
        scored: true,
        dataWindow: { from: '2020-11-10', to: '2021-11-10' },
        opensAt: '2021-05-01',
        deadlines: { commune: '2021-11-30' },
        lateToleranceWorkingDays: 5,
        status: 'open',
      },
      [{ level: 'commune', criteriaSetId: communeSet.criteriaSetId }],
    );
    // A new process: the open periods are cached for a few seconds.
    app = build();
    chat = tg();
    const intro = await say(REPORTER, '/report');
    expect(intro).toContain('Thông tin chung được lấy từ lần cập nhật số liệu 6 tháng');
    expect(intro).toContain(': 40');
    const annual = (await db.repos.submissions.load(await submission(annualId)))!;
    expect(annual.profile).toEqual({ officials: 40 });
    // Only once: the report is no longer untouched.
    expect(await say(REPORTER, '/report')).not.toContain('Thông tin chung được lấy');
  });
});
