// Link codes in memory, mirroring bot/db/repositories/link-code-repository.ts: a code is used
// once before it expires; merging moves an account and its old person's live memberships.
import type { LinkCodeRepository } from '../../../bot/app/ports.ts';
import { recordNotFound, uniqueViolation, type InMemoryStore } from './store.ts';

export const createInMemoryLinkCodeRepository = (store: InMemoryStore): LinkCodeRepository => ({
  async create(input) {
    if (store.linkCodes.some((c) => c.codeHash === input.codeHash)) throw uniqueViolation('link code codeHash');
    const { now, ...data } = input;
    store.linkCodes.push({ id: store.newId('link'), ...data, usedAt: null, createdAt: now });
  },

  async consume(codeHash, now) {
    const row = store.linkCodes.find((c) => c.codeHash === codeHash);
    if (!row || row.usedAt !== null || row.expiresAt <= now) return null;
    row.usedAt = now;
    return row.personId;
  },

  async mergeAccountInto(accountId, fromPersonId, toPersonId) {
    if (fromPersonId === toPersonId) return;
    const account = store.accounts.find((a) => a.id === accountId);
    if (!account) throw recordNotFound(`channel account ${accountId}`);
    account.personId = toPersonId;
    for (const m of store.memberships.filter((x) => x.personId === fromPersonId && x.revokedAt === null)) {
      const target = store.memberships.find((x) => x.personId === toPersonId && x.unitId === m.unitId && x.role === m.role);
      if (target) target.revokedAt = null;
      else store.memberships.push({ id: store.newId('membership'), personId: toPersonId, unitId: m.unitId, role: m.role, revokedAt: null });
      store.memberships.splice(store.memberships.indexOf(m), 1);
    }
  },
});
