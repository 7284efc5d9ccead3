// The document verbs of the CLI over a real database (SQLite and PostgreSQL): `form` writes the
// Phiếu tự đánh giá of a submitted report as PDF (read with pdftotext) and DOCX.
import { mkdtempSync, readFileSync } from 'node:fs';
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
});
