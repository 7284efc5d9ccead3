import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The core is pure: it may import other core modules and zod, nothing else (STYLE.md rule 1).
const coreDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'core');

const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });

const SPECIFIER = /(?:\bimport\s+(?:type\s+)?(?:[\w*{}\s,]+\s+from\s+)?|\bexport\s+(?:type\s+)?[\w*{}\s,]+\s+from\s+|\bimport\s*\(\s*)['"]([^'"]+)['"]/g;

const importSpecifiers = (source: string): string[] => [...source.matchAll(SPECIFIER)].map((m) => m[1] ?? '');

const violation = (file: string, spec: string): string | null => {
  if (spec === 'zod') return null;
  if (!spec.startsWith('.')) return spec;
  const target = path.resolve(path.dirname(file), spec);
  return target === coreDir || target.startsWith(coreDir + path.sep) ? null : spec;
};

describe('core imports', () => {
  it('finds import specifiers of every form', () => {
    const src = `import { z } from 'zod';\nimport type { A } from './a.ts';\nexport { b } from '../b.ts';\nconst m = await import('node:fs');\nimport './side-effect.ts';`;
    expect(importSpecifiers(src)).toEqual(['zod', './a.ts', '../b.ts', 'node:fs', './side-effect.ts']);
  });

  it('only imports core modules and zod', () => {
    const files = tsFiles(coreDir);
    expect(files.length).toBeGreaterThan(0);
    const bad = files.flatMap((file) =>
      importSpecifiers(readFileSync(file, 'utf8'))
        .map((spec) => violation(file, spec))
        .filter((v): v is string => v !== null)
        .map((spec) => `${path.relative(coreDir, file)} imports ${spec}`),
    );
    expect(bad).toEqual([]);
  });
});
