// Compressed answers for slow connections: JSON, CSV and other text above 1 KiB leave brotli- or
// gzip-encoded when the request accepts it (`Vary: Accept-Encoding`). Not compressed: small answers
// (the headers would cost more), files already compressed or served by range (PDFs, images,
// uploads: a Content-Range counts unencoded bytes), event streams (compression would hold back each
// event), and the web app's assets, which the build compressed at the highest setting (web-app.ts).
// Requests are never decompressed: a body arrives as sent, within the body limit.
import compress from '@fastify/compress';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { constants } from 'node:zlib';

/** Below this many bytes an answer goes as it is. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/** Text worth compressing; not text/event-stream, not binary files. */
const COMPRESSIBLE = /^(application\/(json|problem\+json|javascript|xml|yaml)|text\/(csv|plain|html|css|javascript|xml|yaml)|image\/svg\+xml)\b/;

export async function registerCompression(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // Before the plugin's own hook runs: no route inflates request bodies.
  fastify.addHook('onRoute', (route) => {
    (route as { decompress?: false }).decompress = false;
  });
  await app.register(compress, {
    global: true,
    threshold: COMPRESSION_THRESHOLD_BYTES,
    encodings: ['br', 'gzip'],
    customTypes: COMPRESSIBLE,
    // Quality 4 is near gzip's speed with brotli's smaller output: answers are compressed per request.
    brotliOptions: { params: { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}
