// Runs a comparison scenario: a warm-up of each side, then app and baseline alternately
// (A, B, A, B ...), so drift of the machine (CPU boost, other load, caches) hits both sides alike.
// Medians over the valid runs; a run with any non-2xx answer or error is reported as invalid and
// left out of the medians; fewer than 3 valid runs on a side makes the whole result invalid.
import { runHttpLoad } from './load';
import { waitForQuiet } from './processes';
import type { BenchContext, ComparisonScenario, ReportRow, RunningServer, Sample, ScenarioReport, Side, Target } from './scenario';
import { sampleIsValid } from './scenario';
import { fmtInt, fmtMiB, fmtMs, fmtRatio, median } from './stats';

const MIN_VALID_RUNS = 3;
/** Other work above this many cores during a run is called out as noise (the machine has few). */
const NOISY_CORES = 0.2;

interface PreparedSide {
  label: string;
  /** The server an HTTP side loads. */
  server?: RunningServer;
  run(phase: 'warmup' | 'measure'): Promise<Sample>;
  /** GET-able description for the same-body check (HTTP sides only). */
  probe?: () => Promise<{ status: number; body: string }>;
}

function sideLabel(side: Side): string {
  if (side.kind === 'custom') return side.label;
  return side.server === 'api' ? 'API' : `bare Fastify (${side.server.module})`;
}

async function prepare(ctx: BenchContext, side: Side): Promise<PreparedSide> {
  const label = sideLabel(side);
  if (side.kind === 'custom') return { label, run: (phase) => side.run(ctx, phase) };
  const server: RunningServer = side.server === 'api' ? ctx.api : await ctx.startBaseline(side.server);
  const request = typeof side.request === 'function' ? side.request(ctx) : side.request;
  return {
    label,
    server,
    run: (phase) =>
      runHttpLoad(server, request, {
        connections: ctx.options.connections,
        durationSec: phase === 'warmup' ? ctx.options.warmupSec : ctx.options.durationSec,
        cwd: ctx.root,
        databaseUrl: ctx.databaseUrl || undefined,
      }),
    probe: request.requestsModule
      ? undefined
      : async () => {
          const response = await fetch(new URL(request.path, server.url), {
            method: request.method ?? 'GET',
            headers: request.headers,
            body: request.body,
            signal: AbortSignal.timeout(5000),
          });
          return { status: response.status, body: await response.text() };
        },
  };
}

export function describeTarget(target: Target): string {
  const metric = { throughput: 'throughput', p50: 'p50', p99: 'p99' }[target.metric];
  if (target.min !== undefined) return `${metric} ≥ ${fmtRatio(target.min)}`;
  if (target.max !== undefined) return `${metric} ≤ ${fmtRatio(target.max)}`;
  return '';
}

export function targetMet(target: Target, ratio: number): boolean {
  if (target.min !== undefined && !(ratio >= target.min)) return false;
  if (target.max !== undefined && !(ratio <= target.max)) return false;
  return true;
}

export const targetsOf = (target: Target | readonly Target[]): readonly Target[] => (Array.isArray(target) ? target : [target as Target]);

const describeInvalid = (side: string, index: number, sample: Sample) =>
  `INVALID ${side} run ${index + 1}: ${sample.non2xx} non-2xx, ${sample.errors} errors (${sample.detail ?? ''})`;

