// P5's shared pieces: its settings and targets, the queue shapes it uses, small helpers.
import { readFileSync } from 'node:fs';
import { Job, JobsOptions, JobType } from 'bullmq';

export const RECIPIENTS = 10_000;
export const LATENCY_EVENTS = 200;
/** Warm-up runs fan out to this many (a second edition): enough to warm JIT, pools and connections. */
export const WARMUP_RECIPIENTS = 1_000;
/** A/B pairs per backend: the fewest that give a valid result (each run is long; `--pairs` cannot raise it). */
export const MAX_PAIRS = 3;
/** App time ÷ bare send time (issue 15). */
export const TARGET_TIME_RATIO: Record<'redis' | 'postgres', number> = { redis: 1.5, postgres: 2 };
export const TARGET_ENQUEUE_P95_MS = 200;
export const TARGET_WORKER_RSS_BYTES = 250 * 1024 * 1024;
export const P5_DATABASE = 'oc_bench_p5';
export const APP_PREFIX = 'ocbench-p5';
export const BASELINE_PREFIX = 'ocbench-p5-base';
export const BASELINE_QUEUE = 'p5-noop';
/** As NotificationsProcessor (libs/worker/src/processors/queue-processors.ts), for the no-op worker. */
export const WORKER_OPTIONS = { concurrency: 3, lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 20 };
export const LATENCY_GAP_MS = 20;

export type BackendKind = 'redis' | 'postgres';
export const BACKEND_LABEL: Record<BackendKind, string> = { redis: 'Redis', postgres: 'PostgreSQL' };

/** The slice of BullMQ's Queue both backends' typed classes share, as this file uses it. */
export interface BenchQueue {
  addBulk(jobs: { name: string; data: unknown; opts?: JobsOptions }[]): Promise<Job[]>;
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
  obliterate(opts?: { force?: boolean }): Promise<void>;
  close(): Promise<void>;
}
export interface BenchWorker {
  on(event: 'completed', listener: (job: Job) => void): unknown;
  on(event: 'failed', listener: (job: Job | undefined, error: Error) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  waitUntilReady(): Promise<unknown>;
  close(): Promise<void>;
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function readComm(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8');
  } catch {
    return '';
  }
}

/** A queue's pending jobs grouped by state, name, attempts made and last error: what a stuck run left behind. */
export async function describePendingJobs(queue: { getJobs(types: JobType[]): Promise<(Job | undefined)[]> }): Promise<string> {
  const groups = new Map<string, number>();
  for (const job of await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized'])) {
    if (!job) continue;
    const key = `${await job.getState()} ${job.name} after ${job.attemptsMade} attempt(s)${job.failedReason ? ` (${job.failedReason.slice(0, 120)})` : ''}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([key, n]) => `${n}× ${key}`).join('; ');
}
