// Request duration histograms by route template, method and status class. Each route gets its own
// onResponse hook (added when the route is registered) that already knows its template and holds
// its series, so a request costs a map lookup, a scan of 11 bounds and three additions: no label
// hashing, no allocation. (prom-client's Histogram#observe validates and hashes the labels on every
// call, about 1-2 µs here; this is rendered by prom-client's registry all the same, at scrape time.)
import { FastifyInstance, onResponseHookHandler, RouteOptions } from 'fastify';
import { Metric } from 'prom-client';

export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
type Label = 'method' | 'route' | 'status_class';

/** What prom-client's registry reads from a metric (its typings say `type` is a numeric enum; it is this string). */
interface RenderedHistogram {
  name: string;
  help: string;
  type: 'histogram';
  aggregator: 'sum';
  values: { metricName: string; labels: Record<string, string | number>; value: number }[];
}

/** One label combination: counts per bucket (not cumulative; the last slot is above every bound). */
class Series {
  readonly counts = new Float64Array(HTTP_DURATION_BUCKETS.length + 1);
  sum = 0;
  count = 0;

  constructor(readonly labels: Record<Label, string>) {}

  observe(seconds: number): void {
    let bucket = 0;
    while (bucket < HTTP_DURATION_BUCKETS.length && seconds > HTTP_DURATION_BUCKETS[bucket]) bucket++;
    this.counts[bucket]++;
    this.sum += seconds;
    this.count++;
  }
}

export class HttpRequestMetrics {
  readonly name = 'open_cities_http_request_duration_seconds';
  readonly help = 'API request duration, by route template, method and status class (1xx-5xx)';
  private readonly series: Series[] = [];

  /** Adds the observing hook to every route registered on `fastify` but `except` (call before routes are added). */
  instrument(fastify: FastifyInstance, except: readonly string[] = []): void {
    fastify.addHook('onRoute', (route) => {
      if (!except.includes(route.url)) this.addHook(route);
    });
  }

  /** What prom-client's registry renders (it accepts any object with name, help and get()). */
  asMetric(): Metric {
    return this as unknown as Metric;
  }

  get(): RenderedHistogram {
    const values: RenderedHistogram['values'] = [];
    for (const series of this.series) {
      let cumulative = 0;
      HTTP_DURATION_BUCKETS.forEach((bound, index) => {
        cumulative += series.counts[index];
        values.push({ metricName: `${this.name}_bucket`, labels: { ...series.labels, le: bound }, value: cumulative });
      });
      values.push({ metricName: `${this.name}_bucket`, labels: { ...series.labels, le: '+Inf' }, value: series.count });
      values.push({ metricName: `${this.name}_sum`, labels: series.labels, value: series.sum });
      values.push({ metricName: `${this.name}_count`, labels: series.labels, value: series.count });
    }
    return { name: this.name, help: this.help, type: 'histogram', aggregator: 'sum', values };
  }

  private addHook(route: RouteOptions): void {
    const template = route.url;
    // Per method, series by status class index (1..5), made on first use.
    const byMethod = new Map<string, (Series | undefined)[]>();
    const observe: onResponseHookHandler = (request, reply, done) => {
      const statusClass = Math.min(5, Math.max(1, Math.floor(reply.statusCode / 100)));
      let byClass = byMethod.get(request.method);
      if (!byClass) byMethod.set(request.method, (byClass = []));
      let series = byClass[statusClass];
      if (!series) {
        series = byClass[statusClass] = new Series({ method: request.method, route: template, status_class: `${statusClass}xx` });
        this.series.push(series);
      }
      series.observe(reply.elapsedTime / 1000);
      done();
    };
    const existing = route.onResponse;
    route.onResponse = existing ? [...(Array.isArray(existing) ? existing : [existing]), observe] : [observe];
  }
}
