// Crash safety, as tests: a fan-out of 1,000 mails whose outbox row was committed by an API that
// died before enqueueing it (the worker's sweep must find it), sent by a worker process that is
// SIGKILLed 20 times at random moments and restarted, to an SMTP server that also resets the
// connection right after the final dot of some messages (dropping them). At the end every
// recipient has the mail (at least once); a second copy only where a kill fell between hand-over
// and receipt, with the same Message-ID. On every queue backend this machine offers.
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { AppConfig, UnitOfWork } from '@app/core';
import { NotificationsService, SMTP_MAX_CONNECTIONS } from '@app/domain';
import { availableQueueBackends, createTestApp, eventually, makeEdition, makeSignedInUser, makeUser, SmtpSink, TestApp } from '@app/testing';
import { BuiltProcess, dist, sharedServicesEnv, startBuilt } from './built-processes';

const FAN_OUT = 1000;
const KILLS = 20;
/** Short claims, so that a delivery whose worker was killed is sent again within seconds. */
const CLAIM_SECONDS = 2;
/** The share of messages the SMTP server drops with a reset right after their final dot. */
const RESET_AFTER_DOT = 0.01;
const WORKER_ENTRY = 'apps/worker/src/main.js';

/** The compiled worker as production runs it, pointed at this test's database, queue namespace and SMTP server. */
function startWorker(config: AppConfig, smtpUrl: string, started: BuiltProcess[]): BuiltProcess {
  const worker = startBuilt(WORKER_ENTRY, {
    NODE_ENV: 'test',
    ...sharedServicesEnv(config, smtpUrl),
    DATA_DIR: config.DATA_DIR,
    NOTIFICATION_CLAIM_SECONDS: String(CLAIM_SECONDS),
    // CRASH_LOG_LEVEL=warn shows the worker's log in a failure's message (for debugging this test).
    LOG_LEVEL: process.env.CRASH_LOG_LEVEL ?? 'error',
  });
  started.push(worker);
  return worker;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Spawned worker processes on a busy two-core machine (CI shares it): generous limits, no timing asserted
// (21 worker starts dominate the crash run: ~60-90 s on a quiet machine, minutes on a loaded one).
jest.setTimeout(600_000);
const SLOW = 90_000;

describe.each(availableQueueBackends())('crash safety on the %s backend', (backend) => {
  let sink: SmtpSink;
  let t: TestApp;
  let ds: DataSource;
  let worker: BuiltProcess | null = null;
  /** Every worker process started, for their output in a failure's message. */
  const log: BuiltProcess[] = [];
  const workerLog = () => log.map((started) => started.output()).join('');

  beforeAll(async () => {
    if (!existsSync(dist(WORKER_ENTRY))) throw new Error('dist/ is missing: npm test builds it first (pretest)');
    sink = await SmtpSink.start();
    // The API only (no in-process worker): the worker is a separate process we can kill.
    t = await createTestApp({ backend, env: { SMTP_URL: sink.url } });
    ds = t.app.get(DataSource);
  });
  // A test that failed half-way leaves its worker running; the next test's would then share the queue
  // with it, and jest would wait for it at the end. Every worker started goes with its test.
  afterEach(async () => {
    for (const started of log) await started.stop('SIGKILL');
    worker = null;
  });
  afterAll(async () => {
    if (worker) await worker.stop('SIGKILL');
    await t.close();
    await sink.down();
  });

  it('delivers every mail of a 1,000-mail fan-out through an API crash before enqueue, 20 worker SIGKILLs and resets after the dot', async () => {
    const edition = await makeEdition(ds, { stage: 'juryScoring', name: 'Miasta Otwarte — próba awarii' });
    await ds.query(
      `WITH users AS (
         INSERT INTO app_user (email, name, locale, status)
         SELECT 'juror' || n || '@crash.example.org', 'Juror ' || n, (ARRAY['pl', 'en', 'uk'])[1 + n % 3], 'active'
           FROM generate_series(1, $2::int) AS n RETURNING id)
       INSERT INTO role_grant (user_id, role, edition_id) SELECT id, 'juror', $1 FROM users`,
      [edition.id, FAN_OUT],
    );
    // The API committed the change and its outbox row, then died before the relay enqueued it.
    const [{ id: eventId }] = await ds.query(
      `INSERT INTO outbox_event (type, payload, created_at) VALUES ('edition.stageChanged', $1::jsonb, now() - interval '1 minute') RETURNING id`,
      [JSON.stringify({ editionId: edition.id, from: 'reportsOpen', to: 'juryScoring', stageEventId: edition.id })],
    );
    const counts = async () => {
      const [row] = await ds.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'sent')::int AS sent FROM notification_delivery WHERE event_id = $1`,
        [eventId],
      );
      return row as { total: number; sent: number };
    };

    sink.resetAfterDot = RESET_AFTER_DOT;
    const resetsBefore = sink.resets;
    const startedAt = Date.now();
    let kills = 0;
    const phases: string[] = [];
    const mark = (what: string) => phases.push(`${what} ${((Date.now() - startedAt) / 1000).toFixed(1)}s`);
    while (kills < KILLS) {
      worker = startWorker(t.config, sink.url, log);
      // The first kill while the fan-out is being written; then each after a random number of mails
      // (0-40) reached the server since the restart (0: while the worker is still starting).
      const arrivedAtStart = sink.messages.length;
      const after = Math.floor(Math.random() * 40);
      const reached = kills === 0 ? async () => (await counts()).total > 0 : async () => sink.messages.length >= arrivedAtStart + after;
      // Generous: a restart on a busy two-core machine takes seconds, and a killed worker's jobs wait for their lock to expire.
      const deadline = Date.now() + 90_000;
      // Poll on a timer, not on message arrival, so the kill lands at an arbitrary point of the work.
      while (!(await reached())) {
        if (Date.now() > deadline) throw new Error(`kill ${kills + 1} not reached (${JSON.stringify(await counts())}, ${sink.messages.length} at the server); worker log:\n${workerLog()}`);
        if (worker.child.exitCode !== null) throw new Error(`worker exited by itself:\n${workerLog()}`);
        await sleep(5 + Math.random() * 20);
      }
      await worker.stop('SIGKILL');
      kills += 1;
      if (kills % 5 === 0) mark(`kill ${kills} at ${sink.messages.length}`);
    }
    const beforeLast = sink.messages.length;
    worker = startWorker(t.config, sink.url, log);
    await eventually(async () => (await counts()).sent === FAN_OUT, 90_000);
    mark('all sent');
    // Give a late duplicate the chance to show up before counting.
    await sleep(500);
    await worker.stop('SIGKILL');
    worker = null;
    sink.resetAfterDot = 0;

    const rows: { email: string; status: string; message_id: string; handover_count: number; claim_token: string | null; claimed_until: Date | null }[] =
      await ds.query(
        `SELECT u.email, d.status, d.message_id, d.handover_count, d.claim_token, d.claimed_until
           FROM notification_delivery d JOIN app_user u ON u.id = d.user_id WHERE d.event_id = $1`,
        [eventId],
      );
    const arrived = sink.messages.filter((m) => m.headers['x-open-cities-event'] === `${eventId}:scoringOpen`);
    const copiesOf = new Map<string, string[]>();
    for (const m of arrived) copiesOf.set(m.to, [...(copiesOf.get(m.to) ?? []), m.headers['message-id']]);
    // Nobody without their mail.
    expect(rows.filter(({ email }) => !copiesOf.has(email)).map(({ email }) => email)).toEqual([]);
    // Every copy carries its delivery's Message-ID; a second copy only where the row says the mail
    // was handed over more than once (an attempt killed or cut off before its receipt).
    expect(
      rows.flatMap(({ email, message_id: messageId, handover_count: handovers }) => {
        const copies = copiesOf.get(email) ?? [];
        const wrongId = copies.filter((id) => !id.startsWith(`<${messageId}@`));
        return wrongId.length > 0 || copies.length > Math.max(1, handovers) ? [`${email}: ${copies.length} copies, ${handovers} hand-overs, ids ${copies.join(' ')}`] : [];
      }),
    ).toEqual([]);
    // A kill can catch one unconfirmed hand-over per SMTP connection (8), each re-sent once: at most
    // one extra copy per kill for any one recipient (checked above), at most 8 per kill in all.
    const duplicates = arrived.length - copiesOf.size;
    expect(duplicates).toBeLessThanOrEqual(kills * SMTP_MAX_CONNECTIONS);
    // The outbox is settled: everything sent, nothing pending, no claim left behind.
    expect(await counts()).toEqual({ total: FAN_OUT, sent: FAN_OUT });
    expect(rows.filter((row) => row.claim_token !== null || row.claimed_until !== null)).toEqual([]);
    const [stats] = await ds.query(
      `SELECT count(*) FILTER (WHERE attempts > 1)::int AS retried, max(attempts)::int AS max_attempts,
              count(*) FILTER (WHERE handover_count > 1)::int AS resent FROM notification_delivery WHERE event_id = $1`,
      [eventId],
    );
    console.log(
      `[${backend}] ${FAN_OUT} mails, none lost, through ${kills} SIGKILLs and ${sink.resets - resetsBefore} resets after the dot in ` +
        `${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${duplicates} duplicate(s) (same Message-ID), ${stats.resent} marked re-sent; ` +
        `${beforeLast} arrived before the last restart; ${stats.retried} deliveries needed another attempt, at most ${stats.max_attempts}; ${phases.join(', ')}`,
    );
  });

  it('retries while the SMTP server is down and delivers everything once when it is back', async () => {
    const edition = await makeEdition(ds, { stage: 'reportsOpen', name: 'Miasta Otwarte — awaria poczty' });
    await ds.query(
      `WITH users AS (
         INSERT INTO app_user (email, name, locale, status)
         SELECT 'juror' || n || '@smtp-down.example.org', 'Juror ' || n, 'pl', 'active' FROM generate_series(1, 30) AS n RETURNING id)
       INSERT INTO role_grant (user_id, role, edition_id) SELECT id, 'juror', $1 FROM users`,
      [edition.id],
    );
    await sink.down();
    worker = startWorker(t.config, sink.url, log);
    const eventId = await t.app.get(UnitOfWork).run((tx) =>
      tx.emit('edition.stageChanged', { editionId: edition.id, from: 'reportsOpen', to: 'juryScoring', stageEventId: edition.id }),
    );
    // Every delivery has failed at least twice on a refused connection and waits for another try.
    await eventually(async () => {
      const [row] = await ds.query(
        `SELECT count(*) FILTER (WHERE status = 'pending' AND attempts >= 2 AND last_error LIKE '%ECONNREFUSED%')::int AS waiting
           FROM notification_delivery WHERE event_id = $1`,
        [eventId],
      );
      return row.waiting === 30;
    }, SLOW);
    const before = sink.messages.length;
    await sink.up();
    await eventually(async () => {
      const [row] = await ds.query(`SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent FROM notification_delivery WHERE event_id = $1`, [eventId]);
      return row.sent === 30;
    }, SLOW);
    await worker.stop('SIGKILL');
    worker = null;
    const arrived = sink.messages.slice(before).filter((m) => m.headers['x-open-cities-event'] === `${eventId}:scoringOpen`);
    expect(arrived).toHaveLength(30);
    expect(new Set(arrived.map((m) => m.to)).size).toBe(30);
    const [{ errors }] = await ds.query(`SELECT count(last_error)::int AS errors FROM notification_delivery WHERE event_id = $1`, [eventId]);
    expect(errors).toBe(0);
  });

  it('retries a failed delivery from the API and re-queues one whose job was lost, each delivered once', async () => {
    worker = startWorker(t.config, sink.url, log);
    const coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    const statusOf = async (id: string) => (await ds.query(`SELECT status FROM notification_delivery WHERE id = $1`, [id]))[0]?.status;

    // Refused for good: failed at once, its job completed. The retry must replace that finished job.
    const bouncing = await makeUser(ds, { email: `bounce-${backend}@example.org` });
    sink.refuse.add(bouncing.email);
    const eventId = await t.app.get(UnitOfWork).run((tx) => tx.emit('user.passwordResetRequested', { userId: bouncing.id }));
    const [{ id: failedId }] = await eventually(async () => {
      const rows = await ds.query(`SELECT id FROM notification_delivery WHERE event_id = $1 AND status = 'failed'`, [eventId]);
      return rows.length ? rows : null;
    }, SLOW);
    sink.refuse.delete(bouncing.email);
    await t.http.post(`/api/notifications/${failedId}/retry`).set(coordinator.auth).expect(200);
    await eventually(async () => (await statusOf(failedId)) === 'sent', SLOW);

    // Pending with no job at all (as after a job that stalled too often): the sweep re-queues it.
    const orphan = await makeUser(ds);
    const [{ id: orphanId }] = await ds.query(
      `INSERT INTO notification_delivery (event_id, dedupe_key, template, user_id, updated_at)
       VALUES (gen_random_uuid(), 'orphan', 'passwordReset', $1, now() - interval '10 minutes') RETURNING id`,
      [orphan.id],
    );
    // (The worker's own sweep may get there first; either way it is the sweep that re-queues it.)
    expect(await t.app.get(NotificationsService).rescueStuck()).toBeLessThanOrEqual(1);
    await eventually(async () => (await statusOf(orphanId)) === 'sent', SLOW);
    expect(await t.app.get(NotificationsService).rescueStuck()).toBe(0);

    await worker.stop('SIGKILL');
    worker = null;
    expect(sink.to(bouncing.email)).toHaveLength(1);
    expect(sink.to(orphan.email)).toHaveLength(1);
  });
});
