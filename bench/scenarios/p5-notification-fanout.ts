// P5 (issue 7/8): notification fan-out. One committed outbox event (`edition.stageChanged` to
// juryScoring, whose audience is every juror of the edition) fans out through the real path to
// 10,000 mails at a real SMTP server on 127.0.0.1: UnitOfWork commit → outbox relay → BullMQ
// `outbox.dispatch` → NotificationsService.dispatch (10,000 notification_delivery rows, 400
// `notification.sendBatch` jobs of 25) → NotificationSender (one claim statement per batch, render,
// nodemailer's pooled SMTP transport, the 250 replies recorded as receipts) in the production worker process
// (`node dist/apps/worker/src/main.js`).
// The baseline is the physical limit of that work (issue 15): a bare process
// (bench/baselines/bare-mail.ts) sending the same 10,000 pre-rendered messages to the same sink
// through nodemailer's pooled transport with the same number of connections; no queue, no database.
// Alternated A/B with the app, on Redis and on BullMQ's PostgreSQL backend. For information, raw
// BullMQ `Queue.addBulk` of 10,000 jobs with a no-op `Worker` (the queue's own cost), once per
// backend after the comparison. Then commit-to-enqueue
// latency: single outbox events, each committed through UnitOfWork.run (which kicks the relay),
// timed from right after COMMIT until the backend acknowledged the job (addBulk resolved).
//
// Everything lives in a database of its own (oc_bench_p5 on the bench's PostgreSQL server) and under
// queue prefixes of its own, so the shared oc_bench data and other scenarios are untouched.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createPostgresBackend, createRedisBackend, Job, JobsOptions, setDefaultBackendFactory, withBackend } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import {
  AppConfig,
  BULLMQ_PG_SCHEMA,
  ConfigModule,
  DatabaseModule,
  JobQueue,
  jobOptions,
  loadConfig,
  QUEUES,
  QueueModule,
  redisConnectionFromUrl,
  UnitOfWork,
} from '@app/core';
import { ALL_ENTITIES } from '@app/domain';
import { runComparison } from '../lib/compare';
import { BenchDatabase, openBenchDatabase } from '../lib/database';
import { cpuSecondsOf, machineBusySeconds, sampleRss, sleep, spawnNode, SpawnedNode, stopChild } from '../lib/processes';
import { summarizeProfile } from '../lib/profile';
import type { BenchContext, ComparisonScenario, MeasurementScenario, ReportRow, Sample, ScenarioReport } from '../lib/scenario';
import { sampleIsValid } from '../lib/scenario';
import { CountingSmtpSink } from '../lib/smtp-sink';
import { fmtInt, fmtMiB, fmtMs, fmtRatio, fmtSec, median } from '../lib/stats';
import { BareMailProcess } from '../lib/bare-mail';

const RECIPIENTS = 10_000;
const LATENCY_EVENTS = 200;
/** Warm-up runs fan out to this many (a second edition): enough to warm JIT, pools and connections. */
const WARMUP_RECIPIENTS = 1_000;
/** A/B pairs per backend: the fewest that give a valid result (each run is long; `--pairs` cannot raise it). */
const MAX_PAIRS = 3;
/** App time ÷ bare send time (issue 15). */
const TARGET_TIME_RATIO: Record<'redis' | 'postgres', number> = { redis: 1.5, postgres: 2 };
const TARGET_ENQUEUE_P95_MS = 200;
const TARGET_WORKER_RSS_BYTES = 250 * 1024 * 1024;
const P5_DATABASE = 'oc_bench_p5';
const APP_PREFIX = 'ocbench-p5';
const BASELINE_PREFIX = 'ocbench-p5-base';
const BASELINE_QUEUE = 'p5-noop';
/** As NotificationsProcessor (libs/worker/src/processors/queue-processors.ts), for the no-op worker. */
const WORKER_OPTIONS = { concurrency: 3, lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 20 };
const LATENCY_GAP_MS = 20;

type BackendKind = 'redis' | 'postgres';
const BACKEND_LABEL: Record<BackendKind, string> = { redis: 'Redis', postgres: 'PostgreSQL' };

/** The slice of BullMQ's Queue both backends' typed classes share, as this file uses it. */
interface BenchQueue {
  addBulk(jobs: { name: string; data: unknown; opts?: JobsOptions }[]): Promise<Job[]>;
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
  obliterate(opts?: { force?: boolean }): Promise<void>;
  close(): Promise<void>;
}
interface BenchWorker {
  on(event: 'completed', listener: (job: Job) => void): unknown;
  on(event: 'failed', listener: (job: Job | undefined, error: Error) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  waitUntilReady(): Promise<unknown>;
  close(): Promise<void>;
}

/** The producer side of the app (what the API has): config, TypeORM, UnitOfWork + OutboxRelay, queues. */
@Module({})
class P5ProducerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: P5ProducerModule, imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(ALL_ENTITIES), QueueModule.forRoot()] };
  }
}

