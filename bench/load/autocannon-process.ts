// The load generator, run as its own process so it never shares a CPU thread or an event loop with
// what it measures: `node dist/bench/load/autocannon-process.js '<json LoadJob>'` runs autocannon
// once and prints one JSON line (LoadResult) on stdout.
import { join } from 'node:path';
import type { RequestSpec } from '../lib/scenario';

export interface LoadJob {
  /** Base URL, e.g. http://127.0.0.1:3000; only 127.0.0.1 is accepted. */
  url: string;
  request: RequestSpec;
  connections: number;
  durationSec: number;
}

export interface LoadResult {
  rps: number;
  totalRequests: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  durationSec: number;
  /** CPU seconds this load process used, so the harness can tell other load on the machine apart. */
  cpuSeconds: number;
}

interface AutocannonResult {
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number }>;
  duration: number;
}

interface Tracker extends Promise<AutocannonResult> {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void): void;
}

type Autocannon = (options: Record<string, unknown>) => Tracker;

/**
 * Latencies at 1 µs resolution. autocannon measures each response with hrtime but its own histogram
 * keeps whole milliseconds, which reads 0 ms for a fast local route.
 */
class MicrosecondHistogram {
  private readonly buckets = new Uint32Array(1_000_000); // 0 µs .. 1 s
  private readonly overflow: number[] = [];
  private count = 0;
  private sumMs = 0;
  maxMs = 0;

  get meanMs(): number {
    return this.count ? this.sumMs / this.count : Number.NaN;
  }

  record(ms: number): void {
    this.sumMs += ms;
    if (ms > this.maxMs) this.maxMs = ms;
    const us = Math.round(ms * 1000);
    if (us < this.buckets.length) this.buckets[Math.max(0, us)]++;
    else this.overflow.push(us);
    this.count++;
  }

  /** The smallest latency that `fraction` of the responses did not exceed, in ms. */
  percentile(fraction: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil(fraction * this.count));
    let seen = 0;
    for (let us = 0; us < this.buckets.length; us++) {
      seen += this.buckets[us];
      if (seen >= rank) return us / 1000;
    }
    const sorted = [...this.overflow].sort((a, b) => a - b);
    return sorted[rank - seen - 1] / 1000;
  }
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '') as LoadJob;
  const base = new URL(job.url);
  if (base.hostname !== '127.0.0.1') throw new Error(`refusing to load anything but 127.0.0.1 (got ${base.hostname})`);
  if (!(job.durationSec > 0 && job.durationSec <= 120)) throw new Error('durationSec must be within (0, 120]');
  const autocannon = require('autocannon') as Autocannon;
  const { request } = job;
  const requests = request.requestsModule
    ? (require(join(__dirname, '..', request.requestsModule.path)) as { requests(params: unknown): unknown[] }).requests(
        request.requestsModule.params,
      )
    : undefined;
  const tracker = autocannon({
    url: new URL(request.path, base).toString(),
    method: request.method ?? 'GET',
    headers: request.headers,
    body: request.body,
    requests,
    connections: job.connections,
    pipelining: 1,
    duration: job.durationSec,
    timeout: 10,
  });
  const latencies = new MicrosecondHistogram();
  tracker.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    if (statusCode >= 200 && statusCode < 300) latencies.record(responseTimeMs); // as autocannon: 2xx only
  });
  const result = await tracker;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]));
  const out: LoadResult = {
    rps: result.requests.average,
    totalRequests: result.requests.total,
    p50Ms: latencies.percentile(0.5),
    p99Ms: latencies.percentile(0.99),
    meanMs: latencies.meanMs,
    maxMs: latencies.maxMs,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    durationSec: result.duration,
    cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`load process failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
