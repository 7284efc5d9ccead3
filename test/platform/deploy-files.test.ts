// The deployment files stay in step with the code: compose.yaml passes every variable of
// .env.example and only variables the bot reads, runs its instances in webhook mode with evidence
// in the database; the Dockerfile ships what the compiled code reads from the project root.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { envSchema } from '../../bot/platform/config.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const exampleVars = [...read('.env.example').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
type Compose = { services: Record<string, { environment?: Record<string, string> }> };
const compose = parse(read('compose.yaml'), { merge: true }) as Compose;
const bots = Object.entries(compose.services).filter(([name]) => name.startsWith('bot-'));

describe('compose.yaml', () => {
  it('mentions every variable of .env.example', () => {
    const text = read('compose.yaml');
    expect(exampleVars.filter((v) => !new RegExp(`\\b${v}\\b`).test(text))).toEqual([]);
  });

  it('runs two bot instances with only variables the bot reads, in webhook mode, evidence in the database', () => {
    expect(bots.length).toBe(2);
    const known = new Set(Object.keys(envSchema.shape));
    for (const [, service] of bots) {
      const env = service.environment ?? {};
      expect(Object.keys(env).filter((k) => !known.has(k))).toEqual([]);
      expect(env['EVIDENCE_STORE']).toBe('database');
      expect(env['DATABASE_URL']).toMatch(/^postgresql:\/\//);
      expect(env['TELEGRAM_WEBHOOK_URL']).toMatch(/^https:\/\/.*\/telegram\/webhook$/);
      expect(env['ZALO_MODE']).toBe('webhook');
    }
    expect(new Set(bots.map(([, s]) => s.environment?.['INSTANCE_ID'])).size).toBe(2);
  });
});

describe('Dockerfile', () => {
  const docker = read('Dockerfile');
  it('is multi-stage, non-root, production dependencies only, health-checked on /readyz, plain node', () => {
    expect(docker.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(docker).toMatch(/npm ci --omit=dev/);
    expect(docker).toMatch(/^USER node$/m);
    expect(docker).toMatch(/^HEALTHCHECK .*\n?.*\/readyz/m);
    expect(docker).toMatch(/^CMD \["node", "dist\/bot\/main\.js"\]$/m);
  });

  it('ships what the compiled code reads from the project root', () => {
    for (const dir of ['locales', 'core/criteria/sets', 'prisma/sqlite/migrations', 'prisma/postgresql/migrations', 'package.json'])
      expect(docker).toMatch(new RegExp(`^COPY ${dir.replace(/\//g, '\\/')} `, 'm'));
  });
});

describe('Node versions', () => {
  it('.nvmrc names a line that engines accepts', () => {
    const pkg = JSON.parse(read('package.json')) as { engines: { node: string } };
    const nvmrc = read('.nvmrc').trim();
    expect(pkg.engines.node).toContain(`^${nvmrc}.`);
    expect(read('Dockerfile')).toContain(`node:${nvmrc}-`);
  });
});
