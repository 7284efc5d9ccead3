// The ranking chart: Vietnamese text in the SVG, text really drawn with the bundled font, tier
// colours, and every PNG within Telegram's photo limits, however many units the level has.
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { chartPages, rowsPerImage, type ChartBar, type ChartInput } from '../../../bot/platform/documents/chart/chart-model.ts';
import { renderChart, type ChartImage } from '../../../bot/platform/documents/chart/render-chart.ts';
import { CHROME, GEOMETRY, tierColors } from '../../../bot/platform/documents/chart/chart-svg.ts';
import { labelFor } from './support/sample-form.ts';

const NAMES = ['UBND xã Thạch Đài', 'UBND thị trấn Cẩm Xuyên', 'UBND xã Kỳ Anh', 'UBND xã Đức Thọ', 'UBND phường Nguyễn Du', 'UBND xã Hương Khê'];
const tiers = [
  { code: 'tot', label: 'Tốt' },
  { code: 'kha', label: 'Khá' },
  { code: 'trung_binh', label: 'Trung bình' },
  { code: 'yeu', label: 'Yếu' },
];
const tierOf = (p: number) => (p >= 90 ? 'tot' : p >= 70 ? 'kha' : p >= 50 ? 'trung_binh' : 'yeu');

const bars = (n: number): ChartBar[] =>
  Array.from({ length: n }, (_, i) => {
    const percent = Math.round((99.5 - (i * 90) / Math.max(1, n)) * 100) / 100;
    return { unitId: `u${i}`, label: `${NAMES[i % NAMES.length]} ${i + 1}`, percent, tier: tierOf(percent), rank: i < n - 2 ? i + 1 : 'last' };
  });

const input = (n: number, extra: Partial<ChartInput> = {}): ChartInput => ({
  periodName: 'Đánh giá chính quyền số năm 2024',
  levelName: 'cấp xã',
  basis: 'self',
  bars: bars(n),
  tiers,
  ...extra,
});

// IHDR: width and height are the big-endian words at bytes 16 and 20.
const pngSize = (png: Buffer) => {
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
};
const withinTelegram = (img: ChartImage) => {
  const { width, height } = pngSize(img.png);
  expect({ width, height }).toEqual({ width: img.width, height: img.height });
  expect(width + height).toBeLessThanOrEqual(10_000);
  expect(Math.max(width / height, height / width)).toBeLessThanOrEqual(20);
  expect(img.png.length).toBeLessThanOrEqual(10 * 1024 * 1024);
};
const barsIn = (img: ChartImage) => [...img.svg.matchAll(/<rect x="430" y="\d+"/g)].length;