/** Nearest-rank percentile of ascending values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

interface Seeded {
  editionId: string;
  warmupEditionId: string;
}

/** One city, the measured edition with `recipients` jurors and a warm-up edition with the first `warmup` of them. */
async function seed(dataSource: DataSource, recipients: number, warmup: number): Promise<Seeded> {
  return dataSource.transaction(async (m) => {
    const [city]: { id: string }[] = await m.query(`INSERT INTO city (name, region) VALUES ('Wrocław', 'dolnośląskie') RETURNING id`);
    const [edition]: { id: string }[] = await m.query(
      `INSERT INTO edition (year, name, stage, scoring_due_at) VALUES (2099, 'Miasta Otwarte 2099', 'reportsOpen', '2099-06-30T21:59:00Z') RETURNING id`,
    );
    const [warm]: { id: string }[] = await m.query(
      `INSERT INTO edition (year, name, stage, scoring_due_at) VALUES (2098, 'Miasta Otwarte 2098', 'reportsOpen', '2098-06-30T21:59:00Z') RETURNING id`,
    );
    // Jurors in three languages; a placeholder hash (nobody signs in here).
    await m.query(
      `INSERT INTO app_user (email, name, locale, password_hash, status)
       SELECT format('juror-%s@p5.bench.example.org', lpad(i::text, 6, '0')), format('Jurorka %s', i),
              (ARRAY['pl', 'en', 'uk'])[1 + i % 3], '$argon2id$placeholder', 'active'
         FROM generate_series(1, $1::int) AS i`,
      [recipients],
    );
    await m.query(
      `INSERT INTO role_grant (user_id, role, edition_id, city_id)
       SELECT id, 'juror', $1, CASE WHEN row_number() OVER (ORDER BY email) % 4 = 0 THEN $2::uuid END FROM app_user`,
      [edition.id, city.id],
    );
    await m.query(
      `INSERT INTO role_grant (user_id, role, edition_id) SELECT id, 'juror', $1 FROM app_user ORDER BY email LIMIT $2`,
      [warm.id, warmup],
    );
    // Not in the audience: a disabled juror and an expert of the edition.
    const [disabled]: { id: string }[] = await m.query(
      `INSERT INTO app_user (email, name, status) VALUES ('disabled@p5.bench.example.org', 'Wyłączony', 'disabled') RETURNING id`,
    );
    await m.query(`INSERT INTO role_grant (user_id, role, edition_id) VALUES ($1, 'juror', $2)`, [disabled.id, edition.id]);
    const [expert]: { id: string }[] = await m.query(
      `INSERT INTO app_user (email, name, status) VALUES ('expert@p5.bench.example.org', 'Ekspertka', 'active') RETURNING id`,
    );
    await m.query(`INSERT INTO role_grant (user_id, role, edition_id, city_id) VALUES ($1, 'expert', $2, $3)`, [expert.id, edition.id, city.id]);
    return { editionId: edition.id, warmupEditionId: warm.id };
  });
}

/** CPU of the parts of a run: harness, worker processes, this database's PostgreSQL backends, redis-server. */
interface CpuSnapshot {
  wall: number;
  machine: number | null;
  harness: NodeJS.CpuUsage;
  procs: Map<number, number>;
  pg: Set<number>;
}
interface CpuUse {
  harness: number;
  workers: number;
  postgres: number;
  redis: number;
  /** Cores the rest of the machine used meanwhile (other sessions, the hypervisor). */
  otherCores: number | undefined;
}

/** What one run leaves for the report beyond the Sample. */
interface RunFacts {
  side: 'app' | 'baseline' | 'noop';
  n: number;
  timeMs: number;
  sample: Sample;
  cpu: CpuUse;
  redisCommandsPerJob: number | null;
}

class BackendBench {
  readonly label: string;
  private producer: INestApplicationContext | null = null;
  private uow!: UnitOfWork;
  private jobs!: JobQueue;
  private dataSource!: DataSource;
  private workers: SpawnedNode[] = [];
  private bare: BareMailProcess | null = null;
  private baselineQueue: BenchQueue | null = null;
  private baselineWorker: BenchWorker | null = null;
  private redis: Redis | null = null;
  private redisPid: number | null = null;
  private current: { ids: Set<string>; done: number[]; failed: number; target: number; resolve: () => void } | null = null;
  private lateCompletions = 0;
  readonly runs: RunFacts[] = [];
  readonly profileDir: string | null;

  constructor(
    private readonly ctx: BenchContext,
    readonly kind: BackendKind,
    private readonly db: BenchDatabase,
    private readonly sink: CountingSmtpSink,
    private readonly seeded: Seeded,
    private readonly n: number,
    private readonly warmupN: number,
    private readonly redisUrl: string | null,
    private readonly workerCount: number,
  ) {
    this.label = BACKEND_LABEL[kind];
    this.profileDir = ctx.options.cpuProf ? join(ctx.workDir, 'profiles', `p5-${kind}-${new Date().toISOString().replace(/[:.]/g, '-')}`) : null;
  }

