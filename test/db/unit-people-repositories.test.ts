import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnitRepository } from '../../bot/db/repositories/unit-repository.ts';
import { createPeopleRepository } from '../../bot/db/repositories/people-repository.ts';
import { demoUnits } from '../../bot/app/admin/demo-units.ts';
import { seedDemo } from '../../bot/app/admin/seed-demo.ts';
import { availableProviders, createTestDatabase, type TestDatabase } from './support/providers.ts';

const providers = await availableProviders();
const now = new Date('2026-11-20T03:00:00Z');

describe.each(providers)('repositories on %s', (provider) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(provider);
    await seedDemo(db.repos, now);
  });
  afterAll(async () => db.dispose());

  describe('units', () => {
    it('lists units by level with their parent code, ordered by code', async () => {
      const units = createUnitRepository(db.prisma);
      const communes = await units.list({ level: 'commune' });
      expect(communes.length).toBe(demoUnits.filter((u) => u.level === 'commune').length);
      expect(communes.map((c) => c.code)).toEqual([...communes.map((c) => c.code)].sort());
      expect(communes.find((c) => c.code === 'X-THACHDAI')?.parentCode).toBe('H-THACHHA');
      const province = await units.list({ level: 'province' });
      expect(province).toHaveLength(1);
      expect(province[0]?.parentCode).toBeNull();
    });

    it('seeding twice changes nothing', async () => {
      const units = createUnitRepository(db.prisma);
      const before = await units.list();
      await seedDemo(db.repos, now);
      expect(await units.list()).toEqual(before);
    });

    it('upserts by code, keeps profile JSON, and rolls back a batch that fails midway', async () => {
      const units = createUnitRepository(db.prisma);
      await units.upsertMany([{ code: 'X-NEW', name: 'Xã Mới', level: 'commune', parentCode: 'HATINH', profile: { officials: 17 } }]);
      const created = await units.findByCode('X-NEW');
      expect(created?.profile).toEqual({ officials: 17 });
      expect(created?.parentId).toBe((await units.findByCode('HATINH'))?.id);
      const count = await units.count();
      await expect(
        units.upsertMany([
          { code: 'X-OK', name: 'Xã Tạm', level: 'commune', parentCode: 'HATINH' },
          { code: 'X-BAD', name: 'Xã Lỗi', level: 'commune', parentCode: 'NOPE' },
        ]),
      ).rejects.toThrow(/NOPE/);
      expect(await units.count()).toBe(count);
      expect(await units.findByCode('X-OK')).toBeNull();
    });
  });

  describe('people, accounts and memberships', () => {
    it('creates a person with the first account, finds it again, and races safely', async () => {
      const people = createPeopleRepository(db.prisma);
      const input = { channel: 'telegram' as const, externalId: '1001', chatId: '1001', displayName: 'Nguyễn Văn A', locale: 'vi', now };
      const [a, b] = await Promise.all([people.ensureAccount(input), people.ensureAccount(input)]);
      expect(a.id).toBe(b.id);
      expect((await people.findAccount('telegram', '1001'))?.personId).toBe(a.personId);
      expect(await people.findAccount('zalo', '1001')).toBeNull();
    });

    it('grants memberships idempotently and lists member accounts per unit', async () => {
      const people = createPeopleRepository(db.prisma);
      const units = createUnitRepository(db.prisma);
      const unit = await units.findByCode('X-THACHKHE');
      const account = await people.ensureAccount({ channel: 'zalo', externalId: 'z-77', chatId: 'z-77', displayName: 'Trần Thị B', locale: 'vi', now });
      await people.grantMembership({ personId: account.personId, unitId: unit!.id, role: 'reporter' });
      await people.grantMembership({ personId: account.personId, unitId: unit!.id, role: 'reporter' });
      expect(await people.listMemberships(account.personId)).toHaveLength(1);
      const accounts = await people.listMemberAccounts([unit!.id], 'reporter');
      expect(accounts.map((x) => x.externalId)).toEqual(['z-77']);
      expect(await people.listMemberAccounts([unit!.id], 'coordinator')).toEqual([]);
    });

    it('links a second channel account to the same person and switches locale on all of them', async () => {
      const people = createPeopleRepository(db.prisma);
      const tg = await people.ensureAccount({ channel: 'telegram', externalId: '2002', chatId: '2002', displayName: 'C', locale: 'vi', now });
      const zl = await people.ensureAccount({ channel: 'zalo', externalId: 'z-2002', chatId: 'z-2002', displayName: 'C', locale: 'vi', now });
      await people.moveAccount(zl.id, tg.personId);
      await people.setPersonLocale(tg.personId, 'en');
      const accounts = await people.listAccountsOfPerson(tg.personId);
      expect(accounts.map((x) => x.channel).sort()).toEqual(['telegram', 'zalo']);
      expect(accounts.every((x) => x.locale === 'en')).toBe(true);
      expect((await people.findPerson(tg.personId))?.locale).toBe('en');
    });

    it('marks accounts unreachable and counts invite failures', async () => {
      const people = createPeopleRepository(db.prisma);
      const acc = await people.ensureAccount({ channel: 'telegram', externalId: '3003', chatId: '3003', displayName: 'D', locale: 'vi', now });
      await people.markUnreachable(acc.id, now);
      expect((await people.findAccountById(acc.id))?.unreachable).toBe(true);
      await people.markReachable(acc.id, now);
      expect((await people.findAccountById(acc.id))?.unreachable).toBe(false);
      expect(await people.recordInviteFailure(acc.id, null)).toBe(1);
      expect(await people.recordInviteFailure(acc.id, new Date(now.getTime() + 60_000))).toBe(2);
      expect((await people.findAccountById(acc.id))?.inviteLockedUntil?.toISOString()).toBe(new Date(now.getTime() + 60_000).toISOString());
      await people.resetInviteFailures(acc.id);
      expect((await people.findAccountById(acc.id))?.failedInviteAttempts).toBe(0);
    });
  });
});
