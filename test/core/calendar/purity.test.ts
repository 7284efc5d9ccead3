// core/calendar, periods, ranking and reminders stay pure: imports from core/ or zod only,
// no clock, no randomness (STYLE rules 1–2).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const coreDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../core');
const files = ['calendar', 'periods', 'ranking', 'reminders'].flatMap((dir) =>
  readdirSync(path.join(coreDir, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(coreDir, dir, f)),
);

describe.each(files.map((f) => [path.relative(coreDir, f), f]))('%s', (_name, file) => {
  const source = readFileSync(file, 'utf8');
  it('imports only from core/ and zod', () => {
    for (const m of source.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)) {
      const spec = m[1] ?? '';
      if (spec === 'zod') continue;
      expect(spec.startsWith('.'), spec).toBe(true);
      expect(path.resolve(path.dirname(file), spec).startsWith(coreDir + path.sep), spec).toBe(true);
    }
  });
  it('uses no clock and no randomness', () => {
    expect(source).not.toMatch(/Date\.now\(|new Date\(\)|Math\.random\(/);
  });
  it('stays under 250 lines', () => {
    expect(source.split('\n').length).toBeLessThan(250);
  });
});
