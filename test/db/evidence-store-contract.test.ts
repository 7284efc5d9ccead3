// The EvidenceStore port's contract, held by both implementations: the local directory
// (EVIDENCE_STORE=file) and the database (EVIDENCE_STORE=database, on SQLite and PostgreSQL).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EvidenceStore } from '../../bot/app/ports.ts';
import { createFileEvidenceStore } from '../../bot/db/file-evidence-store.ts';
import { createDatabaseEvidenceStore } from '../../bot/db/database-evidence-store.ts';
import { openDatabase } from '../../bot/db/database.ts';
import { availableProviders, createTestDatabase, type TestDatabase } from './support/providers.ts';

const providers = await availableProviders();
const closers: (() => Promise<void>)[] = [];
const databases: Partial<Record<(typeof providers)[number], TestDatabase>> = {};
afterAll(async () => {
  for (const c of closers) await c();
  for (const db of Object.values(databases)) await db.dispose();
});

const PNG = { mime: 'image/png', ext: '.png' };
const PDF = { mime: 'application/pdf', ext: '.pdf' };
// Every byte value, and a megabyte: binary-safe, not only text.
const allBytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const big = Buffer.alloc(1 << 20, 7);

// Buffer.equals: a deep equality over a megabyte, element by element, would take seconds.
const expectBytes = (actual: Buffer | null, expected: Buffer): void => {
  expect(actual).not.toBeNull();
  expect(actual?.length).toBe(expected.length);
  expect(actual?.equals(expected)).toBe(true);
};

type Case = { readonly name: string; readonly make: () => Promise<{ store: EvidenceStore; second: () => Promise<EvidenceStore> }> };

const cases: Case[] = [
  {
    name: 'file (local directory)',
    make: async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-evs-'));
      return { store: createFileEvidenceStore(dir), second: async () => createFileEvidenceStore(dir) };
    },
  },
  ...providers.map((provider): Case => ({
    name: `database on ${provider}`,
    make: async () => {
      // One migrated database per provider: the tests use distinct submissions.
      const db = (databases[provider] ??= await createTestDatabase(provider));
      return {
        store: createDatabaseEvidenceStore(db.prisma),
        // Another instance: its own connection to the same database.
        second: async () => {
          const other = openDatabase(db.url);
          closers.push(() => other.close());
          return createDatabaseEvidenceStore(other.prisma);
        },
      };
    },
  })),
];

describe.each(cases)('EvidenceStore: $name', ({ make }) => {
  it('reads back exactly the bytes it saved, with their sha256 and size', async () => {
    const { store } = await make();
    for (const data of [allBytes, big]) {
      const saved = await store.save('sub-1', '1.1', data, PNG);
      expect(saved.size).toBe(data.length);
      expect(saved.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(saved.storedPath).toMatch(/1\.1-[0-9a-f]{16}\.png$/);
      expectBytes(await store.read(saved.storedPath), data);
    }
  });

  it('names by content: the same bytes land on the same path, other bytes or types elsewhere', async () => {
    const { store } = await make();
    const a = await store.save('sub-2', '2.1', allBytes, PNG);
    const again = await store.save('sub-2', '2.1', allBytes, PNG);
    expect(again).toEqual(a);
    expectBytes(await store.read(a.storedPath), allBytes);
    const other = await store.save('sub-2', '2.1', Buffer.from('other'), PNG);
    expect(other.storedPath).not.toBe(a.storedPath);
    const asPdf = await store.save('sub-2', '2.1', allBytes, PDF);
    expect(asPdf.storedPath).toMatch(/\.pdf$/);
    const elsewhere = await store.save('sub-3', '2.1', allBytes, PNG);
    expect(elsewhere.storedPath).not.toBe(a.storedPath);
    expectBytes(await store.read(other.storedPath), Buffer.from('other'));
  });

  it('keeps unsafe characters of the submission and criterion out of the name', async () => {
    const { store } = await make();
    const saved = await store.save('../../etc', '1/../x', allBytes, PNG);
    expect(saved.storedPath).not.toMatch(/\.\.\//);
    expectBytes(await store.read(saved.storedPath), allBytes);
  });

  it('answers null for a path it never stored', async () => {
    const { store } = await make();
    const saved = await store.save('sub-4', '4.1', allBytes, PNG);
    expect(await store.read(saved.storedPath.replace(/[0-9a-f]{16}\.png$/, '0000000000000000.png'))).toBeNull();
    expect(await store.read('')).toBeNull();
  });

  it('is shared: what one instance saved, another instance on the same storage reads', async () => {
    const { store, second } = await make();
    const saved = await store.save('sub-5', '5.1', big, PNG);
    expectBytes(await (await second()).read(saved.storedPath), big);
  });
});

describe('file evidence store', () => {
  it('never reads outside its directory', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-evs-'));
    const outside = path.join(mkdtempSync(path.join(os.tmpdir(), 'egov-evs-out-')), 'secret.txt');
    writeFileSync(outside, 'secret');
    const store = createFileEvidenceStore(dir);
    expect(await store.read(outside)).toBeNull();
    expect(await store.read(path.join(dir, '..', path.basename(path.dirname(outside)), 'secret.txt'))).toBeNull();
  });
});
