// /chart over the in-memory ports: Vietnamese unit names and title drawn by resvg, self or
// verified stated; a level of 2,000 submitted communes gives photos Telegram accepts (width +
// height ≤ 10,000, ratio ≤ 20), as the top N plus the caller's district or split over images.
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoordinationDeps } from '../../../bot/app/coordination/coordination-context.ts';
import { scopeOf } from '../../../bot/app/coordination/coordination-context.ts';
import { buildChart } from '../../../bot/app/coordination/export-chart-commands.ts';
import { scoreCache } from '../../../bot/app/scores.ts';
import { createTranslator } from '../../../bot/platform/i18n.ts';
import type { Answers } from '../../../core/criteria/answer-value.schema.ts';
import { submitDirectly, valueFor } from '../support/submit-directly.ts';
import { createHarness, keys, type Harness } from '../support/use-case-harness.ts';

const start = new Date('2026-11-24T03:00:00.000Z');
const MANY = 2000;

const telegramOk = (png: Buffer): boolean => {
  const { width, height } = PNG.sync.read(png);
  return width + height <= 10_000 && Math.max(width / height, height / width) <= 20;
};

describe('/chart', { timeout: 180_000 }, () => {
  let h: Harness;
  let deps: CoordinationDeps;

  beforeAll(async () => {
    h = await createHarness(start);
    deps = {
      repos: h.repos,
      calendar: h.app.deps.calendar,
      botUsername: 'egov_bot',
      remind: async () => ({ queued: 0 }),
      notify: async () => undefined,
      translate: createTranslator('vi').t,
    };
    await h.join(1, 'H-THACHHA', 'coordinator');
    await h.join(3, 'HATINH', 'coordinator');
  });

  it('an empty level gets a message, not an image', async () => {
    const out = await h.send(3, { kind: 'text', text: '/chart commune' });
    expect(keys(out!.replies)).toEqual(['coord:chart.empty']);
    expect(out!.attachments ?? []).toEqual([]);
  });

  it('draws Vietnamese names, a Vietnamese title and the basis', async () => {
    await submitDirectly(h, 'X-THACHDAI', 0.9, new Date('2026-11-25T03:00:00Z'));
    await submitDirectly(h, 'X-THIENLOC', 0.7, new Date('2026-11-25T04:00:00Z'));
    const scope = await scopeOf(deps, { memberships: [{ id: 'm', personId: 'p', unitId: await h.unitId('HATINH'), role: 'coordinator' }] });
    const chart = await buildChart(deps, scope, h.seed.period, { personId: 'p', locale: 'vi', now: start }, { level: 'commune' });
    expect(chart.ok).toBe(true);
    if (!chart.ok) return;
    const svg = chart.images[0]!.svg;
    expect(svg).toContain('Xã Thạch Đài');
    expect(svg).toContain('Xã Thiên Lộc');
    expect(svg).toContain('Xếp hạng Cấp xã');
    expect(svg).toContain('Theo điểm tự đánh giá');
    const out = await h.send(3, { kind: 'text', text: '/chart commune' });
    expect(out!.attachments).toHaveLength(1);
    expect(telegramOk(out!.attachments![0]!.data)).toBe(true);
  });

  it('a level of 2,000 units gives valid Telegram photos: the top N with the caller’s district, or split over several images', async () => {
    const { id: setId, set } = await h.setOf('commune');
    await h.repos.units.upsertMany(
      Array.from({ length: MANY }, (_, i) => ({
        code: `X-NHIEU${i}`,
        name: `Xã Nhiều Đơn Vị ${i}`,
        level: 'commune' as const,
        parentCode: i % 2 ? 'H-CANLOC' : 'H-THACHHA',
      })),
    );
    for (let i = 0; i < MANY; i += 1) {
      const snap = await h.repos.submissions.getOrCreate({
        periodId: h.seed.period.id,
        unitId: await h.unitId(`X-NHIEU${i}`),
        criteriaSetId: setId,
        profile: {},
        now: start,
      });
      const q = (i % 97) / 97;
      const answers: Record<string, Answers[string]> = {};
      for (const c of set.criteria) answers[c.code] = { value: valueFor(c, q, 2026), evidenceCount: 1, explanation: 'Giải trình.' };
      await h.repos.submissions.applyChange(snap.id, {
        expectedVersion: snap.version,
        actor: { personId: 'seed', channel: 'telegram' },
        now: start,
        score: scoreCache(set, h.seed.period, { answers, overrides: {} }),
        answers: set.criteria.map((c) => ({ code: c.code, value: answers[c.code]!.value, explanation: 'Giải trình.' })),
        status: { to: 'submitted', event: 'submitted', firstSubmission: true },
      });
    }
    const top = await h.send(3, { kind: 'text', text: '/chart commune' });
    expect(top!.attachments).toHaveLength(1);
    expect(telegramOk(top!.attachments![0]!.data)).toBe(true);
    // With the 1,001 communes of Thạch Hà kept below the top 30: as many images as needed, each valid.
    const district = await h.send(3, { kind: 'text', text: '/chart commune H-THACHHA' });
    expect(district!.attachments!.length).toBeGreaterThan(1);
    for (const a of district!.attachments!) expect(telegramOk(a.data), a.fileName).toBe(true);
    const all = await h.send(3, { kind: 'text', text: '/chart commune all' });
    expect(all!.attachments!.length).toBeGreaterThan(1);
    for (const a of all!.attachments!) expect(telegramOk(a.data), a.fileName).toBe(true);
  });
});
