// One queue backend's side of P5: the producer in this process, the production worker process(es),
// the bare sender (the baseline) and the no-op queue; one method per kind of run, each measured
// the same way (measurement.ts).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createPostgresBackend, createRedisBackend, Job, setDefaultBackendFactory, withBackend } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { BULLMQ_PG_SCHEMA, JobQueue, jobOptions, loadConfig, QUEUES, redisConnectionFromUrl, UnitOfWork } from '@app/core';
import { BareMailProcess } from '../../lib/bare-mail';
import type { BenchDatabase } from '../../lib/database';
import { cpuSecondsOf, productionRuntimeEnv, productionWorkerNodeArgs, sampleRss, sleep, spawnNode, SpawnedNode, stopChild } from '../../lib/processes';
import { summarizeProfile } from '../../lib/profile';
import type { BenchContext, Sample } from '../../lib/scenario';
import type { CountingSmtpSink } from '../../lib/smtp-sink';
import { fmtInt, fmtMiB, fmtMs, fmtSec } from '../../lib/stats';
import { APP_PREFIX, BACKEND_LABEL, BackendKind, BASELINE_PREFIX, BASELINE_QUEUE, BenchQueue, BenchWorker, describePendingJobs, percentile, readComm, WORKER_OPTIONS } from './common';
import { EnqueueLatency, measureEnqueueLatency } from './enqueue-latency';
import { CpuUse, RunFacts, RunMeter } from './measurement';
import { P5ProducerModule, Seeded } from './seed';

export class BackendBench {
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
  private meter!: RunMeter;
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
    // The sending processes: the worker(s) and the bare sender (each idles while the other side runs).
    const senders = () => [...this.workers.map((w) => w.child.pid!), ...(this.bare?.pid ? [this.bare.pid] : [])];
    this.meter = new RunMeter(this.dataSource, senders, this.redis, this.redisPid);
    if (this.profileDir) mkdirSync(this.profileDir, { recursive: true });
    for (let i = 0; i < this.workerCount; i++) {
      const nodeArgs = [...productionWorkerNodeArgs(this.ctx.root)];
      if (this.profileDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${this.profileDir}`, '--require', join(__dirname, '..', '..', 'lib', 'profile-preload.js'));
      // Extra Node/V8 flags for experiments on the worker process, as BENCH_API_NODE_ARGS for the API.
      nodeArgs.push(...(process.env.BENCH_WORKER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean));
      // As production runs it: the runtime image's malloc tuning (Dockerfile) applies to the worker too.
      const runtime = productionRuntimeEnv(this.ctx.root);
      this.workers.push(spawnNode(join(this.ctx.root, 'dist/apps/worker/src/main.js'), { env: { PATH: process.env.PATH ?? '', ...runtime, ...env }, nodeArgs, cwd: this.ctx.root }));
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

  /**
   * Waits (bounded) until a queue has nothing waiting, active or delayed: runs start from an idle
   * backend. On giving up, says which jobs were left (state, name, attempts, last error).
   */
  private async waitIdle(counts: () => Promise<Record<string, number>>, leftover?: () => Promise<string>): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const byState = await counts();
      const pending = Object.values(byState).reduce((a, b) => a + b, 0);
      if (pending === 0) return;
      if (Date.now() > deadline) {
        const states = Object.entries(byState).filter(([, n]) => n > 0).map(([state, n]) => `${n} ${state}`).join(', ');
        throw new Error(`${pending} job(s) still pending after 60 s (${states})${leftover ? `: ${await leftover().catch((e: unknown) => String(e))}` : ''}`);
      }
      await sleep(50);
    }
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
    await this.waitIdle(
      () => this.jobs.queue(QUEUES.notifications).getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
      () => describePendingJobs(this.jobs.queue(QUEUES.notifications)),
    );
    this.sink.reset();
    const redisBefore = await this.meter.redisCommands();
    const cpuBefore = await this.meter.cpuSnapshot();
    const stopSampling = this.meter.sampleWaits();
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
    const cpu = await this.meter.cpuSince(cpuBefore);
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
    await this.waitIdle(
      () => this.jobs.queue(QUEUES.notifications).getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
      () => describePendingJobs(this.jobs.queue(QUEUES.notifications)),
    );
    const redisAfter = await this.meter.redisCommands();

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

  /**
   * The physical limit: the bare process sends n pre-rendered messages to the same sink (rendering
   * not timed). `rendered`: nodemailer composes each as it sends it (the verdict); `composed`: the
   * MIME was built before the clock started (information: a stricter limit than the issue's).
   */
  async bareRun(phase: 'warmup' | 'measure', form: 'rendered' | 'composed' = 'rendered'): Promise<Sample> {
    const n = phase === 'warmup' ? this.warmupN : this.n;
    await this.bare!.prepare(n, form);
    this.sink.reset();
    const cpuBefore = await this.meter.cpuSnapshot();
    const began = performance.now();
    const done = this.bare!.go();
    const arrived = await this.sink.waitFor(n, this.runTimeoutMs(n));
    const { failed } = await done;
    const arrivals = [...this.sink.arrivals.values()].map((at) => at - began).sort((a, b) => a - b);
    const timeMs = arrived ? arrivals[n - 1] : performance.now() - began;
    const cpu = await this.meter.cpuSince(cpuBefore);
    const sample: Sample = {
      throughput: (n / timeMs) * 1000,
      p50Ms: percentile(arrivals, 50),
      p99Ms: percentile(arrivals, 99),
      non2xx: 0,
      errors: (arrived ? 0 : 1) + failed + this.sink.duplicates + this.sink.unlabeled,
      otherCores: cpu.otherCores,
      detail: `${fmtInt(this.sink.count)}/${fmtInt(n)} pre-rendered mails (${form === 'rendered' ? 'composed as sent' : 'composed before the clock'}) at the sink in ${fmtSec(timeMs)}${failed ? `, ${failed} failed` : ''}${arrived ? '' : ', TIMED OUT'}`,
    };
    if (phase === 'measure') this.record(form === 'rendered' ? 'baseline' : 'composedBaseline', n, timeMs, sample, cpu, null, null);
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
    const redisBefore = await this.meter.redisCommands();
    const cpuBefore = await this.meter.cpuSnapshot();
    const stopSampling = this.meter.sampleWaits();

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
    const cpu = await this.meter.cpuSince(cpuBefore);
    const waits = await stopSampling();
    this.current = null;
    await this.waitIdle(() => queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized'));
    const redisAfter = await this.meter.redisCommands();

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

  /** Commit-to-enqueue of `events` single events (enqueue-latency.ts). */
  enqueueLatency(events: number): Promise<EnqueueLatency> {
    return measureEnqueueLatency(this.uow, this.jobs, this.dataSource, events);
  }

  async enqueueLatencyUnderLoad(events: number): Promise<{ latency: EnqueueLatency; fanOut: Sample }> {
    let latency: EnqueueLatency | undefined;
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
