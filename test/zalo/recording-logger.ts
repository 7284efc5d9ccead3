import pino from 'pino';
import type { Logger } from '../../bot/platform/logger.ts';

export type LogEntry = { level: string; msg?: string; [key: string]: unknown };

/** A real pino logger that keeps every line it writes, to search for leaked secrets. */
export const recordingLogger = (): Logger & { entries: LogEntry[]; text(): string } => {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
  const levels: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
  const entries = (): LogEntry[] =>
    lines.map((l) => {
      const obj = JSON.parse(l) as { level: number } & Record<string, unknown>;
      return { ...obj, level: levels[obj.level] ?? String(obj.level) };
    });
  Object.defineProperty(logger, 'entries', { get: entries });
  return Object.assign(logger as Logger & { entries: LogEntry[] }, { text: () => lines.join('') });
};
