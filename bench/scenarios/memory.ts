// Memory: RSS of the API process (VmRSS from /proc) idle and under the P1 load, with the bare
// Fastify server of P1 measured the same way for reference. No target yet.
import { runHttpLoad } from '../lib/load';
import { rssOf, sleep, waitForQuiet } from '../lib/processes';
import type { MeasurementScenario, ReportRow, RunningServer } from '../lib/scenario';
import { fmtMiB, fmtRatio, median } from '../lib/stats';
import { HEALTH_LIVE } from './p1-health-live';

const SETTLE_MS = 2000;

export const memory: MeasurementScenario = {
  kind: 'measurement',
  name: 'memory',
  title: 'API RSS, idle and under P1 load',
  description: 'VmRSS of the API process at start, idle, during a P1 load run and after it',
  async run(ctx) {
    const bare = await ctx.startBaseline({ module: 'health-live', readyPath: '/api/health/live' });
    await sleep(SETTLE_MS);
    const measure = async (server: RunningServer) => {
      const idle = rssOf(server.pid) ?? Number.NaN;
      await waitForQuiet();
      const load = await runHttpLoad(server, HEALTH_LIVE, { connections: ctx.options.connections, durationSec: ctx.options.durationSec * 2, cwd: ctx.root });
      await sleep(SETTLE_MS);
      const after = rssOf(server.pid) ?? Number.NaN;
      const samples = load.rssBytes ?? [];
      return { idle, loadMedian: median(samples), loadMax: Math.max(...samples), after, load };
    };
    const api = await measure(ctx.api);
    const base = await measure(bare);
    const row = (metric: string, a: number, b: number): ReportRow => ({ metric, app: fmtMiB(a), baseline: fmtMiB(b), ratio: fmtRatio(a / b) });
    const rows: ReportRow[] = [
      { metric: 'RSS at start (first ready answer)', app: fmtMiB(ctx.apiRssAtStart) },
      row('RSS idle, before the load', api.idle, base.idle),
      row('RSS under P1 load (median)', api.loadMedian, base.loadMedian),
      row('RSS under P1 load (max)', api.loadMax, base.loadMax),
      row(`RSS ${SETTLE_MS / 1000} s after the load`, api.after, base.after),
    ];
    const valid = api.load.non2xx + api.load.errors + base.load.non2xx + base.load.errors === 0;
    const details = [
      `one ${ctx.options.durationSec * 2} s P1 load run per side, RSS sampled every 250 ms (${api.load.rssBytes?.length ?? 0} samples on the API)`,
      `load: API ${Math.round(api.load.throughput)} req/s, bare ${Math.round(base.load.throughput)} req/s`,
    ];
    if (!valid) details.push(`INVALID: the load runs had non-2xx answers or errors (API ${api.load.detail}; bare ${base.load.detail})`);
    return { name: this.name, title: this.title, rows, details, targetMet: null, valid };
  },
};
