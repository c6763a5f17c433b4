// Baseline of P1: the liveness answer of the API from a bare Fastify handler, same path, same JSON.
import type { FastifyInstance } from 'fastify';

export function register(app: FastifyInstance): void {
  app.get('/api/health/live', async () => ({ status: 'ok' }));
}
