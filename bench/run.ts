// `npm run bench`: the four measurements of issue 8 and the appendix export (issue 15), printed
// as a table and written to bench/results.json. Each scenario is one call below; add a scenario by adding a call.
// BENCH_WAVE_RECIPIENTS and BENCH_UNITS shrink the two large scenarios for a quick look.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAnswerBench, type AnswerResult } from './answer-bench.ts';
import { runExportBench } from './export-bench.ts';
import { runExportDbBench } from './export-db-bench.ts';
import { providersForBench } from './bench-db.ts';
import { installCounters } from './db-counter.ts';
import { runPeerBench } from './peer-bench.ts';
import { runQueriesBench } from './queries-bench.ts';
import { runWaveBench } from './wave-bench.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const log = (line: string) => process.stdout.write(`${line}\n`);

const main = async (): Promise<void> => {
  installCounters();
  const started = Date.now();
  const results: Record<string, unknown> = { machine: { node: process.version, startedAt: new Date(started).toISOString() } };

  const answer: Record<string, Record<string, AnswerResult>> = {};
  for (const provider of await providersForBench()) {
    const key = provider === 'postgresql' ? 'postgres' : 'sqlite';
    answer[key] = {};
    for (const n of [30, 120]) {
      log(`answer: ${key} n${n}…`);
      answer[key][`n${n}`] = await runAnswerBench(provider, n);
    }
  }
  results['answer'] = answer;

  const peer: Record<string, unknown> = {};
  const ratio: Record<string, number> = {};
  for (const n of [30, 120]) {
    log(`peer (conversations plugin): sqlite n${n}…`);
    const r = await runPeerBench('sqlite', n);
    peer[`n${n}`] = r;
    ratio[`n${n}`] = Math.round(((answer['sqlite']?.[`n${n}`]?.perSecond ?? 0) / r.perSecond) * 100) / 100;
  }
  results['peer'] = { ...peer, ratio };

  const recipients = Number(process.env['BENCH_WAVE_RECIPIENTS'] ?? 10_000);
  log(`reminder wave: ${recipients} recipients at 30 msg/s (about ${Math.round(recipients / 30)} s)…`);
  results['wave'] = await runWaveBench(recipients);

  const units = Number(process.env['BENCH_UNITS'] ?? 10_000);
  log(`coordinator queries: ${units} units × 31 criteria…`);
  results['queries'] = await runQueriesBench(units);
  log(`appendix export: ${units} units × 31 criteria (.xlsx + .csv)…`);
  results['export'] = await runExportBench(units);
  log(`appendix export from the database: ${units} communes × 31 criteria (npm run cli -- export)…`);
  results['exportDb'] = await runExportDbBench(units);
  results['durationSeconds'] = Math.round((Date.now() - started) / 1000);

  mkdirSync(here, { recursive: true });
  writeFileSync(path.join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  log('');
  log('| measurement | value |');
  log('|---|---|');
  for (const [db, sizes] of Object.entries(answer)) {
    for (const [n, r] of Object.entries(sizes)) {
      log(
        `| answer ${db} ${n} | p50 ${r.p50Ms} ms · p99 ${r.p99Ms} ms · ${r.perSecond}/s · ${r.queriesPerAnswer} statements/answer · first 10% p50 ${r.firstTenthP50Ms} ms → last 10% p50 ${r.lastTenthP50Ms} ms |`,
      );
    }
  }
  for (const n of ['n30', 'n120']) log(`| peer ${n} | ${(peer[n] as { perSecond: number }).perSecond}/s · ours/peer ${ratio[n]}× |`);
  const w = results['wave'] as Awaited<ReturnType<typeof runWaveBench>>;
  log(
    `| wave | ${w.recipients} recipients · ${w.achievedPerSecond}/s of ${w.ceilingPerSecond} (${Math.round(w.ratioOfCeiling * 100)}%) · 429s ${w.received429} · duplicates ${w.duplicates} across a crash/restart |`,
  );
  const q = results['queries'] as Awaited<ReturnType<typeof runQueriesBench>>;
  log(`| queries | ${q.units} units · status ${q.statusMs} ms · ranking ${q.rankingMs} ms · peak RSS ${q.peakRssMb} MB |`);
  const x = results['export'] as Awaited<ReturnType<typeof runExportBench>>;
  log(
    `| export | ${x.units} units × ${x.criteria} criteria (${x.detailRows} detail rows) · ${x.ms} ms (CPU ${x.cpuMs} ms) · peak RSS ${x.peakRssMb} MB · xlsx ${x.xlsxMb} MB, csv ${x.csvMb} MB |`,
  );
  const xd = results['exportDb'] as Awaited<ReturnType<typeof runExportDbBench>>;
  log(`| export from db | ${xd.units} units × ${xd.criteria} criteria (${xd.detailRows} detail rows) · ${xd.ms} ms · peak RSS ${xd.peakRssMb} MB |`);
  log(`\nwrote bench/results.json (${results['durationSeconds']} s)`);
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
