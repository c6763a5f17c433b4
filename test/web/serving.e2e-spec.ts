// The API serves the built web app at `/` (dist/web, built by `npm run build`, which `pretest`
// runs): files as they are, index.html for app routes, and never for /api, whose unknown routes
// keep the JSON 404 body.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, TestApp } from '@app/testing';

const webRoot = join(__dirname, '../../dist/web');
const html = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('web app served by the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    if (!existsSync(join(webRoot, 'index.html'))) throw new Error('dist/web is missing: run `npm run build` (npm test does it first)');
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('serves index.html at / and for app routes, with a strict CSP and no caching', async () => {
    for (const path of ['/', '/sign-in', '/editions/2015', '/invitations/accept?token=abc', '/coordinator/editions/x']) {
      const res = await t.http.get(path).set('accept', html).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<div id="root"></div>');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self';");
      expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    }
  });

  it('keeps the JSON 404 for unknown /api routes, HTML accepted or not', async () => {
    for (const path of ['/api/nope', '/api', '/api/public/nothing-here']) {
      const res = await t.http.get(path).set('accept', html).expect(404);
      expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
    }
  });

  it('serves hashed assets as immutable and answers 404 for missing files', async () => {
    const script = readdirSync(join(webRoot, 'assets')).find((name) => name.endsWith('.js'));
    const res = await t.http.get(`/assets/${script}`).expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toContain('immutable');
    const missing = await t.http.get('/assets/nothing-0000.js').set('accept', html).expect(404);
    expect(missing.body.statusCode).toBe(404);
  });

  it('does not answer HTML to requests that do not ask for it, nor leave the web root', async () => {
    await t.http.get('/sign-in').set('accept', 'application/json').expect(404);
    const escape = await t.http.get('/assets/..%2f..%2f..%2fpackage.json');
    expect([403, 404]).toContain(escape.status);
  });

  it('still serves the API and its docs', async () => {
    await t.http.get('/api/health/live').set('accept', html).expect(200, { status: 'ok' });
    await t.http.get('/api/docs-json').expect(200);
  });
});
