// Bull Board at /admin/queues: coordinators only, with the Bearer token or the board cookie that
// POST /api/admin/queues/session hands out (directly, or by trading a one-minute ticket).
import { DataSource } from 'typeorm';
import { availableQueueBackends, createTestApp, makeSignedInUser, TestApp } from '@app/testing';

describe.each(availableQueueBackends())('queue dashboard on the %s backend', (backend) => {
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    t = await createTestApp({ backend });
    ds = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const cookieOf = (setCookie: string | string[] | undefined) => {
    const header = ([] as string[]).concat(setCookie ?? []).find((value) => value.startsWith('oc_board='));
    return header ? { header, pair: header.split(';')[0] } : null;
  };

  it('refuses anonymous callers and other roles, and serves coordinators with their Bearer token', async () => {
    const anonymous = await t.http.get('/admin/queues').expect(401);
    expect(anonymous.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    const juror = await makeSignedInUser(ds, t.http, 'juror', { editionId: (await ds.query(`INSERT INTO edition (year, name) VALUES (2042, 'x') RETURNING id`))[0].id });
    await t.http.get('/admin/queues').set(juror.auth).expect(403);
    await t.http.get('/admin/queues/api/queues').set(juror.auth).expect(403);

    const coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    const page = await t.http.get('/admin/queues').set(coordinator.auth).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('Open Cities queues');
    const queues = await t.http.get('/admin/queues/api/queues').set(coordinator.auth).expect(200);
    expect(queues.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual(['documents', 'maintenance', 'notifications']);
  });

  it('lets a browser in through a one-minute ticket traded for an HttpOnly, SameSite=Strict cookie', async () => {
    const coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    await t.http.post('/api/admin/queues/session').expect(401);
    const session = await t.http.post('/api/admin/queues/session').set(coordinator.auth).expect(200);
    expect(session.body).toEqual({ url: expect.stringMatching(/^\/admin\/queues\?ticket=[\w-]+\.[\w-]+\.[\w-]+$/), expiresIn: 60 });
    const direct = cookieOf(session.headers['set-cookie']);
    expect(direct?.header).toMatch(/^oc_board=[\w.-]+; Path=\/admin\/queues; HttpOnly; SameSite=Strict; Max-Age=900$/);

    const traded = await t.http.get(session.body.url).expect(303);
    expect(traded.headers.location).toBe('/admin/queues');
    const cookie = cookieOf(traded.headers['set-cookie'])!;
    const page = await t.http.get('/admin/queues').set('Cookie', cookie.pair).expect(200);
    // The UI's scripts load relative to <base href>, through the same check.
    const base = /<base href="([^"]+)"/.exec(page.text)![1];
    const script = /<script defer src="([^"]+)"/.exec(page.text)![1];
    await t.http.get(`${base.replace(/\/?$/, '/')}${script}`).set('Cookie', cookie.pair).expect(200);
    await t.http.get(`${base.replace(/\/?$/, '/')}${script}`).expect(401);
    await t.http.get('/admin/queues/api/queues').set('Cookie', direct!.pair).expect(200);

    // Neither the cookie nor the ticket is an API access token, and a forged ticket is refused.
    const boardToken = cookie.pair.split('=')[1];
    await t.http.get('/api/me').set('Authorization', `Bearer ${boardToken}`).expect(401);
    await t.http.get('/admin/queues').set('Authorization', `Bearer ${boardToken}`).expect(401);
    await t.http.get(`${session.body.url.slice(0, -3)}abc`).expect(401);

    // Signing out closes the board for that session at once.
    await t.http.post('/api/auth/logout').set(coordinator.auth).send({ refreshToken: coordinator.refreshToken }).expect(204);
    await t.http.get('/admin/queues').set('Cookie', cookie.pair).expect(401);
    await t.http.get(session.body.url).expect(401);
  });

  it('sends a browser without a board session to the app page that opens the board, not to raw JSON', async () => {
    const html = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const anonymous = await t.http.get('/admin/queues').set('Accept', html).expect(303);
    expect(anonymous.headers.location).toBe('/coordinator/queues');
    const expired = await t.http.get('/admin/queues?ticket=a.b.c').set('Accept', html).expect(303);
    expect(expired.headers.location).toBe('/coordinator/queues');
    // Scripts reading the board's API still get the JSON answer.
    await t.http.get('/admin/queues/api/queues').set('Accept', html).expect(401);
    await t.http.get('/admin/queues').set('Accept', 'application/json').expect(401);
  });
});
