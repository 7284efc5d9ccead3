// The per-provider schemas are generated from prisma/models.prisma; this fails when someone
// edits one of them by hand or forgets `npm run prisma:build` after changing the models.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProviderSchema, providers, schemaPath } from '../../scripts/prisma-schema-source.ts';
import { loadMigrations } from '../../bot/db/migrate.ts';

describe('one model source', () => {
  it.each(providers)('%s schema.prisma is header + models.prisma', (provider) => {
    expect(readFileSync(schemaPath(provider), 'utf8')).toBe(buildProviderSchema(provider));
  });

  it('both providers have the same migrations, and every model has a table in each', () => {
    const sqlite = loadMigrations('sqlite');
    const postgres = loadMigrations('postgresql');
    expect(sqlite.map((m) => m.name)).toEqual(postgres.map((m) => m.name));
    const models = [...readFileSync('prisma/models.prisma', 'utf8').matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);
    for (const migrations of [sqlite, postgres]) {
      const sql = migrations.map((m) => m.sql).join('\n');
      for (const model of models) expect(sql).toContain(`CREATE TABLE "${model}"`);
    }
  });
});
