// The SQLite bulk reader: statements with a list of ids run on their own thread, against the
// same file the Prisma client writes, one snapshot per request; failures come back as errors
// of that read only; an idle thread stops and the next read starts another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkReaderOf, sqlitePath } from '../../bot/db/database.ts';
import { createBulkReader } from '../../bot/db/sqlite/bulk-reader.ts';
import { createTestDatabase, type TestDatabase } from './support/providers.ts';

const UNITS = `SELECT "code", "name" FROM "Unit" WHERE "code" IN (?#) ORDER BY "code"`;
const COUNT = `SELECT COUNT(*) FROM "Unit" WHERE "code" IN (?#)`;

describe('SQLite bulk reader', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    await db.repos.units.upsertMany(
      Array.from({ length: 120 }, (_, i) => ({ code: `X-B${String(i).padStart(3, '0')}`, name: `Xã Bình ${i}`, level: 'province' as const, parentCode: null })),
    );
  });
  afterAll(async () => db.dispose());

  it('runs each statement over the whole list, rows as arrays, and sees what Prisma committed', async () => {
    const reader = bulkReaderOf(db.prisma)!;
    const codes = Array.from({ length: 100 }, (_, i) => `X-B${String(i).padStart(3, '0')}`);
    const [rows, count] = await reader.read([UNITS, COUNT], [...codes, 'X-NONE']);
    expect(rows).toHaveLength(100);
    expect(rows![0]).toEqual(['X-B000', 'Xã Bình 0']);
    expect(count).toEqual([[100]]);
    await db.prisma.unit.update({ where: { code: 'X-B000' }, data: { name: 'Xã Bình Mới' } });
    expect((await reader.read([UNITS], ['X-B000']))[0]).toEqual([['X-B000', 'Xã Bình Mới']]);
  });

  it('answers concurrent reads each with its own rows', async () => {
    const reader = bulkReaderOf(db.prisma)!;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => reader.read([UNITS], [`X-B${String(i).padStart(3, '0')}`, `X-B${String(i + 50).padStart(3, '0')}`])),
    );
    for (const [i, [rows]] of results.entries())
      expect(rows!.map((r) => r[0])).toEqual([`X-B${String(i).padStart(3, '0')}`, `X-B${String(i + 50).padStart(3, '0')}`]);
  });

  it('fails only the read whose statement is wrong, and never writes', async () => {
    const reader = bulkReaderOf(db.prisma)!;
    await expect(reader.read([`SELECT "nope" FROM "Unit" WHERE "code" IN (?#)`], ['X-B001'])).rejects.toThrow(/sqlite bulk read: .*nope/);
    await expect(reader.read([`UPDATE "Unit" SET "name" = 'x' WHERE "code" IN (?#)`], ['X-B001'])).rejects.toThrow(/sqlite bulk read/);
    expect((await db.prisma.unit.findUniqueOrThrow({ where: { code: 'X-B001' } })).name).toBe('Xã Bình 1');
    expect((await reader.read([COUNT], ['X-B001']))[0]).toEqual([[1]]);
  });

  it('stops its thread when idle and starts one again on the next read; a closed reader too', async () => {
    const reader = createBulkReader(sqlitePath(db.url), { idleMs: 50 });
    expect(reader.running()).toBe(false);
    expect((await reader.read([COUNT], ['X-B002']))[0]).toEqual([[1]]);
    expect(reader.running()).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(reader.running()).toBe(false);
    expect((await reader.read([COUNT], ['X-B002', 'X-B003']))[0]).toEqual([[2]]);
    await reader.close();
    expect(reader.running()).toBe(false);
    expect((await reader.read([COUNT], ['X-B004']))[0]).toEqual([[1]]);
    await reader.close();
  });

  it('reports a file it cannot open as the read failing, not as a crash', async () => {
    const reader = createBulkReader('/nonexistent/dir/none.db');
    await expect(reader.read([COUNT], ['X'])).rejects.toThrow();
    await reader.close();
  });
});
