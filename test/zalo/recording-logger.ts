import type { ZaloLogger } from '../../bot/zalo/zalo-logger.ts';

export type LogEntry = { level: string; obj: object; msg?: string };

/** A logger that keeps every entry, serialised as pino would, to search for leaked secrets. */
export function recordingLogger(): ZaloLogger & { entries: LogEntry[]; text(): string } {
  const entries: LogEntry[] = [];
  const at = (level: string) => (obj: object, msg?: string) => {
    entries.push({ level, obj, ...(msg === undefined ? {} : { msg }) });
  };
  return {
    entries,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    text: () =>
      entries
        .map((e) => {
          const obj = Object.fromEntries(Object.entries(e.obj).map(([k, v]) => [k, v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v]));
          return `${e.level} ${e.msg ?? ''} ${JSON.stringify(obj)}`;
        })
        .join('\n'),
  };
}
