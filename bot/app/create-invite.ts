import type { InviteRepository } from '../db/repositories/invite-repository.ts';
import type { Role } from '../db/repositories/people-repository.ts';
import { hashCode, newInviteCode } from './invite-codes.ts';

export type CreateInviteInput = {
  readonly unitId: string;
  readonly role: Role;
  readonly uses: number;
  readonly days: number;
  readonly createdById: string | null;
  readonly now: Date;
};

export const createInvite = async (invites: InviteRepository, input: CreateInviteInput): Promise<{ code: string; expiresAt: Date }> => {
  const code = newInviteCode();
  const expiresAt = new Date(input.now.getTime() + input.days * 86_400_000);
  await invites.create({
    codeHash: hashCode(code),
    role: input.role,
    unitId: input.unitId,
    expiresAt,
    maxUses: input.uses,
    createdById: input.createdById,
    now: input.now,
  });
  return { code, expiresAt };
};
