// The Vietnamese-capable fonts every document uses, read from the dejavu-fonts-ttf npm package
// (never from the system, never downloaded): DejaVu covers Latin Extended Additional, so
// "Thạch Đài", "Ủy ban" and "Hạnh phúc" render with their diacritics.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT_FILES = {
  serif: path.join(fontDir, 'DejaVuSerif.ttf'),
  serifBold: path.join(fontDir, 'DejaVuSerif-Bold.ttf'),
  serifItalic: path.join(fontDir, 'DejaVuSerif-Italic.ttf'),
  sans: path.join(fontDir, 'DejaVuSans.ttf'),
  sansBold: path.join(fontDir, 'DejaVuSans-Bold.ttf'),
} as const;

export type FontName = keyof typeof FONT_FILES;

const cache = new Map<FontName, Buffer>();

/** The font's bytes, read once per process. */
export const fontBytes = (name: FontName): Buffer => {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = readFileSync(FONT_FILES[name]);
    cache.set(name, bytes);
  }
  return bytes;
};
