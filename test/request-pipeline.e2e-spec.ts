// Only what a route needs runs for it: public routes never touch the auth machinery (no token
// verification, no principal lookup), throttling counts only the sign-in family of routes, and the
// security headers and the request id are set once per reply.
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AccessGuard, PrincipalCache } from '@app/core';
import { createTestApp, makeSignedInUser, TestApp } from '@app/testing';

describe('request pipeline', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_IP: '3' } });
  });
  afterAll(() => t.close());

  it('public routes ignore credentials altogether: a forged token is not even read, and no principal is looked up', async () => {
    const user = await makeSignedInUser(t.app.get(DataSource), t.http, null);
    const cache = t.app.get(PrincipalCache);
    const loads = cache.loads;
    for (const path of ['/api/health/live', '/api/public/editions']) {
      await t.http.get(path).set('authorization', 'Bearer forged.token.value').expect(200);
      await t.http.get(path).set(user.auth).expect(200);
    }
    expect(cache.loads).toBe(loads);
  });

  it('answers the liveness probe before any other hook (not even the adapter\'s or the guard), with the same body and headers', async () => {
    const guard = jest.spyOn(AccessGuard.prototype, 'canActivate');
    // Called by one of the onRequest hooks Nest's FastifyAdapter adds to every route.
    const adapterHook = jest.spyOn(FastifyAdapter.prototype as unknown as { isRoutableRequestTarget(url: string): boolean }, 'isRoutableRequestTarget');
    try {
      const res = await t.http.get('/api/health/live').expect(200);
      expect(res.body).toEqual({ status: 'ok' });
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(guard).not.toHaveBeenCalled();
      expect(adapterHook).not.toHaveBeenCalled();
      await t.http.get('/api/public/editions').expect(200);
      expect(guard).toHaveBeenCalledTimes(1);
      expect(adapterHook).toHaveBeenCalledTimes(1);
      // A browser's request (with an Origin) takes the whole path, CORS included; so does HEAD.
      await t.http.get('/api/health/live').set('origin', 'https://example.org').expect(200, { status: 'ok' });
      await t.http.head('/api/health/live').expect(200);
      expect(adapterHook).toHaveBeenCalledTimes(3);
    } finally {
      guard.mockRestore();
      adapterHook.mockRestore();
    }
  });

  it('keeps the adapter\'s onResponse hook out (nothing sets it; Fastify would listen for every response\'s end)', () => {
    expect(() => (t.app.getHttpAdapter() as FastifyAdapter).setOnResponseHook(() => undefined)).toThrow(/onResponse/);
  });

  it('throttles the sign-in routes only: other routes are not counted against the limit', async () => {
    const user = await makeSignedInUser(t.app.get(DataSource), t.http, null);
    // Two sign-ins of the per-IP limit of three are spent (one per test); the other requests spend none.
    for (let i = 0; i < 8; i++) {
      await t.http.get('/api/me').set(user.auth).expect(200);
      await t.http.get('/api/health/live').expect(200);
    }
    await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong password here' }).expect(401);
    await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong password here' }).expect(429);
  });

  it('sets each security header and the request id exactly once', async () => {
    const res = await t.http.get('/api/public/editions').set('x-request-id', 'req-1');
    expect(res.headers['x-request-id']).toBe('req-1');
    for (const name of ['x-request-id', 'content-security-policy', 'x-content-type-options', 'x-frame-options', 'strict-transport-security']) {
      expect(res.headers[name]).toEqual(expect.any(String));
      expect(res.headers[name]).not.toContain(',');
    }
  });
});
