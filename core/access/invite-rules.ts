// Pure rules for one-time invite codes. The code itself is drawn by the shell (randomness),
// normalised here so that what officers type on a phone ("abcd-efgh 23") still matches.
export const INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud over the phone
export const INVITE_CODE_LENGTH = 10;
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

export const codeFromBytes = (bytes: Uint8Array): string =>
  Array.from(bytes.slice(0, INVITE_CODE_LENGTH), (b) => INVITE_ALPHABET[b % INVITE_ALPHABET.length]).join('');

export const normaliseInviteCode = (typed: string): string | null => {
  const code = typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s_-]/g, '');
  return /^[A-Z0-9]{6,32}$/.test(code) ? code : null;
};

export type InviteState = { readonly expiresAt: Date; readonly maxUses: number; readonly uses: number; readonly revokedAt: Date | null };
export type InviteProblem = 'invite.unknown' | 'invite.expired' | 'invite.revoked' | 'invite.used_up';

export const inviteProblem = (invite: InviteState | null, now: Date): InviteProblem | null => {
  if (!invite) return 'invite.unknown';
  if (invite.revokedAt) return 'invite.revoked';
  if (invite.expiresAt.getTime() <= now.getTime()) return 'invite.expired';
  if (invite.uses >= invite.maxUses) return 'invite.used_up';
  return null;
};

/** After MAX_FAILED_ATTEMPTS wrong codes the account waits LOCK_MINUTES before trying again. */
export const lockAfterFailure = (failedAttempts: number, now: Date): Date | null =>
  failedAttempts >= MAX_FAILED_ATTEMPTS ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;

export const isLocked = (lockedUntil: Date | null, now: Date): boolean => lockedUntil !== null && lockedUntil.getTime() > now.getTime();
