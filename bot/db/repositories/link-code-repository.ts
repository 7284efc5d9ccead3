// One-time codes that attach a second chat account (e.g. Zalo) to an existing person.
import type { Db } from '../database.ts';
import type { LinkCodeRepository } from '../../app/ports.ts';

export const createLinkCodeRepository = (db: Db): LinkCodeRepository => ({
  async create(input: { codeHash: string; personId: string; expiresAt: Date; now: Date }): Promise<void> {
    const { now, ...data } = input;
    await db.linkCode.create({ data: { ...data, createdAt: now } });
  },

  /** Marks the code used and returns its person, or null when unknown, used or expired. */
  async consume(codeHash: string, now: Date): Promise<string | null> {
    const row = await db.linkCode.findUnique({ where: { codeHash }, select: { id: true, personId: true } });
    if (!row) return null;
    const used = await db.linkCode.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    return used.count === 1 ? row.personId : null;
  },

  /** Moves an account (and the memberships of its old person) to `toPersonId`. */
  async mergeAccountInto(accountId: string, fromPersonId: string, toPersonId: string): Promise<void> {
    if (fromPersonId === toPersonId) return;
    await db.$transaction(async (tx) => {
      await tx.channelAccount.update({ where: { id: accountId }, data: { personId: toPersonId } });
      const memberships = await tx.membership.findMany({ where: { personId: fromPersonId, revokedAt: null }, select: { id: true, unitId: true, role: true } });
      for (const m of memberships) {
        await tx.membership.upsert({
          where: { personId_unitId_role: { personId: toPersonId, unitId: m.unitId, role: m.role } },
          create: { personId: toPersonId, unitId: m.unitId, role: m.role },
          update: { revokedAt: null },
        });
        await tx.membership.delete({ where: { id: m.id } });
      }
    });
  },
});
