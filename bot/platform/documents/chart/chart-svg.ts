// One chart image as SVG text: title, basis subtitle, tier legend, one horizontal bar per unit
// (rank, name with diacritics, bar in its tier's colour, vi-VN percent), a 0–100 % axis.
import { formatNumber } from '../../../../core/criteria/format-number.ts';
import type { Label } from '../labels.ts';
import type { ChartInput, ChartRow } from './chart-model.ts';

export const GEOMETRY = { width: 1000, rowHeight: 26, top: 118, bottom: 56 } as const;
export const CHROME = GEOMETRY.top + GEOMETRY.bottom;
export const FONT_FAMILY = 'DejaVu Sans';

const PALETTE = ['#2e8b57', '#3a6fd8', '#e39b17', '#c8453c', '#7a7a7a', '#8e44ad'];
const RANK_X = 52;
const LABEL_X = 62;
const LABEL_W = 350;
const BAR_X = 430;
const BAR_W = 470;
const FONT_PX = 14;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// DejaVu Sans advance widths, roughly, in em: enough to cut long names before they hit the bars.
const charEm = (ch: string): number =>
  ch === ' ' ? 0.32 : /[A-ZĐÂĂÊÔƠƯ0-9]/.test(ch.normalize('NFD')[0] ?? ch) ? 0.7 : /[iljtfr.,:;'!|]/.test(ch) ? 0.34 : 0.62;
export const textWidth = (text: string, px: number): number => [...text].reduce((w, ch) => w + charEm(ch) * px, 0);

export const fitText = (text: string, px: number, max: number): string => {
  if (textWidth(text, px) <= max) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, px) > max) chars.pop();
  return `${chars.join('').trimEnd()}…`;
};

export const tierColors = (input: ChartInput): Map<string, string> =>
  new Map(input.tiers.map((t, i) => [t.code, t.color ?? PALETTE[i % PALETTE.length] ?? '#777777']));

export const chartSvg = (
  input: ChartInput,
  rows: readonly ChartRow[],
  page: { part: number; parts: number; shownOf?: { shown: number; total: number } },
  label: Label,
): { svg: string; width: number; height: number } => {
  const { width, rowHeight, top, bottom } = GEOMETRY;
  const height = top + rows.length * rowHeight + bottom;
  const colors = tierColors(input);
  const out: string[] = [];
  const text = (x: number, y: number, s: string, attrs = '') => out.push(`<text x="${x}" y="${y}"${attrs}>${esc(s)}</text>`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  text(
    24,
    38,
    fitText(label('chart.title', { level: input.levelName, period: input.periodName }), 22, width - 48),
    ' font-size="22" font-weight="bold" fill="#1a1a1a"',
  );
  const sub = [
    label(`chart.basis.${input.basis}`),
    page.shownOf ? label('chart.top', page.shownOf) : '',
    page.parts > 1 ? label('chart.part', { part: page.part, parts: page.parts }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  text(24, 64, fitText(sub, 14, width - 48), ' font-size="14" fill="#444444"');
  // Legend.
  let lx = 24;
  for (const t of input.tiers) {
    out.push(`<rect x="${lx}" y="80" width="14" height="14" rx="2" fill="${colors.get(t.code)}"/>`);
    text(lx + 20, 92, t.label, ' font-size="13" fill="#333333"');
    lx += 20 + textWidth(t.label, 13) + 24;
  }
  // Grid and axis.
  const y0 = top - 8;
  const y1 = top + rows.length * rowHeight;
  for (const p of [0, 25, 50, 75, 100]) {
    const x = BAR_X + (p / 100) * BAR_W;
    out.push(`<line x1="${x}" y1="${y0}" x2="${x}" y2="${y1}" stroke="${p === 0 ? '#555555' : '#e2e2e2'}" stroke-width="1"/>`);
    text(x, y1 + 18, `${formatNumber(p)}%`, ' font-size="12" fill="#555555" text-anchor="middle"');
  }
  text(BAR_X + BAR_W / 2, y1 + 40, label('chart.axis'), ' font-size="12" fill="#555555" text-anchor="middle"');
  rows.forEach((r, i) => {
    const y = top + i * rowHeight;
    const baseline = y + rowHeight / 2 + 5;
    if (r.kind === 'gap') {
      text(LABEL_X, baseline, '…', ` font-size="${FONT_PX}" fill="#777777"`);
      return;
    }
    const b = r.bar;
    if (r.highlighted) out.push(`<rect x="8" y="${y + 1}" width="${width - 16}" height="${rowHeight - 2}" fill="#fff4c2"/>`);
    const rank = b.rank === undefined ? '' : b.rank === 'last' ? label('chart.rank_last') : String(b.rank);
    text(RANK_X, baseline, rank, ` font-size="${FONT_PX}" fill="#555555" text-anchor="end"`);
    text(LABEL_X, baseline, fitText(b.label, FONT_PX, LABEL_W), ` font-size="${FONT_PX}" fill="#1a1a1a"${r.highlighted ? ' font-weight="bold"' : ''}`);
    const p = Math.max(0, Math.min(100, b.percent));
    const w = Math.max(1, (p / 100) * BAR_W);
    out.push(`<rect x="${BAR_X}" y="${y + 5}" width="${w.toFixed(1)}" height="${rowHeight - 10}" fill="${colors.get(b.tier) ?? '#777777'}"/>`);
    text(BAR_X + w + 6, baseline, `${formatNumber(b.percent, 2)}%`, ` font-size="13" fill="#333333"`);
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}">${out.join('')}</svg>`;
  return { svg, width, height };
};
