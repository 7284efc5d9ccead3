// The appendix export from the database, as `npm run cli -- export` runs it: 10,000 communes
// with a submitted 31-criterion report (the shipped commune set) in SQLite, exported by the
// product's builder (scores from the score function, ranking, snapshots loaded a batch at a time)
// to .xlsx and one CSV per level. Seeding happens here; the export runs in a fresh Node process
// so its time and peak RSS are the export's alone (DESIGN target: under 3 s and 300 MB), with
// the Node flags of `npm run cli` (the heap cap: without it V8 lets the heap grow to about four
// times the live data before collecting, 450 MB of RSS for 60 MB live).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { appendixDocument } from '../bot/app/coordination/appendix-document.ts';
import { scopeFromUnits, type CoordinationDeps } from '../bot/app/coordination/coordination-context.ts';
import { scoreOf } from '../bot/app/scores.ts';
import { createRepositories } from '../bot/db/create-repositories.ts';
import { openDatabase } from '../bot/db/database.ts';
import { loadCriteriaFile } from '../bot/platform/criteria-files.ts';
import { writeAppendix } from '../bot/platform/documents/appendix/write-appendix.ts';
import { createTranslator } from '../bot/platform/i18n.ts';
import type { Answers } from '../core/criteria/answer-value.schema.ts';
import { scoreCacheOf } from '../core/criteria/submission-score.ts';
import { VIETNAM_CALENDAR } from '../core/calendar/working-days.ts';
import { valueFor } from '../test/app/support/submit-directly.ts';
import { openBenchDb, round2 } from './bench-db.ts';

export type ExportDbResult = {
  units: number;
  criteria: number;
  detailRows: number;
  ms: number;
  /** User + system CPU of the process (main thread and zlib's pool) during the export. */
  cpuMs: number;
  peakRssMb: number;
  xlsxMb: number;
  csvMb: number;
  /** Node flags the export ran with (those of the `cli` script). */
  nodeFlags: string[];
};

const here = fileURLToPath(import.meta.url);

