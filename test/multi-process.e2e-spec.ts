// Several processes on one PostgreSQL (and one Redis): two API processes and two worker processes
// from dist/, as production runs them. An edition goes from reports to publication with requests
// spread over both APIs (the upload on one, the download on the other, through a shared DATA_DIR:
// the S3 driver is not on main yet); one worker is SIGKILLed during a notification fan-out. Then:
// every recipient got their mail, the outbox drained, the schedules exist once, sign-in throttling
// counts across both APIs (Redis backend), and a logout on one API holds on the other.
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppConfig, buildDataSourceOptions, configureQueueBackend, freePort, QUEUES } from '@app/core';
import { ALL_ENTITIES } from '@app/domain';
import { availableQueueBackends, createTestDatabase, eventually, grantRole, makeUser, PDF_BYTES, signIn, SmtpSink, TestDatabase, testConfig } from '@app/testing';
import { Queue } from 'bullmq';

const dist = (path: string) => join(__dirname, '..', 'dist', path);
const JURORS_BY_SQL = 150;
const OUTBOX_SWEEP_EVERY_MS = 10_000; // apps/worker/src/worker.module.ts
/** The mail of the fan-out the worker is killed in, in English and in Polish. */
const SCORING_OPENED = /2093: (jury scoring has opened|rozpoczęła się ocena jury)/;
const uniform = (v: number) => ({ comprehensiveness: v, longTerm: v, governmentEngagement: v, effectiveness: v });

// Four Node processes starting at once on a busy two-core machine (CI shares it): generous limits.
jest.setTimeout(300_000);

function processEnv(config: AppConfig, smtpUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    DATABASE_URL: config.DATABASE_URL,
    ...(config.REDIS_URL ? { REDIS_URL: config.REDIS_URL } : {}),
    QUEUE_BACKEND: config.queueBackend,
    QUEUE_PREFIX: config.QUEUE_PREFIX,
    SMTP_URL: smtpUrl,
    JWT_SECRET: config.JWT_SECRET,
    DATA_DIR: config.DATA_DIR,
    LOG_LEVEL: 'error',
    AUTH_RATE_LIMIT_PER_IP: '100000',
    AUTH_RATE_LIMIT_PER_ACCOUNT: '6',
    ...extra,
  };
}

function start(entry: string, env: Record<string, string>, log: string[]): ChildProcess {
  const child = spawn(process.execPath, [dist(entry)], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (chunk) => log.push(String(chunk)));
  return child;
}

async function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

describe.each(availableQueueBackends())('two APIs and two workers on the %s backend', (backend) => {
  let db: TestDatabase;
  let ds: DataSource;
  let sink: SmtpSink;
  let config: AppConfig;
  const children: ChildProcess[] = [];
  const log: string[] = [];
  let a: ReturnType<typeof request>;
  let b: ReturnType<typeof request>;

  beforeAll(async () => {
    if (!existsSync(dist('apps/api/src/main.js'))) throw new Error('dist/ is missing: npm test builds it first (pretest)');
    db = await createTestDatabase();
    ds = new DataSource(buildDataSourceOptions(db.url, ALL_ENTITIES, { poolSize: 2 }));
    await ds.initialize();
    sink = await SmtpSink.start();
    config = testConfig(db.url, {}, backend);
    const ports = [await freePort(), await freePort()];
    for (const port of ports) children.push(start('apps/api/src/main.js', processEnv(config, sink.url, { PORT: String(port) }), log));
    for (let i = 0; i < 2; i++) children.push(start('apps/worker/src/main.js', processEnv(config, sink.url), log));
    [a, b] = ports.map((port) => request(`http://127.0.0.1:${port}`));
    for (const http of [a, b]) {
      await eventually(async () => (await http.get('/api/health/ready').then((r) => r.status, () => 0)) === 200, 120_000).catch(() => {
        throw new Error(`an API did not get ready:\n${log.join('')}`);
      });
    }
  });
  afterAll(async () => {
    for (const child of children) await kill(child, 'SIGTERM');
    await ds?.destroy();
    await db?.drop();
    await sink?.down();
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
    await kill(children[2]);
    const killedAt = mailed();
    expect(killedAt).toBeLessThan(jurorEmails.length);

    // A juror reads the evidence uploaded through the other API.
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
      throw new Error(`the outbox or the deliveries did not drain; process log:\n${log.join('')}`);
    });
    await new Promise((r) => setTimeout(r, 500)); // a late duplicate would show up by now
    // Every juror got the jury-scoring mail once, except what SMTP itself cannot settle (see
    // notifications-crash.e2e-spec.ts): a hand-over cut by the SIGKILL after the final dot, which
    // the server may drop; its row is then sent without a receipt. At most one, as there is one kill.
    const scoringMails = (email: string) => sink.to(email).filter((m) => SCORING_OPENED.test(m.subject)).length;
    expect(jurorEmails.filter((email) => scoringMails(email) > 1)).toEqual([]);
    const missing = jurorEmails.filter((email) => scoringMails(email) === 0);
    expect(missing.length).toBeLessThanOrEqual(1);
    if (missing.length > 0) {
      const rows: { status: string; receipt: string | null }[] = await ds.query(
        `SELECT d.status, d.receipt FROM notification_delivery d JOIN app_user u ON u.id = d.user_id JOIN outbox_event e ON e.id = d.event_id
          WHERE u.email = ANY($1) AND e.type = 'edition.stageChanged' AND e.payload->>'to' = 'juryScoring'`,
        [missing],
      );
      expect(rows).toEqual([{ status: 'sent', receipt: null }]);
    }

    // Both workers declared the schedules; each exists once, and each tick of the outbox sweep (every
    // 10 s) ran once, on one worker: two runs of one tick would start within moments of each other.
    const queue = new Queue(QUEUES.maintenance, configureQueueBackend(config));
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => s.key).sort()).toEqual(['notifications-reminders', 'notifications-sweep', 'outbox-sweep']);
      const sweeps = (await queue.getJobs(['completed', 'failed', 'active'], 0, 1000)).filter((job) => job.name === 'outbox.sweep');
      const startedAt = sweeps.map((job) => job.processedOn ?? 0).sort((x, y) => x - y);
      expect(startedAt.length).toBeGreaterThanOrEqual(2);
      const gaps = startedAt.slice(1).map((at, i) => at - startedAt[i]);
      expect(Math.min(...gaps)).toBeGreaterThan(OUTBOX_SWEEP_EVERY_MS / 2);
    } finally {
      await queue.close();
    }
  });

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
