// Issue #12, merged communes (2025 reform) on both databases: `unit merge` records successor
// links; the new unit's /unit shows its predecessors' published results; the old period stays
// readable under the old units, and a period opened after the merger belongs to the new one.
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli/run-cli.ts';
import { mergeUnits } from '../../bot/app/admin/merge-units.ts';
import { publishPeriod } from '../../bot/app/admin/publish-period.ts';
import { movePeriodToYear } from '../../core/periods/move-period.ts';
import { VIETNAM_CALENDAR } from '../../core/calendar/working-days.ts';
import type { PeriodLink } from '../../bot/app/ports.ts';
import { availableProviders, createTestDatabaseUrl } from './support/providers.ts';
import { startHarness } from './support/year-harness.ts';

const providers = await availableProviders();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe.each(providers)('unit merge on %s', (provider) => {
  it('the CLI validates and records a merger', async () => {
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
    expect((await cli('unit', 'merge', 'X-THACHDAI', '--into', 'X-THACHKHE')).code).toBe(2);
    expect((await cli('unit', 'merge', 'X-THACHDAI', '--into', 'X-THACHKHE', '--from', '31/02/2025')).code).toBe(2);
    expect((await cli('unit', 'merge', 'X-NOPE', '--into', 'X-THACHKHE', '--from', '2025-07-01')).error).toEqual(['No unit has the code X-NOPE.']);
    expect((await cli('unit', 'merge', 'H-CANLOC', '--into', 'X-THACHKHE', '--from', '2025-07-01')).error[0]).toContain('H-CANLOC is a district unit');
    expect((await cli('unit', 'merge', 'X-THACHKHE', '--into', 'X-THACHKHE', '--from', '2025-07-01')).error[0]).toContain('into itself');
    const done = await cli('unit', 'merge', 'X-THACHDAI', 'X-THACHLIEN', '--into', 'X-THACHKHE', '--from', '01/07/2025');
    expect(done).toMatchObject({ code: 0, out: [expect.stringContaining('X-THACHDAI, X-THACHLIEN merged into X-THACHKHE Xã Thạch Khê from 2025-07-01')] });
  });

  it("the new unit's /unit shows its predecessors' past results; the old period stays readable under the old units", async () => {
    const h = await startHarness(provider);
    cleanups.push(h.dispose);
    await h.join(3, 'HATINH', 'coordinator');
    await h.submit('X-THACHDAI', 0.95, new Date(h.now.getTime() + 3_600_000));
    await h.submit('X-THACHKHE', 0.8, new Date(h.now.getTime() + 7_200_000));
    const old = h.seed.period;
    expect(await publishPeriod({ repos: h.repos, calendar: VIETNAM_CALENDAR }, old.id, new Date(h.now.getTime() + 86_400_000 * 30))).toMatchObject({
      ok: true,
    });
    await h.repos.units.upsertMany([{ code: 'X-THACHMOI', name: 'Xã Thạch Mới', level: 'commune', parentCode: 'H-THACHHA' }]);
    expect(await mergeUnits(h.repos, { from: ['X-THACHDAI', 'X-THACHKHE'], into: 'X-THACHMOI', on: '2027-01-01' })).toMatchObject({ ok: true });
    const { id: _id, sets, ...draft } = old;
    const next = movePeriodToYear({ ...draft, name: 'Đánh giá năm 2027' }, 2027);
    const nextId = await h.repos.periods.create(
      next,
      sets.map((s) => ({ level: s.level as PeriodLink['level'], criteriaSetId: s.criteriaSetId })),
    );
    await h.repos.periods.setStatus(nextId, 'open');
    h.restart();

    const moi = (await h.send(3, '/unit X-THACHMOI')).text;
    expect(moi).toContain('Sáp nhập vào đơn vị này từ 01/01/2027: X-THACHDAI Xã Thạch Đài');
    expect(moi).toContain('X-THACHKHE Xã Thạch Khê');
    expect(moi).toMatch(/X-THACHDAI Xã Thạch Đài — .*hạng 1\//);
    expect(moi).toMatch(/X-THACHKHE Xã Thạch Khê — .*hạng 2\//);
    // In the new period the old communes are gone: not missing, not reminded, not assessed.
    const missing = (await h.send(3, '/missing xã')).text;
    expect(missing).toContain('X-THACHMOI');
    expect(missing).not.toContain('X-THACHDAI');
    expect((await h.send(3, '/unit X-THACHDAI')).text).toContain('X-THACHDAI không thuộc diện đánh giá trong kỳ này');
    // The old period, under the old units.
    const dai = (await h.send(3, `/unit X-THACHDAI period:${old.id}`)).text;
    expect(dai).toContain(old.name);
    expect(dai).toContain('X-1.1');
    const ranking = (await h.send(3, `/ranking xã period:${old.id}`)).text;
    expect(ranking).toContain('X-THACHDAI');
    expect(ranking).not.toContain('X-THACHMOI');
  });
});
