// The liveness probe says only that the process answers: it is public and reads no parameter, body,
// principal or service, so none of Nest's per-request work (guard, pipes, interceptor lookup,
// response controller) has anything to do for it. Its Nest handler is swapped for a plain Fastify
// one as the route is registered; the security headers, request id and duration metric hooks still
// run. Its answer is 15 bytes, below any compression threshold, so it gets no compression hooks. The controller method stays: it documents the route in OpenAPI (and would answer alone if the
// path changed and this no longer matched).
import type { FastifyInstance, RouteHandlerMethod } from 'fastify';

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
