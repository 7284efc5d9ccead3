import { describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../bot/platform/public-address.ts';

describe('isPublicAddress', () => {
  it.each(['1.1.1.1', '8.8.8.8', '203.162.4.190', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('%s is public', (a) => {
    expect(isPublicAddress(a)).toBe(true);
  });
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '224.0.0.1',
    'localhost',
    '',
  ])('%s is not', (a) => {
    expect(isPublicAddress(a)).toBe(false);
  });
});
