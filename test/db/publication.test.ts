// Issue #12, publication on both databases: `period publish` freezes every level's results once,
// notifies each reporter once through the outbox (a second run after a "restart" adds nothing),
// /result reads the frozen record, and answers and appraisal are read-only afterwards.
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli/run-cli.ts';
import { publishPeriod } from '../../bot/app/admin/publish-period.ts';
import { renderReplies } from '../../bot/channels/render.ts';
import { createTranslator } from '../../bot/platform/i18n.ts';
import { replyListSchema } from '../../bot/app/delivery/payload.ts';
import { scoreCache } from '../../bot/app/scores.ts';
import { VIETNAM_CALENDAR } from '../../core/calendar/working-days.ts';
import { availableProviders, createTestDatabaseUrl } from './support/providers.ts';
import { answerFor, startHarness } from './support/year-harness.ts';

const providers = await availableProviders();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});
const translator = createTranslator('vi');

describe.each(providers)('publication on %s', (provider) => {
  it('freezes the results, notifies every reporter once, serves /result and locks answers and appraisal', async () => {
    const h = await startHarness(provider);
    cleanups.push(h.dispose);
    const day = (d: number) => new Date(h.now.getTime() + d * 3_600_000);
    await h.join(10, 'X-THACHDAI', 'reporter');
    await h.join(11, 'X-THACHKHE', 'reporter');
    await h.join(12, 'X-THACHKHE', 'reporter');
    await h.join(3, 'HATINH', 'coordinator');
    // Thạch Liên is mid-report when the results are published.
    await h.join(13, 'X-THACHLIEN', 'reporter');
    expect((await h.send(13, '/report')).text).toContain('Xã Thạch Liên');
    await h.submit('X-THACHDAI', 0.95, day(1));
    await h.submit('X-THACHKHE', 0.8, day(2));
    expect((await h.send(10, '/result')).text).toContain('Chưa có kết quả');
    const rankingBefore = (await h.send(3, '/ranking xã')).text;

    const periodId = h.seed.period.id;
    const first = await publishPeriod({ repos: h.repos, calendar: VIETNAM_CALENDAR }, periodId, day(48));
    expect(first).toMatchObject({ ok: true, created: true, queued: 4 });
    const rows = await h.db.prisma.outbox.findMany({ where: { kind: 'publication' }, orderBy: { idempotencyKey: 'asc' } });
    expect(rows).toHaveLength(4);
    const text = renderReplies(translator, 'vi', replyListSchema.parse((rows[0]!.payload as { replies: unknown }).replies), 'plain').text;
    expect(text).toContain('đã được công bố');
    expect(text).toMatch(/hạng \d+\/\d+/);
    // A restart re-runs the publication: same record, nobody notified twice.
    const again = await publishPeriod({ repos: h.repos, calendar: VIETNAM_CALENDAR }, periodId, day(60));
    expect(again).toMatchObject({ ok: true, created: false, queued: 0 });
    expect(again.ok && again.publication).toEqual(first.ok && first.publication);
    expect(await h.db.prisma.outbox.count({ where: { kind: 'publication' } })).toBe(4);
    expect((await h.repos.periods.findById(periodId))!.status).toBe('published');

    // The bot learns of a publication made by the CLI within its open-period cache's 5 s.
    h.restart();
    const mine = (await h.send(10, '/result')).text;
    expect(mine).toContain('X-THACHDAI Xã Thạch Đài');
    expect(mine).toContain('hạng 1/');
    expect(mine).toContain('Tự đánh giá:');
    expect(mine).toContain('chưa thẩm định');
    expect(mine).toContain('Kết quả công bố');
    expect(mine).toContain('X-THACHKHE');
    expect((await h.send(3, '/result')).text).toContain('Kết quả công bố');

    // The record is frozen: a later change of a stored score does not move the published table.
    const khe = await h.db.prisma.submission.findFirstOrThrow({ where: { unit: { code: 'X-THACHKHE' } } });
    const answers = Object.fromEntries(h.set.criteria.map((c) => [c.code, { value: answerFor(c, 1, 2026), evidenceCount: 0 }]));
    await h.db.prisma.submission.update({ where: { id: khe.id }, data: { score: scoreCache(h.set, h.seed.period, { answers, overrides: {} }) as object } });
    expect((await h.send(11, '/result')).text).toContain('hạng 2/');

    // Read-only: the dialogue and the appraisal commands refuse, and say why.
    for (const t of ['/report', '/edit X-1.2', '/submit']) expect((await h.send(10, t)).text, t).toContain('chỉ được xem');
    for (const t of ['20', '/skip', '/submit']) expect((await h.send(13, t)).text, t).toContain('chỉ được xem');
    const lien = await h.db.prisma.submission.findFirst({ where: { unit: { code: 'X-THACHLIEN' } }, include: { answers: true } });
    expect(lien?.answers ?? []).toEqual([]);
    for (const t of ['/return X-THACHDAI Thiếu biên bản họp', '/verify X-THACHDAI X-1.1 0 thiếu quyết định', '/verified X-THACHDAI']) {
      expect((await h.send(3, t)).text, t).toContain('đã được công bố');
    }
    expect(rankingBefore).toContain('X-THACHDAI');
  });

  it('a publication by another process refuses the next write in the database, whatever this one cached', async () => {
    const h = await startHarness(provider);
    cleanups.push(h.dispose);
    await h.join(13, 'X-THACHLIEN', 'reporter');
    // The bot has the period cached as open (its period cache lasts 5 s) when the CLI publishes it.
    expect((await h.send(13, '/report')).text).toContain('Xã Thạch Liên');
    await h.db.prisma.period.update({ where: { id: h.seed.period.id }, data: { status: 'published' } });
    const refused = (await h.send(13, '20')).text;
    expect(refused).toContain('KHÔNG được lưu');
    expect(refused).toContain('/result');
    const lien = await h.db.prisma.submission.findFirst({ where: { unit: { code: 'X-THACHLIEN' } }, include: { answers: true } });
    expect(lien?.answers ?? []).toEqual([]);
  });

  it('period publish from the CLI: refuses a draft, publishes once, and reports a second run', async () => {
    const db = await createTestDatabaseUrl(provider);
    cleanups.push(db.cleanup);
    const env = { DATABASE_URL: db.url, DEFAULT_LOCALE: 'en' };
    const cli = async (...argv: string[]) => {
      const out: string[] = [];
      const error: string[] = [];
      const code = await runCli(argv, env, { out: (l) => out.push(l), error: (l) => error.push(l) });
      return { code, out, error };
    };
    expect((await cli('demo', 'seed')).code).toBe(0);
    const id = (await cli('period', 'list')).out[0]!.split('\t')[0]!;
    expect((await cli('period', 'publish', 'nope')).code).toBe(2);
    const created = await cli('period', 'create', 'core/periods/examples/gialai-2019.yaml');
    expect((await cli('period', 'publish', created.out[0]!.split('\t')[0]!)).error[0]).toContain('is a draft');
    const first = await cli('period', 'publish', id);
    expect(first).toMatchObject({ code: 0, out: [`${id}\tpublished`, expect.stringContaining('units frozen'), expect.stringContaining('0 notices')] });
    const second = await cli('period', 'publish', id);
    expect(second.out[1]).toContain('already published');
    expect((await cli('period', 'show', id)).out).toContain('status: published');
  });
});
