// People, their channel accounts and their memberships (role over a scope unit).
import type { Db } from '../database.ts';
import { inChunks } from './in-chunks.ts';
import type { ChannelKind } from '../../app/inbound.ts';
import type { ChannelAccount, Membership, PeopleRepository, Person, Role, UnitMember } from '../../app/ports.ts';

const accountSelect = {
  id: true,
  personId: true,
  channel: true,
  externalId: true,
  chatId: true,
  locale: true,
  unreachable: true,
  failedInviteAttempts: true,
  inviteLockedUntil: true,
} as const;

const toAccount = (row: {
  id: string;
  personId: string;
  channel: string;
  externalId: string;
  chatId: string;
  locale: string | null;
  unreachable: boolean;
  failedInviteAttempts: number;
  inviteLockedUntil: Date | null;
}): ChannelAccount => ({ ...row, channel: row.channel as ChannelKind });

export const createPeopleRepository = (db: Db): PeopleRepository => ({
  async createPerson(input: { displayName: string; locale: string }): Promise<Person> {
    return db.person.create({ data: input, select: { id: true, displayName: true, locale: true } });
  },

  async findPerson(id: string): Promise<Person | null> {
    return db.person.findUnique({ where: { id }, select: { id: true, displayName: true, locale: true } });
  },

  async setPersonLocale(personId: string, locale: string): Promise<void> {
    await db.$transaction([
      db.person.update({ where: { id: personId }, data: { locale } }),
      db.channelAccount.updateMany({ where: { personId }, data: { locale } }),
    ]);
  },

  async findAccount(channel: ChannelKind, externalId: string): Promise<ChannelAccount | null> {
    const row = await db.channelAccount.findUnique({ where: { channel_externalId: { channel, externalId } }, select: accountSelect });
    return row ? toAccount(row) : null;
  },

  async findAccountById(id: string): Promise<ChannelAccount | null> {
    const row = await db.channelAccount.findUnique({ where: { id }, select: accountSelect });
    return row ? toAccount(row) : null;
  },

  /** Finds the account or creates it together with a new person (first contact). */
  async ensureAccount(input: {
    channel: ChannelKind;
    externalId: string;
    chatId: string;
    displayName: string;
    locale: string;
    now: Date;
  }): Promise<ChannelAccount> {
    const existing = await db.channelAccount.findUnique({
      where: { channel_externalId: { channel: input.channel, externalId: input.externalId } },
      select: accountSelect,
    });
    if (existing) return toAccount(existing);
    try {
      const row = await db.channelAccount.create({
        data: {
          channel: input.channel,
          externalId: input.externalId,
          chatId: input.chatId,
          displayName: input.displayName,
          locale: input.locale,
          lastSeenAt: input.now,
          person: { create: { displayName: input.displayName, locale: input.locale } },
        },
        select: accountSelect,
      });
      return toAccount(row);
    } catch (error) {
      // Two first updates of one user racing: the unique key lets only one create win.
      const again = await db.channelAccount.findUnique({
        where: { channel_externalId: { channel: input.channel, externalId: input.externalId } },
        select: accountSelect,
      });
      if (again) return toAccount(again);
      throw error;
    }
  },

  async listAccountsOfPerson(personId: string): Promise<ChannelAccount[]> {
    const rows = await db.channelAccount.findMany({ where: { personId }, select: accountSelect, orderBy: { createdAt: 'asc' } });
    return rows.map(toAccount);
  },

  /** Moves an account to another person (linking Telegram and Zalo identities). */
  async moveAccount(accountId: string, personId: string): Promise<void> {
    await db.channelAccount.update({ where: { id: accountId }, data: { personId } });
  },

  async markUnreachable(accountId: string, at: Date): Promise<void> {
    await db.channelAccount.update({ where: { id: accountId }, data: { unreachable: true, unreachableAt: at } });
  },

  async markReachable(accountId: string, at: Date): Promise<void> {
    await db.channelAccount.update({ where: { id: accountId }, data: { unreachable: false, unreachableAt: null, lastSeenAt: at } });
  },

  async recordInviteFailure(accountId: string, lockUntil: Date | null): Promise<number> {
    const row = await db.channelAccount.update({
      where: { id: accountId },
      data: { failedInviteAttempts: { increment: 1 }, ...(lockUntil ? { inviteLockedUntil: lockUntil } : {}) },
      select: { failedInviteAttempts: true },
    });
    return row.failedInviteAttempts;
  },

  async resetInviteFailures(accountId: string): Promise<void> {
    await db.channelAccount.update({ where: { id: accountId }, data: { failedInviteAttempts: 0, inviteLockedUntil: null } });
  },

  async grantMembership(input: { personId: string; unitId: string; role: Role }): Promise<Membership> {
    const row = await db.membership.upsert({
      where: { personId_unitId_role: input },
      create: input,
      update: { revokedAt: null },
      select: { id: true, personId: true, unitId: true, role: true },
    });
    return { ...row, role: row.role as Role };
  },

  async revokeMembership(id: string, at: Date): Promise<void> {
    await db.membership.update({ where: { id }, data: { revokedAt: at } });
  },

  async listMemberships(personId: string): Promise<Membership[]> {
    const rows = await db.membership.findMany({
      where: { personId, revokedAt: null },
      select: { id: true, personId: true, unitId: true, role: true },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((r) => ({ ...r, role: r.role as Role }));
  },

  /** Accounts of everyone holding `role` on one of `unitIds` (e.g. the reporters to remind). */
  async listMemberAccounts(unitIds: readonly string[], role: Role): Promise<(ChannelAccount & { unitId: string })[]> {
    const rows = await inChunks(unitIds, (chunk) =>
      db.membership.findMany({
        where: { unitId: { in: chunk }, role, revokedAt: null },
        select: { unitId: true, person: { select: { accounts: { select: accountSelect } } } },
      }),
    );
    return rows.flatMap((m) => m.person.accounts.map((a) => ({ ...toAccount(a), unitId: m.unitId })));
  },

  async listUnitMembers(unitId: string): Promise<UnitMember[]> {
    const rows = await db.membership.findMany({
      where: { unitId, revokedAt: null },
      select: { id: true, role: true, createdAt: true, person: { select: { id: true, displayName: true, accounts: { select: { channel: true } } } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map((m) => ({
      membershipId: m.id,
      personId: m.person.id,
      displayName: m.person.displayName,
      role: m.role as Role,
      channels: [...new Set(m.person.accounts.map((a) => a.channel as ChannelKind))].sort(),
      since: m.createdAt,
    }));
  },

  async revokeUnitMember(unitId: string, personId: string, at: Date): Promise<number> {
    const res = await db.membership.updateMany({ where: { unitId, personId, revokedAt: null }, data: { revokedAt: at } });
    return res.count;
  },
});
