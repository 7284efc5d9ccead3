import { describe, expect, it } from 'vitest';
import { packChoice, unpackChoice } from '../../../bot/channels/telegram/callback-data.ts';

describe('callback data', () => {
  it.each([
    ['c:none', undefined, 'c:c:none'],
    ['c:none', 'a1z9', 's:a1z9:c:none'],
    ['edit:X-1.1', 'zz', 's:zz:edit:X-1.1'],
  ])('packs %s with stamp %s', (value, stamp, data) => {
    expect(packChoice(value, stamp)).toBe(data);
    expect(unpackChoice(data)).toEqual({ value, ...(stamp !== undefined ? { stamp } : {}) });
  });

  it('never exceeds Telegram’s 64 bytes: a value too long with its stamp is not packed', () => {
    expect(packChoice('x'.repeat(62))).toHaveLength(64);
    expect(packChoice('x'.repeat(62), 'abcd')).toBeNull();
  });

  it.each(['', 'x', 'c:', 's:', 's::v', 's:AB:v', 's:abcdefg:v', 's:ab:', 'c:có', 's:ab:v w'])('refuses forged data %j', (data) => {
    expect(unpackChoice(data)).toBeNull();
  });
});
