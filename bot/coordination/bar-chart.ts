// A ranking bar chart rendered server-side to PNG with pngjs (no browser): one bar per unit,
// labelled with its code and percentage in a small built-in bitmap font (ASCII only, which the
// unit codes are).
import { PNG } from 'pngjs';

// 5×7 glyphs, one byte per row, the low 5 bits left to right.
const GLYPHS: Record<string, number[]> = {
  '0': [14, 17, 19, 21, 25, 17, 14],
  '1': [4, 12, 4, 4, 4, 4, 14],
  '2': [14, 17, 1, 2, 4, 8, 31],
  '3': [31, 2, 4, 2, 1, 17, 14],
  '4': [2, 6, 10, 18, 31, 2, 2],
  '5': [31, 16, 30, 1, 1, 17, 14],
  '6': [6, 8, 16, 30, 17, 17, 14],
  '7': [31, 1, 2, 4, 8, 8, 8],
  '8': [14, 17, 17, 14, 17, 17, 14],
  '9': [14, 17, 17, 15, 1, 2, 12],
  A: [14, 17, 17, 31, 17, 17, 17],
  B: [30, 17, 17, 30, 17, 17, 30],
  C: [14, 17, 16, 16, 16, 17, 14],
  D: [28, 18, 17, 17, 17, 18, 28],
  E: [31, 16, 16, 30, 16, 16, 31],
  F: [31, 16, 16, 30, 16, 16, 16],
  G: [14, 17, 16, 23, 17, 17, 15],
  H: [17, 17, 17, 31, 17, 17, 17],
  I: [14, 4, 4, 4, 4, 4, 14],
  J: [7, 2, 2, 2, 2, 18, 12],
  K: [17, 18, 20, 24, 20, 18, 17],
  L: [16, 16, 16, 16, 16, 16, 31],
  M: [17, 27, 21, 21, 17, 17, 17],
  N: [17, 17, 25, 21, 19, 17, 17],
  O: [14, 17, 17, 17, 17, 17, 14],
  P: [30, 17, 17, 30, 16, 16, 16],
  Q: [14, 17, 17, 17, 21, 18, 13],
  R: [30, 17, 17, 30, 20, 18, 17],
  S: [15, 16, 16, 14, 1, 1, 30],
  T: [31, 4, 4, 4, 4, 4, 4],
  U: [17, 17, 17, 17, 17, 17, 14],
  V: [17, 17, 17, 17, 17, 10, 4],
  W: [17, 17, 17, 21, 21, 21, 10],
  X: [17, 17, 10, 4, 10, 17, 17],
  Y: [17, 17, 17, 10, 4, 4, 4],
  Z: [31, 1, 2, 4, 8, 16, 31],
  '-': [0, 0, 0, 31, 0, 0, 0],
  '.': [0, 0, 0, 0, 0, 12, 12],
  '%': [24, 25, 2, 4, 8, 19, 3],
  ':': [0, 12, 12, 0, 12, 12, 0],
  '/': [0, 1, 2, 4, 8, 16, 0],
  ' ': [0, 0, 0, 0, 0, 0, 0],
  '#': [10, 10, 31, 10, 31, 10, 10],
};

type Rgb = readonly [number, number, number];
export type Bar = { readonly label: string; readonly percent: number; readonly color: Rgb };

export const asciiLabel = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^0-9A-Z\-.%:/ #]/g, ' ');

export const renderBarChart = (title: string, bars: readonly Bar[]): Buffer => {
  const scale = 2;
  const rowH = 26;
  const labelW = 200;
  const chartW = 600;
  const width = labelW + chartW + 120;
  const height = 60 + rowH * Math.max(1, bars.length);
  const png = new PNG({ width, height });
  const set = (x: number, y: number, [r, g, b]: Rgb) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const i = (y * width + x) * 4;
    png.data[i] = r;
    png.data[i + 1] = g;
    png.data[i + 2] = b;
    png.data[i + 3] = 255;
  };
  const rect = (x: number, y: number, w: number, h: number, c: Rgb) => {
    for (let yy = y; yy < y + h; yy += 1) for (let xx = x; xx < x + w; xx += 1) set(xx, yy, c);
  };
  const text = (x: number, y: number, s: string, c: Rgb) => {
    [...asciiLabel(s)].forEach((ch, k) => {
      const glyph = GLYPHS[ch] ?? GLYPHS[' ']!;
      glyph.forEach((row, gy) => {
        for (let gx = 0; gx < 5; gx += 1) if (row & (1 << (4 - gx))) rect(x + (k * 6 + gx) * scale, y + gy * scale, scale, scale, c);
      });
    });
  };
  rect(0, 0, width, height, [255, 255, 255]);
  text(12, 14, title.slice(0, 60), [20, 20, 20]);
  bars.forEach((b, i) => {
    const y = 50 + i * rowH;
    text(10, y + 4, b.label.slice(0, 15), [40, 40, 40]);
    const w = Math.round((Math.max(0, Math.min(100, b.percent)) / 100) * chartW);
    rect(labelW, y, Math.max(w, 1), rowH - 8, b.color);
    text(labelW + w + 8, y + 4, `${b.percent.toFixed(1)}%`, [40, 40, 40]);
  });
  for (let y = 44; y < height - 4; y += 1) set(labelW - 1, y, [120, 120, 120]);
  return PNG.sync.write(png);
};
