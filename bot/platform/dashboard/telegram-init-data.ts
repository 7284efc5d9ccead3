// Telegram Mini App initData, checked exactly as Telegram specifies
// (https://core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app):
// secret = HMAC_SHA256(key = "WebAppData", message = bot token); the data-check-string is every
// received field except `hash`, as `key=value`, sorted by key, joined by "\n"; the field `hash`
// must be the hex HMAC_SHA256(secret, data-check-string). `auth_date` (seconds) bounds the age,
// so a copied initData stops working. Pure: token, initData and now come from the caller.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Result } from '../../../core/result.ts';
import { err, ok } from '../../../core/result.ts';

export type InitDataError = 'malformed' | 'tampered' | 'expired';

export type TelegramWebAppUser = { readonly id: number; readonly firstName: string; readonly languageCode?: string };
export type VerifiedInitData = { readonly user: TelegramWebAppUser; readonly authDate: Date };

const userSchema = z.object({ id: z.number().int().positive(), first_name: z.string().default(''), language_code: z.string().optional() });

/** The data-check-string of Telegram's specification (exported for the tests' own signer). */
export const dataCheckString = (params: URLSearchParams): string =>
  [...params.entries()]
    .filter(([k]) => k !== 'hash')
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join('\n');

export const webAppSecret = (botToken: string): Buffer => createHmac('sha256', 'WebAppData').update(botToken).digest();

// A clock skew of a minute into the future is tolerated (the phone's clock is not ours).
const FUTURE_SKEW_SECONDS = 60;

export const verifyInitData = (botToken: string, initData: string, now: Date, maxAgeSeconds: number): Result<VerifiedInitData, InitDataError> => {
  if (initData.length === 0 || initData.length > 8192) return err('malformed');
  const params = new URLSearchParams(initData);
  const given = params.get('hash');
  if (!given || !/^[0-9a-f]{64}$/i.test(given) || params.getAll('hash').length !== 1) return err('malformed');
  const expected = createHmac('sha256', webAppSecret(botToken)).update(dataCheckString(params)).digest();
  const actual = Buffer.from(given, 'hex');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return err('tampered');
  // Only now, with the signature good, is the content worth reading.
  const authDate = Number(params.get('auth_date'));
  if (!Number.isInteger(authDate) || authDate <= 0) return err('malformed');
  const ageSeconds = now.getTime() / 1000 - authDate;
  if (ageSeconds > maxAgeSeconds || ageSeconds < -FUTURE_SKEW_SECONDS) return err('expired');
  let user: z.infer<typeof userSchema>;
  try {
    const parsed = userSchema.safeParse(JSON.parse(params.get('user') ?? ''));
    if (!parsed.success) return err('malformed');
    user = parsed.data;
  } catch {
    return err('malformed');
  }
  return ok({
    user: { id: user.id, firstName: user.first_name, ...(user.language_code ? { languageCode: user.language_code } : {}) },
    authDate: new Date(authDate * 1000),
  });
};
