// Turns reply descriptors into text for one channel. Catalogue strings may use <b>/<i>/<code>;
// text parameters are always escaped for HTML (they carry what officers typed), numbers are
// written the recipient's way (vi: 865,02 and 1.000; en: 865.02 and 1,000), message-key
// parameters are translated with the same parameters, and plain channels (Zalo, console) get
// the tags stripped and entities decoded.
import { formatNumber } from '../../core/criteria/format-number.ts';
import { isKeyRef, type Choice, type Reply, type ReplyParams } from '../../core/reply.ts';
import type { Locale, Translator } from '../platform/i18n.ts';

export type RenderedChoice = { readonly label: string; readonly value: string; readonly buttonOnly?: true };
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

/** A number as people of `locale` write it, at most 2 decimals. */
export const formatLocaleNumber = (locale: Locale, n: number): string => {
  const vi = formatNumber(n);
  return locale === 'vi' ? vi : vi.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
};

const prepare = (tr: Translator, locale: Locale, params: ReplyParams | undefined): Record<string, string> => {
  const flat: Record<string, string> = {};
  const refs: [string, string][] = [];
  for (const [k, v] of Object.entries(params ?? {})) {
    if (typeof v === 'number') flat[k] = formatLocaleNumber(locale, v);
    else if (typeof v === 'string') flat[k] = escapeHtml(v);
    else if (isKeyRef(v)) refs.push([k, v.key]);
  }
  // A nested message sees the same (already escaped and formatted) parameters, one level deep.
  for (const [k, key] of refs) flat[k] = tr.t(locale, key, flat);
  return flat;
};

const translate = (tr: Translator, locale: Locale, r: Pick<Reply, 'key' | 'params'>, style: TextStyle): string => {
  const html = tr.t(locale, r.key, prepare(tr, locale, r.params));
  return style === 'html' ? html : stripTags(html);
};

export const renderText = (tr: Translator, locale: Locale, r: Pick<Reply, 'key' | 'params'>, style: TextStyle): string => translate(tr, locale, r, style);

export const renderChoice = (tr: Translator, locale: Locale, choice: Choice): RenderedChoice => ({
  label: translate(tr, locale, choice, 'plain'),
  value: choice.value,
  ...(choice.buttonOnly ? { buttonOnly: true } : {}),
});

/** Joins the replies of one turn into one message; the last reply's choices are offered. */
export const renderReplies = (tr: Translator, locale: Locale, replies: readonly Reply[], style: TextStyle): RenderedMessage => {
  let text = '';
  for (const r of replies) {
    const t = translate(tr, locale, r, style);
    if (t.trim() === '') continue;
    text += text === '' ? t : `${r.row ? '\n' : '\n\n'}${t}`;
  }
  const withChoices = [...replies].reverse().find((r) => r.choices && r.choices.length > 0);
  return { text, choices: (withChoices?.choices ?? []).map((c) => renderChoice(tr, locale, c)) };
};
