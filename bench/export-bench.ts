// The appendix export at scale: 10,000 communes × 31 criteria written as .xlsx (level sheet +
// detail sheet) and CSV, from an async iterable as the database pipeline will give them. Runs in
// a child process so its peak RSS is the writer's, not the earlier scenarios' (DESIGN target:
// under 3 s and 300 MB). The input is synthetic for now; the lead swaps in the real query.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { writeAppendix } from '../bot/platform/documents/appendix/write-appendix.ts';
import { createTranslator } from '../bot/platform/i18n.ts';
import { syntheticLevel } from './synthetic-appendix.ts';

export type ExportResult = {
  units: number;
  criteria: number;
  detailRows: number;
  ms: number;
  /** User + system CPU of the process (main thread and zlib's pool) during the export. */
  cpuMs: number;
  peakRssMb: number;
  baselineRssMb: number;
  xlsxMb: number;
  csvMb: number;
};

const here = fileURLToPath(import.meta.url);
const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 100) / 100;

const measure = async (units: number): Promise<ExportResult> => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-export-bench-'));
  const t = createTranslator('vi');
  const label = (key: string, params?: Readonly<Record<string, string | number>>) => t.t('vi', `documents:${key}`, params);
  const level = syntheticLevel(units, 31);
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  // rss() alone: memoryUsage() walks the heap, which every 10 ms cost the export about 1 %.
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  try {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const xlsx = path.join(dir, 'appendix.xlsx');
    const csv = path.join(dir, 'commune.csv');
    const summary = await writeAppendix(
      {
        issuer: { parentName: 'UBND TỈNH HÀ TĨNH', name: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ' },
        periodName: 'Bench',
        window: { from: '2023-11-11', to: '2024-11-10' },
        place: 'Hà Tĩnh',
        date: '2024-12-01',
        generatedAt: new Date('2024-12-01T00:00:00Z'),
        levels: [level],
      },
      label,
      { xlsx, csv: () => csv },
    );
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
    return {
      units,
      criteria: level.criteria.length,
      detailRows: summary.levels[0]?.detailRows ?? 0,
      ms: Math.round(ms),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      peakRssMb: mb(peak),
      baselineRssMb: mb(baseline),
      xlsxMb: mb(statSync(xlsx).size),
      csvMb: mb(statSync(csv).size),
    };
  } finally {
    clearInterval(sampler);
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Runs the measurement in a fresh Node process (tsx loader) and returns its result. */
export const runExportBench = async (units: number): Promise<ExportResult> => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', here, '--child', String(units)], { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ExportResult;
};

if (process.argv[1] === here && process.argv.includes('--child')) {
  const units = Number(process.argv[process.argv.indexOf('--child') + 1] ?? 10_000);
  measure(units).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exit(1);
    },
  );
} else if (process.argv[1] === here) {
  // `npx tsx bench/export-bench.ts [units]`: this scenario alone.
  runExportBench(Number(process.argv[2] ?? 10_000)).then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
