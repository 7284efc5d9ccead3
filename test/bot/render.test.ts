import { describe, expect, it } from 'vitest';
import { escapeHtml, stripTags } from '../../bot/channels/render.ts';

describe('escaping', () => {
  it('escapes what officers type and strips tags for plain channels', () => {
    expect(escapeHtml('<script>&')).toBe('&lt;script&gt;&amp;');
    expect(stripTags('<b>X-1.1</b> &lt;b&gt; &amp;')).toBe('X-1.1 <b> &');
  });
});
