// Prisma CLI configuration. The JS/WASM engines are forced (`engine: 'js'` + a driver adapter)
// because the native engines are downloaded from a host these machines cannot reach.
// The CLI is only used by developers for `generate` and `migrate diff`; the app applies the
// checked-in migrations itself (bot/db/migrate.ts).
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';

const url = process.env['DATABASE_URL'] ?? 'file:./data/egov.db';
const isPostgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: isPostgres ? 'prisma/postgresql/schema.prisma' : 'prisma/sqlite/schema.prisma',
  adapter: async () => (isPostgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url })),
});
