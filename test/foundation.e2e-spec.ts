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

  it('sends security headers and no CORS by default', async () => {
    const res = await t.http.get('/api/health/live').set('origin', 'https://evil.example');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('request ids', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('echoes a sane X-Request-Id and makes a UUID otherwise', async () => {
    const given = await t.http.get('/api/health/live').set('x-request-id', 'abc-123.x').expect(200);
    expect(given.headers['x-request-id']).toBe('abc-123.x');
    const bad = await t.http.get('/api/health/live').set('x-request-id', '<script>').expect(200);
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const none = await t.http.get('/api/health/live').expect(200);
    expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
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
    const submit = doc.paths['/api/reports/{id}/submit'].post;
    for (const status of ['401', '403', '404', '409']) {
      expect(submit.responses[status].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
    }
    expect(doc.paths['/api/editions'].post.responses['400']).toBeDefined();
  });
});
