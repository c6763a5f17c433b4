// Request duration histograms by route template, method and status class. Each route gets its own
// onResponse hook (added when the route is registered) that already knows its template and keeps
// its label children, so a request costs one observe: no label hashing, no object built per request.
import { FastifyInstance, onResponseHookHandler, RouteOptions } from 'fastify';
import { Histogram } from 'prom-client';

type Child = Histogram.Internal<'method' | 'route' | 'status_class'>;

export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class HttpRequestMetrics {
  readonly histogram = new Histogram({
    name: 'open_cities_http_request_duration_seconds',
    help: 'API request duration, by route template, method and status class (1xx-5xx)',
    labelNames: ['method', 'route', 'status_class'],
    buckets: HTTP_DURATION_BUCKETS,
    // Registered by the app's MetricsService, so each app in a process has its own.
    registers: [],
  });

  /** Adds the observing hook to every route registered on `fastify` (call before routes are added). */
  instrument(fastify: FastifyInstance): void {
    fastify.addHook('onRoute', (route) => this.addHook(route));
  }

  private addHook(route: RouteOptions): void {
    const template = route.url;
    // Per method, children by status class index (1..5), made on first use.
    const children = new Map<string, (Child | undefined)[]>();
    const observe: onResponseHookHandler = (request, reply, done) => {
      const statusClass = Math.min(5, Math.max(1, Math.floor(reply.statusCode / 100)));
      let byClass = children.get(request.method);
      if (!byClass) children.set(request.method, (byClass = []));
      const child = (byClass[statusClass] ??= this.histogram.labels({ method: request.method, route: template, status_class: `${statusClass}xx` }));
      child.observe(reply.elapsedTime / 1000);
      done();
    };
    const existing = route.onResponse;
    route.onResponse = existing ? [...(Array.isArray(existing) ? existing : [existing]), observe] : [observe];
  }
}