/** The Node flags `npm run cli` passes (`tsx --flag=value … bot/cli/main.ts`). */
const cliNodeFlags = (): string[] => {
  const pkg = JSON.parse(readFileSync(path.resolve(path.dirname(here), '../package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return (pkg.scripts?.['cli'] ?? '').match(/--[\w-]+=\S+/g) ?? [];
};
const mb = (bytes: number) => round2(bytes / (1024 * 1024));

const seed = async (units: number): Promise<{ url: string; periodId: string; cleanup: () => Promise<void> }> => {
  const loaded = await loadCriteriaFile(path.resolve(path.dirname(here), '../core/criteria/sets/commune-2025.yaml'));
  if (!loaded.ok) throw new Error(loaded.error.message);
  const set = loaded.value;
  const now = new Date();
  const db = await openBenchDb('sqlite', set, now);
  const prisma = db.prisma;
  const province = await prisma.unit.findUniqueOrThrow({ where: { code: 'HATINH' } });
  const periodRow = await prisma.period.findFirstOrThrow({ select: { id: true } });
  const period = (await db.repos.periods.findById(periodRow.id))!;
  const setRow = await prisma.criteriaSet.findFirstOrThrow({ select: { id: true } });
  // Every unit's report is its own, as real ones are: its ratios have its own denominators (its
  // villages, its staff), its counts differ, and each criterion below full points carries the
  // unit's own explanation. Scored by the score function and cached as the product does.
  const report = (i: number) => {
    const answers: Record<string, Answers[string]> = {};
    const q = ((i * 7919) % 1000) / 999;
    for (const [k, c] of set.criteria.entries()) {
      const base = valueFor(c, q, 2026);
      const denominator = 5 + ((i * 31 + k * 17) % 196);
      const value =
        base.type === 'ratio'
          ? { type: 'ratio' as const, numerator: Math.round(denominator * ((q + k / 31) % 1)), denominator }
          : base.type === 'count'
            ? { type: 'count' as const, count: (i + k) % 50 }
            : base;
      answers[c.code] = { value, evidenceCount: 1 };
    }
    const scored = scoreOf(set, period, { answers, overrides: {} });
    for (const c of set.criteria) {
      const s = scored.self.byCode[c.code];
      if (s && s.points < c.maxPoints)
        answers[c.code] = {
          ...answers[c.code]!,
          explanation: i % 97 === 0 ? '=HYPERLINK("x")' : `Xã ${i}: đạt ${s.points}/${c.maxPoints} điểm, còn thiếu do chưa bố trí đủ kinh phí và nhân lực.`,
        };
    }
    return { answers, score: scoreCacheOf(set, scored) };
  };
  const ids = Array.from({ length: units }, () => randomUUID());
  for (let i = 0; i < units; i += 500) {
    const slice = ids.slice(i, i + 500);
    const reports = slice.map((_, k) => report(i + k));
    await prisma.unit.createMany({
      data: slice.map((id, k) => ({ id, code: `B${String(i + k).padStart(5, '0')}`, name: `Xã Thạch Đài ${i + k}`, level: 'commune', parentId: province.id })),
    });
    await prisma.submission.createMany({
      data: slice.map((unitId, k) => ({
        id: unitId,
        periodId: period.id,
        unitId,
        criteriaSetId: setRow.id,
        status: 'submitted',
        version: 2,
        score: reports[k]!.score as never,
        firstSubmittedAt: now,
        submittedAt: now,
      })),
    });
    await prisma.answer.createMany({
      data: slice.flatMap((submissionId, k) =>
        Object.entries(reports[k]!.answers).map(([code, a]) => ({
          submissionId,
          criterionCode: code,
          value: a.value as never,
          explanation: a.explanation ?? null,
          answeredById: 'bench',
          channel: 'telegram',
          answeredAt: now,
        })),
      ),
    });
  }
  await prisma.$disconnect();
  return { url: db.url, periodId: period.id, cleanup: db.cleanup };
};

const measure = async (url: string, periodId: string, nodeFlags: string[]): Promise<ExportDbResult> => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-export-db-'));
  const db = openDatabase(url);
  const t = createTranslator('vi');
  let peak = process.memoryUsage().rss;
  // rss() alone: memoryUsage() walks the heap, which every 10 ms cost the export about 1 %.
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  try {
    const repos = createRepositories(db.prisma);
    const deps: CoordinationDeps = {
      repos,
      calendar: VIETNAM_CALENDAR,
      botUsername: 'b',
      translate: t.t,
      notify: async () => undefined,
      remind: async () => ({ queued: 0 }),
    };
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    // As `npm run cli -- export` does it (document-cli-context.ts): one read of the units.
    const period = (await repos.periods.findById(periodId))!;
    const units = await repos.units.list();
    const roots = units.filter((u) => u.parentId === null);
    const scope = scopeFromUnits(
      units,
      roots.map((u) => ({ id: u.id, personId: 'p', unitId: u.id, role: 'coordinator' as const })),
    );
    const doc = await appendixDocument(deps, scope, period, 'vi', new Date(), 'commune');
    const xlsx = path.join(dir, 'appendix.xlsx');
    const csv = path.join(dir, 'commune.csv');
    const label = (key: string, params?: Readonly<Record<string, string | number>>) => t.t('vi', `documents:${key}`, params);
    const summary = await writeAppendix(doc, label, { xlsx, csv: () => createWriteStream(csv) });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
    const level = summary.levels[0];
    return {
      units: level?.units ?? 0,
      criteria: doc.levels[0]?.criteria.length ?? 0,
      detailRows: level?.detailRows ?? 0,
      ms: Math.round(ms),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      peakRssMb: mb(peak),
      xlsxMb: mb(statSync(xlsx).size),
      csvMb: mb(statSync(csv).size),
      nodeFlags,
    };
  } finally {
    clearInterval(sampler);
    await db.prisma.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Seeds a database with `units` submitted communes, then exports it in a fresh process. */
export const runExportDbBench = async (units: number): Promise<ExportDbResult> => {
  const seeded = await seed(units);
  try {
    if (process.env['BENCH_KEEP']) process.stderr.write(`${seeded.url} ${seeded.periodId}\n`);
    const flags = cliNodeFlags();
    const { stdout } = await promisify(execFile)(process.execPath, [...flags, '--import', 'tsx', here, '--child', seeded.url, seeded.periodId, ...flags], {
      maxBuffer: 1024 * 1024,
    });
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ExportDbResult;
  } finally {
    if (!process.env['BENCH_KEEP']) await seeded.cleanup();
  }
};

if (process.argv[1] === here && process.argv.includes('--child')) {
  const at = process.argv.indexOf('--child');
  measure(process.argv[at + 1] ?? '', process.argv[at + 2] ?? '', process.argv.slice(at + 3)).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exit(1);
    },
  );
} else if (process.argv[1] === here) {
  // `npx tsx bench/export-db-bench.ts [units]`: this scenario alone.
  runExportDbBench(Number(process.argv[2] ?? 10_000)).then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
