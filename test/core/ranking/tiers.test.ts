import { describe, expect, it } from 'vitest';
import { DEFAULT_TIER_THRESHOLDS, tierFor, tierThresholdsSchema } from '../../../core/ranking/tiers.ts';

describe('tierFor', () => {
  it.each([
    [100, 'tot'],
    [90, 'tot'],
    [89.996, 'tot'],
    [89.99, 'kha'],
    [70, 'kha'],
    [69.99, 'trung_binh'],
    [50, 'trung_binh'],
    [49.99, 'yeu'],
    [0, 'yeu'],
  ])('%d %% → %s', (percent, tier) => {
    expect(tierFor(percent)).toBe(tier);
  });

  it('accepts custom thresholds (e.g. with Xuất sắc)', () => {
    const t = { tiers: [{ code: 'xuat_sac', minPercent: 95 }, ...DEFAULT_TIER_THRESHOLDS.tiers], fallback: 'yeu' };
    expect(tierThresholdsSchema.safeParse(t).success).toBe(true);
    expect(tierFor(96, t)).toBe('xuat_sac');
    expect(tierFor(92, t)).toBe('tot');
  });

  it('rejects thresholds out of order', () => {
    expect(
      tierThresholdsSchema.safeParse({
        tiers: [
          { code: 'a', minPercent: 50 },
          { code: 'b', minPercent: 70 },
        ],
        fallback: 'c',
      }).success,
    ).toBe(false);
  });
});
