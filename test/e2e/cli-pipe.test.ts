// `npm run cli -- unit list | head -1`: the reader closes the pipe after one line; the CLI must
// end quietly (no EPIPE stack trace) instead of crashing.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli/run-cli.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('CLI output into a closed pipe', () => {
  it('ends quietly on EPIPE', async () => {
    const url = `file:${path.join(mkdtempSync(path.join(os.tmpdir(), 'egov-pipe-')), 'cli.db')}`;
    expect(await runCli(['demo', 'seed'], { DATABASE_URL: url }, { out: () => undefined, error: () => undefined })).toBe(0);
    const child = spawn('sh', ['-c', `"${process.execPath}" --import tsx bot/cli/main.ts unit list | head -1`], {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(err).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
  });
});
