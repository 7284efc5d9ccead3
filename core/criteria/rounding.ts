// Points and percentages are rounded half up to 2 decimals (DOMAIN.md B2.3). The tiny nudge
// corrects binary artefacts such as 1.005 * 100 = 100.49999…, which would otherwise round down;
// inputs here are never negative, so "half up" and "half away from zero" coincide.
export const roundHalfUp2 = (x: number): number => {
  if (!Number.isFinite(x)) return 0;
  const sign = x < 0 ? -1 : 1;
  return (sign * Math.round(Math.abs(x) * 100 + 1e-7)) / 100;
};
