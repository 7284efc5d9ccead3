// Generates both Prisma clients (SQLite and PostgreSQL) offline.
// Prisma's CLI insists on a DATABASE_URL that matches the provider even for `generate`
// (a mismatch surfaces as a misleading "request to binaries failed"), so each run gets
// a placeholder URL of the right kind; nothing connects to it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const targets = [
  { schema: 'prisma/sqlite/schema.prisma', url: 'file:./data/placeholder.db' },
  { schema: 'prisma/postgresql/schema.prisma', url: 'postgresql://placeholder@127.0.0.1:5432/placeholder' },
];
const prismaBin = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');

for (const target of targets) {
  if (!existsSync(path.join(root, target.schema))) {
    console.error(`generate-prisma: ${target.schema} is missing`);
    process.exit(1);
  }
  const result = spawnSync(process.execPath, [prismaBin, 'generate', '--no-hints', '--schema', target.schema], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: target.url, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
