// Several processes on one PostgreSQL (and one Redis): two API processes and two worker processes
// from dist/, as production runs them, each with its own DATA_DIR and evidence files in S3-compatible
// object storage (s3rver, started here): no disk is shared. An edition goes from reports to
// publication with requests spread over both APIs (the upload on one, the download on the other);
// one worker is SIGKILLed during a notification fan-out. Then: every recipient got their mail, the
// outbox drained, the schedules exist once, sign-in throttling counts across both APIs (Redis
// backend), and a logout on one API holds on the other.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppConfig, buildDataSourceOptions, configureQueueBackend, freePort, QUEUES } from '@app/core';
import { ALL_ENTITIES } from '@app/domain';
import {
  availableQueueBackends, createTestDatabase, eventually, grantRole, makeUser, PDF_BYTES, signIn, SmtpSink, startS3Server, TestDatabase, testConfig, TestS3Server,
} from '@app/testing';
import { Queue } from 'bullmq';
import { BuiltProcess, dist, sharedServicesEnv, startBuilt, untilReady } from './built-processes';

const JURORS_BY_SQL = 150;
const OUTBOX_SWEEP_EVERY_MS = 10_000; // apps/worker/src/worker.module.ts
/** The mail of the fan-out the worker is killed in, in English and in Polish. */
const SCORING_OPENED = /2093: (jury scoring has opened|rozpoczęła się ocena jury)/;
const uniform = (v: number) => ({ comprehensiveness: v, longTerm: v, governmentEngagement: v, effectiveness: v });

// Four Node processes starting at once on a busy two-core machine (CI shares it): generous limits.
jest.setTimeout(300_000);

/** One process's environment: the shared database, queues, mail and bucket, and a DATA_DIR of its own. */
function processEnv(config: AppConfig, smtpUrl: string, s3: TestS3Server, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    ...sharedServicesEnv(config, smtpUrl),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'oc-multi-process-')),
    ...s3.env,
    LOG_LEVEL: 'error',
    AUTH_RATE_LIMIT_PER_IP: '100000',
    AUTH_RATE_LIMIT_PER_ACCOUNT: '6',
    ...extra,
  };
}

