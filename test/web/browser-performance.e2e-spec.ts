// Fast on a phone, measured in Chromium against the built app as a user starts it:
//  - the public home's first visit (empty cache) costs at most 150 KB over the wire, every request
//    counted as the network saw it (CDP Network.loadingFinished encodedDataLength: compressed
//    bodies plus headers);
//  - the Largest Contentful Paint of the home, the catalogue and a juror's ballot is at most 2.5 s on
//    a phone: 360 px, Lighthouse's mobile throttling (150 ms round trip, 1.6 Mbps down, 750 kbps up,
//    CPU slowed to a mid-range phone's), empty cache. The figures are printed, and the README quotes them.
//
// CPU: Lighthouse slows a high-end desktop's CPU 4× to stand for a mid-range phone, and advises a
// smaller multiplier on a slower machine (its BenchmarkIndex: ≥ 1300 for 4×). On a shared two-core
// machine the speed changes from minute to minute, so the benchmark runs in the page before each
// measurement and the multiplier is what brings that speed down to the phone's (1300 / 4), at least 1
// (a machine slower than the phone is measured as it is: the figure is then an upper bound).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { apiAs, browserSuiteSkipped, ROOT, signIn, useBrowserHarness } from './browser-harness';

const skip = browserSuiteSkipped('test/web/browser-performance.e2e-spec.ts');

/** The budget of issue 17: a first visit of the public home, in bytes over the wire (1 KB = 1,000 B). */
const FIRST_VISIT_BUDGET_BYTES = 150_000;
const LCP_BUDGET_MS = 2_500;
/** Lighthouse's mobile preset ("slow 4G" and a mid-range phone's CPU). */
const MOBILE_NETWORK = { offline: false, latency: 150, downloadThroughput: (1_638.4 * 1_000) / 8, uploadThroughput: (750 * 1_000) / 8 };
/** Lighthouse's BenchmarkIndex of the desktop its 4× stands for, and so of the phone. */
const DESKTOP_BENCHMARK = 1300;
const PHONE_BENCHMARK = DESKTOP_BENCHMARK / 4;

/** Lighthouse's "ultradumb" benchmark: string building for half a second, iterations per 10 ms·s. */
function benchmarkIndex(): number {
  const start = Date.now();
  let iterations = 0;
  while (Date.now() - start < 500) {
    let text = '';
    for (let j = 0; j < 10000; j++) text += 'a';
    if (text.length === 0) return 0;
    iterations++;
  }
  return Math.round(iterations / 10 / ((Date.now() - start) / 1000));
}

interface Transfer {
  url: string;
  bytes: number;
  encoding: string;
}

