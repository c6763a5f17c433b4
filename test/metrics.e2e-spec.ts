// GET /api/metrics after traffic: Prometheus text with the request histogram, default process
// metrics, DB pool, queue, delivery and outbox gauges; values move with what happens. Access:
// loopback, or METRICS_TOKEN from elsewhere. The worker serves the same on METRICS_PORT.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { JobQueue, QUEUES } from '@app/core';
import { createTestApp, fetchOpenApiDocument, TestApp } from '@app/testing';
import { WorkerMetricsServer } from '@app/worker';

const TOKEN = 'metrics-token-for-the-test-0123';

/** The value of one sample, e.g. sample(text, 'open_cities_queue_jobs', { queue: 'maintenance', state: 'delayed' }). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe('metrics', () => {
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    t = await createTestApp({ env: { METRICS_TOKEN: TOKEN, METRICS_PORT: '0' } });
    ds = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const scrape = async () => {
    const res = await t.http.get('/api/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text;
  };
  const readyCount = (text: string, statusClass = '2xx') =>
    sample(text, 'open_cities_http_request_duration_seconds_count', { method: 'GET', route: '/api/health/ready', status_class: statusClass }) ?? 0;

  it('answers in Prometheus format after traffic, with values that move', async () => {
    // No worker meanwhile: its outbox sweep would relay the event this test leaves unrelayed.
    await t.stopWorker();
    const before = await scrape();
    // Event-loop lag is measured between scrapes (0 is a fair first reading); heap and memory are never 0.
    expect(sample(before, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(before, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(before, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(sample(before, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sample(before, 'open_cities_db_pool_clients', { state: 'in_use' })).toBeGreaterThanOrEqual(0);
    expect(sample(before, 'open_cities_db_pool_clients', { state: 'waiting' })).toBe(0);
    for (const status of ['pending', 'sent', 'failed']) expect(sample(before, 'open_cities_notification_deliveries', { status })).toBeGreaterThanOrEqual(0);
    for (const queue of Object.values(QUEUES)) {
      for (const state of ['waiting', 'active', 'failed', 'delayed']) expect(sample(before, 'open_cities_queue_jobs', { queue, state })).toBeGreaterThanOrEqual(0);
    }
    expect(sample(before, 'open_cities_metrics_source_up', { source: 'database' })).toBe(1);
    expect(sample(before, 'open_cities_metrics_source_up', { source: 'queues' })).toBe(1);

    // Traffic: five good requests on one route, one refused request on another.
    for (let i = 0; i < 5; i++) await t.http.get('/api/health/ready').expect(200);
    // The liveness probe is answered before any hook and is not measured (orchestrators poll it).
    await t.http.get('/api/health/live').expect(200);
    await t.http.get('/api/editions').expect(401);
    // Backlog: an outbox event the relay has not picked up for a minute, and a delayed job.
    await ds.query(`INSERT INTO outbox_event (type, payload, created_at) VALUES ('metrics.test', '{}', now() - interval '60 seconds')`);
    const jobId = randomUUID();
    // (On the notifications queue: the maintenance queue's schedules come and go on their own.)
    await t.app.get(JobQueue).queue(QUEUES.notifications).add('outbox.dispatch', { outboxId: jobId }, { jobId, delay: 3_600_000 });

    const after = await scrape();
    expect(readyCount(after) - readyCount(before)).toBe(5);
    expect(sample(after, 'open_cities_http_request_duration_seconds_bucket', { method: 'GET', route: '/api/health/ready', status_class: '2xx', le: '+Inf' })).toBe(readyCount(after));
    expect(sample(after, 'open_cities_http_request_duration_seconds_count', { method: 'GET', route: '/api/health/live', status_class: '2xx' })).toBeUndefined();
    expect(sample(after, 'open_cities_http_request_duration_seconds_count', { method: 'GET', route: '/api/editions', status_class: '4xx' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'open_cities_outbox_unrelayed')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'open_cities_outbox_oldest_unrelayed_age_seconds')).toBeGreaterThanOrEqual(59);
    expect(sample(after, 'open_cities_queue_jobs', { queue: QUEUES.notifications, state: 'delayed' })).toBe(
      sample(before, 'open_cities_queue_jobs', { queue: QUEUES.notifications, state: 'delayed' })! + 1,
    );

    await t.app.get(JobQueue).queue(QUEUES.notifications).remove(jobId);
    await ds.query(`DELETE FROM outbox_event WHERE type = 'metrics.test'`);
    expect(sample(await scrape(), 'open_cities_outbox_unrelayed')).toBe(0);
  });

  it('asks callers outside loopback for METRICS_TOKEN (a user token is not it)', async () => {
    const outside = { 'x-forwarded-for': '203.0.113.7' };
    const denied = await t.http.get('/api/metrics').set(outside).expect(401);
    expect(denied.body).toMatchObject({ statusCode: 401, code: 'metrics_token_required' });
    await t.http.get('/api/metrics').set(outside).set('authorization', `Bearer ${TOKEN}-wrong`).expect(401);
    const allowed = await t.http.get('/api/metrics').set(outside).set('authorization', `Bearer ${TOKEN}`).expect(200);
    expect(allowed.text).toContain('# TYPE open_cities_http_request_duration_seconds histogram');
  });

  it('is documented with its own bearer scheme', async () => {
    const document = await fetchOpenApiDocument(t.http);
    const operation = document.paths['/api/metrics']?.get;
    expect(operation).toMatchObject({ security: [{ metricsToken: [] }] });
    expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '403']));
  });

  it('serves the worker’s metrics on METRICS_PORT, with the same rule', async () => {
    const worker = await t.startWorker();
    const port = worker.get(WorkerMetricsServer).port();
    expect(port).toBeGreaterThan(0);
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(sample(text, 'open_cities_queue_jobs', { queue: QUEUES.notifications, state: 'waiting' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'open_cities_outbox_unrelayed')).toBeGreaterThanOrEqual(0);
    expect(text).not.toContain('open_cities_http_request_duration_seconds');
    expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
  });
});
