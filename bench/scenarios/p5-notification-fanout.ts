// P5 (issue 7/8): notification fan-out. One committed outbox event (`edition.stageChanged` to
// juryScoring, whose audience is every juror of the edition) fans out through the real path to
// 10,000 mails at a real SMTP server on 127.0.0.1: UnitOfWork commit → outbox relay → BullMQ
// `outbox.dispatch` → NotificationsService.dispatch (10,000 notification_delivery rows, 400
// `notification.sendBatch` jobs of SEND_BATCH) → NotificationSender (one claim statement per batch, render,
// nodemailer's pooled SMTP transport, the 250 replies recorded as receipts) in the production worker process
// (`node dist/apps/worker/src/main.js`).
// The baseline is the physical limit of that work (issue 15): a bare process
// (bench/baselines/bare-mail.ts) sending the same 10,000 pre-rendered messages to the same sink
// through nodemailer's pooled transport with the same number of connections; no queue, no database.
// "Pre-rendered" as the issue says it: the templates' text is made before the clock; composing MIME
// is part of sending with nodemailer, bare or not, so the bare sender's transport composes each
// message as it sends it. Earlier runs (before 2026-12-07 16:40) handed it MIME composed before the
// clock, a stricter limit than the issue's; that figure is still reported, for information.
// Alternated A/B with the app, on Redis and on BullMQ's PostgreSQL backend. For information, raw
// BullMQ `Queue.addBulk` of 10,000 jobs with a no-op `Worker` (the queue's own cost), once per
// backend after the comparison. Then commit-to-enqueue
// latency: single outbox events, each committed through UnitOfWork.run (which kicks the relay),
// timed from right after COMMIT until the backend acknowledged the job (addBulk resolved).
//
// Everything lives in a database of its own (oc_bench_p5 on the bench's PostgreSQL server) and under
// queue prefixes of its own, so the shared oc_bench data and other scenarios are untouched.
// The parts, under p5/: backend-bench.ts (one backend's processes and runs: app, bare sender,
// no-op queue), measurement.ts (CPU from /proc, PostgreSQL waits, Redis commands),
// enqueue-latency.ts, report.ts (the comparison's rows and detail lines), seed.ts, common.ts.
import { DataSource } from 'typeorm';
import { SEND_BATCH } from '@app/domain';
import { openBenchDatabase } from '../lib/database';
import type { MeasurementScenario, ReportRow } from '../lib/scenario';
import { CountingSmtpSink } from '../lib/smtp-sink';
import { fmtInt } from '../lib/stats';
import { BackendBench } from './p5/backend-bench';
import { BACKEND_LABEL, BackendKind, LATENCY_EVENTS, MAX_PAIRS, P5_DATABASE, RECIPIENTS, WARMUP_RECIPIENTS } from './p5/common';
import { benchBackend } from './p5/report';
import { redisAnswers, seed, Seeded } from './p5/seed';

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
          `event edition.stageChanged → juryScoring (template scoringOpen); ${workerCount} worker process(es) (dist/apps/worker/src/main.js with the flags of npm run start:worker, NODE_ENV=production, LOG_LEVEL=warn, ` +
          `notifications concurrency 3, batches of ${SEND_BATCH}); SMTP sink: smtp-server in the harness process on 127.0.0.1 (counts messages by their X-Open-Cities-Delivery header); ` +
          `the server has autovacuum ${autovacuum}: every run, app or baseline, is preceded by VACUUM (ANALYZE) of the database (not timed), so each starts from the same table state`,
        `each side: warm-up of ${fmtInt(warmupN)}, then ${pairs} alternating A/B pairs of ${fmtInt(n)}; app time = from just before the UnitOfWork commit to the ${fmtInt(n)}th distinct mail at the sink ` +
          `(and all ${fmtInt(n)} deliveries must be status sent, no duplicates, or the run is INVALID); baseline time = from "go" to the bare process to the ${fmtInt(n)}th message at the sink ` +
          `(bench/baselines/bare-mail.ts: messages rendered beforehand, untimed, by the app's renderer, and composed by nodemailer as it sends them; nodemailer pool with the app's smtpPoolOptions; for information also with the MIME composed before the clock). ` +
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
