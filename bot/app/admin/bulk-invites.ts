// Invites for a whole level at once (a province of 200+ communes): one code per unit, created
// in one pass, returned with the deep link so the admin can mail-merge them. Excluded units are
// not assessed, so they get none.
import type { UnitLevel } from '../../../core/units/unit.ts';
import type { Repositories, Role } from '../ports.ts';
import { createInvite } from './create-invite.ts';
import { telegramDeepLink } from './invite-codes.ts';

export type BulkInviteInput = {
  readonly level: UnitLevel;
  /** Only the units under this district (by code). */
  readonly districtCode?: string;
  readonly role: Extract<Role, 'reporter' | 'coordinator'>;
  readonly uses: number;
  readonly days: number;
  readonly botUsername: string;
  readonly now: Date;
};

export type BulkInviteRow = { readonly unitCode: string; readonly unitName: string; readonly link: string; readonly code: string };

export type BulkInviteResult =
  | { readonly ok: true; readonly rows: readonly BulkInviteRow[]; readonly skippedExcluded: number; readonly expiresAt: Date }
  | { readonly ok: false; readonly error: 'unknown_district' | 'no_units' };

export const createBulkInvites = async (repos: Pick<Repositories, 'units' | 'invites'>, input: BulkInviteInput): Promise<BulkInviteResult> => {
  let parentId: string | undefined;
  if (input.districtCode !== undefined) {
    const district = await repos.units.findByCode(input.districtCode);
    if (!district) return { ok: false, error: 'unknown_district' };
    parentId = district.id;
  }
  const units = await repos.units.list({ level: input.level, ...(parentId ? { parentId } : {}) });
  const included = units.filter((u) => !u.excluded);
  if (included.length === 0) return { ok: false, error: 'no_units' };
  const rows: BulkInviteRow[] = [];
  let expiresAt = input.now;
  for (const unit of included) {
    const made = await createInvite(repos.invites, {
      unitId: unit.id,
      role: input.role,
      uses: input.uses,
      days: input.days,
      createdById: null,
      now: input.now,
    });
    expiresAt = made.expiresAt;
    rows.push({ unitCode: unit.code, unitName: unit.name, link: telegramDeepLink(input.botUsername, made.code), code: made.code });
  }
  return { ok: true, rows, skippedExcluded: units.length - included.length, expiresAt };
};
