// `npm run bench`: the four measurements of issue 8 and the appendix export (issue 15), printed
// as a table and written to bench/results.json. Each scenario is one call below; add a scenario by adding a call.
// BENCH_WAVE_RECIPIENTS and BENCH_UNITS shrink the two large scenarios for a quick look;
// BENCH_API_LATENCY_MS is the loopback Bot API's round trip (default 200 ms) for the wave and
// the burst; BENCH_ONLY=answer,peer,wave,burst,queries,export runs only the parts named.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAnswerBench, type AnswerResult } from './answer-bench.ts';
import { runExportBench } from './export-bench.ts';
import { runExportDbBench } from './export-db-bench.ts';
import { providersForBench } from './bench-db.ts';
import { installCounters } from '../test/support/db-counter.ts';
import { runPeerBench } from './peer-bench.ts';
import { runQueriesBench } from './queries-bench.ts';
import { runBurstBench, runWaveBench } from './wave-bench.ts';

const PARTS = ['answer', 'peer', 'wave', 'burst', 'queries', 'export'] as const;
type Part = (typeof PARTS)[number];

/** The parts BENCH_ONLY names (all when unset); an unknown name stops the run. */
const selectedParts = (value: string | undefined): Set<Part> => {
  if (!value || value.trim() === '') return new Set(PARTS);
  const names = value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const unknown = names.filter((n) => !(PARTS as readonly string[]).includes(n));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown part ${unknown.join(', ')} (known: ${PARTS.join(',')})`);
  return new Set(names as Part[]);
};

const here = path.dirname(fileURLToPath(import.meta.url));
const log = (line: string) => process.stdout.write(`${line}\n`);

const main = async (): Promise<void> => {
  installCounters();
  const started = Date.now();
  const results: Record<string, unknown> = { machine: { node: process.version, startedAt: new Date(started).toISOString() } };
  const only = selectedParts(process.env['BENCH_ONLY']);
  const apiLatencyMs = Number(process.env['BENCH_API_LATENCY_MS'] || 200);

  const answer: Record<string, Record<string, AnswerResult>> = {};
  for (const provider of only.has('answer') || only.has('peer') ? await providersForBench() : []) {
    if (!only.has('answer') && provider !== 'sqlite') continue;
    const key = provider === 'postgresql' ? 'postgres' : 'sqlite';
    answer[key] = {};
    for (const n of [30, 120]) {
      log(`answer: ${key} n${n}…`);
      answer[key][`n${n}`] = await runAnswerBench(provider, n);
    }
  }
  if (only.has('answer')) results['answer'] = answer;

  const peer: Record<string, unknown> = {};
  const ratio: Record<string, number> = {};
  for (const n of only.has('peer') ? [30, 120] : []) {
    log(`peer (conversations plugin): sqlite n${n}…`);
    const r = await runPeerBench('sqlite', n);
    peer[`n${n}`] = r;
    ratio[`n${n}`] = Math.round(((answer['sqlite']?.[`n${n}`]?.perSecond ?? 0) / r.perSecond) * 100) / 100;
  }
  if (only.has('peer')) results['peer'] = { ...peer, ratio };

  const recipients = Number(process.env['BENCH_WAVE_RECIPIENTS'] || 10_000);
  if (only.has('wave')) {
    log(`reminder wave: ${recipients} recipients at 30 msg/s, API latency ${apiLatencyMs} ms (about ${Math.round(recipients / 30)} s)…`);
    results['wave'] = await runWaveBench(recipients, apiLatencyMs);
  }
  if (only.has('burst')) {
    const burstWave = Math.min(recipients, 900);
    log(`officers' replies during a wave of ${burstWave}, API latency ${apiLatencyMs} ms (about ${Math.round(burstWave / 30)} s)…`);
    results['burst'] = await runBurstBench(burstWave, apiLatencyMs);
  }

  const units = Number(process.env['BENCH_UNITS'] || 10_000);
  if (only.has('queries')) {
    log(`coordinator queries: ${units} units × 31 criteria…`);
    results['queries'] = await runQueriesBench(units);
  }
  if (only.has('export')) {
    log(`appendix export: ${units} units × 31 criteria (.xlsx + .csv)…`);
    results['export'] = await runExportBench(units);
    log(`appendix export from the database: ${units} communes × 31 criteria (npm run cli -- export)…`);
    results['exportDb'] = await runExportDbBench(units);
  }
  results['durationSeconds'] = Math.round((Date.now() - started) / 1000);

  mkdirSync(here, { recursive: true });
  // A partial run (BENCH_ONLY) replaces only its parts of an earlier full run's results.
  const file = path.join(here, 'results.json');
  const earlier = process.env['BENCH_ONLY'] && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(file, `${JSON.stringify({ ...earlier, ...results }, null, 2)}\n`);
  log('');
  log('| measurement | value |');
  log('|---|---|');
  for (const [db, sizes] of only.has('answer') ? Object.entries(answer) : []) {
    for (const [n, r] of Object.entries(sizes)) {
      log(
        `| answer ${db} ${n} | p50 ${r.p50Ms} ms · p99 ${r.p99Ms} ms · ${r.perSecond}/s · ${r.queriesPerAnswer} statements/answer · first 10% p50 ${r.firstTenthP50Ms} ms → last 10% p50 ${r.lastTenthP50Ms} ms |`,
      );
    }
  }
  for (const n of only.has('peer') ? ['n30', 'n120'] : []) log(`| peer ${n} | ${(peer[n] as { perSecond: number }).perSecond}/s · ours/peer ${ratio[n]}× |`);
  const w = results['wave'] as Awaited<ReturnType<typeof runWaveBench>> | undefined;
  if (w)
    log(
      `| wave | ${w.recipients} recipients · API latency ${w.apiLatencyMs} ms · ${w.achievedPerSecond}/s of ${w.ceilingPerSecond} (${Math.round(w.ratioOfCeiling * 100)}%) · 429s ${w.received429} · duplicates ${w.duplicates} across a crash/restart |`,
    );
  const r = results['burst'] as Awaited<ReturnType<typeof runBurstBench>> | undefined;
  if (r)
    log(
      `| burst | ${r.replies} officers' replies during a wave of ${r.waveRecipients} · p50 ${r.replyP50Ms} ms · p99 ${r.replyP99Ms} ms · max ${r.replyMaxMs} ms (API latency ${r.apiLatencyMs} ms) · 429s ${r.received429} |`,
    );
  const q = results['queries'] as Awaited<ReturnType<typeof runQueriesBench>> | undefined;
  if (q) log(`| queries | ${q.units} units · status ${q.statusMs} ms · ranking ${q.rankingMs} ms · peak RSS ${q.peakRssMb} MB |`);
  const x = results['export'] as Awaited<ReturnType<typeof runExportBench>> | undefined;
  if (x)
    log(
      `| export | ${x.units} units × ${x.criteria} criteria (${x.detailRows} detail rows) · ${x.ms} ms (CPU ${x.cpuMs} ms) · peak RSS ${x.peakRssMb} MB · xlsx ${x.xlsxMb} MB, csv ${x.csvMb} MB |`,
    );
  const xd = results['exportDb'] as Awaited<ReturnType<typeof runExportDbBench>> | undefined;
  if (xd)
    log(
      `| export from db | ${xd.units} units × ${xd.criteria} criteria (${xd.detailRows} detail rows) · ${xd.ms} ms (CPU ${xd.cpuMs} ms) · peak RSS ${xd.peakRssMb} MB · node ${xd.nodeFlags.join(' ') || '(no flags)'} |`,
    );
  log(`\nwrote bench/results.json (${results['durationSeconds']} s)`);
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
