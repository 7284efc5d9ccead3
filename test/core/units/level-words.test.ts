import { describe, expect, it } from 'vitest';
import { parseLevelWord, parseRoleWord } from '../../../core/units/level-words.ts';

describe('level and role words', () => {
  it.each([
    ['xã', 'commune'],
    ['Xa', 'commune'],
    ['cấp xã', 'commune'],
    ['commune', 'commune'],
    ['huyện', 'district'],
    ['Cấp Huyện', 'district'],
    ['sở', 'department'],
    ['department', 'department'],
    ['tỉnh', null],
    ['X-THACHDAI', null],
  ])('%s → %s', (word, level) => {
    expect(parseLevelWord(word)).toBe(level);
  });

  it.each([
    ['cán bộ', 'reporter'],
    ['can bo', 'reporter'],
    ['reporter', 'reporter'],
    ['đầu mối', 'coordinator'],
    ['coordinator', 'coordinator'],
    ['quản trị', null],
  ])('%s → %s', (word, role) => {
    expect(parseRoleWord(word)).toBe(role);
  });
});
