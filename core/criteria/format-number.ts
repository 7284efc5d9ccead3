// vi-VN number formatting ('.' groups thousands, ',' is the decimal mark) without Intl, so the
// output is identical on every Node build; parseNumber reads it back exactly.
export const formatNumber = (value: number, maxFractionDigits = 2): string => {
  if (!Number.isFinite(value)) return '';
  const digits = Math.max(0, Math.min(10, Math.trunc(maxFractionDigits)));
  const fixed = Math.abs(value).toFixed(digits);
  const [intPart = '0', frac = ''] = fixed.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const trimmed = frac.replace(/0+$/, '');
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? '-' : ''}${grouped}${trimmed ? `,${trimmed}` : ''}`;
};
