// Classification by % of applicable max points (DOMAIN B2.4, Kon Tum DTI 2023 — F-30).
// Thresholds are configuration: provinces differ, some add "Xuất sắc".
import { z } from 'zod';

export const tierThresholdsSchema = z
  .object({
    /** Highest first; a unit gets the first tier whose minPercent it reaches. */
    tiers: z.array(z.object({ code: z.string().min(1), minPercent: z.number().min(0).max(100) })).min(1),
    /** Tier of a unit below every threshold. */
    fallback: z.string().min(1),
  })
  .refine((t) => t.tiers.every((tier, i) => i === 0 || tier.minPercent < (t.tiers[i - 1]?.minPercent ?? Infinity)), {
    message: 'tiers must be in strictly decreasing minPercent order',
    path: ['tiers'],
  });
export type TierThresholds = z.infer<typeof tierThresholdsSchema>;

/** Tốt ≥ 90 %, Khá ≥ 70 %, Trung bình ≥ 50 %, Yếu < 50 %. Labels: `ranking:tier.<code>`. */
export const DEFAULT_TIER_THRESHOLDS: TierThresholds = {
  tiers: [
    { code: 'tot', minPercent: 90 },
    { code: 'kha', minPercent: 70 },
    { code: 'trung_binh', minPercent: 50 },
  ],
  fallback: 'yeu',
};

/** Percent as published: 2 decimals (DOMAIN B2.3), so 89.996 % is classified as the 90.00 % it shows. */
export const roundPercent = (percent: number): number => Math.round(percent * 100) / 100;

export const tierFor = (percent: number, thresholds: TierThresholds = DEFAULT_TIER_THRESHOLDS): string => {
  const shown = roundPercent(percent);
  return thresholds.tiers.find((t) => shown >= t.minPercent)?.code ?? thresholds.fallback;
};

export const tierLabelKey = (code: string): string => `ranking:tier.${code}`;
