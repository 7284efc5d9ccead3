import { describe, expect, it } from 'vitest';
import { verifyInitData } from '../../../bot/platform/dashboard/telegram-init-data.ts';
import { signInitData } from '../../support/init-data.ts';

const token = '123456:ABC-dashboard-vector';
const authDate = 1_764_640_000;
const user = '{"id":279058397,"first_name":"Lan","language_code":"vi"}';
// Computed independently with Python's hmac/hashlib from Telegram's specification:
// secret = HMAC_SHA256(b"WebAppData", token); hash = HMAC_SHA256(secret, sorted "k=v" lines).hexdigest()
const vectorHash = '218d10cd82ff8db10d26a826657edb825148a6cecadbd4a4645e437d748906ac';
const vector = `auth_date=${authDate}&query_id=AAHdF6IQAAAAAN0XohDhrOrc&user=${encodeURIComponent(user)}&hash=${vectorHash}`;
const at = (secondsAfter: number) => new Date((authDate + secondsAfter) * 1000);
const maxAge = 3600;

describe('Telegram Mini App initData', () => {
  it('accepts the known vector and returns the user', () => {
    expect(verifyInitData(token, vector, at(10), maxAge)).toEqual({
      ok: true,
      value: { user: { id: 279058397, firstName: 'Lan', languageCode: 'vi' }, authDate: new Date(authDate * 1000) },
    });
  });

  it('the test signer agrees with the vector (field order does not matter)', () => {
    const signed = signInitData(token, { user, query_id: 'AAHdF6IQAAAAAN0XohDhrOrc', auth_date: String(authDate) });
    expect(new URLSearchParams(signed).get('hash')).toBe(vectorHash);
  });

  const cases: [string, string, Date, string][] = [
    ['another bot token', `${token}x`, at(10), 'tampered'],
    ['a changed user', token, at(10), 'tampered'],
    ['a changed auth_date', token, at(10), 'tampered'],
    ['a hash in capitals of another value', token, at(10), 'tampered'],
    ['older than the maximum age', token, at(maxAge + 1), 'expired'],
    ['from the future beyond the skew', token, at(-120), 'expired'],
    ['no hash', token, at(10), 'malformed'],
    ['empty', token, at(10), 'malformed'],
    ['two hashes', token, at(10), 'malformed'],
  ];
  const inputs: Record<string, string> = {
    'another bot token': vector,
    'a changed user': vector.replace('Lan', 'Hoa'),
    'a changed auth_date': vector.replace(String(authDate), String(authDate + 1)),
    'a hash in capitals of another value': vector.replace(vectorHash, 'A'.repeat(64)),
    'older than the maximum age': vector,
    'from the future beyond the skew': vector,
    'no hash': vector.replace(`&hash=${vectorHash}`, ''),
    empty: '',
    'two hashes': `${vector}&hash=${vectorHash}`,
  };
  it.each(cases)('refuses %s', (name, tok, now, error) => {
    expect(verifyInitData(tok, inputs[name]!, now, maxAge)).toEqual({ ok: false, error });
  });

  it('accepts exactly at the maximum age', () => {
    expect(verifyInitData(token, vector, at(maxAge), maxAge).ok).toBe(true);
  });

  it('a validly signed initData without a usable user is malformed', () => {
    const noUser = signInitData(token, { auth_date: String(authDate), user: '{"first_name":"x"}' });
    expect(verifyInitData(token, noUser, at(1), maxAge)).toEqual({ ok: false, error: 'malformed' });
  });
});