/** Bytes over the wire per finished request of the page, from the DevTools protocol. */
async function recordTransfers(cdp: CDPSession): Promise<Transfer[]> {
  const transfers: Transfer[] = [];
  const responses = new Map<string, { url: string; encoding: string }>();
  cdp.on('Network.responseReceived', (event) => {
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    responses.set(event.requestId, { url: event.response.url, encoding: headers['content-encoding'] ?? 'identity' });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const response = responses.get(event.requestId);
    if (response && !response.url.startsWith('data:')) transfers.push({ ...response, bytes: event.encodedDataLength });
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return transfers;
}

(skip ? describe.skip : describe)('performance on a phone', () => {
  const harness = useBrowserHarness();
  const figures: string[] = [];

  afterAll(() => {
    if (figures.length > 0) {
      const report = `Measured ${new Date().toISOString()} (Chromium, 360 px):\n${figures.map((f) => `  ${f}`).join('\n')}\n`;
      process.stdout.write(`\n${report}`);
      writeFileSync(join(ROOT, 'test-artifacts/performance.txt'), report);
    }
  });

  it(`the public home's first visit is at most ${FIRST_VISIT_BUDGET_BYTES / 1000} KB over the wire`, async () => {
    const page = await harness.newPage({ viewport: 'mobile' });
    const cdp = await harness.context.newCDPSession(page);
    const transfers = await recordTransfers(cdp);
    await page.goto(`${harness.base}/`, { waitUntil: 'networkidle' });
    await page.locator('#latest-title ~ ul .card').first().waitFor();
    await page.waitForLoadState('networkidle');
    const total = transfers.reduce((sum, t) => sum + t.bytes, 0);
    const lines = transfers
      .sort((a, b) => b.bytes - a.bytes)
      .map((t) => `${(t.bytes / 1000).toFixed(1).padStart(7)} KB  ${t.encoding.padEnd(8)} ${new URL(t.url).pathname}${new URL(t.url).search}`);
    figures.push(`home, first visit: ${(total / 1000).toFixed(1)} KB over the wire in ${transfers.length} requests (budget ${FIRST_VISIT_BUDGET_BYTES / 1000} KB)`);
    process.stdout.write(`\nHome, first visit (${transfers.length} requests):\n${lines.join('\n')}\n  total ${(total / 1000).toFixed(1)} KB\n`);
    // The scripts and styles come compressed (brotli where the browser offers it, else gzip).
    for (const t of transfers.filter((t) => /\.(js|css)$/.test(new URL(t.url).pathname) && t.bytes > 2_000)) expect({ url: t.url, encoding: t.encoding }).toEqual({ url: t.url, encoding: expect.stringMatching(/^(br|gzip)$/) });
    expect(total).toBeLessThanOrEqual(FIRST_VISIT_BUDGET_BYTES);
    await page.close();
  });

  const observed = new WeakSet<Page>();

  /**
   * The median of three cold loads (as Lighthouse advises: one load on a shared machine is noise),
   * each with its own benchmark and CPU multiplier.
   */
  async function medianLcp(page: Page, path: string, ready: (page: Page) => Promise<void>) {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await lcpOf(page, path, ready));
    return runs.sort((a, b) => a.ms - b.ms)[1];
  }

  /** LCP of `path` loaded cold under mobile throttling, once `ready` holds. */
  async function lcpOf(page: Page, path: string, ready: (page: Page) => Promise<void>): Promise<{ ms: number; benchmark: number; slowdown: number }> {
    const cdp = await harness.context.newCDPSession(page);
    await recordTransfers(cdp);
    const benchmark = await page.evaluate(benchmarkIndex);
    const slowdown = Math.min(4, Math.max(1, benchmark / PHONE_BENCHMARK));
    await cdp.send('Network.emulateNetworkConditions', MOBILE_NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    if (!observed.has(page)) await page.addInitScript(() => {
      const w = window as unknown as { __lcp: number; __lcpElement: string };
      w.__lcp = 0;
      w.__lcpElement = '';
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element; size?: number })[]) {
          w.__lcp = entry.startTime;
          w.__lcpElement = `${entry.element?.tagName.toLowerCase() ?? '?'}.${entry.element?.className ?? ''} (${entry.size} px²)`;
        }
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    observed.add(page);
    await page.goto(`${harness.base}${path}`, { timeout: 60_000 });
    await ready(page);
    // LCP entries come with the frame that paints them.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const lcp = await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
    // Where the time went, for the record: first paint, scripts in, the LCP element.
    const timeline = await page.evaluate(() => {
      const at = (ms: number | undefined) => (ms === undefined ? '?' : `${(ms / 1000).toFixed(2)} s`);
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      const scripts = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js')) as PerformanceResourceTiming[];
      const api = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/')) as PerformanceResourceTiming[];
      const element = (window as unknown as { __lcpElement: string }).__lcpElement;
      return `FCP ${at(fcp)}, scripts loaded ${at(Math.max(...scripts.map((r) => r.responseEnd)))}, API answered ${at(Math.max(0, ...api.map((r) => r.responseEnd)))}, LCP element ${element}`;
    });
    process.stdout.write(`  ${path}: LCP ${(lcp / 1000).toFixed(2)} s; benchmark ${benchmark}, CPU ×${slowdown.toFixed(1)}; ${timeline}\n`);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    return { ms: lcp, benchmark, slowdown };
  }

  it(`Largest Contentful Paint at most ${LCP_BUDGET_MS / 1000} s on the home, the catalogue and a juror's ballot, throttled as a phone`, async () => {
    const results: Record<string, { ms: number; benchmark: number; slowdown: number }> = {};

    const home = await harness.newPage({ viewport: 'mobile' });
    results.home = await medianLcp(home, '/', (page) => page.locator('#latest-title ~ ul .card').first().waitFor({ timeout: 30_000 }));
    await home.close();

    const catalogue = await harness.newPage({ viewport: 'mobile' });
    results.catalogue = await medianLcp(catalogue, '/catalogue', (page) => page.locator('.catalogue__results .card__title').first().waitFor({ timeout: 30_000 }));
    await catalogue.close();

    // A juror of 2015 (its ballot holds that edition's practices), signed in before the clock starts.
    const editions = await (await apiAs(harness, 'koordynator')).get<{ items: { id: string; year: number }[] }>('/editions?limit=50');
    const edition = editions.items.find((e) => e.year === 2015)!;
    const ballot = await signIn(harness, 'priscilla.rubia', { viewport: 'mobile' });
    results.ballot = await medianLcp(ballot, `/juror/editions/${edition.id}`, (page) => page.locator('.ballot-list__item').first().waitFor({ timeout: 30_000 }));
    await ballot.close();

    for (const [screen, { ms, benchmark, slowdown }] of Object.entries(results)) {
      figures.push(`LCP ${screen}: ${(ms / 1000).toFixed(2)} s (1.6 Mbps, 150 ms RTT, empty cache; BenchmarkIndex ${benchmark}, CPU ×${slowdown.toFixed(1)})`);
    }
    for (const [screen, { ms }] of Object.entries(results)) {
      // 0 would mean nothing was observed, not an instant page.
      expect({ screen, measured: ms > 0, withinBudget: ms <= LCP_BUDGET_MS }).toEqual({ screen, measured: true, withinBudget: true });
    }
  }, 300_000);
});
