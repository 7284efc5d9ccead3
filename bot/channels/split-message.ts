// The one message splitter of every channel: chunks of at most `limit` UTF-16 units (what
// Telegram's 4096 and Zalo's 2000 count), cut at a paragraph, then a line, then a word, never
// inside a surrogate pair. In HTML mode it never cuts inside a tag or an entity, and formatting
// that is open at a cut (<b>, <i>, <a …>) is closed at the end of the chunk and re-opened at the
// start of the next, so every chunk is valid HTML on its own.
export type SplitMode = 'html' | 'plain';

const SEPARATORS = ['\n\n', '\n', ' '] as const;
const TAG = /<(\/?)([a-z]+)(?:\s[^<>]*)?>/gi;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** True when cutting before index `at` would split a tag or an entity. */
const insideMarkup = (text: string, at: number): boolean => {
  const lt = text.lastIndexOf('<', at - 1);
  if (lt >= 0 && lt > text.lastIndexOf('>', at - 1)) return true;
  const amp = text.lastIndexOf('&', at - 1);
  return amp >= 0 && amp > text.lastIndexOf(';', at - 1) && at - amp <= 10 && /^&#?[a-z0-9]*$/i.test(text.slice(amp, at));
};

type Cut = { readonly at: number; readonly skip: number };

/** The last good cut at or before `budget` (a separator in the second half, else a hard cut). */
const cutPoint = (text: string, budget: number, mode: SplitMode): Cut => {
  for (const sep of SEPARATORS) {
    let at = text.lastIndexOf(sep, budget);
    while (at > budget / 2 && mode === 'html' && insideMarkup(text, at)) at = text.lastIndexOf(sep, at - 1);
    if (at > budget / 2) return { at, skip: sep.length };
  }
  let cut = budget;
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  if (mode === 'html') {
    const lt = text.lastIndexOf('<', cut - 1);
    if (lt > 0 && lt > text.lastIndexOf('>', cut - 1)) cut = lt;
    const amp = text.lastIndexOf('&', cut - 1);
    if (amp > 0 && insideMarkup(text, cut)) cut = amp;
  }
  return { at: Math.max(1, cut), skip: 0 };
};

/** Opening tags still open at the end of `html`, outermost first. */
const openTags = (html: string): { name: string; open: string }[] => {
  const stack: { name: string; open: string }[] = [];
  for (const m of html.matchAll(TAG)) {
    const name = (m[2] ?? '').toLowerCase();
    if (m[1] === '/') {
      const i = stack.map((t) => t.name).lastIndexOf(name);
      if (i >= 0) stack.splice(i, 1);
    } else stack.push({ name, open: m[0] });
  }
  return stack;
};

const closing = (tags: readonly { name: string }[]): string =>
  [...tags]
    .reverse()
    .map((t) => `</${t.name}>`)
    .join('');

export const splitMessage = (text: string, limit: number, mode: SplitMode): string[] => {
  if (limit < 2) throw new RangeError('limit must be at least 2');
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let budget = limit;
    let cut = cutPoint(rest, budget, mode);
    let tags = mode === 'html' ? openTags(rest.slice(0, cut.at)) : [];
    // Room for the closing tags: cut earlier until chunk + closing tags fit.
    for (let tries = 0; mode === 'html' && cut.at + closing(tags).length > limit && tries < 8; tries += 1) {
      budget = Math.max(2, budget - closing(tags).length);
      cut = cutPoint(rest, budget, mode);
      tags = openTags(rest.slice(0, cut.at));
    }
    const head = rest.slice(0, cut.at);
    if (head.trim() !== '') chunks.push(head + closing(tags));
    const tail = rest.slice(cut.at + cut.skip);
    const reopened = tags.map((t) => t.open).join('');
    // A prefix that alone fills the limit would loop forever: drop the formatting then.
    rest = reopened.length + 1 < limit ? reopened + tail : tail;
    if (rest === reopened) rest = '';
  }
  if (rest.trim() !== '' || chunks.length === 0) chunks.push(rest);
  return chunks;
};
