// Invites store only the sha256 of the code. Consuming one is a single conditional update,
// so two people racing for the last use of a code cannot both get it.
import type { Db } from '../database.ts';
import type { Role } from './people-repository.ts';

export type Invite = {
  readonly id: string;
  readonly role: Role;
  readonly unitId: string;
  readonly expiresAt: Date;
  readonly maxUses: number;
  readonly uses: number;
  readonly revokedAt: Date | null;
};

const select = { id: true, role: true, unitId: true, expiresAt: true, maxUses: true, uses: true, revokedAt: true } as const;

export const createInviteRepository = (db: Db) => ({
  async create(input: {
    codeHash: string;
    role: Role;
    unitId: string;
    expiresAt: Date;
    maxUses: number;
    createdById: string | null;
    now: Date;
  }): Promise<Invite> {
    const { now, ...data } = input;
    const row = await db.invite.create({ data: { ...data, createdAt: now }, select });
    return { ...row, role: row.role as Role };
  },

  async findByHash(codeHash: string): Promise<Invite | null> {
    const row = await db.invite.findUnique({ where: { codeHash }, select });
    return row ? { ...row, role: row.role as Role } : null;
  },

  async consume(id: string, now: Date): Promise<boolean> {
    const invite = await db.invite.findUnique({ where: { id }, select: { maxUses: true } });
    if (!invite) return false;
    const res = await db.invite.updateMany({
      where: { id, revokedAt: null, expiresAt: { gt: now }, uses: { lt: invite.maxUses } },
      data: { uses: { increment: 1 } },
    });
    return res.count === 1;
  },

  async revoke(id: string, now: Date): Promise<void> {
    await db.invite.update({ where: { id }, data: { revokedAt: now } });
  },
});

export type InviteRepository = ReturnType<typeof createInviteRepository>;
