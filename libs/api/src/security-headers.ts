// helmet's security headers, computed once at start and set on every reply together with the
// request id, by one synchronous onRequest hook. (@fastify/helmet rebuilds helmet's middleware per
// request, which cost a large share of a cheap request.)
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { HelmetOptions } from 'helmet';
import { LIVENESS_PATH } from './liveness';

export const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      // Swagger UI needs inline scripts and styles; everything else keeps helmet's defaults.
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
    },
  },
};

/** Runs helmet once against a recording response and returns the headers it would set. */
export function helmetHeaders(options: HelmetOptions = HELMET_OPTIONS): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let failed: unknown = null;
  helmet(options)({} as never, response as never, (error?: unknown) => {
    failed = error ?? null;
  });
  if (failed) throw failed;
  return headers;
}

/**
 * JSON API responses get the OWASP REST set (nothing in them is rendered, so a strict short CSP
 * suffices); pages (Swagger UI, the web app) get helmet's full set.
 */
export const API_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'cross-origin-resource-policy': 'same-origin',
};

const SANE_REQUEST_ID = /^[\w.-]{1,64}$/;

/** The liveness probe's id: nothing reads it (the probe is answered before any hook, not logged, and gets no X-Request-Id). */
const PROBE_REQUEST_ID = 'liveness-probe';

/**
 * Fastify's genReqId: the caller's X-Request-Id when it is sane, a fresh UUID otherwise. (Fastify asks
 * before routing; a UUID was the largest allocation of a probe, so the probe gets a constant.)
 */
export function requestId(request: IncomingMessage): string {
  if (request.url === LIVENESS_PATH) return PROBE_REQUEST_ID;
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * The liveness probe's constant `{"status":"ok"}` is read by orchestrators and load balancers, never
 * rendered, framed or cached by a browser, and is not logged (registerRequestLog), so neither the
 * browser-facing set nor a request id to find its log line has anything to do there: it keeps only
 * nosniff. Those seven headers were 350 of its 500 bytes, and every probe's client parses them.
 */
const PROBE_HEADERS: Record<string, string> = { 'x-content-type-options': 'nosniff' };

export function registerSecurityHeaders(fastify: FastifyInstance, options?: HelmetOptions): void {
  const pageHeaders = helmetHeaders(options);
  fastify.addHook('onRequest', (request, reply, done) => {
    const url = request.url;
    if (url === LIVENESS_PATH) {
      reply.headers(PROBE_HEADERS);
      return done();
    }
    const page = !url.startsWith('/api/') || url.startsWith('/api/docs');
    reply.headers(page ? pageHeaders : API_HEADERS);
    reply.header('x-request-id', request.id);
    done();
  });
}
