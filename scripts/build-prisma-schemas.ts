// Writes the per-provider schema.prisma files from prisma/models.prisma (the one model source).
import { writeFileSync } from 'node:fs';
import { buildProviderSchema, providers, schemaPath } from './prisma-schema-source.ts';

for (const provider of providers) {
  writeFileSync(schemaPath(provider), buildProviderSchema(provider));
  console.log(`wrote ${schemaPath(provider)}`);
}
