// The principal is cached per session in each API process and invalidated by PostgreSQL
// LISTEN/NOTIFY (triggers on auth_session, app_user and role_grant). Two API instances on one
// database, each with its own pool and listener connection, stand for two API processes: a change
// made through instance A must reach instance B's cache within 100 ms of A's answer (the change
// has committed by then), B's next answer must show it, and B must read the database while its listener is down.
// A itself sees its own change before it answers (its pool connections LISTEN as well).
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  createTestApp,
  createTestDatabase,
  grantRole,
  makeEdition,
  makeSignedInUser,
  signIn,
  TestApp,
  TestDatabase,
} from '@app/testing';
import { PrincipalCache, PrincipalChangeListener } from '@app/core';

const STALENESS_BOUND_MS = 100;

describe('principal cache across two API processes', () => {
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let sql: Client;
  const measured: Record<string, number> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    a = await createTestApp({ database });
    b = await createTestApp({ database });
    await a.app.get(PrincipalChangeListener).whenSubscribed();
    await b.app.get(PrincipalChangeListener).whenSubscribed();
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  });

  afterAll(async () => {
    console.log(`staleness on the second API process (ms after the first answered): ${JSON.stringify(measured)}`);
    await sql?.end();
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  const dataSourceOf = (t: TestApp) => t.app.get(DataSource);
  const cacheOf = (t: TestApp) => t.app.get(PrincipalCache);
  const listenerOf = (t: TestApp) => t.app.get(PrincipalChangeListener);

  /**
   * Runs a change through A (or SQL) and returns B's staleness: the milliseconds from the change's
   * answer (it has committed by then) until B's listener dropped the principal, 0 when B had
   * dropped it before the answer reached the test. `change` must make one or more notifications.
   */
  async function stalenessOnB(change: () => Promise<unknown>): Promise<number> {
    const listener = listenerOf(b);
    const before = listener.notificationsApplied;
    await change();
    const answered = performance.now();
    for (;;) {
      if (listener.notificationsApplied > before) return Math.max(0, listener.lastNotificationAt - answered);
      if (performance.now() - answered > 5_000) throw new Error('B received no notification within 5 s');
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it('serves repeated requests of a session from the cache, without a query', async () => {
    const user = await makeSignedInUser(dataSourceOf(a), a.http, null);
    await b.http.get('/api/me').set(user.auth).expect(200);
    const loads = cacheOf(b).loads;
    for (let i = 0; i < 5; i++) await b.http.get('/api/me').set(user.auth).expect(200);
    expect(cacheOf(b).loads).toBe(loads);
  });

  it('a logout through A holds for A\'s very next request, even before A\'s listener connection has delivered it', async () => {
    const user = await makeSignedInUser(dataSourceOf(a), a.http, null);
    await a.http.get('/api/me').set(user.auth).expect(200);
    // A's own pool connection carries the notification with its COMMIT's answer: the listener's
    // copy is dropped here to show that no wait for it (nor a query) is needed.
    const listener = listenerOf(a) as unknown as { onNotification(payload: string): void };
    const dropped = jest.spyOn(listener, 'onNotification').mockImplementation(() => undefined);
    try {
      await a.http.post('/api/auth/logout').set(user.auth).send({ refreshToken: user.refreshToken }).expect(204);
      await a.http.get('/api/me').set(user.auth).expect(401);
    } finally {
      dropped.mockRestore();
    }
  });

  it('a logout through A ends the session on B within the bound', async () => {
    const user = await makeSignedInUser(dataSourceOf(a), a.http, null);
    await b.http.get('/api/me').set(user.auth).expect(200);
    measured.logout = await stalenessOnB(() => a.http.post('/api/auth/logout').set(user.auth).send({ refreshToken: user.refreshToken }).expect(204));
    expect(measured.logout).toBeLessThanOrEqual(STALENESS_BOUND_MS);
    await b.http.get('/api/me').set(user.auth).expect(401);
  });

  it('disabling a user through A shuts them out of B within the bound', async () => {
    const admin = await makeSignedInUser(dataSourceOf(a), a.http, 'coordinator');
    const user = await makeSignedInUser(dataSourceOf(a), a.http, null);
    await b.http.get('/api/me').set(user.auth).expect(200);
    measured.disable = await stalenessOnB(() => a.http.post(`/api/users/${user.id}/disable`).set(admin.auth).expect(200));
    expect(measured.disable).toBeLessThanOrEqual(STALENESS_BOUND_MS);
    await b.http.get('/api/me').set(user.auth).expect(401);
  });

  it('a grant added and removed through A shows on B within the bound', async () => {
    const admin = await makeSignedInUser(dataSourceOf(a), a.http, 'coordinator');
    const edition = await makeEdition(dataSourceOf(a));
    const user = await makeSignedInUser(dataSourceOf(a), a.http, null);
    await b.http.get('/api/me').set(user.auth).expect(200);

    let assignmentId = '';
    measured.grantAdded = await stalenessOnB(async () => {
      assignmentId = (await a.http.post(`/api/editions/${edition.id}/jurors`).set(admin.auth).send({ userId: user.id }).expect(201)).body.id;
    });
    expect(measured.grantAdded).toBeLessThanOrEqual(STALENESS_BOUND_MS);
    expect((await b.http.get('/api/me').set(user.auth).expect(200)).body.roles).toEqual([{ role: 'juror', editionId: edition.id }]);

    measured.grantRemoved = await stalenessOnB(() => a.http.delete(`/api/editions/${edition.id}/jurors/${assignmentId}`).set(admin.auth).expect(204));
    expect(measured.grantRemoved).toBeLessThanOrEqual(STALENESS_BOUND_MS);
    expect((await b.http.get('/api/me').set(user.auth).expect(200)).body.roles).toEqual([]);
  });

  it('any writer is covered: a grant inserted by plain SQL outside the API reaches B', async () => {
    const user = await makeSignedInUser(dataSourceOf(a), a.http, null);
    await b.http.get('/api/me').set(user.auth).expect(200);
    measured.sqlGrant = await stalenessOnB(() => grantRole(dataSourceOf(a), user.id, 'coordinator'));
    expect(measured.sqlGrant).toBeLessThanOrEqual(STALENESS_BOUND_MS);
    expect((await b.http.get('/api/me').set(user.auth).expect(200)).body.roles).toEqual([{ role: 'coordinator' }]);
  });

  it('a change rolled back sends nothing: the cache keeps serving', async () => {
    const user = await makeSignedInUser(dataSourceOf(a), a.http, null);
    await b.http.get('/api/me').set(user.auth).expect(200);
    await sql.query('BEGIN');
    await sql.query(`UPDATE app_user SET name = 'Rolled Back' WHERE id = $1`, [user.id]);
    await sql.query('ROLLBACK');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const loads = cacheOf(b).loads;
    const res = await b.http.get('/api/me').set(user.auth).expect(200);
    expect(res.body.name).not.toBe('Rolled Back');
    expect(cacheOf(b).loads).toBe(loads);
  });

  it('with its listener connection cut, B reads the database on every request, then drops what it missed', async () => {
    const user = await makeSignedInUser(dataSourceOf(a), a.http, null);
    const listener = listenerOf(b);
    await b.http.get('/api/me').set(user.auth).expect(200);
    listener.timing = { ...listener.timing, retryMs: 1_500, maxRetryMs: 1_500 };
    const pid = listener.backendPid;
    await sql.query('SELECT pg_terminate_backend($1)', [pid]);
    for (let i = 0; i < 200 && listener.subscribed; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(listener.subscribed).toBe(false);

    // Down: every request is a database read, and a change made now (its notification is lost) is seen at once.
    const loads = cacheOf(b).loads;
    await b.http.get('/api/me').set(user.auth).expect(200);
    await b.http.get('/api/me').set(user.auth).expect(200);
    expect(cacheOf(b).loads).toBe(loads + 2);
    await sql.query(`UPDATE app_user SET name = 'Renamed While Down' WHERE id = $1`, [user.id]);
    expect((await b.http.get('/api/me').set(user.auth).expect(200)).body.name).toBe('Renamed While Down');

    // Re-subscribed on a new connection: caching again, with nothing stale kept from before.
    await listener.whenSubscribed(10_000);
    expect(listener.backendPid).not.toBe(pid);
    expect((await b.http.get('/api/me').set(user.auth).expect(200)).body.name).toBe('Renamed While Down');
    const cachedLoads = cacheOf(b).loads;
    await b.http.get('/api/me').set(user.auth).expect(200);
    expect(cacheOf(b).loads).toBe(cachedLoads);
    // And it still hears changes.
    measured.afterReconnect = await stalenessOnB(() => a.http.post('/api/auth/logout').set(user.auth).send({ refreshToken: user.refreshToken }).expect(204));
    expect(measured.afterReconnect).toBeLessThanOrEqual(STALENESS_BOUND_MS);
    await b.http.get('/api/me').set(user.auth).expect(401);
  });

  it('a session signed in again after a logout works on B (a new session is never stale)', async () => {
    const user = await makeSignedInUser(dataSourceOf(a), a.http, null);
    await a.http.post('/api/auth/logout').set(user.auth).send({ refreshToken: user.refreshToken }).expect(204);
    const again = await signIn(a.http, user.email);
    await b.http.get('/api/me').set(again.auth).expect(200);
  });
});
