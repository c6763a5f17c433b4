// Multipart parsing for the one route that takes a file (POST /api/reports/:id/files), which streams
// its single part with request.file(). @fastify/multipart also adds two async hooks to every route
// of the app (an onRequest hook that puts a 'close' listener on every response, and an onResponse
// hook) whose only work is deleting the temporary files of request.saveRequestFiles(). This app
// never saves request files, so those hooks are left out: on the liveness probe they cost ~4-5 µs
// of the API's CPU per request, about a fifth of it (bench/RESULTS.md, 2026-12-07 16:00 entry).
// Everything else of the plugin (parser, limits, errors, request.file()) is registered as is.
import multipart, { FastifyMultipartOptions } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** The hooks @fastify/multipart adds only for request.saveRequestFiles()'s clean-up. */
const SAVED_FILES_CLEANUP_HOOKS = new Set(['onRequest', 'onResponse']);

export async function registerMultipart(app: NestFastifyApplication, options: FastifyMultipartOptions): Promise<void> {
  const fastify: FastifyInstance = app.getHttpAdapter().getInstance();
  const addHook = fastify.addHook;
  // The plugin is wrapped by fastify-plugin, so it registers on this very instance; only its own
  // registration runs while the filter is in place (awaited below), and the original comes back after.
  const withoutCleanup = function (this: FastifyInstance, name: string, ...rest: unknown[]) {
    if (SAVED_FILES_CLEANUP_HOOKS.has(name)) return this;
    return (addHook as (...args: unknown[]) => FastifyInstance).call(this, name, ...rest);
  };
  fastify.addHook = withoutCleanup as FastifyInstance['addHook'];
  try {
    await fastify.register(multipart, options);
  } finally {
    fastify.addHook = addHook;
  }
}
