// Acceptance of the production build: `npm run build` compiles bot/ and core/ (with the
// generated Prisma clients) to JavaScript, and the compiled main runs with plain `node` — no
// tsx, no loader flag — finds its locales, criteria sets, calendar data and migrations from the
// build, and serves /readyz 200 in webhook mode against an emulated Bot API. Node 20 cannot load
// a .ts file at all, so a ready process is itself the proof that nothing needs tsx; the process's
// command line, environment and loaded files are checked too.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramServer } from '../support/telegram-test-server.ts';
import { waitFor } from '../support/bot-process.ts';
import { testPortBase } from '../support/test-port.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const token = '123456:E2E-build-token';
const secret = 'build-secret_123';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(path.join(dir, d.name)) : [path.join(dir, d.name)]));

describe('the production build (npm run build, npm run start:prod)', () => {
  // Inside the project (the compiled code finds the project root by walking up to package.json),
  // beside dist/ rather than in it, so a running build is never overwritten by the test.
  const outDir = mkdtempSync(path.join(root, '.build-test-'));
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'egov-prod-'));
  const apiPort = testPortBase();
  const port = apiPort + 1;
  let server: TelegramServer;
  let proc: ReturnType<typeof spawn> | undefined;
  let output = '';

  beforeAll(async () => {
    const build = spawnSync('npm', ['run', 'build', '--', '--outDir', outDir], { cwd: root, encoding: 'utf8' });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    server = new TelegramServer({ port: apiPort, host: '127.0.0.1', storeTimeout: 600 });
    await server.start();
  }, 240_000);
  afterAll(async () => {
    if (proc && proc.exitCode === null) {
      const exited = new Promise((r) => proc?.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    }
    await server?.stop();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
  });

  it('emits JavaScript only, with the calendar data, and nothing that imports tsx', () => {
    const files = filesUnder(outDir);
    expect(files.some((f) => f.endsWith(path.join('bot', 'main.js')))).toBe(true);
    expect(files.some((f) => f.endsWith(path.join('bot', 'cli', 'main.js')))).toBe(true);
    expect(files.some((f) => f.endsWith(path.join('bot', 'db', 'generated', 'sqlite', 'client.js')))).toBe(true);
    expect(files.some((f) => f.endsWith('vietnam-holidays.json'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
    const js = files.filter((f) => f.endsWith('.js'));
    expect(js.filter((f) => /from ['"][^'"]+\.ts['"]|import\(['"][^'"]+\.ts['"]\)|['"]tsx['"]/.test(readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('start:prod is plain node on the compiled main', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['start:prod']).toBe('node dist/bot/main.js');
    expect(pkg.scripts['build']).toBe('tsc -p tsconfig.build.json');
  });

  it('runs with plain node from another working directory and serves /readyz 200', async () => {
    const main = path.join(outDir, 'bot', 'main.js');
    const env = {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      TZ: 'UTC',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      DATABASE_URL: `file:${path.join(workDir, 'prod.db')}`,
      EVIDENCE_DIR: path.join(workDir, 'evidence'),
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${apiPort}`,
      PORT: String(port),
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/webhook`,
      TELEGRAM_WEBHOOK_SECRET: secret,
    };
    // The same command as start:prod (`node dist/bot/main.js`), on the test's build folder.
    const child = spawn(process.execPath, [main], { cwd: workDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    proc = child;
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`the compiled bot exited (${child.exitCode}):\n${output}`);
        return fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.status === 200,
          () => false,
        );
      },
      60_000,
      '/readyz 200',
    );
    // The migrations shipped beside the build were applied to the new database.
    expect(existsSync(path.join(workDir, 'prod.db'))).toBe(true);

    const pid = child.pid!;
    if (existsSync(`/proc/${pid}/cmdline`)) {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      expect(cmdline).toEqual([process.execPath, main]);
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
      expect(environ).not.toMatch(/NODE_OPTIONS/);
      // Native modules and mapped files of the process: better-sqlite3 from node_modules, never tsx or esbuild.
      const maps = readFileSync(`/proc/${pid}/maps`, 'utf8');
      expect(maps).not.toMatch(/tsx|esbuild/);
    }
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 90_000);

  it('ships the SQLite bulk reader: its worker runs from the build with plain node', () => {
    const database = path.join(outDir, 'bot', 'db', 'database.js');
    expect(existsSync(path.join(outDir, 'bot', 'db', 'sqlite', 'bulk-read-worker.mjs'))).toBe(true);
    const script = `
      const { openDatabase, bulkReaderOf } = await import(${JSON.stringify(pathToFileURL(database).href)});
      const db = openDatabase(${JSON.stringify(`file:${path.join(workDir, 'prod.db')}`)});
      const [rows] = await bulkReaderOf(db.prisma).read(['SELECT COUNT(*) FROM "Unit" WHERE "code" IN (?#)'], ['none']);
      console.log(JSON.stringify(rows));
      await db.close();`;
    const file = path.join(workDir, 'bulk-read.mjs');
    writeFileSync(file, script);
    const run = spawnSync(process.execPath, [file], {
      cwd: workDir,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', TZ: 'UTC' },
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('[[0]]');
  });
});
