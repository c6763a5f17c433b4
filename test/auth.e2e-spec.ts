// Accounts and sessions: argon2id hashes, same 401 for unknown email and wrong password, refresh
// rotation with reuse detection, logout, disabling, invitations, password resets, token tampering,
// audit rows without secrets.
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccountsService } from '@app/domain';
import { createTestApp, expectDocumentedAnswer, fetchOpenApiDocument, grantRole, makeSignedInUser, makeUser, signIn, TEST_PASSWORD, TestApp } from '@app/testing';

const b64 = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

describe('accounts and auth', () => {
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const sign = (claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }, secret = t.config.JWT_SECRET) => {
    const body = `${b64(header)}.${b64(claims)}`;
    return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
  };

  it('signs in, answers /me with roles, and stores argon2id hashes', async () => {
    const user = await makeUser(ds, { email: 'Ekspert@Example.org' });
    await grantRole(ds, user.id, 'coordinator');
    const { auth } = await signIn(t.http, 'EKSPERT@example.org');

    const me = await t.http.get('/api/me').set(auth).expect(200);
    expect(me.body).toEqual({ id: user.id, email: 'ekspert@example.org', name: expect.any(String), locale: 'pl', roles: [{ role: 'coordinator' }] });
    const [{ password_hash }] = await ds.query('SELECT password_hash FROM app_user WHERE id = $1', [user.id]);
    expect(password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it('gives the same 401 for an unknown email and a wrong password', async () => {
    const user = await makeUser(ds);
    const unknown = await t.http.post('/api/auth/login').send({ email: 'nobody@example.org', password: 'whatever-password' }).expect(401);
    const wrong = await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong-password-123' }).expect(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', code: 'invalid_credentials', message: 'Invalid email or password' });
  });

  it('rejects invited and disabled users like a wrong password', async () => {
    const invited = await makeUser(ds, { status: 'invited' });
    const disabled = await makeUser(ds, { status: 'disabled' });
    await t.http.post('/api/auth/login').send({ email: invited.email, password: TEST_PASSWORD }).expect(401);
    await t.http.post('/api/auth/login').send({ email: disabled.email, password: TEST_PASSWORD }).expect(401);
  });

  it('rotates refresh tokens; reusing a spent one revokes the whole session family', async () => {
    const user = await makeUser(ds);
    const first = await signIn(t.http, user.email);
    const second = (await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const third = (await t.http.post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(200)).body;
    await t.http.get('/api/me').set({ Authorization: `Bearer ${third.accessToken}` }).expect(200);

    // The spent first token comes back (stolen): the family is revoked, the newest tokens die too.
    const reuse = await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    expect(reuse.body.code).toBe('refresh_token_reused');
    await t.http.post('/api/auth/refresh').send({ refreshToken: third.refreshToken }).expect(401);
    await t.http.get('/api/me').set({ Authorization: `Bearer ${third.accessToken}` }).expect(401);
    // Other sessions of the same user are untouched.
    const other = await signIn(t.http, user.email);
    await t.http.get('/api/me').set(other.auth).expect(200);
  });

  it('logout revokes the session and its access token at once', async () => {
    const user = await makeUser(ds);
    const session = await signIn(t.http, user.email);
    await t.http.post('/api/auth/logout').set(session.auth).send({ refreshToken: session.refreshToken }).expect(204);
    await t.http.get('/api/me').set(session.auth).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
  });

  it('disabling a user ends all their sessions at once', async () => {
    const coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    const user = await makeUser(ds);
    const a = await signIn(t.http, user.email);
    const b = await signIn(t.http, user.email);
    await t.http.post(`/api/users/${user.id}/disable`).set(coordinator.auth).expect(200);
    await t.http.get('/api/me').set(a.auth).expect(401);
    await t.http.get('/api/me').set(b.auth).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: b.refreshToken }).expect(401);
    await t.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(401);
  });

  it('invites a user through the outbox; the single-use token sets the password', async () => {
    const coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    const created = await t.http
      .post('/api/users')
      .set(coordinator.auth)
      .send({ email: 'Nowy.Juror@Example.org', name: 'Priscilla Rubia', locale: 'en' })
      .expect(201);
    expect(created.body).toMatchObject({ email: 'nowy.juror@example.org', name: 'Priscilla Rubia', locale: 'en', status: 'invited' });
    const events = await ds.query(`SELECT payload FROM outbox_event WHERE type = 'user.invited'`);
    expect(events).toContainEqual({ payload: { userId: created.body.id } });
    await t.http.post('/api/users').set(coordinator.auth).send({ email: 'nowy.juror@example.org', name: 'Again' }).expect(409);
    const found = await t.http.get('/api/users?q=nowy.juror').set(coordinator.auth).expect(200);
    expect(found.body).toEqual({ items: [expect.objectContaining({ id: created.body.id, status: 'invited' })], total: 1 });
    expectDocumentedAnswer(await fetchOpenApiDocument(t.http), 'GET /api/users', found);

    const token = await t.app.get(AccountsService).issueOneTimeToken(created.body.id, 'invitation');
    const short = await t.http.post('/api/invitations/accept').send({ token, password: 'short' }).expect(400);
    expect(short.body.details).toEqual([{ field: 'password', problem: 'must be at least 12 characters long' }]);
    const same = await t.http.post('/api/invitations/accept').send({ token, password: 'nowy.juror@example.org' }).expect(400);
    expect(same.body.details).toEqual([{ field: 'password', problem: 'must not be the same as the email address' }]);
    await t.http.post('/api/invitations/accept').send({ token, password: 'a long enough passphrase' }).expect(200);
    const again = await t.http.post('/api/invitations/accept').send({ token, password: 'another long passphrase' }).expect(400);
    expect(again.body.details).toEqual([{ field: 'token', problem: 'is invalid or has expired' }]);
    await signIn(t.http, 'nowy.juror@example.org', 'a long enough passphrase');
  });

  it('refuses an expired invitation token', async () => {
    const user = await makeUser(ds, { status: 'invited' });
    const token = await t.app.get(AccountsService).issueOneTimeToken(user.id, 'invitation');
    await ds.query(`UPDATE one_time_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    await t.http.post('/api/invitations/accept').send({ token, password: 'a long enough passphrase' }).expect(400);
  });

  it('answers 202 to every reset request and resets with the token, ending old sessions', async () => {
    const user = await makeUser(ds);
    const old = await signIn(t.http, user.email);
    await t.http.post('/api/auth/password-reset').send({ email: 'nobody@example.org' }).expect(202);
    await t.http.post('/api/auth/password-reset').send({ email: user.email.toUpperCase() }).expect(202);
    const [event] = await ds.query(`SELECT payload FROM outbox_event WHERE type = 'user.passwordResetRequested' AND payload->>'userId' = $1`, [user.id]);
    expect(event).toBeDefined();
    const token = await t.app.get(AccountsService).issueOneTimeToken(user.id, 'passwordReset');
    await t.http.post('/api/auth/password-reset/confirm').send({ token, password: 'a brand new passphrase' }).expect(200);
    await t.http.get('/api/me').set(old.auth).expect(401);
    await t.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(401);
    await signIn(t.http, user.email, 'a brand new passphrase');
  });

  describe('access tokens', () => {
    let valid: { sub: string; sid: string; typ: 'access'; iss: string; aud: string; iat: number; exp: number };
    beforeAll(async () => {
      const user = await makeSignedInUser(ds, t.http, null);
      const [, payload] = user.accessToken.split('.');
      valid = JSON.parse(Buffer.from(payload, 'base64url').toString());
      await t.http.get('/api/me').set({ Authorization: `Bearer ${sign(valid)}` }).expect(200);
    });

    it.each([
      ['no token', () => undefined],
      ['garbage', () => 'not.a.token'],
      ['tampered payload', () => { const [h, , s] = sign(valid).split('.'); return `${h}.${b64({ ...valid, sub: '00000000-0000-0000-0000-000000000000' })}.${s}`; }],
      ['tampered signature', () => sign(valid).slice(0, -2) + 'AA'],
      ['expired', () => sign({ ...valid, iat: valid.iat - 3600, exp: Math.floor(Date.now() / 1000) - 10 })],
      ['wrong audience', () => sign({ ...valid, aud: 'someone-else' })],
      ['wrong issuer', () => sign({ ...valid, iss: 'someone-else' })],
      ['other secret', () => sign(valid, undefined, 'another-secret-another-secret-another-secret')],
      ['alg none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(valid)}.`],
      ['alg HS512', () => { const body = `${b64({ alg: 'HS512', typ: 'JWT' })}.${b64(valid)}`; return `${body}.${createHmac('sha512', t.config.JWT_SECRET).update(body).digest('base64url')}`; }],
      ['not an access token', () => sign({ ...valid, typ: 'refresh' })],
    ])('rejects %s with 401', async (_name, make) => {
      const token = make();
      const req = t.http.get('/api/me');
      if (token) req.set({ Authorization: `Bearer ${token}` });
      const res = await req.expect(401);
      expect(res.body.statusCode).toBe(401);
    });
  });

  it('writes audit rows for sign-ins and failures, without secrets', async () => {
    const user = await makeUser(ds);
    await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong-password-123' }).expect(401);
    await signIn(t.http, user.email);
    const rows = await ds.query(`SELECT action, outcome, details::text AS details FROM audit_event WHERE actor_id = $1 ORDER BY id`, [user.id]);
    expect(rows.map((r: { action: string; outcome: string }) => [r.action, r.outcome])).toEqual([
      ['auth.login', 'failure'],
      ['auth.login', 'success'],
    ]);
    const all = JSON.stringify(await ds.query('SELECT * FROM audit_event'));
    expect(all).not.toContain('wrong-password-123');
    expect(all).not.toContain(TEST_PASSWORD);
    await expect(ds.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
    await expect(ds.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
  });

  it('validates input with field names and rejects unknown fields', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: 'not-an-email', password: 'x', admin: true }).expect(400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { field: 'email', problem: 'must be an email address' },
        { field: 'admin', problem: 'is not an allowed field' },
      ]),
    );
  });
});

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_ACCOUNT: '20', AUTH_RATE_LIMIT_PER_IP: '100000' } });
  });
  afterAll(() => t.close());

  it('gives 429 with Retry-After before the 21st wrong password for one account is checked', async () => {
    const ds = t.app.get(DataSource);
    const user = await makeUser(ds);
    for (let attempt = 1; attempt <= 20; attempt++) {
      await t.http.post('/api/auth/login').send({ email: user.email, password: `wrong-password-${attempt}` }).expect(401);
    }
    const blocked = await t.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body).toMatchObject({ statusCode: 429, code: 'rate_limited' });
    // The 21st attempt was not even checked: no audit row for it.
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM audit_event WHERE actor_id = $1 AND action = 'auth.login'`, [user.id]);
    expect(count).toBe(20);
    // Another account from the same IP is not affected.
    const other = await makeUser(ds);
    await signIn(t.http, other.email);
  });
});

describe('rate limits per IP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_IP: '5' } });
  });
  afterAll(() => t.close());

  it('limits the reset route per IP across accounts', async () => {
    for (let i = 0; i < 5; i++) await t.http.post('/api/auth/password-reset').send({ email: `a${i}@example.org` }).expect(202);
    const res = await t.http.post('/api/auth/password-reset').send({ email: 'z@example.org' }).expect(429);
    expect(res.headers['retry-after']).toBeDefined();
  });
});