describe('ranking chart', { timeout: 30_000 }, () => {
  it('labels bars with the units’ Vietnamese names, a Vietnamese title, the basis and vi-VN percentages', () => {
    const [img] = renderChart(input(12, { basis: 'verified' }), labelFor('vi'));
    expect(img).toBeDefined();
    const svg = img!.svg.normalize('NFC');
    expect(svg).toContain('Xếp hạng cấp xã — Đánh giá chính quyền số năm 2024');
    expect(svg).toContain('Theo điểm đã thẩm định');
    for (const name of NAMES) expect(svg).toContain(name);
    const first = input(12).bars[0]!;
    expect(svg).toContain(`>${String(first.percent).replace('.', ',')}%<`);
    expect(svg).not.toMatch(/>\d+\.\d+%</);
    for (const t of tiers) expect(svg).toContain(`>${t.label}<`);
    // Each bar is drawn in its tier's colour.
    const colors = tierColors(input(12));
    const fills = [...svg.matchAll(/<rect x="430" y="\d+" width="[\d.]+" height="\d+" fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]);
    expect(fills).toEqual(input(12).bars.map((b) => colors.get(b.tier)));
    expect(renderChart(input(3), labelFor('vi'))[0]!.svg).toContain('Theo điểm tự đánh giá');
  });

  it('draws the text with the bundled font (no system fonts): the name column has ink', () => {
    const [img] = renderChart(input(8), labelFor('vi'));
    const png = PNG.sync.read(img!.png);
    let ink = 0;
    for (let y = 118; y < 118 + 8 * 26; y += 1) {
      for (let x = 62; x < 400; x += 1) {
        const i = (y * png.width + x) * 4;
        if ((png.data[i] ?? 255) < 128 && (png.data[i + 1] ?? 255) < 128) ink += 1;
      }
    }
    expect(ink).toBeGreaterThan(500);
  });

  it('splits 2,000 bars into images that each fit Telegram’s photo limits, keeping every bar once', () => {
    // More rows per image than Telegram allows are asked for: the renderer clamps them.
    const images = renderChart(input(2000), labelFor('vi'), { mode: 'split', perImage: 1000 });
    const max = rowsPerImage(1000, { width: GEOMETRY.width, rowHeight: GEOMETRY.rowHeight, chrome: CHROME });
    expect(max).toBeLessThan(1000);
    expect(images.length).toBe(Math.ceil(2000 / max));
    images.forEach((img, i) => {
      withinTelegram(img);
      expect([img.part, img.parts]).toEqual([i + 1, images.length]);
    });
    expect(images.reduce((n, img) => n + barsIn(img), 0)).toBe(2000);
    expect(images[1]!.svg).toContain(`Phần 2/${images.length}`);
  }, 60_000);

  it('shows the top N and the highlighted units below them, after a gap, in one image', () => {
    const images = renderChart(input(2000, { highlight: ['u1500', 'u3'] }), labelFor('vi'), { mode: 'top', top: 30 });
    expect(images).toHaveLength(1);
    withinTelegram(images[0]!);
    expect(barsIn(images[0]!)).toBe(31);
    const svg = images[0]!.svg;
    expect(svg).toContain('30 đơn vị đứng đầu trong tổng số 2000 đơn vị');
    expect(svg).toContain('UBND xã Đức Thọ 4');
    expect(svg).toContain(`${NAMES[1500 % NAMES.length]} 1501`);
    expect(svg).toContain('>…<');
    expect(svg.match(/fill="#fff4c2"/g)).toHaveLength(2);
  });

  it('never asks for more rows per image than Telegram allows, however many are wanted', () => {
    const geometry = { width: GEOMETRY.width, rowHeight: GEOMETRY.rowHeight, chrome: CHROME };
    const max = rowsPerImage(1_000_000, geometry);
    expect(GEOMETRY.width + CHROME + max * GEOMETRY.rowHeight).toBeLessThanOrEqual(10_000);
    expect(GEOMETRY.width + CHROME + (max + 1) * GEOMETRY.rowHeight).toBeGreaterThan(10_000);
    expect(rowsPerImage(50, geometry)).toBe(50);
    // A narrow, tall geometry is bound by the 1:20 ratio instead.
    expect(rowsPerImage(1_000_000, { width: 100, rowHeight: 10, chrome: 0 })).toBe(200);
    const pages = chartPages(input(1000), { mode: 'split', perImage: 10_000 }, max);
    expect(pages.map((p) => p.length)).toEqual([max, max, 1000 - 2 * max]);
  });

  it('returns no image when nobody submitted', () => {
    expect(renderChart(input(0), labelFor('vi'))).toEqual([]);
  });

  it('cuts an over-long name before it reaches the bars', () => {
    const long = 'Ủy ban nhân dân thị trấn Cẩm Xuyên, huyện Cẩm Xuyên, tỉnh Hà Tĩnh, Việt Nam';
    const [img] = renderChart({ ...input(1), bars: [{ unitId: 'x', label: long, percent: 50, tier: 'trung_binh', rank: 1 }] }, labelFor('en'));
    expect(img!.svg).toContain('Ủy ban nhân dân thị trấn Cẩm Xuyên');
    expect(img!.svg).not.toContain('Việt Nam');
    expect(img!.svg).toContain('…');
    expect(img!.svg).toContain('Ranking, cấp xã');
  });
});