export async function runComparison(ctx: BenchContext, scenario: ComparisonScenario): Promise<ScenarioReport> {
  const details: string[] = [];
  const unit = scenario.unit ?? 'req/s';
  const appRuns: Sample[] = [];
  const baselineRuns: Sample[] = [];
  const waits: string[] = [];
  let app: PreparedSide | undefined;
  let baseline: PreparedSide | undefined;
  try {
    await scenario.setup?.(ctx);
    app = await prepare(ctx, scenario.app);
    baseline = await prepare(ctx, scenario.baseline);
    if (scenario.sameBody && app.probe && baseline.probe) {
      const [a, b] = await Promise.all([app.probe(), baseline.probe()]);
      if (a.status !== b.status || a.body !== b.body) {
        details.push(`INVALID: the sides answer differently: app ${a.status} ${a.body.slice(0, 200)} vs baseline ${b.status} ${b.body.slice(0, 200)}`);
        return { name: scenario.name, title: scenario.title, rows: [], details, targetMet: null, valid: false };
      }
      details.push(`same answer checked: ${a.status} ${a.body.slice(0, 120)}`);
    }
    if (scenario.check && app.server && baseline.server) details.push(await scenario.check(ctx, app.server, baseline.server));
    ctx.log(`  warm-up: ${app.label}, then ${baseline.label} (${ctx.options.warmupSec} s each)`);
    for (const [side, label] of [[app, 'app'], [baseline, 'baseline']] as const) {
      const warm = await side.run('warmup');
      if (!sampleIsValid(warm)) details.push(`warm-up of ${label} had ${warm.non2xx} non-2xx and ${warm.errors} errors (not counted)`);
    }
    const quietly = async (side: PreparedSide) => {
      const quiet = await waitForQuiet();
      if (quiet.waitedMs > 1000) {
        const waited = `${(quiet.waitedMs / 1000).toFixed(1)} s`;
        const note = quiet.quiet ? waited : `${waited}, gave up with ${quiet.cores?.toFixed(2) ?? '?'} cores busy elsewhere`;
        ctx.log(`  (waited for a quiet machine: ${note})`);
        waits.push(note);
      }
      return side.run('measure');
    };
    for (let pair = 0; pair < ctx.options.pairs; pair++) {
      const a = await quietly(app);
      appRuns.push(a);
      const b = await quietly(baseline);
      baselineRuns.push(b);
      ctx.log(
        `  pair ${pair + 1}/${ctx.options.pairs}: app ${fmtInt(a.throughput)} ${unit} p99 ${fmtMs(a.p99Ms)}${sampleIsValid(a) ? '' : ' INVALID'}` +
          ` | baseline ${fmtInt(b.throughput)} ${unit} p99 ${fmtMs(b.p99Ms)}${sampleIsValid(b) ? '' : ' INVALID'}`,
      );
    }
  } finally {
    await scenario.teardown?.(ctx);
  }

  appRuns.forEach((sample, i) => !sampleIsValid(sample) && details.push(describeInvalid('app', i, sample)));
  baselineRuns.forEach((sample, i) => !sampleIsValid(sample) && details.push(describeInvalid('baseline', i, sample)));
  const validApp = appRuns.filter(sampleIsValid);
  const validBaseline = baselineRuns.filter(sampleIsValid);
  const valid = validApp.length >= MIN_VALID_RUNS && validBaseline.length >= MIN_VALID_RUNS;
  const med = (runs: Sample[], pick: (s: Sample) => number) => median(runs.map(pick));
  const ratioOf = (pick: (s: Sample) => number) => med(validApp, pick) / med(validBaseline, pick);
  const ratios: Record<Target['metric'], number> = {
    throughput: ratioOf((s) => s.throughput),
    p50: ratioOf((s) => s.p50Ms),
    p99: ratioOf((s) => s.p99Ms),
  };
  const targets = targetsOf(scenario.target);
  const targetFor = (metric: Target['metric']) => targets.find((t) => t.metric === metric);
  const met = valid ? targets.every((t) => targetMet(t, ratios[t.metric])) : null;
  const verdict = (metric: Target['metric']) => {
    const t = targetFor(metric);
    return !t ? undefined : !valid ? 'INVALID' : targetMet(t, ratios[metric]) ? 'met' : 'MISSED';
  };
  const target = (metric: Target['metric']) => {
    const t = targetFor(metric);
    return t ? describeTarget(t) : undefined;
  };

  const row = (metric: string, key: Target['metric'] | null, pick: (s: Sample) => number, fmt: (v: number) => string): ReportRow => {
    const a = med(validApp, pick);
    const b = med(validBaseline, pick);
    return {
      metric,
      app: fmt(a),
      baseline: fmt(b),
      ratio: fmtRatio(a / b),
      target: key ? target(key) : undefined,
      result: key ? verdict(key) : undefined,
    };
  };
  const rssMedian = (s: Sample) => median(s.rssBytes ?? []);
  const rows: ReportRow[] = [
    row(`${unit} (median)`, 'throughput', (s) => s.throughput, fmtInt),
    row('p50 latency (median)', 'p50', (s) => s.p50Ms, fmtMs),
    row('p99 latency (median)', 'p99', (s) => s.p99Ms, fmtMs),
  ];
  if (validApp.some((s) => s.rssBytes?.length)) rows.push(row('RSS under load (median)', null, rssMedian, fmtMiB));

  const pairRatios = appRuns
    .map((a, i) => (sampleIsValid(a) && sampleIsValid(baselineRuns[i]) ? a.throughput / baselineRuns[i].throughput : null))
    .filter((r): r is number => r !== null);
  details.unshift(
    `${sideLabel(scenario.app)} vs ${sideLabel(scenario.baseline)}; ${validApp.length}/${appRuns.length} app and ${validBaseline.length}/${baselineRuns.length} baseline runs valid`,
    `${unit} by run, in order: app ${appRuns.map((s) => fmtInt(s.throughput)).join(', ')}; baseline ${baselineRuns.map((s) => fmtInt(s.throughput)).join(', ')}`,
    `p99 by run: app ${appRuns.map((s) => fmtMs(s.p99Ms)).join(', ')}; baseline ${baselineRuns.map((s) => fmtMs(s.p99Ms)).join(', ')}`,
    pairRatios.length ? `${unit} ratio per pair: ${pairRatios.map(fmtRatio).join(', ')}` : 'no pair with both runs valid',
  );
  const other = (runs: Sample[]) => runs.map((s) => (s.otherCores === undefined ? '?' : s.otherCores.toFixed(2))).join(', ');
  if ([...appRuns, ...baselineRuns].some((s) => s.otherCores !== undefined)) {
    details.push(`other CPU load on the machine during each run, in cores (ideally ~0): app ${other(appRuns)}; baseline ${other(baselineRuns)}`);
    if ([...appRuns, ...baselineRuns].some((s) => (s.dbCores ?? 0) > 0.05)) {
      const db = (runs: Sample[]) => runs.map((s) => (s.dbCores === undefined ? '?' : s.dbCores.toFixed(2))).join(', ');
      details.push(`PostgreSQL backends of the bench database during each run, in cores (not counted as other load): app ${db(appRuns)}; baseline ${db(baselineRuns)}`);
      // Where a request's CPU goes: the server process and the database, per request (medians over the valid runs).
      const perRequest = (runs: Sample[], pick: (s: Sample) => number | undefined) =>
        median(runs.filter((s) => pick(s) !== undefined && s.throughput > 0).map((s) => (pick(s)! / s.throughput) * 1000));
      const cpu = (runs: Sample[]) => `server ${fmtMs(perRequest(runs, (s) => s.serverCores))}, PostgreSQL ${fmtMs(perRequest(runs, (s) => s.dbCores))}`;
      details.push(`CPU per request (median over valid runs): app ${cpu(validApp)}; baseline ${cpu(validBaseline)}`);
    }
    const noisy = [...appRuns, ...baselineRuns].filter((s) => (s.otherCores ?? 0) > NOISY_CORES).length;
    if (waits.length) details.push(`waited for a quiet machine before ${waits.length} run(s): ${waits.join(', ')}`);
    if (noisy) {
      details.push(`NOISY: ${noisy} run(s) shared the machine with more than ${NOISY_CORES} cores of other work; compare with care`);
      // Not a result (the medians above are), a cross-check: the same medians over the quiet runs only.
      const quiet = (runs: Sample[]) => runs.filter((s) => s.otherCores !== undefined && s.otherCores <= NOISY_CORES);
      const [qa, qb] = [quiet(validApp), quiet(validBaseline)];
      if (qa.length && qb.length) {
        const qA = median(qa.map((s) => s.throughput));
        const qB = median(qb.map((s) => s.throughput));
        details.push(`quiet runs only (≤ ${NOISY_CORES} cores of other work): app ${fmtInt(qA)} ${unit} (${qa.length} runs), baseline ${fmtInt(qB)} ${unit} (${qb.length} runs), ratio ${fmtRatio(qA / qB)}`);
      }
    }
  }
  if (!valid) details.push(`INVALID: fewer than ${MIN_VALID_RUNS} valid runs on a side; the medians above are not a result`);
  return { name: scenario.name, title: scenario.title, rows, details, targetMet: met, valid };
}
