import { createHash, randomBytes } from 'node:crypto';
import { codeFromBytes, INVITE_CODE_LENGTH } from '../../../core/access/invite-rules.ts';

export const hashCode = (code: string): string => createHash('sha256').update(code).digest('hex');

export const newInviteCode = (): string => codeFromBytes(randomBytes(INVITE_CODE_LENGTH));

export const telegramDeepLink = (botUsername: string, code: string): string => `https://t.me/${botUsername}?start=${code}`;
