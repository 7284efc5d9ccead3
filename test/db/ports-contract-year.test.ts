// The port contract (see ports-contract.test.ts) for the issue #12 additions: exclusion with a
// reason, successor links, a unit's members, and published result tables — the same literal
// expectations against the Prisma repositories and the in-memory ones.
import { describe, expect, it } from 'vitest';
import type { Repositories } from '../../bot/app/ports.ts';
import { createInMemoryRepositories } from '../support/in-memory/create-in-memory-repositories.ts';
import { availableProviders, createTestDatabase } from './support/providers.ts';

type Subject = { readonly name: string; readonly open: () => Promise<{ repos: Repositories; dispose: () => Promise<void> }> };

const subjects: Subject[] = [
  { name: 'in-memory', open: async () => ({ repos: createInMemoryRepositories(), dispose: async () => undefined }) },
  ...(await availableProviders()).map((p): Subject => ({
    name: p,
    open: async () => {
      const db = await createTestDatabase(p);
      return { repos: db.repos, dispose: db.dispose };
    },
  })),
];

const now = new Date('2026-11-24T03:00:00.000Z');

describe.each(subjects)('issue #12 ports on $name', (subject) => {
  it('excludes with a reason, includes again, links predecessors, lists and removes members, stores a publication once', async () => {
    const { repos, dispose } = await subject.open();
    try {
      await repos.units.upsertMany([
        { code: 'P', name: 'Tỉnh', level: 'province', parentCode: null },
        { code: 'X-A', name: 'Xã A', level: 'commune', parentCode: 'P' },
        { code: 'X-B', name: 'Xã B', level: 'commune', parentCode: 'P' },
        { code: 'X-C', name: 'Xã C', level: 'commune', parentCode: 'P' },
      ]);
      expect(await repos.units.setExcluded('X-NONE', true, 'x')).toBeNull();
      expect(await repos.units.setExcluded('X-A', true, 'lực lượng vũ trang')).toMatchObject({ excluded: true, excludedReason: 'lực lượng vũ trang' });
      expect((await repos.units.findByCode('X-A'))!.excludedReason).toBe('lực lượng vũ trang');
      expect(await repos.units.setExcluded('X-A', false)).toMatchObject({ excluded: false, excludedReason: null });

      const [a, b, c] = await Promise.all(['X-A', 'X-B', 'X-C'].map(async (code) => (await repos.units.findByCode(code))!));
      const on = new Date('2025-06-30T17:00:00.000Z');
      await repos.units.recordMerge({ predecessorIds: [b!.id, a!.id], successorId: c!.id, effectiveOn: on });
      await repos.units.recordMerge({ predecessorIds: [a!.id], successorId: c!.id, effectiveOn: on });
      const preds = await repos.units.predecessorsOf(c!.id);
      expect(preds.map((p) => [p.unit.code, p.effectiveOn?.toISOString(), p.unit.effectiveTo?.toISOString()])).toEqual([
        ['X-A', on.toISOString(), on.toISOString()],
        ['X-B', on.toISOString(), on.toISOString()],
      ]);
      expect((await repos.units.findByCode('X-C'))!.effectiveFrom?.toISOString()).toBe(on.toISOString());
      expect(await repos.units.predecessorsOf(a!.id)).toEqual([]);
      // The list (one raw join) reads every column as findById does: dates, flags, profile, parent's code.
      await repos.units.setExcluded('X-B', true, 'sáp nhập');
      const listed = await repos.units.list();
      for (const u of listed) {
        const parent = u.parentId ? await repos.units.findById(u.parentId) : null;
        expect(u).toEqual({ ...(await repos.units.findById(u.id))!, parentCode: parent?.code ?? null });
      }
      expect(listed.find((u) => u.code === 'X-A')!.effectiveTo?.toISOString()).toBe(on.toISOString());
      expect(listed.find((u) => u.code === 'X-B')).toMatchObject({ excluded: true, excludedReason: 'sáp nhập' });
      expect((await repos.units.list({ level: 'commune' })).every((u) => u.level === 'commune')).toBe(true);
      await repos.units.setExcluded('X-B', false);

      const acc = await repos.people.ensureAccount({ channel: 'telegram', externalId: 'm1', chatId: 'm1', displayName: 'Chị Lan', locale: 'vi', now });
      await repos.people.grantMembership({ personId: acc.personId, unitId: c!.id, role: 'reporter' });
      await repos.people.grantMembership({ personId: acc.personId, unitId: c!.id, role: 'coordinator' });
      const members = await repos.people.listUnitMembers(c!.id);
      expect(members.map((m) => [m.personId, m.displayName, m.role, m.channels])).toEqual([
        [acc.personId, 'Chị Lan', 'reporter', ['telegram']],
        [acc.personId, 'Chị Lan', 'coordinator', ['telegram']],
      ]);
      expect(await repos.people.revokeUnitMember(c!.id, 'nobody', now)).toBe(0);
      expect(await repos.people.revokeUnitMember(c!.id, acc.personId, now)).toBe(2);
      expect(await repos.people.listUnitMembers(c!.id)).toEqual([]);

      expect(await repos.publications.find('period-x')).toBeNull();
      expect(await repos.publications.create({ periodId: 'period-x', publishedAt: now, results: { v: 1, rows: [1, 2] } })).toBe(true);
      expect(await repos.publications.create({ periodId: 'period-x', publishedAt: new Date(now.getTime() + 1), results: { v: 2 } })).toBe(false);
      expect(await repos.publications.create({ periodId: 'period-y', publishedAt: new Date(now.getTime() + 60_000), results: { v: 1 } })).toBe(true);
      expect(await repos.publications.find('period-x')).toEqual({ periodId: 'period-x', publishedAt: now, results: { v: 1, rows: [1, 2] } });
      expect((await repos.publications.list()).map((p) => p.periodId)).toEqual(['period-y', 'period-x']);
    } finally {
      await dispose();
    }
  });
});
