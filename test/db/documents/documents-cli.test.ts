// The document verbs of the CLI over a real database (SQLite and PostgreSQL): `form` writes the
// Phiếu tự đánh giá of a submitted report as PDF (read with pdftotext) and DOCX.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, type SeedSummary } from '../../../bot/app/admin/seed-demo.ts';
import { runCli } from '../../../bot/cli/run-cli.ts';
import { createRepositories } from '../../../bot/db/create-repositories.ts';
import { openDatabase, type Database } from '../../../bot/db/database.ts';
import { migrateDatabase } from '../../../bot/db/migrate.ts';
import type { Harness } from '../../app/support/use-case-harness.ts';
import { submitDirectly } from '../../app/support/submit-directly.ts';
import { appendixDocument } from '../../../bot/app/coordination/appendix-document.ts';
import { scopeOf, type CoordinationDeps } from '../../../bot/app/coordination/coordination-context.ts';
import { appendixFiles } from '../../../bot/platform/documents/appendix/write-appendix.ts';
import { createTranslator } from '../../../bot/platform/i18n.ts';
import { VIETNAM_CALENDAR } from '../../../core/calendar/working-days.ts';
import { docxText, flat, pdfText, zipPart } from '../../platform/documents/support/read-documents.ts';
import { availableProviders, createTestDatabaseUrl } from '../support/providers.ts';

const providers = await availableProviders();
const now = new Date('2026-11-24T03:00:00Z');

const capture = () => {
  const out: string[] = [];
  const error: string[] = [];
  return { io: { out: (l: string) => out.push(l), error: (l: string) => error.push(l) }, out, error };
};

