// The shapes a benchmark scenario plugs into. A comparison runs an app side against a baseline side
// alternately (warm-up, then A, B, A, B ...); a measurement reports its own rows (memory, cold start).
import type { ChildProcess } from 'node:child_process';
import type { DatasetFacts } from '../data/generate';

/** One HTTP request as autocannon sends it. JSON only: it crosses into the load process. */
export interface RequestSpec {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path and query, e.g. `/api/health/live`. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /**
   * For requests that vary (different ids or bodies per request): a module under dist/bench whose
   * `requests(params)` returns autocannon's `requests` array (functions allowed: it is loaded inside
   * the load process). Path relative to dist/bench, without extension, e.g. `load/rotating-scores`.
   */
  requestsModule?: { path: string; params?: unknown };
}

/** A small server process the harness starts for a baseline, e.g. bare Fastify with the same SQL. */
export interface BaselineServerSpec {
  /** Module under bench/baselines exporting `register(app: FastifyInstance, env)`; e.g. `health-live`. */
  module: string;
  /** Extra environment (a database URL, ...). PORT is set by the harness. */
  env?: (ctx: BenchContext) => Record<string, string>;
  /** Answers 2xx once the server is ready. */
  readyPath: string;
}

/** A running server the load hits: the API or a baseline. */
export interface RunningServer {
  label: string;
  url: string;
  child: ChildProcess;
  pid: number;
}

/** One measured run of one side. */
export interface Sample {
  /** Operations per second (req/s for HTTP). */
  throughput: number;
  p50Ms: number;
  p99Ms: number;
  /** Requests answered with a status outside 2xx. */
  non2xx: number;
  /** Connection errors, timeouts, resets: anything but an answer. */
  errors: number;
  /** RSS of the measured server sampled during the run, in bytes (HTTP sides). */
  rssBytes?: number[];
  /** CPU the rest of the machine used during the run, in cores (other processes, steal time). */
  otherCores?: number;
  /** CPU of the bench database's backends during the run, in cores (work done for the server). */
  dbCores?: number;
  /** CPU of the measured server process during the run, in cores. */
  serverCores?: number;
  /** Raw extra facts for the detail lines. */
  detail?: string;
}

export const sampleIsValid = (sample: Sample) => sample.non2xx === 0 && sample.errors === 0;

/** Load against the API (`server: 'api'`) or against a baseline server the harness starts. */
export interface HttpSide {
  kind: 'http';
  server: 'api' | BaselineServerSpec;
  /** Evaluated after `setup`, so a token or ids made there can go in. */
  request: RequestSpec | ((ctx: BenchContext) => RequestSpec);
}

/** Anything else that yields a Sample per run (e.g. a queue fan-out timed end to end). */
export interface CustomSide {
  kind: 'custom';
  label: string;
  run(ctx: BenchContext, phase: 'warmup' | 'measure'): Promise<Sample>;
}

export type Side = HttpSide | CustomSide;

export interface Target {
  /** app/baseline ratio of this metric must be at least `min` (throughput) or at most `max` (latency). */
  metric: 'throughput' | 'p50' | 'p99';
  min?: number;
  max?: number;
}

export interface ComparisonScenario {
  kind: 'comparison';
  /** Short id used on the command line: `npm run bench -- p1`. */
  name: string;
  title: string;
  description: string;
  /** false when the scenario needs neither the shared API process nor the bench database. */
  usesApi?: boolean;
  /** One target, or several (e.g. throughput and p99): the result is met only when all are. */
  target: Target | readonly Target[];
  /** Unit of `throughput` in the table. */
  unit?: string;
  /** Check once before measuring that both sides answer the same body (same JSON contract). */
  sameBody?: boolean;
  setup?(ctx: BenchContext): Promise<void>;
  /**
   * For sides whose requests vary (no sameBody probe): checks before measuring that both servers
   * answer alike, and returns the detail line saying what was checked. Throwing fails the scenario.
   */
  check?(ctx: BenchContext, app: RunningServer, baseline: RunningServer): Promise<string>;
  app: Side;
  baseline: Side;
  teardown?(ctx: BenchContext): Promise<void>;
}

/** One line of the results table. */
export interface ReportRow {
  metric: string;
  app: string;
  baseline?: string;
  ratio?: string;
  target?: string;
  result?: string;
}

export interface ScenarioReport {
  name: string;
  title: string;
  rows: ReportRow[];
  /** Per-run values, invalid runs, anything a reader needs to judge the rows. */
  details: string[];
  /** false when a target was missed; null when there is no target or the result is invalid. */
  targetMet: boolean | null;
  valid: boolean;
}

export interface MeasurementScenario {
  kind: 'measurement';
  name: string;
  title: string;
  description: string;
  /** false when the scenario needs neither the shared API process nor the bench database. */
  usesApi?: boolean;
  run(ctx: BenchContext): Promise<ScenarioReport>;
}

export type Scenario = ComparisonScenario | MeasurementScenario;

export interface BenchOptions {
  /** A/B pairs after the warm-up (at least 3). */
  pairs: number;
  durationSec: number;
  warmupSec: number;
  connections: number;
  /** Repetitions of the cold start (first start + second start each). */
  coldStarts: number;
  cpuProf: boolean;
  save: boolean;
  /** Size of the seeded data set and of P5's fan-out (10,000 recipients × scale): 1 is the national scale (issue 8), 0.1 a quick run. */
  scale: number;
}

export interface BenchContext {
  root: string;
  /** Scratch space (gitignored): bench/.work */
  workDir: string;
  options: BenchOptions;
  /** The production API (dist/apps/api/src/main.js) as a child process (throws for `usesApi: false`). */
  api: RunningServer;
  /** RSS of the API right after it answered its first readiness check, before any load. */
  apiRssAtStart: number;
  databaseUrl: string;
  /** Who and what the seeded data set holds (throws for `usesApi: false`). */
  data: DatasetFacts;
  redisUrl: string | null;
  log(line: string): void;
  /** Starts a baseline server; the harness stops it after the scenario. */
  startBaseline(spec: BaselineServerSpec): Promise<RunningServer>;
}
