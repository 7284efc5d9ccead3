import { describe, expect, it } from 'vitest';
import { escapeHtml, stripTags } from '../../bot/channels/render.ts';

describe('escaping', () => {
  it('escapes what officers type and strips tags for plain channels', () => {
    expect(escapeHtml('<script>&')).toBe('&lt;script&gt;&amp;');
    expect(stripTags('<b>X-1.1</b> &lt;b&gt; &amp;')).toBe('X-1.1 <b> &');
  });
});

describe('plain rendering (console, Zalo)', () => {
  it('leaves out button-only shortcuts (◀ ▶): the text names the command to type', async () => {
    const { renderPlain } = await import('../../bot/channels/render-plain.ts');
    const { createTranslator } = await import('../../bot/platform/i18n.ts');
    const { page } = await import('../../bot/app/coordination/paging.ts');
    const { reply } = await import('../../core/reply.ts');
    const lines = Array.from({ length: 30 }, (_, i) => reply('coord:page', { page: i, pages: 30, next: '-' }));
    const text = renderPlain(createTranslator('vi'), { locale: 'vi', replies: page(lines, ['xã'], 'ranking'), exclusiveChoices: true });
    expect(text).toContain('/ranking xã page 2');
    expect(text).not.toContain('▶');
    expect(text).not.toMatch(/^1\. /m);
  });
});
