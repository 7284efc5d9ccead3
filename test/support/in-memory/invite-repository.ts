// Invites in memory, mirroring bot/db/repositories/invite-repository.ts: only the code's hash is
// kept, and a use is consumed only while the invite is live (not revoked, not expired, uses left).
import type { Invite, InviteRepository } from '../../../bot/app/ports.ts';
import { recordNotFound, uniqueViolation, type InMemoryStore, type InviteRow } from './store.ts';

const toInvite = (row: InviteRow): Invite => ({
  id: row.id,
  role: row.role,
  unitId: row.unitId,
  expiresAt: row.expiresAt,
  maxUses: row.maxUses,
  uses: row.uses,
  revokedAt: row.revokedAt,
});

export const createInMemoryInviteRepository = (store: InMemoryStore): InviteRepository => ({
  async create(input) {
    if (store.invites.some((i) => i.codeHash === input.codeHash)) throw uniqueViolation('invite codeHash');
    const { now, ...data } = input;
    const row: InviteRow = { id: store.newId('invite'), ...data, uses: 0, revokedAt: null, createdAt: now };
    store.invites.push(row);
    return toInvite(row);
  },

  async findByHash(codeHash) {
    const row = store.invites.find((i) => i.codeHash === codeHash);
    return row ? toInvite(row) : null;
  },

  async consume(id, now) {
    const row = store.invites.find((i) => i.id === id);
    if (!row || row.revokedAt !== null || row.expiresAt <= now || row.uses >= row.maxUses) return false;
    row.uses += 1;
    return true;
  },

  async revoke(id, now) {
    const row = store.invites.find((i) => i.id === id);
    if (!row) throw recordNotFound(`invite ${id}`);
    row.revokedAt = now;
  },
});
