// P1: the cheapest route of the real API (Nest on Fastify with helmet, validation pipe, exception
// filter, pino-http) against a bare Fastify handler answering the same JSON. What is left of the
// ratio is the framework's per-request cost.
import type { ComparisonScenario, RequestSpec } from '../lib/scenario';

export const HEALTH_LIVE: RequestSpec = { method: 'GET', path: '/api/health/live' };

export const p1: ComparisonScenario = {
  kind: 'comparison',
  name: 'p1',
  title: 'GET /api/health/live',
  description: 'the API\'s liveness route vs a bare Fastify handler returning the same JSON',
  target: { metric: 'throughput', min: 0.85 },
  sameBody: true,
  app: { kind: 'http', server: 'api', request: HEALTH_LIVE },
  baseline: { kind: 'http', server: { module: 'health-live', readyPath: '/api/health/live' }, request: HEALTH_LIVE },
};
