import { describe, expect, it } from 'vitest';
import { reply } from '../../../core/reply.ts';
import { page, parsePageChoice } from '../../../bot/app/coordination/paging.ts';
import { packChoice } from '../../../bot/channels/telegram/callback-data.ts';

const lines = Array.from({ length: 45 }, (_, i) => reply('coord:ranking.row', { unit: `Xã ${i + 1}` }));

describe('paging long lists', () => {
  it.each([
    [1, ['coord:page_next']],
    [2, ['coord:page_prev', 'coord:page_next']],
    [3, ['coord:page_prev']],
    [9, ['coord:page_prev']],
  ])('page %i offers %j as button shortcuts, and the typed command in the text', (n, keys) => {
    const out = page(lines, ['xã', 'page', String(n)], 'ranking');
    const last = out.at(-1)!;
    expect(last.key).toBe('coord:page');
    expect(last.choices?.map((c) => c.key)).toEqual(keys);
    expect(last.choices?.every((c) => c.buttonOnly)).toBe(true);
    expect(String(last.params?.['next'])).toMatch(/^\/ranking xã page \d$/);
  });

  it('a button stands for the same command and arguments on another page, within Telegram’s 64 bytes', () => {
    const next = page(lines, ['xã', 'Thạch', 'Hà'], 'ranking').at(-1)!.choices![0]!;
    expect(packChoice(next.value, 'ab12')).not.toBeNull();
    expect(parsePageChoice(next.value)).toEqual({ name: 'ranking', args: ['xã', 'Thạch', 'Hà', 'page', '2'] });
  });

  it.each(['page:ranking:2:%E0%A4%A', 'page:Ranking:2:', 'page:ranking:x:', 'ranking:2:', 'page:ranking:123456:'])('a forged value %s is no page', (value) => {
    expect(parsePageChoice(value)).toBeNull();
  });

  it('one page needs no buttons', () => {
    expect(page(lines.slice(0, 5), [], 'missing').some((r) => r.choices)).toBe(false);
  });
});
