// Serves the built web app (apps/web, built into dist/web) at `/`, next to the API under `/api`.
// Files are served as they are; any other GET that accepts HTML gets index.html (the app routes in
// the browser). `/api/*` never falls back: unknown API routes keep the JSON 404 body. The build
// leaves brotli and gzip copies beside the text files (scripts/precompress.mjs): each is served to a
// browser that accepts it (Content-Encoding, `Vary: Accept-Encoding`), with the same caching.
import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Stricter than the API's policy (which Swagger UI needs): the built app has no inline script. */
const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** dist/web next to the compiled API (dist/libs/api/src), or under dist/ when run from sources (tests). */
export function findWebRoot(): string | null {
  const candidates = [resolve(__dirname, '../../../web'), resolve(__dirname, '../../../dist/web')];
  for (const dir of candidates) {
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  return null;
}

function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}

export async function registerWebApp(app: NestFastifyApplication, apiPrefix: string, root = findWebRoot()): Promise<boolean> {
  if (!root) return false;
  // `serve: false`: the plugin only lends reply.sendFile (safe path resolution, ranges, ETags);
  // `preCompressed`: x.js.br or x.js.gz in place of x.js when the request accepts it.
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true });
  const apiPath = `/${apiPrefix}`;
  const sendIndex = (reply: FastifyReply) =>
    reply.header('content-security-policy', APP_CSP).header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });

  const handler = (request: FastifyRequest, reply: FastifyReply) => {
    let path: string;
    try {
      path = decodeURIComponent(request.url.split('?')[0]);
    } catch {
      return reply.callNotFound();
    }
    if (path === apiPath || path.startsWith(`${apiPath}/`)) return reply.callNotFound();
    if (path === '/' || path === '/index.html') return sendIndex(reply);
    const lastSegment = path.slice(path.lastIndexOf('/') + 1);
    // A path with an extension is a file: serve it or 404. Anything else is an app route.
    if (lastSegment.includes('.') || !wantsHtml(request)) {
      // Vite puts content-hashed files under /assets/: they never change under the same name.
      const hashed = path.startsWith('/assets/');
      return reply.sendFile(path, hashed ? { maxAge: '365d', immutable: true } : { maxAge: 0 });
    }
    return sendIndex(reply);
  };
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/', handler);
  fastify.get('/*', handler);
  return true;
}
