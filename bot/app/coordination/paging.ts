// Long lists are sent a page at a time (a phone screen, well under Telegram's 4096 characters);
// `page N` or the "next page" button continues.
import { reply, type Reply } from '../../../core/reply.ts';

export const PAGE_SIZE = 20;

export const pageNumber = (args: readonly string[]): number => {
  const i = args.indexOf('page');
  const n = Number(i >= 0 ? args[i + 1] : NaN);
  return Number.isInteger(n) && n > 0 ? n : 1;
};

export const page = (lines: readonly Reply[], args: readonly string[], command: string): Reply[] => {
  const pages = Math.max(1, Math.ceil(lines.length / PAGE_SIZE));
  const n = Math.min(pageNumber(args), pages);
  const shown = lines.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE);
  if (pages === 1) return shown;
  const rest = args.filter((a, i) => a !== 'page' && args[i - 1] !== 'page').join(' ');
  return [...shown, reply('coord:page', { page: n, pages, next: `/${command} ${rest} page ${Math.min(n + 1, pages)}`.replace(/\s+/g, ' ') })];
};