describe.each(availableQueueBackends())('two APIs and two workers on the %s backend', (backend) => {
  let db: TestDatabase;
  let ds: DataSource;
  let sink: SmtpSink;
  let s3: TestS3Server;
  let config: AppConfig;
  const children: BuiltProcess[] = [];
  const dataDirs: string[] = [];
  const log = () => children.map((child) => child.output()).join('');
  let a: ReturnType<typeof request>;
  let b: ReturnType<typeof request>;

  beforeAll(async () => {
    if (!existsSync(dist('apps/api/src/main.js'))) throw new Error('dist/ is missing: npm test builds it first (pretest)');
    db = await createTestDatabase();
    ds = new DataSource(buildDataSourceOptions(db.url, ALL_ENTITIES, { poolSize: 2 }));
    await ds.initialize();
    sink = await SmtpSink.start();
    s3 = await startS3Server();
    config = testConfig(db.url, {}, backend);
    const ports = [await freePort(), await freePort()];
    const env = (extra: Record<string, string> = {}) => {
      const vars = processEnv(config, sink.url, s3, extra);
      dataDirs.push(vars.DATA_DIR);
      return vars;
    };
    for (const port of ports) children.push(startBuilt('apps/api/src/main.js', env({ PORT: String(port) })));
    // Short claims: the deliveries the SIGKILLed worker had claimed are sent again within seconds.
    for (let i = 0; i < 2; i++) children.push(startBuilt('apps/worker/src/main.js', env({ NOTIFICATION_CLAIM_SECONDS: '5' })));
    [a, b] = ports.map((port) => request(`http://127.0.0.1:${port}`));
    for (const [i, port] of ports.entries()) await untilReady(children[i], port, 120_000);
  });
  afterAll(async () => {
    for (const child of children) await child.stop('SIGTERM');
    await ds?.destroy();
    await db?.drop();
    await sink?.down();
    await s3?.stop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('runs an edition from reports to publication across both APIs, surviving a worker SIGKILL mid fan-out', async () => {
    const coordinatorUser = await makeUser(ds);
    await grantRole(ds, coordinatorUser.id, 'coordinator');
    const c = (await signIn(a, coordinatorUser.email)).auth;
    const edition = (await b.post('/api/editions').set(c).send({ year: 2093, name: 'Miasta Otwarte 2093' }).expect(201)).body;
    const category = (await a.post(`/api/editions/${edition.id}/categories`).set(c).send({ name: 'Miejski punkt obsługi cudzoziemców' }).expect(201)).body;
    const lublin = (await b.post('/api/cities').set(c).send({ name: `Lublin ${backend}` }).expect(201)).body;
    const expertUser = await makeUser(ds);
    await a.post(`/api/editions/${edition.id}/experts`).set(c).send({ userId: expertUser.id, cityId: lublin.id }).expect(201);
    const jurors = [];
    for (let i = 0; i < 3; i++) {
      const user = await makeUser(ds);
      await (i % 2 ? a : b).post(`/api/editions/${edition.id}/jurors`).set(c).send({ userId: user.id }).expect(201);
      jurors.push({ ...user, ...(await signIn(i % 2 ? b : a, user.email)) });
    }
    // Many more jurors, so the stage change below fans out into a few hundred mails.
    await ds.query(
      `WITH users AS (
         INSERT INTO app_user (email, name, locale, status)
         SELECT 'juror' || n || '-' || $3 || '@multi.example.org', 'Juror ' || n, 'en', 'active' FROM generate_series(1, $2::int) AS n RETURNING id)
       INSERT INTO role_grant (user_id, role, edition_id) SELECT id, 'juror', $1 FROM users`,
      [edition.id, JURORS_BY_SQL, backend],
    );
    await b.post(`/api/editions/${edition.id}/transitions`).set(c).send({ to: 'reportsOpen' }).expect(200);

    const e = (await signIn(b, expertUser.email)).auth;
    const report = (await b.post(`/api/editions/${edition.id}/reports`).set(e).send({ cityId: lublin.id }).expect(201)).body;
    const practice = (await a.post(`/api/reports/${report.id}/practices`).set(e)
      .send({ title: 'Punkt dla cudzoziemców', description: 'Opis.', recipientUnits: [], categoryIds: [category.id] }).expect(201)).body;
    const file = (await a.post(`/api/reports/${report.id}/files`).set(e).attach('file', PDF_BYTES, 'raport.pdf').expect(201)).body;
    await b.post(`/api/reports/${report.id}/submit`).set(e).expect(200);
    await b.post(`/api/practices/${practice.id}/eligibility`).set(c).send({ eligible: true }).expect(200);

    // The fan-out to every juror; one worker dies in the middle of it, the other finishes.
    await a.post(`/api/editions/${edition.id}/transitions`).set(c).send({ to: 'juryScoring' }).expect(200);
    const jurorEmails = [...jurors.map((j) => j.email), ...Array.from({ length: JURORS_BY_SQL }, (_, n) => `juror${n + 1}-${backend}@multi.example.org`)];
    const mailed = () => jurorEmails.filter((email) => sink.to(email).some((m) => SCORING_OPENED.test(m.subject))).length;
    await eventually(async () => mailed() >= 20 || null, 60_000);
    await children[2].stop('SIGKILL');
    const killedAt = mailed();
    expect(killedAt).toBeLessThan(jurorEmails.length);

    // A juror reads the evidence uploaded through the other API, which has its own DATA_DIR: the
    // bytes come from the bucket, not from a disk the two APIs share.
    expect(existsSync(join(dataDirs[0], 'files', file.id))).toBe(false);
    const download = await b.get(`/api/reports/${report.id}/files/${file.id}`).set(jurors[0].auth).buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      }).expect(200);
    expect(Buffer.compare(download.body as Buffer, PDF_BYTES)).toBe(0);
    for (const [i, juror] of jurors.entries()) {
      await (i % 2 ? a : b).put(`/api/practices/${practice.id}/scores/mine`).set(juror.auth).send({ criteria: uniform(4 + (i % 2)) }).expect(200);
    }
    await b.post(`/api/editions/${edition.id}/transitions`).set(c).send({ to: 'deliberation' }).expect(200);
    await a.post(`/api/editions/${edition.id}/awards`).set(c).send({ cityId: lublin.id, categoryIds: [category.id], practiceIds: [practice.id] }).expect(201);
    await b.post(`/api/editions/${edition.id}/transitions`).set(c).send({ to: 'decided' }).expect(200);
    await a.post(`/api/editions/${edition.id}/transitions`).set(c).send({ to: 'published' }).expect(200);
    const awards = (await b.get('/api/public/editions/2093/awards').expect(200)).body;
    expect(awards.awards.map((award: { city: { name: string } }) => award.city.name)).toEqual([lublin.name]);

    // The outbox drained and no delivery is left pending or failed.
    await eventually(async () => {
      const [row] = await ds.query(`SELECT count(*) FILTER (WHERE processed_at IS NULL)::int AS open FROM outbox_event`);
      const [deliveries] = await ds.query(`SELECT count(*) FILTER (WHERE status <> 'sent')::int AS open FROM notification_delivery`);
      return (row.open === 0 && deliveries.open === 0) || null;
    }, 120_000).catch(() => {
      throw new Error(`the outbox or the deliveries did not drain; process log:\n${log()}`);
    });
    await new Promise((r) => setTimeout(r, 500)); // a late duplicate would show up by now
    // Every juror got the jury-scoring mail. A second copy only where the SIGKILL cut a hand-over
    // before its receipt (the row counts it), and then with the delivery's own Message-ID.
    const deliveries: { email: string; messageId: string; handovers: number }[] = await ds.query(
      `SELECT u.email, d.message_id AS "messageId", d.handover_count AS handovers
         FROM notification_delivery d JOIN app_user u ON u.id = d.user_id JOIN outbox_event e ON e.id = d.event_id
        WHERE u.email = ANY($1) AND e.type = 'edition.stageChanged' AND e.payload->>'to' = 'juryScoring'`,
      [jurorEmails],
    );
    expect(deliveries.map((d) => d.email).sort()).toEqual([...jurorEmails].sort());
    const scoringMails = (email: string) => sink.to(email).filter((m) => SCORING_OPENED.test(m.subject));
    expect(
      deliveries.flatMap(({ email, messageId, handovers }) => {
        const ids = scoringMails(email).map((m) => m.headers['message-id']);
        const wrongId = ids.filter((id) => !id.startsWith(`<${messageId}@`));
        return ids.length === 0 || wrongId.length > 0 || ids.length > Math.max(1, handovers) ? [`${email}: ${ids.length} copies, ${handovers} hand-overs, ids ${ids.join(' ')}`] : [];
      }),
    ).toEqual([]);

    // Both workers declared the schedules; each exists once, and each tick of the outbox sweep (every
    // 10 s) ran once, on one worker: two runs of one tick would start within moments of each other.
    const queue = new Queue(QUEUES.maintenance, configureQueueBackend(config));
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => s.key).sort()).toEqual(['certificates-sweep', 'notifications-reminders', 'notifications-sweep', 'outbox-sweep']);
      // At least two ticks to compare: the walk above may take less than one sweep interval.
      const startedAt = await eventually(async () => {
        const sweeps = (await queue.getJobs(['completed', 'failed', 'active'], 0, 1000)).filter((job) => job.name === 'outbox.sweep');
        const times = sweeps.map((job) => job.processedOn ?? 0).filter(Boolean).sort((x, y) => x - y);
        return times.length >= 2 ? times : null;
      }, 3 * OUTBOX_SWEEP_EVERY_MS);
      const gaps = startedAt.slice(1).map((at, i) => at - startedAt[i]);
      expect(Math.min(...gaps)).toBeGreaterThan(OUTBOX_SWEEP_EVERY_MS / 2);
    } finally {
      await queue.close();
    }
  }, 120_000);

  it('signs out on one API with effect on the other', async () => {
    const user = await makeUser(ds);
    await grantRole(ds, user.id, 'coordinator');
    const session = await signIn(a, user.email);
    await b.get('/api/me').set(session.auth).expect(200);
    await a.post('/api/auth/logout').set(session.auth).send({ refreshToken: session.refreshToken }).expect(204);
    await eventually(async () => (await b.get('/api/me').set(session.auth)).status === 401 || null, 5_000);
  });

  (backend === 'redis' ? it : it.skip)('counts sign-in attempts for one account across both APIs (Redis storage)', async () => {
    const user = await makeUser(ds);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await (i % 2 ? a : b).post('/api/auth/login').send({ email: user.email, password: 'wrong password!' })).status);
    }
    // The limit is 6 per account: 3 on each API, then both refuse.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
  });
});