describe.each(providers)('document CLI on %s', { timeout: 120_000 }, (provider) => {
  let db: Database;
  let seed: SeedSummary;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-doc-cli-'));

  beforeAll(async () => {
    const made = await createTestDatabaseUrl(provider);
    cleanup = made.cleanup;
    await migrateDatabase(made.url);
    db = openDatabase(made.url);
    const repos = createRepositories(db.prisma);
    seed = await seedDemo(repos, now);
    const setOf = async (level: 'commune' | 'district' | 'department') => {
      const link = seed.period.sets.find((s) => s.level === level && s.answeredBy === 'unit')!;
      const stored = (await repos.criteriaSets.findById(link.criteriaSetId))!;
      return { id: stored.id, set: stored.set };
    };
    const unitId = async (code: string) => (await repos.units.findByCode(code))!.id;
    const h = { repos, seed, setOf, unitId } as unknown as Harness;
    await submitDirectly(h, 'X-THACHDAI', 0.9, new Date('2026-11-25T03:00:00Z'));
    await submitDirectly(h, 'X-THACHKHE', 0.6, new Date('2026-11-26T03:00:00Z'));
    // Officers' texts that a spreadsheet would run as formulas.
    const khe = (await repos.submissions.find(seed.period.id, await unitId('X-THACHKHE'), (await setOf('commune')).id))!;
    await db.prisma.answer.updateMany({
      where: { submissionId: khe.id, criterionCode: 'X-1.1' },
      data: { explanation: '=HYPERLINK("http://example.invalid","bấm")' },
    });
    const thachKhe = (await repos.units.list()).find((u) => u.code === 'X-THACHKHE')!;
    await repos.units.upsertMany([{ code: thachKhe.code, name: '@Xã Thạch Khê', level: 'commune', parentCode: thachKhe.parentCode }]);
    env = { DATABASE_URL: made.url, DEFAULT_LOCALE: 'vi' };
  });
  afterAll(async () => {
    await db.prisma.$disconnect();
    await cleanup();
  });

  it('stores signed forms and returns the latest per submission', async () => {
    const repos = createRepositories(db.prisma);
    const link = seed.period.sets.find((x) => x.level === 'commune' && x.answeredBy === 'unit')!;
    const sub = (await repos.submissions.find(seed.period.id, (await repos.units.findByCode('X-THACHDAI'))!.id, link.criteriaSetId))!;
    const row = {
      submissionId: sub.id,
      answersSha256: 'a'.repeat(64),
      fileSha256: 'b'.repeat(64),
      signerSubject: 'C=VN\nO=UBND xã Thạch Đài\nCN=Nguyễn Văn Đức',
      signerName: 'Nguyễn Văn Đức',
      signingTime: new Date('2026-11-26T03:15:00Z'),
      uploadedById: 'p1',
      channel: 'telegram',
      createdAt: new Date('2026-11-26T04:00:00Z'),
    };
    await repos.signedForms.record(row);
    await repos.signedForms.record({ ...row, signerName: 'Trần Thị B', createdAt: new Date('2026-11-27T04:00:00Z') });
    const latest = await repos.signedForms.latestOf([sub.id, 'nope']);
    expect([...latest.keys()]).toEqual([sub.id]);
    expect(latest.get(sub.id)).toMatchObject({ signerName: 'Trần Thị B', signingTime: row.signingTime, signerSubject: row.signerSubject });
  });

  it('form writes a PDF and a DOCX with the national header, the unit name and criterion texts with diacritics', async () => {
    const pdfFile = path.join(dir, 'phieu.pdf');
    const c = capture();
    expect(await runCli(['form', '--period', seed.period.id, '--unit', 'X-THACHDAI', '--out', pdfFile], env, c.io)).toBe(0);
    const text = flat(pdfText(readFileSync(pdfFile)));
    const docxFile = path.join(dir, 'phieu.docx');
    expect(await runCli(['form', '--period', seed.period.id, '--unit', 'X-THACHDAI', '--out', docxFile], env, capture().io)).toBe(0);
    const word = flat(docxText(zipPart(readFileSync(docxFile), 'word/document.xml')));
    for (const body of [text, word]) {
      expect(body).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(body).toContain('Xã Thạch Đài');
      expect(body).toContain('Tiêu chí');
      expect(body).toMatch(/Ban hành|Tỷ lệ|Có /);
    }
    const bad = capture();
    expect(await runCli(['form', '--period', seed.period.id, '--unit', 'X-THACHLIEN', '--out', pdfFile], env, bad.io)).toBe(1);
    expect(bad.error.join('\n')).toContain('chưa nộp báo cáo');
  });

  it('export writes the appendix workbook whose detail rows sum to its totals, with no live formula; CSV one file per level, neutralised', async () => {
    const xlsx = path.join(dir, 'bang.xlsx');
    const c = capture();
    expect(await runCli(['export', '--period', seed.period.id, '--out', xlsx], env, c.io)).toBe(0);
    expect(c.out.join('\n')).toContain('units');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    for (const ws of wb.worksheets)
      ws.eachRow((row) => row.eachCell((cell) => expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula)));
    const level = wb.worksheets[0]!;
    const rows = (level.getSheetValues().slice(10).filter(Boolean) as unknown[][]).map((r) => r.slice(1));
    const groups = 6;
    const totals = new Map(rows.filter((r) => typeof r[3 + 2 * groups] === 'number').map((r) => [String(r[1]), r[3 + 2 * groups] as number]));
    expect([...totals.keys()].sort()).toEqual(['X-THACHDAI', 'X-THACHKHE']);
    expect(rows.find((r) => r[1] === 'X-THACHKHE')![2]).toBe('@Xã Thạch Khê');
    const detail = wb.worksheets.find((w) => w.name.startsWith('Cấp xã - '))!;
    const sums = new Map<string, number>();
    for (const r of (detail.getSheetValues().slice(4).filter(Boolean) as unknown[][]).map((x) => x.slice(1)))
      sums.set(String(r[1]), (sums.get(String(r[1])) ?? 0) + Number(r[8] ?? 0));
    for (const [code, total] of totals) expect(Math.round((sums.get(code) ?? 0) * 100) / 100).toBe(total);
    expect((detail.getSheetValues().filter(Boolean) as unknown[][]).some((r) => typeof r[11] === 'string' && r[11].startsWith('=HYPERLINK'))).toBe(true);

    const csv = path.join(dir, 'bang.csv');
    expect(await runCli(['export', '--period', seed.period.id, '--format', 'csv', '--out', csv], env, capture().io)).toBe(0);
    for (const l of ['commune', 'district', 'department']) expect(existsSync(path.join(dir, `bang-${l}.csv`))).toBe(true);
    const text = readFileSync(path.join(dir, 'bang-commune.csv'), 'utf8');
    expect(text).toContain("'@Xã Thạch Khê");
    for (const line of text.slice(1).split('\r\n')) for (const field of line.split(',')) expect(field.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    const one = path.join(dir, 'xa.csv');
    expect(await runCli(['export', '--period', seed.period.id, '--level', 'commune', '--format', 'csv', '--out', one], env, capture().io)).toBe(0);
    expect(readFileSync(one, 'utf8')).toBe(text);
  });

  it('export reads submissions a batch at a time: batches of 1, 2 and the default give the same files', async () => {
    const repos = createRepositories(db.prisma);
    const link = seed.period.sets.find((x) => x.level === 'commune' && x.answeredBy === 'unit')!;
    const daiSub = (await repos.submissions.find(seed.period.id, (await repos.units.findByCode('X-THACHDAI'))!.id, link.criteriaSetId))!;
    // An appraised point and evidence, so the batched read has to carry both.
    await db.prisma.answer.updateMany({ where: { submissionId: daiSub.id, criterionCode: 'X-1.1' }, data: { verifiedPoints: 0.5 } });
    await repos.submissions.addEvidence({
      submissionId: daiSub.id,
      criterionCode: 'X-1.2',
      kind: 'photo',
      channel: 'telegram',
      fileRef: 'f',
      sha256: null,
      size: 1,
      mime: null,
      fileName: null,
      storedPath: null,
      uploadedById: 'p',
      now,
    });
    const t = createTranslator('vi');
    const deps: CoordinationDeps = {
      repos,
      calendar: VIETNAM_CALENDAR,
      botUsername: 'b',
      translate: t.t,
      notify: async () => undefined,
      remind: async () => ({ queued: 0 }),
    };
    const roots = (await repos.units.list()).filter((u) => u.parentId === null);
    const scope = await scopeOf(deps, { memberships: roots.map((u) => ({ id: u.id, personId: 'p', unitId: u.id, role: 'coordinator' as const })) });
    const label = (key: string, params?: Readonly<Record<string, string | number>>) => t.t('vi', `documents:${key}`, params);
    const files = async (batch?: number) => appendixFiles(await appendixDocument(deps, scope, seed.period, 'vi', now, 'commune', batch), label);
    const whole = await files();
    // More units than a batch, some without a report (a batch of 1 is then a query with no id).
    expect(whole.summary.levels[0]!.units).toBeGreaterThan(2);
    // The appraised point shows: Thạch Đài's first group differs between self and verified.
    const dai = whole.csv[0]!.data.toString('utf8')
      .split('\r\n')
      .find((l) => l.includes(',X-THACHDAI,'))!
      .split(',');
    expect(Number(dai[4])).toBeLessThan(Number(dai[3]));
    for (const batch of [1, 2]) {
      const part = await files(batch);
      expect(part.summary).toEqual(whole.summary);
      expect(part.csv[0]!.data.equals(whole.csv[0]!.data), `csv, batch ${batch}`).toBe(true);
      expect(part.xlsx.equals(whole.xlsx), `xlsx, batch ${batch}`).toBe(true);
    }
  });

  it('chart writes a PNG within Telegram limits; a level where nobody submitted gets a message', async () => {
    const png = path.join(dir, 'xa.png');
    expect(await runCli(['chart', '--period', seed.period.id, '--level', 'commune', '--out', png], env, capture().io)).toBe(0);
    const image = PNG.sync.read(readFileSync(png));
    expect(image.width + image.height).toBeLessThanOrEqual(10_000);
    const empty = capture();
    expect(await runCli(['chart', '--period', seed.period.id, '--level', 'department', '--out', png], env, empty.io)).toBe(1);
    expect(empty.error.join('\n')).toContain('chưa có đơn vị nào nộp');
  });
});
