// One backend's part of P5: the A/B comparison, the no-op queue, the commit-to-enqueue latency,
// then the table rows and detail lines of the report.
import { runComparison } from '../../lib/compare';
import type { BenchContext, ComparisonScenario, ReportRow, Sample, ScenarioReport } from '../../lib/scenario';
import { sampleIsValid } from '../../lib/scenario';
import { fmtInt, fmtMiB, fmtMs, fmtRatio, fmtSec, median } from '../../lib/stats';
import { BackendBench } from './backend-bench';
import { percentile, TARGET_ENQUEUE_P95_MS, TARGET_TIME_RATIO, TARGET_WORKER_RSS_BYTES } from './common';
import type { RunFacts } from './measurement';

export interface BackendResult {
  rows: ReportRow[];
  details: string[];
  valid: boolean;
  met: boolean | null;
}

export async function benchBackend(ctx: BenchContext, bench: BackendBench, n: number, warmupN: number, events: number, pairs: number): Promise<BackendResult> {
  const L = bench.label;
  const details: string[] = [];
  let comparison: ScenarioReport;
  let latency: Awaited<ReturnType<BackendBench['enqueueLatency']>>;
  let loaded: Awaited<ReturnType<BackendBench['enqueueLatencyUnderLoad']>>;
  let noop: Sample;
  const targetRatio = TARGET_TIME_RATIO[bench.kind];
  const loadedEvents = Math.max(10, Math.round(events / 4));
  try {
    ctx.log(`  ${L}: starting the producer, ${ctx.options.cpuProf ? 'a profiled' : 'the'} worker process(es), the bare sender and the no-op queue worker`);
    await bench.start();
    const scenario: ComparisonScenario = {
      kind: 'comparison',
      name: `p5-${bench.kind}`,
      title: `fan-out on ${L}`,
      description: '',
      usesApi: false,
      target: { metric: 'throughput', min: 1 / targetRatio },
      unit: 'jobs/s',
      app: { kind: 'custom', label: `one event → ${fmtInt(n)} mails through the worker and SMTP (${L})`, run: (_c, phase) => bench.appRun(phase) },
      baseline: { kind: 'custom', label: `bare nodemailer pool, ${fmtInt(n)} pre-rendered mails composed as sent, no queue, no database`, run: (_c, phase) => bench.bareRun(phase) },
    };
    // Fewer pairs than the harness's default: each run here is seconds to tens of seconds long.
    const sub = Object.create(ctx, { options: { value: { ...ctx.options, pairs } } }) as BenchContext;
    comparison = await runComparison(sub, scenario);
    ctx.log(`  ${L}: bare send of pre-composed MIME (information), twice`);
    for (let i = 0; i < 2; i++) await bench.bareRun('measure', 'composed');
    ctx.log(`  ${L}: no-op queue (information): addBulk ${fmtInt(n)} + a no-op Worker`);
    await bench.noopRun('warmup');
    noop = await bench.noopRun('measure');
    ctx.log(`  ${L}: commit-to-enqueue, ${events} single events`);
    latency = await bench.enqueueLatency(events);
    ctx.log(`  ${L}: commit-to-enqueue during a fan-out to ${fmtInt(warmupN)}, ${loadedEvents} single events`);
    loaded = await bench.enqueueLatencyUnderLoad(loadedEvents);
  } finally {
    details.push(...(await bench.stop()));
  }

  const valid = comparison.valid && latency.missing === 0 && latency.ackMs.length >= 3 && loaded.latency.missing === 0 && sampleIsValid(loaded.fanOut);
  const appRuns = bench.runs.filter((r) => r.side === 'app' && sampleIsValid(r.sample));
  const baseRuns = bench.runs.filter((r) => r.side === 'baseline' && sampleIsValid(r.sample));
  const noopRuns = bench.runs.filter((r) => r.side === 'noop');
  const med = (runs: RunFacts[], pick: (r: RunFacts) => number) => median(runs.map(pick));
  const appTime = med(appRuns, (r) => r.timeMs);
  const composedRuns = bench.runs.filter((r) => r.side === 'composedBaseline' && sampleIsValid(r.sample));
  const composedTime = med(composedRuns, (r) => r.timeMs);
  const baseTime = med(baseRuns, (r) => r.timeMs);
  const timeRatio = appTime / baseTime;
  const timeMet = comparison.valid ? timeRatio <= targetRatio : null;
  const rssMax = Math.max(...appRuns.flatMap((r) => r.sample.rssBytes ?? []));
  const rssMet = Number.isFinite(rssMax) ? rssMax <= TARGET_WORKER_RSS_BYTES : null;
  const ack = [...latency.ackMs].sort((a, b) => a - b);
  const loadedAck = [...loaded.latency.ackMs].sort((a, b) => a - b);
  const p95 = percentile(ack, 95);
  const latencyMet = latency.missing === 0 && ack.length ? p95 <= TARGET_ENQUEUE_P95_MS : null;
  const verdict = (met: boolean | null) => (met === null ? 'INVALID' : met ? 'met' : 'MISSED');
  const byMetric = (metric: string) => comparison.rows.find((r) => r.metric === metric);

  const rows: ReportRow[] = [
    {
      metric: `${L}: ${fmtInt(n)} done after (median)`,
      app: fmtSec(appTime),
      baseline: fmtSec(baseTime),
      ratio: fmtRatio(timeRatio),
      target: `time ≤ ${fmtRatio(targetRatio)}`,
      result: verdict(timeMet),
    },
  ];
  const renamed: [string, string][] = [
    ['jobs/s (median)', 'mails (jobs)/s (median)'],
    ['p50 latency (median)', '50% done after (median)'],
    ['p99 latency (median)', '99% done after (median)'],
  ];
  for (const [from, to] of renamed) {
    const row = byMetric(from);
    if (row) rows.push({ metric: `${L}: ${to}`, app: row.app, baseline: row.baseline, ratio: row.ratio });
  }
  rows.push(
    {
      metric: `${L}: worker RSS during the fan-outs (max)`,
      app: fmtMiB(rssMax),
      target: `≤ ${fmtMiB(TARGET_WORKER_RSS_BYTES)}`,
      result: verdict(rssMet),
    },
    {
      metric: `${L}: against pre-composed MIME, ${fmtInt(n)} done after (information)`,
      app: fmtSec(appTime),
      baseline: composedRuns.length ? fmtSec(composedTime) : 'INVALID',
      ratio: composedRuns.length ? fmtRatio(appTime / composedTime) : undefined,
    },
    {
      metric: `${L}: no-op queue, ${fmtInt(n)} jobs done after (information)`,
      app: fmtSec(appTime),
      baseline: sampleIsValid(noop) ? fmtSec((n / noop.throughput) * 1000) : 'INVALID',
      ratio: sampleIsValid(noop) ? fmtRatio(appTime / ((n / noop.throughput) * 1000)) : undefined,
    },
    { metric: `${L}: commit → job in queue p50`, app: fmtMs(percentile(ack, 50)) },
    { metric: `${L}: commit → job in queue p95`, app: fmtMs(p95), target: `p95 ≤ ${TARGET_ENQUEUE_P95_MS} ms`, result: verdict(latencyMet) },
    { metric: `${L}: commit → job in queue p95, during a fan-out`, app: fmtMs(percentile(loadedAck, 95)) },
  );

  const perJob = (runs: RunFacts[], pick: (r: RunFacts) => number, digits = 1) => {
    const value = med(runs, pick);
    return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
  };
  const cpuMs = (r: RunFacts) => ((r.cpu.harness + r.cpu.workers + r.cpu.postgres + r.cpu.redis) / r.n) * 1000;
  const cpuLine = (runs: RunFacts[]) =>
    `${perJob(runs, cpuMs, 2)} ms CPU per job (sending process ${perJob(runs, (r) => (r.cpu.workers / r.n) * 1000, 2)} of which its main thread ${perJob(runs, (r) => (r.cpu.workerMainThreads / r.n) * 1000, 2)}, harness ${perJob(runs, (r) => (r.cpu.harness / r.n) * 1000, 2)}, ` +
    `PostgreSQL backends ${perJob(runs, (r) => (r.cpu.postgres / r.n) * 1000, 2)}${bench.kind === 'redis' ? `, redis-server ${perJob(runs, (r) => (r.cpu.redis / r.n) * 1000, 2)}` : ''})`;
  const counters = (runs: RunFacts[]) =>
    bench.kind === 'redis' ? `; ${perJob(runs, (r) => r.redisCommandsPerJob ?? Number.NaN)} Redis commands per job (whole server: INFO total_commands_processed)` : '';
  details.push(
    ...comparison.details.map((line) => `${L}: ${line}`),
    ...bench.runs.map((r, i) => `${L} measured run ${i + 1} (${r.side}): ${r.sample.detail}`),
    `${L} per job, medians over the measured runs: app ${cpuLine(appRuns)}${counters(appRuns)}. Bare send ${cpuLine(baseRuns)}. Bare send of pre-composed MIME ${cpuLine(composedRuns)}. ` +
      `No-op queue ${cpuLine(noopRuns)}${counters(noopRuns)}` +
      ' (CPU from /proc: the sending process(es): the worker(s), for the bare send the bare process; this process (SMTP sink, relay; for the no-op queue also its Worker), the PostgreSQL backends connected to this database' +
      `${bench.kind === 'redis' ? ', redis-server (shared with other sessions, as are its command counts)' : ''})`,
    `${L} commit → job in queue (relay's addBulk resolved), ${ack.length} events: p50 ${fmtMs(percentile(ack, 50))}, p95 ${fmtMs(p95)}, p99 ${fmtMs(percentile(ack, 99))}, max ${fmtMs(ack[ack.length - 1])}` +
      `${latency.missing ? `; ${latency.missing} event(s) never seen enqueued (INVALID)` : ''}; ` +
      `commit → the job's own timestamp (taken before the round trip) p95 ${fmtMs(percentile([...latency.jobTimestampMs].sort((a, b) => a - b), 95))}; ` +
      `outbox enqueued_at − created_at (both transaction start times) p95 ${fmtMs(percentile([...latency.dbMs].sort((a, b) => a - b), 95))}`,
    `${L} commit → job in queue while another event fans out to ${fmtInt(warmupN)} (${loaded.fanOut.detail}), ${loadedAck.length} events: ` +
      `p50 ${fmtMs(percentile(loadedAck, 50))}, p95 ${fmtMs(percentile(loadedAck, 95))}, max ${fmtMs(loadedAck[loadedAck.length - 1])}` +
      `${loaded.latency.missing ? `; ${loaded.latency.missing} event(s) never seen enqueued (INVALID)` : ''}${sampleIsValid(loaded.fanOut) ? '' : '; the fan-out alongside was INVALID'}`,
  );
  const met = timeMet === null || latencyMet === null || rssMet === null ? null : timeMet && latencyMet && rssMet;
  return { rows, details, valid, met };
}
