// Turns reply descriptors into text for one channel. Catalogue strings may use <b>/<i>/<code>;
// parameters are escaped for HTML (they carry what officers typed), and plain channels
// (Zalo, console) get the tags stripped and entities decoded.
import { KEY_PARAM_MARK, type Reply, type Choice } from '../../core/reply.ts';
import type { Locale, Translator } from '../i18n.ts';

export type RenderedChoice = { readonly label: string; readonly value: string };
export type RenderedMessage = { readonly text: string; readonly choices: readonly RenderedChoice[] };
export type TextStyle = 'html' | 'plain';

export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const decodeEntities = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

export const stripTags = (s: string): string => decodeEntities(s.replace(/<\/?(b|i|u|s|code|pre)>/g, ''));

const escapeParams = (tr: Translator, locale: Locale, params: Reply['params']): Record<string, string | number> => {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (typeof v !== 'string') out[k] = v;
    else out[k] = v.startsWith(KEY_PARAM_MARK) ? tr.t(locale, v.slice(KEY_PARAM_MARK.length)) : escapeHtml(v);
  }
  return out;
};

const translate = (tr: Translator, locale: Locale, key: string, params: Reply['params'], style: TextStyle): string => {
  const html = tr.t(locale, key, escapeParams(tr, locale, params));
  return style === 'html' ? html : stripTags(html);
};

export const renderChoice = (tr: Translator, locale: Locale, choice: Choice): RenderedChoice => ({
  label: stripTags(tr.t(locale, choice.key, choice.params as Record<string, unknown> | undefined)),
  value: choice.value,
});

/** Joins the replies of one turn into one message; the last reply's choices are offered. */
export const renderReplies = (tr: Translator, locale: Locale, replies: readonly Reply[], style: TextStyle): RenderedMessage => {
  const text = replies
    .map((r) => translate(tr, locale, r.key, r.params, style))
    .filter((t) => t.trim() !== '')
    .join('\n\n');
  const withChoices = [...replies].reverse().find((r) => r.choices && r.choices.length > 0);
  return { text, choices: (withChoices?.choices ?? []).map((c) => renderChoice(tr, locale, c)) };
};

/** Plain channels list choices as numbered lines the officer types. */
export const numberedChoices = (choices: readonly RenderedChoice[]): string => choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n');

/**
 * Splits text into chunks of at most `limit` UTF-16 units, preferring paragraph, then line,
 * then word boundaries, never cutting a surrogate pair or (for HTML) inside a tag or entity.
 */
export const splitMessage = (text: string, limit: number): string[] => {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = -1;
    for (const sep of ['\n\n', '\n', ' ']) {
      const at = rest.lastIndexOf(sep, limit);
      if (at > limit / 2) {
        cut = at;
        break;
      }
    }
    if (cut <= 0) {
      cut = limit;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
      const open = rest.lastIndexOf('<', cut);
      if (open > rest.lastIndexOf('>', cut - 1) && open > 0) cut = open;
      const amp = rest.lastIndexOf('&', cut);
      if (amp > rest.lastIndexOf(';', cut - 1) && amp > cut - 8 && amp > 0) cut = amp;
    }
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
};
