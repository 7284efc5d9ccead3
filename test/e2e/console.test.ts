// `npm start` with no bot token: the console channel. The real process is driven through a
// pipe for start-up behaviour; the full walk runs the same console loop in-process so each
// answer can be chosen from the stored state of the conversation.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../bot/app/create-app.ts';
import { createRepositories } from '../../bot/db/create-repositories.ts';
import { createFileEvidenceStore } from '../../bot/db/file-evidence-store.ts';
import { parseChatState } from '../../bot/app/dialogue/chat-state.ts';
import { ensureConsoleReporter } from '../../bot/app/admin/ensure-console-reporter.ts';
import { runConsole } from '../../bot/channels/console/run-console.ts';
import { loadCriteriaFile, listShippedSets } from '../../bot/platform/criteria-files.ts';
import { openDatabase } from '../../bot/db/database.ts';
import { migrateDatabase } from '../../bot/db/migrate.ts';
import { seedDemo } from '../../bot/app/admin/seed-demo.ts';
import { createTranslator } from '../../bot/platform/i18n.ts';
import { silentLogger } from '../../bot/platform/logger.ts';
import { nextAction } from '../support/answer-driver.ts';
import { startBotProcess } from '../support/bot-process.ts';

const loaded = await loadCriteriaFile(listShippedSets().find((f) => f.includes('commune'))!);
if (!loaded.ok) throw new Error(loaded.error.message);
const communeSet = loaded.value;

describe('console channel (npm start without a token)', () => {
  it('without a terminal, prints how to configure and exits non-zero', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-console-'));
    const bot = startBotProcess({ DATABASE_URL: `file:${path.join(dir, 'x.db')}` }, '');
    expect(await bot.exited).toBe(2);
    expect(bot.output()).toContain('TELEGRAM_BOT_TOKEN');
  });

  it('the real process migrates, seeds the demo data and answers through stdin', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-console-'));
    const bot = startBotProcess(
      { DATABASE_URL: `file:${path.join(dir, 'console.db')}`, CONSOLE: 'on' },
      ['20', 'mười hai', '12', '/review', '/lang en', '/score', ''].join('\n'),
    );
    const code = await bot.exited;
    const out = bot.output();
    expect(code, out.slice(-1500)).toBe(0);
    expect(out).toContain('Xã Thạch Đài · Đánh giá Chính quyền số');
    expect(out).toContain('✅ Tổng số cán bộ, công chức (CBCC) của xã: 20.');
    expect(out).toContain('Không đọc được số');
    expect(out).toContain('Số thôn, tổ dân phố: 12.');
    expect(out).toContain('Switched to English.');
    expect(out).toContain('Current self-assessed score');
  });

  it('completes and submits the commune set, with invalid answers along the way', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-console-'));
    const url = `file:${path.join(dir, 'walk.db')}`;
    await migrateDatabase(url);
    const db = openDatabase(url);
    const repos = createRepositories(db.prisma);
    await seedDemo(repos, new Date());
    await ensureConsoleReporter(repos, new Date(), 'vi');
    const app = createApp({
      repos,
      logger: silentLogger(),
      evidence: createFileEvidenceStore(path.join(dir, 'ev')),
      evidenceMaxBytes: 1 << 20,
      botUsername: 'b',
    });
    const input = new PassThrough();
    const chunks: string[] = [];
    let notify: (() => void) | undefined;
    const output = new Writable({
      write(chunk: Buffer, _enc, cb) {
        chunks.push(chunk.toString());
        notify?.();
        cb();
      },
    });
    const turn = async (line: string): Promise<string> => {
      const before = chunks.length;
      const done = new Promise<void>((resolve) => (notify = () => chunks.length > before && resolve()));
      input.write(`${line}\n`);
      await done;
      return chunks.slice(before).join('');
    };
    const first = new Promise<void>((resolve) => (notify = resolve));
    const running = runConsole({
      dialogue: app.dialogue,
      translator: createTranslator('vi'),
      input,
      output,
      prompt: false,
      sessionId: 't',
      now: () => new Date(),
      filesDir: path.join(dir, 'exports'),
    });
    await first;

    const state = async () => parseChatState(await app.deps.chats.getState('console', 'console'));
    let sawError = false;
    for (let i = 0; i < 150; i += 1) {
      const s = await state();
      if (s.session?.cursor.kind === 'criterion' && s.session.cursor.code === 'X-1.3' && s.session.step === 'numerator' && !sawError) {
        expect(await turn('60/50')).toContain('Tử số');
        expect(await turn('abc')).toContain('Không đọc được số');
        sawError = true;
      }
      const action = nextAction(communeSet, s, new Date().getUTCFullYear(), new Set(['*']));
      if (action.kind === 'done') break;
      if (action.kind === 'text') await turn(action.text);
      else {
        const value = action.kind === 'photo' ? 'e:done' : action.value;
        const offered = s.offered;
        const index = offered?.values.indexOf(value) ?? -1;
        const typed = index < 0 ? (value === 'e:done' ? 'xong' : value) : offered?.exclusive ? String(index + 1) : 'abcdefghijklmnopqrstuvwxyz'[index];
        await turn(typed ?? '');
      }
    }
    expect(sawError).toBe(true);
    const confirm = await turn('/submit');
    expect(confirm).toContain('Xác nhận gửi báo cáo?');
    expect(await turn('1')).toContain('Đã gửi báo cáo');
    expect(await turn('/edit X-1.1')).toContain('không thể sửa');
    expect(await turn('/as HATINH coordinator')).toContain('đầu mối tổng hợp của Tỉnh Hà Tĩnh');
    input.end();
    await running;
    const submission = await db.prisma.submission.findFirstOrThrow({ where: { unit: { code: 'X-THACHDAI' } } });
    expect(submission.status).toBe('submitted');
    expect((submission.score as { self: { done: number } }).self.done).toBe(31);
    await db.close();
  });
});
