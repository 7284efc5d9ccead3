// The ranking chart as PNG images: SVG rendered by resvg (its binary ships in the npm package)
// with DejaVu Sans from the npm package (no system fonts), every image within Telegram's photo
// limits. No bars → no image: the caller says so in a message instead.
import { Resvg } from '@resvg/resvg-js';
import { FONT_FILES } from '../fonts.ts';
import type { Label } from '../labels.ts';
import { chartPages, rowsPerImage, TELEGRAM_PHOTO, type ChartInput, type ChartLayout } from './chart-model.ts';
import { chartSvg, CHROME, FONT_FAMILY, GEOMETRY } from './chart-svg.ts';

export type ChartImage = {
  readonly png: Buffer;
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** 1-based part of `parts`. */
  readonly part: number;
  readonly parts: number;
};

const DEFAULT_PER_IMAGE = 50;

export const renderChart = (input: ChartInput, label: Label, layout: ChartLayout = { mode: 'top', top: 30 }): ChartImage[] => {
  if (input.bars.length === 0) return [];
  const wanted = layout.mode === 'split' ? (layout.perImage ?? DEFAULT_PER_IMAGE) : Number.MAX_SAFE_INTEGER;
  const perPage = rowsPerImage(wanted, { width: GEOMETRY.width, rowHeight: GEOMETRY.rowHeight, chrome: CHROME });
  const pages = chartPages(input, layout, perPage);
  const shownOf =
    layout.mode === 'top' && input.bars.length > layout.top ? { shown: Math.min(layout.top, input.bars.length), total: input.bars.length } : undefined;
  return pages.map((rows, i) => {
    const { svg, width, height } = chartSvg(input, rows, { part: i + 1, parts: pages.length, ...(shownOf ? { shownOf } : {}) }, label);
    const png = new Resvg(svg, {
      fitTo: { mode: 'original' },
      font: { loadSystemFonts: false, fontFiles: [FONT_FILES.sans, FONT_FILES.sansBold], defaultFontFamily: FONT_FAMILY },
    })
      .render()
      .asPng();
    if (width + height > TELEGRAM_PHOTO.maxSidesSum || height / width > TELEGRAM_PHOTO.maxRatio || png.length > TELEGRAM_PHOTO.maxBytes) {
      // The geometry makes this impossible; fail loudly rather than send a photo Telegram refuses.
      throw new Error(`chart: image ${width}×${height} (${png.length} bytes) is outside Telegram's photo limits`);
    }
    return { png: Buffer.from(png), svg, width, height, part: i + 1, parts: pages.length };
  });
};
