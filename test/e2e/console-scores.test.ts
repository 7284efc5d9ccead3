// Issue #11, acceptance 1, the way people use it: in the console an officer answers the commune
// set, sends evidence after each answer and submits; then, as the province coordinator, /unit's
// rows add up to its header, /ranking and the export show the score the officer saw when
// submitting, confirming a criterion at the officer's own points leaves the ranked total
// unchanged, and no screen shows a leftover placeholder.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ensureConsoleReporter } from '../../bot/app/admin/ensure-console-reporter.ts';
import { seedDemo } from '../../bot/app/admin/seed-demo.ts';
import { createCoordinationCommands } from '../../bot/app/coordination/coordination-commands.ts';
import { createApp } from '../../bot/app/create-app.ts';
import { parseChatState } from '../../bot/app/dialogue/chat-state.ts';
import { runConsole } from '../../bot/channels/console/run-console.ts';
import { createRepositories } from '../../bot/db/create-repositories.ts';
import { openDatabase } from '../../bot/db/database.ts';
import { createFileEvidenceStore } from '../../bot/db/file-evidence-store.ts';
import { migrateDatabase } from '../../bot/db/migrate.ts';
import { createTranslator } from '../../bot/platform/i18n.ts';
import { silentLogger } from '../../bot/platform/logger.ts';
import { loadCriteriaFile, listShippedSets } from '../../bot/platform/criteria-files.ts';
import { nextAction } from '../support/answer-driver.ts';
import { pngBytes } from '../support/telegram-harness.ts';

/** "865,02" → 865.02 and "1.000" → 1000 (Vietnamese number writing). */
const vi = (s: string): number => Number(s.replace(/\./g, '').replace(',', '.'));

describe('scores in the console, from the officer to the coordinator', () => {
  it('one score from the answer to the ranking, the export and appraisal', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-scores-'));
    const url = `file:${path.join(dir, 'scores.db')}`;
    await migrateDatabase(url);
    const db = openDatabase(url);
    const repos = createRepositories(db.prisma);
    const now = () => new Date();
    await seedDemo(repos, now());
    await ensureConsoleReporter(repos, now(), 'vi');
    const translator = createTranslator('vi');
    const app = createApp({
      repos,
      logger: silentLogger(),
      evidence: createFileEvidenceStore(path.join(dir, 'ev')),
      evidenceMaxBytes: 1 << 20,
      botUsername: 'b',
      commands: (deps) =>
        createCoordinationCommands({
          repos,
          calendar: deps.calendar,
          botUsername: 'b',
          translate: translator.t,
          notify: async () => undefined,
          remind: async () => ({ queued: 0 }),
        }),
    });
    const photo = path.join(dir, 'bien-ban.png');
    writeFileSync(photo, pngBytes);

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
    const running = runConsole({ dialogue: app.dialogue, translator, input, output, prompt: false, sessionId: 's', now, filesDir: path.join(dir, 'exports') });
    await first;

    const loaded = await loadCriteriaFile(listShippedSets().find((f) => f.endsWith('commune-2025.yaml'))!);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const set = loaded.value;
    const withEvidence = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const s = parseChatState(await app.deps.chats.getState('console', 'console'));
      const action = nextAction(set, s, new Date().getUTCFullYear(), withEvidence);
      if (action.kind === 'done') break;
      const code = s.session?.cursor.kind === 'criterion' ? s.session.cursor.code : '';
      if (action.kind === 'photo') {
        // Evidence comes after the answer, as officers send it.
        expect(await turn(`/file ${photo}`)).toContain(code);
        withEvidence.add(code);
        continue;
      }
      if (action.kind === 'text') {
        // Some ratios below full points, so explanations are asked and scores are not all 100 %.
        await turn(action.text === '20/20' && code.startsWith('X-6') ? '15/20' : action.text);
        continue;
      }
      const offered = s.offered;
      const index = offered?.values.indexOf(action.value) ?? -1;
      await turn(index < 0 ? 'xong' : offered?.exclusive ? String(index + 1) : 'abcdefghijklmnopqrstuvwxyz'[index]!);
    }
    expect(withEvidence.size).toBeGreaterThan(5);
    expect(await turn('/submit')).toContain('Xác nhận gửi báo cáo?');
    const done = await turn('1');
    const seen = /Điểm tự đánh giá: ([\d.,]+)\/([\d.,]+) \(([\d.,]+)%\)/.exec(done);
    expect(seen, done).not.toBeNull();
    const [points, max, percent] = [vi(seen![1]!), vi(seen![2]!), vi(seen![3]!)];
    expect(percent).toBeLessThan(100);

    expect(await turn('/as HATINH coordinator')).toContain('đầu mối tổng hợp');
    const unit = await turn('/unit X-THACHDAI');
    const header = /Tự đánh giá: ([\d.,]+)\/([\d.,]+) điểm \(([\d.,]+)%\)/.exec(unit);
    expect(header, unit).not.toBeNull();
    expect([vi(header![1]!), vi(header![2]!), vi(header![3]!)]).toEqual([points, max, percent]);
    const rows = [...unit.matchAll(/→ ([\d.,]+)\/[\d.,]+ điểm/g)].map((m) => vi(m[1]!));
    expect(rows.length).toBeGreaterThanOrEqual(25);
    expect(Math.round(rows.reduce((a, b) => a + b, 0) * 100) / 100).toBe(points);
    expect(unit).toContain('📎 1 (bien-ban.png)');

    const ranking = await turn('/ranking commune');
    const mine = ranking.split('\n').find((l) => l.includes('X-THACHDAI'))!;
    expect(mine).toMatch(/^1\. X-THACHDAI/);
    expect(mine).toContain(`${seen![1]} điểm (${seen![3]}%, tự đánh giá)`);

    expect(await turn('/export commune')).toContain('Đã lưu tệp');
    const xlsx = readdirSync(path.join(dir, 'exports')).find((f) => f.endsWith('.xlsx'))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'exports', xlsx));
    const ws = wb.worksheets[0]!;
    const row = (ws.getSheetValues() as unknown[][]).slice(10).find((r) => r?.[2] === 'X-THACHDAI')!;
    const groups = 6;
    expect(row[4 + 2 * groups]).toBe(points);
    expect(row[7 + 2 * groups]).toBe(percent);

    // An appraiser confirms at exactly the officer's own points: the ranked total stays.
    const own = /<b>X-6\.4<\/b>|X-6\.4: .*?→ ([\d.,]+)\//.exec(unit);
    expect(own?.[1]).toBeDefined();
    expect(await turn(`/verify X-THACHDAI X-6.4 ${own![1]} đúng số liệu Cổng DVC`)).toContain(`Tổng điểm thẩm định: ${seen![1]}/${seen![2]}`);
    const after = (await turn('/ranking commune')).split('\n').find((l) => l.includes('X-THACHDAI'))!;
    expect(after).toContain(`${seen![1]} điểm (${seen![3]}%, thẩm định)`);

    input.end();
    await running;
    const all = chunks.join('');
    expect(all).not.toContain('{{');
    expect(all).not.toMatch(/\d\.\d{1,2}%/);
    await db.close();
  }, 120_000);
});
