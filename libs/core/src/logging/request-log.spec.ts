// One completion line per request (health probes aside), with the request id and the status, and no
// per-request work at all when info is not logged.
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import pino from 'pino';
import { AppConfig } from '../config/app-config';
import { registerRequestLog } from './logging.module';

function capture(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

async function serverLoggingAt(level: AppConfig['LOG_LEVEL']) {
  const { lines, stream } = capture();
  (PinoLogger as unknown as { root: pino.Logger }).root = pino({ level }, stream);
  const fastify = Fastify({ genReqId: () => 'req-1' });
  fastify.get('/api/things', async (_request, reply) => reply.code(201).send({ ok: true }));
  fastify.get('/api/health/live', async () => ({ status: 'ok' }));
  registerRequestLog(fastify, { LOG_LEVEL: level } as AppConfig);
  // A real socket (fastify.inject's light-my-request is ESM-only under jest here).
  const address = await fastify.listen({ port: 0, host: '127.0.0.1' });
  const get = async (path: string) => void (await (await fetch(`${address}${path}`)).text());
  return { fastify, lines, get };
}

describe('request log', () => {
  it('writes one line per request with its id and status, none for health probes', async () => {
    const { fastify, lines, get } = await serverLoggingAt('info');
    await get('/api/things');
    await get('/api/health/live');
    await fastify.close();
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'request completed', reqId: 'req-1', req: { method: 'GET', url: '/api/things' }, res: { statusCode: 201 } }),
    ]);
  });

  it('registers nothing when info is not logged', async () => {
    const { fastify, lines, get } = await serverLoggingAt('warn');
    await get('/api/things');
    await fastify.close();
    expect(lines).toEqual([]);
  });
});
