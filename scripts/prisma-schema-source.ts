import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const providers = ['sqlite', 'postgresql'] as const;
export type Provider = (typeof providers)[number];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const schemaPath = (provider: Provider): string => path.join(root, 'prisma', provider, 'schema.prisma');

const header = (provider: Provider): string => `// GENERATED from prisma/models.prisma by \`npm run prisma:build\`; edit that file instead.
generator client {
  provider               = "prisma-client"
  output                 = "../../bot/db/generated/${provider}"
  engineType             = "client"
  moduleFormat           = "esm"
  importFileExtension    = "ts"
  generatedFileExtension = "ts"
}

datasource db {
  provider = "${provider}"
  url      = env("DATABASE_URL")
}

`;

export const buildProviderSchema = (provider: Provider): string => header(provider) + readFileSync(path.join(root, 'prisma', 'models.prisma'), 'utf8');
