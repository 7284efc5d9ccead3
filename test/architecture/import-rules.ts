// The direction of imports inside bot/ (DESIGN.md "Architecture"):
//   channels → app → ports ← db;  platform is used by everyone and uses none of them;
//   only bot/db imports Prisma; only bot/main.ts and bot/cli (the composition roots) import bot/db.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export type Layer = 'core' | 'app' | 'channels' | 'db' | 'platform' | 'root' | 'other';
export type Violation = { readonly file: string; readonly imports: string; readonly rule: string };

export const layerOf = (file: string): Layer => {
  const p = file.split(path.sep).join('/');
  if (p.startsWith('core/')) return 'core';
  if (p === 'bot/main.ts' || p.startsWith('bot/cli/')) return 'root';
  for (const layer of ['app', 'channels', 'db', 'platform'] as const) if (p.startsWith(`bot/${layer}/`)) return layer;
  return 'other';
};

/** Files of another layer each layer may not import (ports.ts and inbound.ts are the shared types). */
const forbidden: Readonly<Record<Layer, readonly Layer[]>> = {
  core: ['app', 'channels', 'db', 'platform', 'root', 'other'],
  app: ['channels', 'db', 'root'],
  channels: ['db', 'root'],
  db: ['channels', 'root'],
  platform: ['app', 'channels', 'db', 'root'],
  root: [],
  other: [],
};

const PRISMA = /^(@prisma\/|prisma$|prisma\/)/;
const SHARED_APP_TYPES = new Set(['bot/app/ports.ts', 'bot/app/inbound.ts']);

/** Checks one import of `file` (both relative to the repository root). */
export const checkImport = (file: string, specifier: string): Violation | null => {
  const from = layerOf(file);
  if (!specifier.startsWith('.')) {
    if (PRISMA.test(specifier) && from !== 'db') return { file, imports: specifier, rule: 'only bot/db imports Prisma' };
    return null;
  }
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.split(path.sep).join('/')), specifier));
  const to = layerOf(target);
  if (to === from) return null;
  if (from === 'db' && to === 'app' && SHARED_APP_TYPES.has(target)) return null;
  if (from === 'db' && to === 'app') return { file, imports: target, rule: 'bot/db implements bot/app/ports.ts and imports nothing else of bot/app' };
  if (forbidden[from].includes(to)) return { file, imports: target, rule: `${from} must not import ${to}` };
  return null;
};

const importsOf = (source: string): string[] =>
  [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'generated' || name === 'node_modules') return [];
    return statSync(full).isDirectory() ? walk(full) : full.endsWith('.ts') ? [full] : [];
  });

export const checkTree = (root: string, dirs: readonly string[] = ['bot', 'core']): Violation[] =>
  dirs
    .flatMap((d) => walk(path.join(root, d)))
    .flatMap((full) => {
      const rel = path.relative(root, full);
      return importsOf(readFileSync(full, 'utf8')).flatMap((spec) => {
        const v = checkImport(rel, spec);
        return v ? [v] : [];
      });
    });
