// The view model of the ranking chart and how its bars are cut into images that Telegram
// accepts as photos (width + height ≤ 10,000 px, ratio ≤ 20, file ≤ 10 MB).

export type ChartBar = {
  readonly unitId: string;
  /** The unit's name as displayed, with its diacritics. */
  readonly label: string;
  readonly percent: number;
  /** Tier code (one of ChartInput.tiers) deciding the bar's colour. */
  readonly tier: string;
  /** Place in the ranking, or 'last' for the shared last place; none when not ranked. */
  readonly rank?: number | 'last';
};

export type ChartTier = { readonly code: string; readonly label: string; readonly color?: string };

export type ChartInput = {
  readonly periodName: string;
  readonly levelName: string;
  /** Whether the percentages are self-assessed or verified (printed in the subtitle). */
  readonly basis: 'self' | 'verified';
  /** In rank order. */
  readonly bars: readonly ChartBar[];
  /** Legend order, highest tier first. */
  readonly tiers: readonly ChartTier[];
  /** Unit ids drawn highlighted, and kept in 'top' layout even below the top N (e.g. the caller's district). */
  readonly highlight?: readonly string[];
};

/** 'top': the first N bars plus the highlighted ones; 'split': every bar, over as many images as needed. */
export type ChartLayout = { readonly mode: 'top'; readonly top: number } | { readonly mode: 'split'; readonly perImage?: number };

/** A row of an image: a bar, or the gap between the top N and highlighted units further down. */
export type ChartRow = { readonly kind: 'bar'; readonly bar: ChartBar; readonly highlighted: boolean } | { readonly kind: 'gap' };

export const TELEGRAM_PHOTO = { maxSidesSum: 10_000, maxRatio: 20, maxBytes: 10 * 1024 * 1024 } as const;

/** Rows per image: at most what fits Telegram's limits for the geometry, and at most `wanted`. */
export const rowsPerImage = (wanted: number, geometry: { width: number; rowHeight: number; chrome: number }): number => {
  const bySum = Math.floor((TELEGRAM_PHOTO.maxSidesSum - geometry.width - geometry.chrome) / geometry.rowHeight);
  const byRatio = Math.floor((TELEGRAM_PHOTO.maxRatio * geometry.width - geometry.chrome) / geometry.rowHeight);
  return Math.max(1, Math.min(wanted, bySum, byRatio));
};

/** The rows to draw, cut into pages of at most `perPage` rows. */
export const chartPages = (input: ChartInput, layout: ChartLayout, perPage: number): ChartRow[][] => {
  const highlight = new Set(input.highlight ?? []);
  const row = (bar: ChartBar): ChartRow => ({ kind: 'bar', bar, highlighted: highlight.has(bar.unitId) });
  let rows: ChartRow[];
  if (layout.mode === 'top') {
    const top = input.bars.slice(0, Math.max(0, layout.top));
    const below = input.bars.slice(top.length).filter((b) => highlight.has(b.unitId));
    rows = [...top.map(row), ...(below.length > 0 ? [{ kind: 'gap' } as const, ...below.map(row)] : [])];
  } else {
    rows = input.bars.map(row);
  }
  const pages: ChartRow[][] = [];
  for (let i = 0; i < rows.length; i += perPage) pages.push(rows.slice(i, i + perPage));
  return pages;
};
