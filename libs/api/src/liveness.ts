// The liveness probe says only that the process answers: it is public and reads no parameter, body,
// principal or service, so none of the per-request work of the app has anything to do for it.
// `GET /api/health/live` is answered by the first onRequest hook (answerLivenessFirst); its other
// forms (HEAD, a query string, a browser's request with an Origin) go through the hooks to a plain
// Fastify handler that replaces Nest's as the route is registered (answerLivenessWithoutNest). Its
// answer is 15 bytes, below any compression threshold, so it gets no compression hooks. The
// controller method stays: it documents the route in OpenAPI.
import type { FastifyInstance, onRequestHookHandler, RouteHandlerMethod } from 'fastify';

export const LIVENESS_PATH = '/api/health/live';

const LIVE = { status: 'ok' } as const;

const answerLive: RouteHandlerMethod = (_request, reply) => {
  void reply.send(LIVE);
};

/** Call before the routes are registered (createApi does, before Nest's router). */
export function answerLivenessWithoutNest(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.url === LIVENESS_PATH && methods.every((method) => method === 'GET' || method === 'HEAD')) {
      route.handler = answerLive;
      (route as { compress?: false }).compress = false;
    }
  });
}

/**
 * The first onRequest hook of the instance (ApiFastifyAdapter adds it before Nest's adapter adds
 * its own): it answers `GET /api/health/live` at once, so none of the other onRequest hooks runs for
 * a probe (503 while Nest shuts down, CORS, security and versioning hooks, the security headers; the
 * request log's onResponse hook, when logging is on, skips /api/health). A liveness probe should say "alive" until the process stops listening; readiness is the
 * probe that turns 503 during shut-down. A request with an Origin comes from a browser and takes the
 * whole path (CORS headers); so does any other form of the path (a query string, HEAD).
 */
export function answerLivenessFirst(fastify: FastifyInstance): void {
  const answerProbe: onRequestHookHandler = (request, reply, done) => {
    if (request.url !== LIVENESS_PATH || request.method !== 'GET' || request.headers.origin !== undefined) return done();
    void reply.header('x-content-type-options', 'nosniff').send(LIVE);
  };
  fastify.addHook('onRequest', answerProbe);
}
