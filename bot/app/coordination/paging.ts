// Long lists are sent a page at a time (a phone screen, well under Telegram's 4096 characters);
// `page N` or the "next page" button continues.
import { reply, type Choice, type Reply } from '../../../core/reply.ts';

export const PAGE_SIZE = 20;

export const pageNumber = (args: readonly string[]): number => {
  const i = args.indexOf('page');
  const n = Number(i >= 0 ? args[i + 1] : NaN);
  return Number.isInteger(n) && n > 0 ? n : 1;
};

/**
 * Buttons that show another page in place of this one: `page:<command>:<n>:<args>`, the
 * arguments URI-encoded (callback data is printable ASCII without spaces; "xã" is not).
 */
export const PAGE_CHOICE_PREFIX = 'page:';

const pageChoiceValue = (command: string, n: number, rest: string): string => `${PAGE_CHOICE_PREFIX}${command}:${n}:${encodeURIComponent(rest)}`;

/** The command and arguments a page button stands for; null when the value is not one (or forged). */
export const parsePageChoice = (value: string): { readonly name: string; readonly args: string[] } | null => {
  const m = /^page:([a-z_]+):(\d{1,5}):(.*)$/.exec(value);
  if (!m) return null;
  try {
    const rest = decodeURIComponent(m[3]!).split(/\s+/).filter(Boolean);
    return { name: m[1]!, args: [...rest, 'page', m[2]!] };
  } catch {
    return null;
  }
};

export const page = (lines: readonly Reply[], args: readonly string[], command: string): Reply[] => {
  const pages = Math.max(1, Math.ceil(lines.length / PAGE_SIZE));
  const n = Math.min(pageNumber(args), pages);
  const shown = lines.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE);
  if (pages === 1) return shown;
  const rest = args.filter((a, i) => a !== 'page' && args[i - 1] !== 'page').join(' ');
  const at = (k: number) => `${command} ${rest} page ${k}`.replace(/\s+/g, ' ');
  const choices: Choice[] = [
    ...(n > 1 ? [{ value: pageChoiceValue(command, n - 1, rest), key: 'coord:page_prev', params: { page: n - 1 }, buttonOnly: true as const }] : []),
    ...(n < pages ? [{ value: pageChoiceValue(command, n + 1, rest), key: 'coord:page_next', params: { page: n + 1 }, buttonOnly: true as const }] : []),
  ];
  return [...shown, reply('coord:page', { page: n, pages, next: `/${at(Math.min(n + 1, pages))}` }, choices)];
};