  private appEnv(): Record<string, string> {
    return {
      NODE_ENV: 'production',
      DATABASE_URL: this.db.url,
      QUEUE_BACKEND: this.kind,
      QUEUE_PREFIX: APP_PREFIX,
      SMTP_URL: this.sink.url,
      JWT_SECRET: randomBytes(48).toString('base64url'),
      LOG_LEVEL: 'warn',
      DATA_DIR: join(this.ctx.workDir, 'p5-data'),
      PUBLIC_URL: 'https://miasta.example.org',
      ...(this.kind === 'redis' ? { REDIS_URL: this.redisUrl! } : {}),
    };
  }

  async start(): Promise<void> {
    const env = this.appEnv();
    // The producer (the API's part: UnitOfWork + OutboxRelay + queues) in this process; it selects
    // BullMQ's process-wide default backend as the API does.
    this.producer = await NestFactory.createApplicationContext(P5ProducerModule.forRoot(loadConfig(env)), { logger: ['error', 'warn'], abortOnError: false });
    await this.producer.init();
    this.uow = this.producer.get(UnitOfWork);
    this.jobs = this.producer.get(JobQueue);
    this.dataSource = this.producer.get(DataSource);
    await this.jobs.ping();
    if (this.kind === 'redis') {
      this.redis = new Redis(this.redisUrl!, { maxRetriesPerRequest: 1 });
      const info = await this.redis.info('server');
      const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
      // Only when redis-server is a process of this machine's view (not in another PID namespace).
      this.redisPid = pid && cpuSecondsOf(pid) !== null && /redis/.test(readComm(pid)) ? pid : null;
      // Leftovers of an aborted run under our own prefix only.
      for (const name of Object.values(QUEUES)) await this.jobs.queue(name).obliterate({ force: true });
    }
    if (this.profileDir) mkdirSync(this.profileDir, { recursive: true });
    for (let i = 0; i < this.workerCount; i++) {
      const nodeArgs = this.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${this.profileDir}`, '--require', join(__dirname, '..', 'lib', 'profile-preload.js')] : [];
      this.workers.push(spawnNode(join(this.ctx.root, 'dist/apps/worker/src/main.js'), { env: { PATH: process.env.PATH ?? '', ...env }, nodeArgs, cwd: this.ctx.root }));
    }
    await this.waitForWorkers();
    this.bare = await BareMailProcess.start(this.ctx.root, this.sink.url);

    // The no-op queue (information): the same backend and connection options, a queue of its own.
    if (this.kind === 'redis') {
      const { Queue, Worker } = withBackend(createRedisBackend);
      const opts = { connection: redisConnectionFromUrl(this.redisUrl!), prefix: BASELINE_PREFIX };
      this.baselineQueue = new Queue(BASELINE_QUEUE, opts) as unknown as BenchQueue;
      await this.baselineQueue.obliterate({ force: true });
      this.baselineWorker = new Worker(BASELINE_QUEUE, async () => undefined, { ...opts, ...WORKER_OPTIONS }) as unknown as BenchWorker;
    } else {
      const { Queue, Worker } = withBackend(createPostgresBackend);
      const opts = { connection: { connectionString: this.db.url, schema: BULLMQ_PG_SCHEMA, migrate: true, max: 5 }, prefix: BASELINE_PREFIX };
      this.baselineQueue = new Queue(BASELINE_QUEUE, opts) as unknown as BenchQueue;
      this.baselineWorker = new Worker(BASELINE_QUEUE, async () => undefined, { ...opts, ...WORKER_OPTIONS }) as unknown as BenchWorker;
    }
    this.baselineWorker.on('error', (error) => this.ctx.log(`  baseline worker error: ${error.message}`));
    this.baselineWorker.on('completed', (job) => this.onBaselineDone(job, false));
    this.baselineWorker.on('failed', (job) => job && this.onBaselineDone(job, true));
    await this.baselineWorker.waitUntilReady();
  }

  /** Ready when a committed `system.ping` went through relay, queue and the worker's dispatch. */
  private async waitForWorkers(): Promise<void> {
    const id = await this.uow.run((tx) => tx.emit('system.ping', { note: 'p5: worker ready?' }));
    const deadline = Date.now() + 60_000;
    for (;;) {
      const exited = this.workers.find((w) => w.child.exitCode !== null || w.child.signalCode !== null);
      if (exited) throw new Error(`the worker exited:\n${exited.output().trim().slice(-2000)}`);
      const [row]: { processed: boolean }[] = await this.dataSource.query(`SELECT processed_at IS NOT NULL AS processed FROM outbox_event WHERE id = $1`, [id]);
      if (row?.processed) return;
      if (Date.now() > deadline) throw new Error(`the worker did not process an outbox event within 60 s:\n${this.workers[0]?.output().trim().slice(-2000)}`);
      await sleep(50);
    }
  }

  private onBaselineDone(job: Job, failed: boolean): void {
    const run = this.current;
    if (!run || !job.id || !run.ids.has(job.id)) {
      this.lateCompletions += 1;
      return;
    }
    if (failed) run.failed += 1;
    else run.done.push(performance.now());
    if (run.done.length + run.failed >= run.target) run.resolve();
  }

  /** Waits (bounded) until a queue has nothing waiting, active or delayed: runs start from an idle backend. */
  private async waitIdle(counts: () => Promise<Record<string, number>>): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const pending = Object.values(await counts()).reduce((a, b) => a + b, 0);
      if (pending === 0) return;
      if (Date.now() > deadline) throw new Error(`${pending} job(s) still pending after 60 s`);
      await sleep(50);
    }
  }

  private async pgBackendPids(): Promise<number[]> {
    const rows: { pid: number }[] = await this.dataSource.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    return rows.map((r) => r.pid);
  }

  /**
   * Before every run, outside the timing: VACUUM (ANALYZE) this database. The bench server may run
   * with autovacuum off (then bullmq.job / bullmq.event keep every dead row version of earlier runs
   * and each run is slower than the one before); this way every run, app or baseline, starts from
   * the same table state.
   */
  private async vacuum(): Promise<void> {
    await this.dataSource.query('VACUUM (ANALYZE)');
  }

  /**
   * Samples what this database's PostgreSQL sessions are doing every 200 ms during a run (a poor
   * man's wait-event profile): active sessions, and of those the ones waiting (Lock, LWLock, IO ...).
   */
  private sampleWaits(): () => Promise<string> {
    let samples = 0;
    let active = 0;
    const waits = new Map<string, number>();
    let stopped = false;
    const loop = (async () => {
      while (!stopped) {
        const rows: { wait: string | null; n: number }[] = await this.dataSource.query(
          `SELECT CASE WHEN wait_event_type IS NULL THEN NULL ELSE wait_event_type || ':' || wait_event END AS wait, count(*)::int AS n
             FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid() GROUP BY 1`,
        );
        samples += 1;
        for (const row of rows) {
          active += row.n;
          if (row.wait) waits.set(row.wait, (waits.get(row.wait) ?? 0) + row.n);
        }
        await sleep(200);
      }
    })();
    return async () => {
      stopped = true;
      await loop;
      if (!samples) return 'no samples';
      const top = [...waits].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name, n]) => `${name} ${(n / samples).toFixed(2)}`);
      return `PostgreSQL sessions active ${(active / samples).toFixed(2)} on average (${samples} samples)${top.length ? `, waiting: ${top.join(', ')}` : ''}`;
    };
  }

  private async cpuSnapshot(): Promise<CpuSnapshot> {
    const pg = new Set(await this.pgBackendPids());
    const procs = new Map<number, number>();
    for (const pid of [...pg, ...this.workers.map((w) => w.child.pid!), ...(this.redisPid ? [this.redisPid] : [])]) {
      const cpu = cpuSecondsOf(pid);
      if (cpu !== null) procs.set(pid, cpu);
    }
    return { wall: performance.now(), machine: machineBusySeconds(), harness: process.cpuUsage(), procs, pg };
  }

  private async cpuSince(before: CpuSnapshot): Promise<CpuUse> {
    const after = await this.cpuSnapshot();
    const delta = (pid: number) => {
      const now = after.procs.get(pid);
      return now === undefined ? 0 : now - (before.procs.get(pid) ?? 0);
    };
    const postgres = [...after.pg].reduce((sum, pid) => sum + delta(pid), 0);
    const workers = this.workers.reduce((sum, w) => sum + delta(w.child.pid!), 0);
    const redis = this.redisPid ? delta(this.redisPid) : 0;
    const harnessUsage = process.cpuUsage(before.harness);
    const harness = (harnessUsage.user + harnessUsage.system) / 1e6;
    const wallSec = (after.wall - before.wall) / 1000;
    const otherCores =
      after.machine === null || before.machine === null ? undefined : Math.max(0, after.machine - before.machine - harness - workers - postgres - redis) / wallSec;
    return { harness, workers, postgres, redis, otherCores };
  }

  private async redisCommands(): Promise<number | null> {
    if (!this.redis) return null;
    return Number(/total_commands_processed:(\d+)/.exec(await this.redis.info('stats'))?.[1] ?? Number.NaN);
  }

  private runTimeoutMs(n: number): number {
    return Math.max(60_000, n * 25);
  }

  /**
   * `during`, when given, starts right after the event committed and is awaited before the run ends
   * (commit-to-enqueue measured while the fan-out is in progress).
   */
  async appRun(phase: 'warmup' | 'measure', during?: () => Promise<unknown>): Promise<Sample> {
    const n = phase === 'warmup' ? this.warmupN : this.n;
    const editionId = phase === 'warmup' ? this.seeded.warmupEditionId : this.seeded.editionId;
    // A clean slate, outside the timing: no deliveries or events of earlier runs, the edition back a stage.
    await this.dataSource.query(`TRUNCATE notification_delivery`);
    await this.dataSource.query(`DELETE FROM outbox_event`);
    await this.dataSource.query(`UPDATE edition SET stage = 'reportsOpen' WHERE id = $1`, [editionId]);
    await this.vacuum();
    await this.waitIdle(() => this.jobs.queue(QUEUES.notifications).getJobCounts('waiting', 'active', 'delayed', 'prioritized'));
    this.sink.reset();
    const redisBefore = await this.redisCommands();
    const cpuBefore = await this.cpuSnapshot();
    const stopSampling = this.sampleWaits();
    const stopRss = sampleRss(this.workers[0].child.pid!);

    const began = performance.now();
    const eventId = await this.uow.run(async (tx) => {
      await tx.manager.query(`UPDATE edition SET stage = 'juryScoring', updated_at = now() WHERE id = $1`, [editionId]);
      return tx.emit('edition.stageChanged', { editionId, from: 'reportsOpen', to: 'juryScoring', stageEventId: randomUUID() });
    });
    const committed = performance.now();
    const alongside = during?.();
    const arrived = await this.sink.waitFor(n, this.runTimeoutMs(n));
    await alongside;
    const arrivals = [...this.sink.arrivals.values()].map((at) => at - began).sort((a, b) => a - b);
    const timeMs = arrived ? arrivals[n - 1] : performance.now() - began;
    const cpu = await this.cpuSince(cpuBefore);
    const waits = await stopSampling();
    const rssBytes = stopRss();

    // Every delivery must be recorded as sent (its receipt is written right after the server's reply).
    let statuses: Record<string, number>;
    const deadline = Date.now() + 15_000;
    for (;;) {
      const rows: { status: string; n: number }[] = await this.dataSource.query(
        `SELECT status, count(*)::int AS n FROM notification_delivery WHERE event_id = $1 GROUP BY status`,
        [eventId],
      );
      statuses = Object.fromEntries(rows.map((r) => [r.status, r.n]));
      if ((statuses.sent ?? 0) >= n || Date.now() > deadline || !arrived) break;
      await sleep(20);
    }
    const [timing]: { dispatched_ms: number | null; enqueued_ms: number | null }[] = await this.dataSource.query(
      `SELECT extract(epoch FROM processed_at - created_at) * 1000 AS dispatched_ms, extract(epoch FROM enqueued_at - created_at) * 1000 AS enqueued_ms
         FROM outbox_event WHERE id = $1`,
      [eventId],
    );
    await this.waitIdle(() => this.jobs.queue(QUEUES.notifications).getJobCounts('waiting', 'active', 'delayed', 'prioritized'));
    const redisAfter = await this.redisCommands();

    const sent = statuses.sent ?? 0;
    const errors = (arrived ? 0 : 1) + this.sink.duplicates + this.sink.unlabeled + Math.max(0, n - sent) + (statuses.failed ?? 0);
    const sample: Sample = {
      throughput: (n / timeMs) * 1000,
      p50Ms: percentile(arrivals, 50),
      p99Ms: percentile(arrivals, 99),
      non2xx: 0,
      errors,
      otherCores: cpu.otherCores,
      rssBytes,
      detail:
        `${fmtInt(this.sink.count)}/${fmtInt(n)} mails at the sink in ${fmtSec(timeMs)}, ${fmtInt(sent)} sent in the database` +
        `${statuses.failed ? `, ${statuses.failed} failed` : ''}${statuses.pending ? `, ${statuses.pending} pending` : ''}` +
        `${this.sink.duplicates ? `, ${this.sink.duplicates} DUPLICATES` : ''}${arrived ? '' : ', TIMED OUT'}; worker RSS max ${fmtMiB(Math.max(...rssBytes))}; commit took ${fmtMs(committed - began)}` +
        `, first mail after ${fmtMs(arrivals[0])}, all ${fmtInt(n)} sends queued after ${fmtMs(Number(timing?.dispatched_ms))} (outbox processed_at − created_at); ${waits}`,
    };
    if (phase === 'measure') this.record('app', n, timeMs, sample, cpu, redisBefore, redisAfter);
    return sample;
  }

  /** The physical limit: the bare process sends n pre-rendered messages to the same sink (rendering not timed). */
  async bareRun(phase: 'warmup' | 'measure'): Promise<Sample> {
    const n = phase === 'warmup' ? this.warmupN : this.n;
    await this.bare!.prepare(n);
    this.sink.reset();
    const cpuBefore = await this.cpuSnapshot();
    const began = performance.now();
    const done = this.bare!.go();
    const arrived = await this.sink.waitFor(n, this.runTimeoutMs(n));
    const { failed } = await done;
    const arrivals = [...this.sink.arrivals.values()].map((at) => at - began).sort((a, b) => a - b);
    const timeMs = arrived ? arrivals[n - 1] : performance.now() - began;
    const cpu = await this.cpuSince(cpuBefore);
    const sample: Sample = {
      throughput: (n / timeMs) * 1000,
      p50Ms: percentile(arrivals, 50),
      p99Ms: percentile(arrivals, 99),
      non2xx: 0,
      errors: (arrived ? 0 : 1) + failed + this.sink.duplicates + this.sink.unlabeled,
      otherCores: cpu.otherCores,
      detail: `${fmtInt(this.sink.count)}/${fmtInt(n)} pre-rendered mails at the sink in ${fmtSec(timeMs)}${failed ? `, ${failed} failed` : ''}${arrived ? '' : ', TIMED OUT'}`,
    };
    if (phase === 'measure') this.record('baseline', n, timeMs, sample, cpu, null, null);
    return sample;
  }

  /** Information: raw BullMQ addBulk of n jobs and a no-op Worker on this backend (the queue's own cost). */
  async noopRun(phase: 'warmup' | 'measure'): Promise<Sample> {
    const n = phase === 'warmup' ? this.warmupN : this.n;
    const queue = this.baselineQueue!;
    await this.vacuum();
    await this.waitIdle(() => queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized'));
    // The same job shape and options as the app's sends (job id = a delivery id, jobOptions('notification.send')).
    const jobs = Array.from({ length: n }, () => {
      const id = randomUUID();
      return { name: 'notification.send', data: { deliveryId: id }, opts: { ...jobOptions('notification.send'), jobId: id } };
    });
    let resolve!: () => void;
    const finished = new Promise<void>((r) => (resolve = r));
    const run = { ids: new Set(jobs.map((j) => j.opts.jobId)), done: [] as number[], failed: 0, target: n, resolve };
    const redisBefore = await this.redisCommands();
    const cpuBefore = await this.cpuSnapshot();
    const stopSampling = this.sampleWaits();

    const began = performance.now();
    this.current = run;
    await queue.addBulk(jobs);
    const enqueued = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const completed = await Promise.race([
      finished.then(() => true),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(false), this.runTimeoutMs(n)))),
    ]);
    clearTimeout(timer);
    const done = run.done.map((at) => at - began).sort((a, b) => a - b);
    const timeMs = completed && run.failed === 0 ? done[n - 1] : performance.now() - began;
    const cpu = await this.cpuSince(cpuBefore);
    const waits = await stopSampling();
    this.current = null;
    await this.waitIdle(() => queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized'));
    const redisAfter = await this.redisCommands();

    const sample: Sample = {
      throughput: (n / timeMs) * 1000,
      p50Ms: percentile(done, 50),
      p99Ms: percentile(done, 99),
      non2xx: 0,
      errors: (completed ? 0 : 1) + run.failed,
      otherCores: cpu.otherCores,
      detail: `${fmtInt(done.length)}/${fmtInt(n)} jobs completed in ${fmtSec(timeMs)}${run.failed ? `, ${run.failed} failed` : ''}${completed ? '' : ', TIMED OUT'}; addBulk took ${fmtMs(enqueued - began)}; ${waits}`,
    };
    if (phase === 'measure') this.record('noop', n, timeMs, sample, cpu, redisBefore, redisAfter);
    return sample;
  }

  private record(
    side: RunFacts['side'],
    n: number,
    timeMs: number,
    sample: Sample,
    cpu: CpuUse,
    redisBefore: number | null,
    redisAfter: number | null,
  ): void {
    this.runs.push({
      side,
      n,
      timeMs,
      sample,
      cpu,
      redisCommandsPerJob: redisAfter !== null && redisBefore !== null ? (redisAfter - redisBefore) / n : null,
    });
  }

  /**
   * Commit-to-enqueue: `events` single `system.ping` events (the relay path does not depend on the
   * type; a ping fans out to nobody), each committed through UnitOfWork.run, which kicks the relay
   * right after COMMIT. Timed from right after the commit returned until the backend acknowledged
   * the job (the relay's addBulk resolved), observed by wrapping this process's queue instance.
   */
  async enqueueLatency(events: number): Promise<{ ackMs: number[]; jobTimestampMs: number[]; dbMs: number[]; missing: number }> {
    const queue = this.jobs.queue(QUEUES.notifications);
    const acked = new Map<string, number>();
    const waiters = new Map<string, () => void>();
    const original = queue.addBulk;
    queue.addBulk = async function (this: typeof queue, ...args: Parameters<typeof original>) {
      const added = await original.apply(this, args);
      const at = performance.now();
      for (const job of added) {
        if (!job.id) continue;
        acked.set(job.id, at);
        waiters.get(job.id)?.();
      }
      return added;
    } as typeof original;
    const ackMs: number[] = [];
    const jobTimestampMs: number[] = [];
    const ids: string[] = [];
    let missing = 0;
    try {
      for (let i = 0; i < events; i++) {
        const id = await this.uow.run((tx) => tx.emit('system.ping', { note: `p5 latency ${i}` }));
        const committedAt = performance.now();
        const committedWall = Date.now();
        ids.push(id);
        if (!acked.has(id)) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 10_000);
            waiters.set(id, () => {
              clearTimeout(timer);
              resolve();
            });
          });
          waiters.delete(id);
        }
        const at = acked.get(id);
        if (at === undefined) {
          missing += 1;
        } else {
          ackMs.push(at - committedAt);
          const job = await queue.getJob(id);
          if (job) jobTimestampMs.push(job.timestamp - committedWall);
        }
        await sleep(LATENCY_GAP_MS);
      }
    } finally {
      queue.addBulk = original;
    }
    const rows: { ms: number }[] = await this.dataSource.query(
      `SELECT extract(epoch FROM enqueued_at - created_at) * 1000 AS ms FROM outbox_event WHERE id = ANY($1::uuid[]) AND enqueued_at IS NOT NULL`,
      [ids],
    );
    return { ackMs, jobTimestampMs, dbMs: rows.map((r) => Number(r.ms)), missing };
  }

  /** The same, while a warm-up-sized fan-out (another event) is being dispatched and sent. */
  async enqueueLatencyUnderLoad(events: number): Promise<{ latency: Awaited<ReturnType<BackendBench['enqueueLatency']>>; fanOut: Sample }> {
    let latency: Awaited<ReturnType<BackendBench['enqueueLatency']>> | undefined;
    const fanOut = await this.appRun('warmup', async () => {
      latency = await this.enqueueLatency(events);
    });
    return { latency: latency!, fanOut };
  }

  async stop(): Promise<string[]> {
    const notes: string[] = [];
    try {
      await this.baselineWorker?.close();
      if (this.kind === 'redis') await this.baselineQueue?.obliterate({ force: true });
      await this.baselineQueue?.close();
      for (const worker of this.workers) await stopChild(worker.child, this.profileDir ? 'SIGUSR2' : 'SIGTERM');
      await this.bare?.stop();
      if (this.producer && this.kind === 'redis') {
        for (const name of Object.values(QUEUES)) await this.jobs.queue(name).obliterate({ force: true });
      }
    } finally {
      this.redis?.disconnect();
      await this.producer?.close();
      setDefaultBackendFactory();
    }
    if (this.lateCompletions) notes.push(`${this.lateCompletions} baseline completion(s) arrived outside their run (not counted)`);
    if (this.profileDir) {
      for (const file of readdirSync(this.profileDir).filter((f) => f.endsWith('.cpuprofile'))) {
        const text = summarizeProfile(join(this.profileDir, file));
        this.ctx.log(`\n${this.label} worker ${text}`);
        notes.push(`worker CPU profile (${this.label}): ${join(this.profileDir, file)}`);
      }
    }
    return notes;
  }
}

function readComm(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8');
  } catch {
    return '';
  }
}

interface BackendResult {
  rows: ReportRow[];
  details: string[];
  valid: boolean;
  met: boolean | null;
}

async function benchBackend(ctx: BenchContext, bench: BackendBench, n: number, warmupN: number, events: number, pairs: number): Promise<BackendResult> {
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
      baseline: { kind: 'custom', label: `bare nodemailer pool, ${fmtInt(n)} pre-rendered mails, no queue, no database`, run: (_c, phase) => bench.bareRun(phase) },
    };
    // Fewer pairs than the harness's default: each run here is seconds to tens of seconds long.
    const sub = Object.create(ctx, { options: { value: { ...ctx.options, pairs } } }) as BenchContext;
    comparison = await runComparison(sub, scenario);
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
    `${perJob(runs, cpuMs, 2)} ms CPU per job (worker process ${perJob(runs, (r) => (r.cpu.workers / r.n) * 1000, 2)}, harness ${perJob(runs, (r) => (r.cpu.harness / r.n) * 1000, 2)}, ` +
    `PostgreSQL backends ${perJob(runs, (r) => (r.cpu.postgres / r.n) * 1000, 2)}${bench.kind === 'redis' ? `, redis-server ${perJob(runs, (r) => (r.cpu.redis / r.n) * 1000, 2)}` : ''})`;
  const counters = (runs: RunFacts[]) =>
    bench.kind === 'redis' ? `; ${perJob(runs, (r) => r.redisCommandsPerJob ?? Number.NaN)} Redis commands per job (whole server: INFO total_commands_processed)` : '';
  details.push(
    ...comparison.details.map((line) => `${L}: ${line}`),
    ...bench.runs.map((r, i) => `${L} measured run ${i + 1} (${r.side}): ${r.sample.detail}`),
    `${L} per job, medians over the measured runs: app ${cpuLine(appRuns)}${counters(appRuns)}. Bare send ${cpuLine(baseRuns)}. ` +
      `No-op queue ${cpuLine(noopRuns)}${counters(noopRuns)}` +
      ' (CPU from /proc: the worker process(es), this process (SMTP sink, relay; for the no-op queue also its Worker), the PostgreSQL backends connected to this database' +
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

export const p5: MeasurementScenario = {
  kind: 'measurement',
  name: 'p5',
  title: 'Notification fan-out',
  description: `one outbox event → ${fmtInt(RECIPIENTS)} mails through the worker to an SMTP sink vs the same mails sent bare through nodemailer's pool, on Redis and on PostgreSQL; no-op queue and commit-to-enqueue latency`,
  usesApi: false,
  async run(ctx) {
    const n = Math.max(10, Math.round(RECIPIENTS * ctx.options.scale));
    const warmupN = Math.min(n, WARMUP_RECIPIENTS);
    const events = Math.max(20, Math.round(LATENCY_EVENTS * Math.min(1, ctx.options.scale)));
    const pairs = Math.min(ctx.options.pairs, MAX_PAIRS);
    const workerCount = Math.max(1, Math.min(4, Number(process.env.BENCH_P5_WORKERS ?? 1) || 1));
    const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
    const backends: BackendKind[] = [];
    const details: string[] = [];
    if (process.env.BENCH_QUEUE !== 'postgres' && (await redisAnswers(redisUrl))) backends.push('redis');
    else details.push(`Redis: not measured (${process.env.BENCH_QUEUE === 'postgres' ? 'BENCH_QUEUE=postgres' : `no answer at ${redisUrl}`})`);
    backends.push('postgres');

    const db = await openBenchDatabase(ctx.log, P5_DATABASE);
    const sink = await CountingSmtpSink.start();
    const rows: ReportRow[] = [];
    let valid = true;
    let met: boolean | null = true;
    try {
      const seedSource = new DataSource({ type: 'postgres', url: db.url });
      await seedSource.initialize();
      let seeded: Seeded;
      let autovacuum: string;
      try {
        seeded = await seed(seedSource, n, warmupN);
        await seedSource.query('ANALYZE');
        [{ autovacuum }] = await seedSource.query('SHOW autovacuum');
      } finally {
        await seedSource.destroy();
      }
      ctx.log(`  ${db.description}: ${fmtInt(n)} jurors of one edition (warm-up edition: ${fmtInt(warmupN)}); SMTP sink at ${sink.url}`);
      details.push(
        `${db.description}; ${fmtInt(n)} recipients (jurors of one edition, pl/en/uk; plus a disabled juror and an expert who must not be mailed); ` +
          `event edition.stageChanged → juryScoring (template scoringOpen); ${workerCount} worker process(es) (dist/apps/worker/src/main.js, NODE_ENV=production, LOG_LEVEL=warn, ` +
          `notifications concurrency 3, batches of 25); SMTP sink: smtp-server in the harness process on 127.0.0.1 (counts messages by their X-Open-Cities-Delivery header); ` +
          `the server has autovacuum ${autovacuum}: every run, app or baseline, is preceded by VACUUM (ANALYZE) of the database (not timed), so each starts from the same table state`,
        `each side: warm-up of ${fmtInt(warmupN)}, then ${pairs} alternating A/B pairs of ${fmtInt(n)}; app time = from just before the UnitOfWork commit to the ${fmtInt(n)}th distinct mail at the sink ` +
          `(and all ${fmtInt(n)} deliveries must be status sent, no duplicates, or the run is INVALID); baseline time = from "go" to the bare process to the ${fmtInt(n)}th message at the sink ` +
          `(bench/baselines/bare-mail.ts: messages rendered beforehand, untimed, by the app's renderer and composer; nodemailer pool with the app's smtpPoolOptions). ` +
          `No-op queue (information, one run after a warm-up): from addBulk to the ${fmtInt(n)}th completed event of the no-op Worker ` +
          `(in the harness process; same job options as the app's sends, same worker options as NotificationsProcessor). "50%/99% done after" = percentiles of the per-job completion times`,
      );
      for (const kind of backends) {
        const bench = new BackendBench(ctx, kind, db, sink, seeded, n, warmupN, kind === 'redis' ? redisUrl : null, workerCount);
        try {
          const result = await benchBackend(ctx, bench, n, warmupN, events, pairs);
          rows.push(...result.rows);
          details.push(...result.details);
          valid &&= result.valid;
          if (result.met === null) met = null;
          else if (met !== null) met &&= result.met;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          ctx.log(`  ${BACKEND_LABEL[kind]} failed: ${message}`);
          details.push(`INVALID: ${BACKEND_LABEL[kind]} failed: ${message}`);
          valid = false;
          met = null;
        }
      }
    } finally {
      await sink.stop();
      await db.stop();
    }
    return { name: this.name, title: this.title, rows, details, targetMet: valid ? met : null, valid };
  },
};
