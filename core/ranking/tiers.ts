// Percentages are compared as published: 2 decimals (DOMAIN B2.3). Tiers themselves come from
// the criteria set (or the period) through tierFor in core/criteria/scoring.ts, the one tier
// function every screen uses.
export const roundPercent = (percent: number): number => Math.round(percent * 100) / 100;
