// Rules of accounts at their edges: a coordinator never disables themselves nor the last active
// coordinator (even when two try at once); access tokens must carry an expiry and no future
// issue time; sign-in throttling slows an address down but never locks the owner out.
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { availableQueueBackends, createTestApp, makeSignedInUser, makeUser, signIn, TEST_PASSWORD, TestApp } from '@app/testing';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('auth hardening', () => {
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    // Limits small enough to reach in a test: 5 failures per account, 30 attempts per IP per minute.
    t = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_ACCOUNT: '5', AUTH_RATE_LIMIT_PER_IP: '30' } });
    ds = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  describe('disabling coordinators', () => {
    it('refuses to disable one’s own account (409 cannot_disable_self), sessions intact', async () => {
      const other = await makeSignedInUser(ds, t.http, 'coordinator');
      const me = await makeSignedInUser(ds, t.http, 'coordinator');
      const res = await t.http.post(`/api/users/${me.id}/disable`).set(me.auth).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, code: 'cannot_disable_self' });
      await t.http.get('/api/me').set(me.auth).expect(200);
      // Another coordinator still may.
      await t.http.post(`/api/users/${me.id}/disable`).set(other.auth).expect(200);
      await t.http.get('/api/me').set(me.auth).expect(401);
    });

    it('never disables the last active coordinator, even when two disable each other at once', async () => {
      for (let round = 0; round < 4; round++) {
        // Leave exactly two active coordinators.
        await ds.query(`UPDATE app_user SET status = 'disabled' WHERE id IN (SELECT user_id FROM role_grant WHERE role = 'coordinator')`);
        const a = await makeSignedInUser(ds, t.http, 'coordinator');
        const b = await makeSignedInUser(ds, t.http, 'coordinator');
        const answers = await Promise.all([
          t.http.post(`/api/users/${b.id}/disable`).set(a.auth),
          t.http.post(`/api/users/${a.id}/disable`).set(b.auth),
        ]);
        // One wins; the other is refused as the last coordinator, or finds itself already disabled.
        expect(answers.filter((res) => res.status === 200)).toHaveLength(1);
        const loser = answers.find((res) => res.status !== 200)!;
        if (loser.status === 409) expect(loser.body.code).toBe('last_coordinator');
        else expect(loser.status).toBe(401);
        const [{ active }] = await ds.query(
          `SELECT count(*)::int AS active FROM app_user u WHERE u.status = 'active' AND EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id AND g.role = 'coordinator')`,
        );
        expect(active).toBe(1);
      }
    });

    it('still disables ordinary users', async () => {
      const coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
      const juror = await makeSignedInUser(ds, t.http, null);
      await t.http.post(`/api/users/${juror.id}/disable`).set(coordinator.auth).expect(200);
    });
  });

  describe('access token claims', () => {
    const sign = (claims: Record<string, unknown>) => {
      const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
      return `${body}.${createHmac('sha256', t.config.JWT_SECRET).update(body).digest('base64url')}`;
    };
    let valid: Record<string, unknown> & { iat: number; exp: number };
    beforeAll(async () => {
      const user = await makeSignedInUser(ds, t.http, null);
      valid = JSON.parse(Buffer.from(user.accessToken.split('.')[1], 'base64url').toString());
      await t.http.get('/api/me').set({ Authorization: `Bearer ${sign(valid)}` }).expect(200);
    });

    it('refuses a token without exp (401)', async () => {
      const { exp: _exp, ...noExp } = valid;
      await t.http.get('/api/me').set({ Authorization: `Bearer ${sign(noExp)}` }).expect(401);
    });

    it('refuses a token without iat or issued in the future (401)', async () => {
      const { iat: _iat, ...noIat } = valid;
      await t.http.get('/api/me').set({ Authorization: `Bearer ${sign(noIat)}` }).expect(401);
      const future = Math.floor(Date.now() / 1000) + 600;
      await t.http.get('/api/me').set({ Authorization: `Bearer ${sign({ ...valid, iat: future, exp: future + 900 })}` }).expect(401);
    });

    it('refuses a token living longer than the configured lifetime (401)', async () => {
      await t.http.get('/api/me').set({ Authorization: `Bearer ${sign({ ...valid, exp: valid.iat + 365 * 86_400 })}` }).expect(401);
    });
  });

  // Counters in Redis when the app has REDIS_URL (queue backend redis), in memory otherwise.
  describe.each(availableQueueBackends().map((backend) => [backend === 'redis' ? 'Redis' : 'in-memory', backend] as const))('sign-in throttling (%s counters)', (_storage, backend) => {
    let app: TestApp;
    beforeAll(async () => {
      app = await createTestApp({ backend, database: t.database, env: { AUTH_RATE_LIMIT_PER_ACCOUNT: '5', AUTH_RATE_LIMIT_PER_IP: '30' } });
    });
    afterAll(() => app.close());
    const login = (email: string, password: string, ip: string) =>
      app.http.post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password });

    it('does not count successful sign-ins against the account', async () => {
      const user = await makeUser(ds);
      for (let i = 0; i < 8; i++) await login(user.email, TEST_PASSWORD, '198.51.100.1').expect(200);
    });

    it('lets the owner in from their own address within seconds after others guessed 20 times', async () => {
      const user = await makeUser(ds);
      // 20 wrong passwords from many addresses (none reaches the per-IP limit).
      const refused = [];
      for (let i = 0; i < 20; i++) {
        const res = await login(user.email, 'wrong-password-123', `203.0.113.${i + 1}`);
        expect([401, 429]).toContain(res.status);
        if (res.status === 429) {
          const retryAfter = Number(res.headers['retry-after']);
          expect(retryAfter).toBeGreaterThanOrEqual(1);
          expect(retryAfter).toBeLessThanOrEqual(5);
          refused.push(res);
        }
      }
      expect(refused.length).toBeGreaterThan(0);
      // The owner, from their own address: in at once or after waiting what Retry-After said.
      const started = Date.now();
      let res = await login(user.email, TEST_PASSWORD, '192.0.2.50');
      if (res.status === 429) {
        await new Promise((resolve) => setTimeout(resolve, Number(res.headers['retry-after']) * 1000));
        res = await login(user.email, TEST_PASSWORD, '192.0.2.50');
      }
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(6_000);
      await signIn(app.http, user.email);
    });

    it('slows down one address that keeps failing (429 with Retry-After), not the others', async () => {
      const user = await makeUser(ds);
      const statuses: number[] = [];
      for (let i = 0; i < 32; i++) statuses.push((await login(`nobody-${i}@example.org`, 'wrong-password-123', '198.51.100.99')).status);
      expect(statuses).toContain(429);
      await login(user.email, TEST_PASSWORD, '198.51.100.100').expect(200);
    });
  });
});
