import Fastify from 'fastify';
import { Registry } from 'prom-client';
import { HttpRequestMetrics } from './http-metrics';

describe('HttpRequestMetrics', () => {
  it('renders a Prometheus histogram per route template, method and status class', async () => {
    const fastify = Fastify({ forceCloseConnections: true });
    const metrics = new HttpRequestMetrics();
    metrics.instrument(fastify);
    fastify.get('/things/:id', async (request, reply) => ((request.params as { id: string }).id === 'missing' ? reply.code(404).send({ missing: true }) : { ok: true }));
    try {
      const base = await fastify.listen({ port: 0, host: '127.0.0.1' });
      for (const id of ['a', 'b', 'missing']) await (await fetch(`${base}/things/${id}`)).text();
      const registry = new Registry();
      registry.registerMetric(metrics.asMetric());
      const text = await registry.metrics();
      expect(text).toContain('# TYPE open_cities_http_request_duration_seconds histogram');
      expect(text).toContain('open_cities_http_request_duration_seconds_count{method="GET",route="/things/:id",status_class="2xx"} 2');
      expect(text).toContain('open_cities_http_request_duration_seconds_bucket{method="GET",route="/things/:id",status_class="4xx",le="+Inf"} 1');
      // Buckets are cumulative and end at the count.
      const buckets = [...text.matchAll(/_bucket\{method="GET",route="\/things\/:id",status_class="2xx",le="[^"]+"\} (\d+)/g)].map((m) => Number(m[1]));
      expect(buckets).toHaveLength(12);
      expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
      expect(buckets.at(-1)).toBe(2);
    } finally {
      await fastify.close();
    }
  });
});
