// Memory: RSS of the API process (VmRSS from /proc) idle, under the P1 load and (memory-p2) under the P2 load
// (jurors' authenticated score writes), with the bare servers of P1 and P2 measured the same way
// for reference. No target yet.
import { runHttpLoad } from '../lib/load';
import { rssOf, sleep, waitForQuiet } from '../lib/processes';
import type { BenchContext, MeasurementScenario, ReportRow, RequestSpec, RunningServer } from '../lib/scenario';
import { fmtMiB, fmtRatio, median } from '../lib/stats';
import { HEALTH_LIVE } from './p1-health-live';
import { PUT_SCORE_BASELINE, scoreRequests, writeScoreRequests } from './p2-score-submission';

const SETTLE_MS = 2000;

interface Reading {
  idle: number;
  loadMedian: number;
  loadMax: number;
  after: number;
  load: Awaited<ReturnType<typeof runHttpLoad>>;
}

async function measure(ctx: BenchContext, server: RunningServer, request: RequestSpec): Promise<Reading> {
  const idle = rssOf(server.pid) ?? Number.NaN;
  await waitForQuiet();
  const load = await runHttpLoad(server, request, { connections: ctx.options.connections, durationSec: ctx.options.durationSec * 2, cwd: ctx.root, databaseUrl: ctx.databaseUrl });
  await sleep(SETTLE_MS);
  const after = rssOf(server.pid) ?? Number.NaN;
  const samples = load.rssBytes ?? [];
  return { idle, loadMedian: median(samples), loadMax: Math.max(...samples), after, load };
}

const row = (metric: string, a: number, b: number): ReportRow => ({ metric, app: fmtMiB(a), baseline: fmtMiB(b), ratio: fmtRatio(a / b) });

const allValid = (runs: Reading[]) => runs.every((r) => r.load.non2xx + r.load.errors === 0);

function invalidDetail(runs: Reading[]): string[] {
  return allValid(runs) ? [] : [`INVALID: a load run had non-2xx answers or errors (${runs.map((r) => r.load.detail).join('; ')})`];
}

/** Idle and under the P1 load: runs first, so its idle reading is of an API that has served nothing yet. */
export const memory: MeasurementScenario = {
  kind: 'measurement',
  name: 'memory',
  title: 'API RSS, idle and under P1 load',
  description: 'VmRSS of the API process at start, idle, during a P1 load run and after it',
  async run(ctx) {
    const bareP1 = await ctx.startBaseline({ module: 'health-live', readyPath: '/api/health/live' });
    await sleep(SETTLE_MS);
    const apiP1 = await measure(ctx, ctx.api, HEALTH_LIVE);
    const baseP1 = await measure(ctx, bareP1, HEALTH_LIVE);
    const rows: ReportRow[] = [
      { metric: 'RSS at start (first ready answer)', app: fmtMiB(ctx.apiRssAtStart) },
      row('RSS idle, before the load', apiP1.idle, baseP1.idle),
      row('RSS under P1 load (median)', apiP1.loadMedian, baseP1.loadMedian),
      row('RSS under P1 load (max)', apiP1.loadMax, baseP1.loadMax),
      row(`RSS ${SETTLE_MS / 1000} s after the P1 load`, apiP1.after, baseP1.after),
    ];
    const details = [
      `one ${ctx.options.durationSec * 2} s load run per side, RSS sampled every 250 ms (${apiP1.load.rssBytes?.length ?? 0} samples on the API)`,
      `P1 load: API ${Math.round(apiP1.load.throughput)} req/s, bare ${Math.round(baseP1.load.throughput)} req/s`,
      ...invalidDetail([apiP1, baseP1]),
    ];
    return { name: this.name, title: this.title, rows, details, targetMet: null, valid: allValid([apiP1, baseP1]) };
  },
};

/**
 * Under the P2 load (sign-ins and score writes as in P2). Runs after the P1 comparison: other traffic
 * de-optimises Node's HTTP and stream internals and Fastify's router for the mix, and the bare P1
 * server never serves any, so P1 compares two processes that have served only the probe.
 */
export const memoryUnderP2: MeasurementScenario = {
  kind: 'measurement',
  name: 'memory-p2',
  title: 'API RSS under P2 load',
  description: 'VmRSS of the API process during a P2 load run and after it',
  async run(ctx) {
    await writeScoreRequests(ctx);
    const bareP2 = await ctx.startBaseline(PUT_SCORE_BASELINE);
    await sleep(SETTLE_MS);
    const apiP2 = await measure(ctx, ctx.api, scoreRequests(ctx));
    const baseP2 = await measure(ctx, bareP2, scoreRequests(ctx));
    const rows: ReportRow[] = [
      row('RSS under P2 load (median)', apiP2.loadMedian, baseP2.loadMedian),
      row('RSS under P2 load (max)', apiP2.loadMax, baseP2.loadMax),
      row(`RSS ${SETTLE_MS / 1000} s after the P2 load`, apiP2.after, baseP2.after),
    ];
    const details = [
      `one ${ctx.options.durationSec * 2} s load run per side, RSS sampled every 250 ms (${apiP2.load.rssBytes?.length ?? 0} samples on the API)`,
      `P2 load: API ${Math.round(apiP2.load.throughput)} req/s, bare Fastify + pg ${Math.round(baseP2.load.throughput)} req/s (the bare P2 server idled at ${fmtMiB(baseP2.idle)})`,
      ...invalidDetail([apiP2, baseP2]),
    ];
    return { name: this.name, title: this.title, rows, details, targetMet: null, valid: allValid([apiP2, baseP2]) };
  },
};
