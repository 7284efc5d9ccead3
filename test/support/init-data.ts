// Signs Mini App initData the way Telegram does, written out here from the specification with
// node:crypto directly (not through the product's helpers), for the API and browser tests.
import { createHmac } from 'node:crypto';

export const signInitData = (botToken: string, fields: Readonly<Record<string, string>>): string => {
  const dataCheck = Object.entries(fields)
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join('\n');
  const secret = createHmac('sha256', 'WebAppData').update(botToken).digest();
  const hash = createHmac('sha256', secret).update(dataCheck).digest('hex');
  return new URLSearchParams({ ...fields, hash }).toString();
};

/** initData for a Telegram user id, signed now (or at `at`). */
export const initDataFor = (botToken: string, userId: number, at: Date = new Date(), languageCode = 'vi'): string =>
  signInitData(botToken, {
    auth_date: String(Math.floor(at.getTime() / 1000)),
    query_id: 'AAHdF6IQAAAAAN0XohDhrOrc',
    user: JSON.stringify({ id: userId, first_name: 'Lan', language_code: languageCode }),
  });
