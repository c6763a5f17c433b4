// HTTP basics of the contract: health, error bodies, body limit, OpenAPI, security headers.
import { createTestApp, TestApp } from '@app/testing';

describe('foundation HTTP basics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness (database and queue)', async () => {
    await t.http.get('/api/health/live').expect(200, { status: 'ok' });
    const ready = await t.http.get('/api/health/ready').expect(200);
    expect(ready.body.status).toBe('ok');
    expect(ready.body.details.database.status).toBe('up');
    expect(ready.body.details.queue.status).toBe('up');
  });

  it('answers an unknown route with the stable error body', async () => {
    const res = await t.http.get('/api/nope').expect(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
  });

  it('rejects a body over 1 MiB with 413 and no stack trace', async () => {
    const res = await t.http
      .post('/api/health/live')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ blob: 'x'.repeat(1024 * 1024 + 10) }));
    expect(res.status).toBe(413);
    expect(res.body.statusCode).toBe(413);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js/);
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const doc = await t.http.get('/api/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/health/live', '/api/health/ready']));
    await t.http.get('/api/docs').expect(200);
  });

  it('sends the OWASP REST security headers on API answers, and no CORS by default', async () => {
    const res = await t.http.get('/api/health/ready').set('origin', 'https://evil.example');
    expect(cspDirectives(res.headers['content-security-policy'])).toEqual({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] });
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
    // Error answers carry them too.
    const missing = await t.http.get('/api/nope').expect(404);
    expect(missing.headers['content-security-policy']).toBe(res.headers['content-security-policy']);
    expect(missing.headers['x-frame-options']).toBe('DENY');
  });

  it('sends pages a CSP that allows only the app’s own scripts, no plugins and no framing by others', async () => {
    const res = await t.http.get('/api/docs').expect(200);
    expect(cspDirectives(res.headers['content-security-policy'])).toEqual({
      'default-src': ["'self'"],
      'base-uri': ["'self'"],
      'font-src': ["'self'", 'https:', 'data:'],
      'form-action': ["'self'"],
      'frame-ancestors': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'object-src': ["'none'"],
      // Swagger UI runs inline scripts and styles; nothing from other origins.
      'script-src': ["'self'", "'unsafe-inline'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'upgrade-insecure-requests': [],
    });
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'x-permitted-cross-domain-policies': 'none',
      'x-dns-prefetch-control': 'off',
    });
  });
});

/** A Content-Security-Policy header as directive → sources. */
function cspDirectives(header: string | undefined): Record<string, string[]> {
  expect(header).toEqual(expect.any(String));
  return Object.fromEntries(
    header!.split(';').map((part) => part.trim()).filter(Boolean).map((part) => {
      const [name, ...sources] = part.split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('request ids', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('echoes a sane X-Request-Id and makes a UUID otherwise', async () => {
    const given = await t.http.get('/api/health/ready').set('x-request-id', 'abc-123.x').expect(200);
    expect(given.headers['x-request-id']).toBe('abc-123.x');
    const bad = await t.http.get('/api/health/ready').set('x-request-id', '<script>').expect(200);
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const none = await t.http.get('/api/health/ready').expect(200);
    expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers the liveness probe with nosniff alone: no browser-facing headers, no request id (probes are not logged)', async () => {
    const res = await t.http.get('/api/health/live').set('x-request-id', 'abc-123.x').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    for (const name of ['x-request-id', 'content-security-policy', 'x-frame-options', 'strict-transport-security', 'vary', 'content-encoding']) {
      expect(res.headers[name]).toBeUndefined();
    }
    // Any other path under /api/health keeps the whole set.
    const ready = await t.http.get('/api/health/ready').expect(200);
    expect(ready.headers['x-frame-options']).toBe('DENY');
  });
});

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('describes the error responses of every protected operation with the error body', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    expect(doc.components.schemas.ErrorBody.required).toEqual(['statusCode', 'error', 'message']);
    const protectedOperations = operations(doc).filter(({ operation }) => operation.security?.length);
    expect(protectedOperations.length).toBeGreaterThan(60);
    const problems: string[] = [];
    for (const { method, path, operation } of protectedOperations) {
      const expected = ['401', '403'];
      if (/\{[^}]+\}/.test(path)) expected.push('404');
      if (operation.requestBody) expected.push('400');
      for (const status of expected) {
        const schema = operation.responses[status]?.content?.['application/json']?.schema?.$ref;
        if (!schema || !/^#\/components\/schemas\/\w+Body$/.test(schema)) problems.push(`${method.toUpperCase()} ${path}: ${status} ${schema ?? 'missing'}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses every protected operation without a token with 401 and the error body', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const problems: string[] = [];
    for (const { method, path, operation } of operations(doc)) {
      // Signed-in routes only: /api/metrics has its own scheme (METRICS_TOKEN, or loopback; test/metrics.e2e-spec.ts).
      if (!operation.security?.some((requirement) => typeof requirement === 'object' && requirement !== null && 'bearer' in requirement)) continue;
      const url = path.replace(/\{[^}]+\}/g, '6f9619ff-8b86-4d11-b42d-00c04fc964ff');
      const request = t.http[method as 'get'](url);
      const res = operation.requestBody ? await request.send({}) : await request;
      if (res.status !== 401 || res.body.statusCode !== 401 || res.body.error !== 'Unauthorized') problems.push(`${method.toUpperCase()} ${path}: ${res.status}`);
    }
    expect(problems).toEqual([]);
  });
});

interface Operation {
  security?: unknown[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

function operations(doc: { paths: Record<string, Record<string, Operation>> }) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method)).map(([method, operation]) => ({ method, path, operation })),
  );
}
