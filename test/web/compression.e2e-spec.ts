// Fast on a slow connection: the web app's text files leave as the brotli or gzip copies the build
// made (scripts/precompress.mjs), chosen by Accept-Encoding, with `Vary: Accept-Encoding` and the
// same caching as before; API answers above 1 KiB are compressed as they are sent; small answers,
// files (PDFs, images) and requests' bodies are left as they are.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { IncomingHttpHeaders, request } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { COMPRESSION_THRESHOLD_BYTES } from '@app/api/compression';
import { createTestApp, makeCity, makeEdition, makeReport, makeReportFile, makeSignedInUser, PDF_BYTES, seedDemo, TestApp } from '@app/testing';

const webRoot = join(__dirname, '../../dist/web');
const BROWSER = 'gzip, deflate, br, zstd';

interface RawAnswer {
  statusCode: number;
  headers: IncomingHttpHeaders;
  /** The bytes as they crossed the wire (no client decoding). */
  rawPayload: Buffer;
  body: string;
}

describe('compressed answers', () => {
  let t: TestApp;
  let port: number;
  const send = (method: string, url: string, headers: Record<string, string> = {}, payload?: Buffer) =>
    new Promise<RawAnswer>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path: url, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const rawPayload = Buffer.concat(chunks);
          resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, rawPayload, body: rawPayload.toString('utf8') });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  const inject = (url: string, headers: Record<string, string> = {}) => send('GET', url, headers);
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.app.get(DataSource));
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => t?.close());

  const largestScript = () =>
    readdirSync(join(webRoot, 'assets'))
      .filter((name) => name.endsWith('.js'))
      .sort((a, b) => statSync(join(webRoot, 'assets', b)).size - statSync(join(webRoot, 'assets', a)).size)[0];

  it('built brotli and gzip copies of every script and style sheet above 1 KiB', () => {
    const assets = readdirSync(join(webRoot, 'assets'));
    for (const name of assets.filter((n) => /\.(js|css)$/.test(n) && statSync(join(webRoot, 'assets', n)).size >= 1024)) {
      expect(assets).toContain(`${name}.br`);
      expect(assets).toContain(`${name}.gz`);
    }
  });

  it('serves an asset as brotli, gzip or plain by Accept-Encoding, immutable each time', async () => {
    const name = largestScript();
    const original = readFileSync(join(webRoot, 'assets', name));
    const br = await inject(`/assets/${name}`, { 'accept-encoding': BROWSER });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toContain('immutable');
    expect(br.rawPayload.length).toBeLessThan(original.length / 2.5);
    expect(brotliDecompressSync(br.rawPayload).equals(original)).toBe(true);

    const gz = await inject(`/assets/${name}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toContain('immutable');
    expect(gunzipSync(gz.rawPayload).equals(original)).toBe(true);

    const plain = await inject(`/assets/${name}`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.rawPayload.equals(original)).toBe(true);
  });

  it('keeps index.html uncached and the app routes working with compression asked for', async () => {
    const res = await inject('/catalogue', { accept: 'text/html', 'accept-encoding': BROWSER });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    const body = res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.rawPayload).toString() : res.body;
    expect(body).toContain('<div id="root"></div>');
  });

  it('compresses API answers above the threshold, not the small ones', async () => {
    const list = await inject('/api/public/practices?limit=50', { 'accept-encoding': BROWSER });
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-encoding']).toBe('br');
    expect(list.headers.vary).toMatch(/accept-encoding/i);
    const json = JSON.parse(brotliDecompressSync(list.rawPayload).toString('utf8'));
    expect(json.items.length).toBeGreaterThan(0);
    expect(Buffer.byteLength(JSON.stringify(json))).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);

    const gz = await inject('/api/docs-json', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8')).openapi).toMatch(/^3\./);

    const small = await inject('/api/health/live', { 'accept-encoding': BROWSER });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body)).toEqual({ status: 'ok' });

    const uncompressed = await inject('/api/public/practices?limit=50');
    expect(uncompressed.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(uncompressed.body).items).toEqual(json.items);
  });

  it('sends evidence files as they are', async () => {
    const ds = t.app.get(DataSource);
    const coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    const edition = await makeEdition(ds, { stage: 'reportsOpen' });
    const city = await makeCity(ds);
    const report = await makeReport(ds, edition.id, city.id, 'submitted');
    const file = await makeReportFile(ds, t.config.DATA_DIR, report.id);
    const auth = { authorization: coordinator.auth.Authorization, 'accept-encoding': BROWSER };
    const whole = await inject(`/api/reports/${report.id}/files/${file.id}`, auth);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-encoding']).toBeUndefined();
    expect(whole.rawPayload.equals(PDF_BYTES)).toBe(true);
  });

  it('does not inflate compressed request bodies', async () => {
    const res = await send(
      'POST',
      '/api/auth/login',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      gzipSync(JSON.stringify({ email: 'nobody@example.org', password: 'a long enough passphrase' })),
    );
    // Inflated, it would be a well-formed sign-in (401); as sent, it is not JSON.
    expect([400, 415]).toContain(res.statusCode);
  });
});
