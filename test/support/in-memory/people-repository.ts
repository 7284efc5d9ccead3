// People, channel accounts and memberships in memory, mirroring
// bot/db/repositories/people-repository.ts (a membership is unique per person, unit and role;
// granting it again revives a revoked one).
import type { ChannelAccount, MemberAccount, PeopleRepository } from '../../../bot/app/ports.ts';
import { recordNotFound, type AccountRow, type InMemoryStore } from './store.ts';

const toAccount = (row: AccountRow): ChannelAccount => ({
  id: row.id,
  personId: row.personId,
  channel: row.channel,
  externalId: row.externalId,
  chatId: row.chatId,
  locale: row.locale,
  unreachable: row.unreachable,
  failedInviteAttempts: row.failedInviteAttempts,
  inviteLockedUntil: row.inviteLockedUntil,
});

export const createInMemoryPeopleRepository = (store: InMemoryStore): PeopleRepository => {
  const account = (id: string): AccountRow => {
    const row = store.accounts.find((a) => a.id === id);
    if (!row) throw recordNotFound(`channel account ${id}`);
    return row;
  };
  const personRow = (id: string) => store.people.find((p) => p.id === id) ?? null;
  return {
    async createPerson(input) {
      const row = { id: store.newId('person'), displayName: input.displayName, locale: input.locale };
      store.people.push(row);
      return { ...row };
    },

    async findPerson(id) {
      const row = personRow(id);
      return row ? { ...row } : null;
    },

    async setPersonLocale(personId, locale) {
      const row = personRow(personId);
      if (!row) throw recordNotFound(`person ${personId}`);
      row.locale = locale;
      for (const a of store.accounts) if (a.personId === personId) a.locale = locale;
    },

    async findAccount(channel, externalId) {
      const row = store.accounts.find((a) => a.channel === channel && a.externalId === externalId);
      return row ? toAccount(row) : null;
    },

    async findAccountById(id) {
      const row = store.accounts.find((a) => a.id === id);
      return row ? toAccount(row) : null;
    },

    async ensureAccount(input) {
      const existing = store.accounts.find((a) => a.channel === input.channel && a.externalId === input.externalId);
      if (existing) return toAccount(existing);
      const person = { id: store.newId('person'), displayName: input.displayName, locale: input.locale };
      store.people.push(person);
      const row: AccountRow = {
        id: store.newId('account'),
        personId: person.id,
        channel: input.channel,
        externalId: input.externalId,
        chatId: input.chatId,
        displayName: input.displayName,
        locale: input.locale,
        unreachable: false,
        unreachableAt: null,
        failedInviteAttempts: 0,
        inviteLockedUntil: null,
        lastSeenAt: input.now,
      };
      store.accounts.push(row);
      return toAccount(row);
    },

    async listAccountsOfPerson(personId) {
      return store.accounts.filter((a) => a.personId === personId).map(toAccount);
    },

    async moveAccount(accountId, personId) {
      account(accountId).personId = personId;
    },

    async markUnreachable(accountId, at) {
      Object.assign(account(accountId), { unreachable: true, unreachableAt: at });
    },

    async markReachable(accountId, at) {
      Object.assign(account(accountId), { unreachable: false, unreachableAt: null, lastSeenAt: at });
    },

    async recordInviteFailure(accountId, lockUntil) {
      const row = account(accountId);
      row.failedInviteAttempts += 1;
      if (lockUntil) row.inviteLockedUntil = lockUntil;
      return row.failedInviteAttempts;
    },

    async resetInviteFailures(accountId) {
      Object.assign(account(accountId), { failedInviteAttempts: 0, inviteLockedUntil: null });
    },

    async grantMembership(input) {
      const existing = store.memberships.find((m) => m.personId === input.personId && m.unitId === input.unitId && m.role === input.role);
      if (existing) {
        existing.revokedAt = null;
        return { id: existing.id, personId: existing.personId, unitId: existing.unitId, role: existing.role };
      }
      if (!personRow(input.personId) || !store.units.some((u) => u.id === input.unitId)) throw new Error('membership: person or unit missing (foreign key)');
      const row = { id: store.newId('membership'), ...input, revokedAt: null };
      store.memberships.push(row);
      return { id: row.id, personId: row.personId, unitId: row.unitId, role: row.role };
    },

    async revokeMembership(id, at) {
      const row = store.memberships.find((m) => m.id === id);
      if (!row) throw recordNotFound(`membership ${id}`);
      row.revokedAt = at;
    },

    async listMemberships(personId) {
      return store.memberships
        .filter((m) => m.personId === personId && m.revokedAt === null)
        .map((m) => ({ id: m.id, personId: m.personId, unitId: m.unitId, role: m.role }));
    },

    async listMemberAccounts(unitIds, role) {
      const out: MemberAccount[] = [];
      for (const m of store.memberships) {
        if (!unitIds.includes(m.unitId) || m.role !== role || m.revokedAt !== null) continue;
        for (const a of store.accounts) if (a.personId === m.personId) out.push({ ...toAccount(a), unitId: m.unitId });
      }
      return out;
    },

    async listUnitMembers(unitId) {
      return store.memberships
        .filter((m) => m.unitId === unitId && m.revokedAt === null)
        .flatMap((m) => {
          const person = store.people.find((p) => p.id === m.personId);
          if (!person) return [];
          const channels = [...new Set(store.accounts.filter((a) => a.personId === m.personId).map((a) => a.channel))].sort();
          return [{ membershipId: m.id, personId: m.personId, displayName: person.displayName, role: m.role, channels, since: m.createdAt ?? new Date(0) }];
        });
    },

    async revokeUnitMember(unitId, personId, at) {
      const rows = store.memberships.filter((m) => m.unitId === unitId && m.personId === personId && m.revokedAt === null);
      for (const m of rows) m.revokedAt = at;
      return rows.length;
    },
  };
};
