// Starts the real product (`bot/main.ts`) as a child process, the way `npm start` does, so
// end-to-end tests can also kill it with SIGKILL and start it again.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type BotProcess = {
  readonly proc: ChildProcess;
  readonly output: () => string;
  readonly kill9: () => Promise<void>;
  readonly stop: () => Promise<number | null>;
  readonly exited: Promise<number | null>;
};

export const startBotProcess = (env: Record<string, string>, stdin?: string): BotProcess => {
  // `node --import tsx` keeps it one process, so SIGKILL really kills the bot.
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bot', 'main.ts')], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', TZ: 'UTC', LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  if (stdin !== undefined) proc.stdin?.end(stdin);
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return {
    proc,
    output: () => out,
    exited,
    kill9: async () => {
      proc.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      proc.kill('SIGTERM');
      return exited;
    },
  };
};

export const waitFor = async <T>(probe: () => Promise<T | null | undefined> | T | null | undefined, timeoutMs = 30_000, label = 'condition'): Promise<T> => {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};
