// What the browser suites share: the built app started as a user starts it (the embedded default,
// fresh data directory, free port, demo data), Debian's Chromium through playwright-core with only
// the app's origin reachable, pages that collect script errors, screenshots into
// test-artifacts/screenshots/, an axe-core scan (WCAG 2.0/2.1 A and AA: no serious or critical
// violation), and signing in with the demo accounts. Used by the browser-*.e2e-spec.ts suites.
import axe from 'axe-core';
import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { freePort } from '../../libs/core/src/net/free-port';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const root = join(__dirname, '../..');
export const shots = join(root, 'test-artifacts/screenshots');
export const VIEWPORTS = { mobile: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } } as const;
export const LANGUAGES = [
  { code: 'pl', button: 'Polski' },
  { code: 'en', button: 'English' },
  { code: 'uk', button: 'Українська' },
] as const;
export const DEMO_PASSWORD = 'miasta-otwarte-demo';
export const demoEmail = (who: string) => `${who}@demo.miastaotwarte.pl`;

/** Skipped, loudly, on a machine without Chromium (never in CI) or with SKIP_BROWSER_TESTS=1. */
export function browserSuiteSkipped(suite: string): boolean {
  const noChromiumHere = !process.env.CI && !existsSync(CHROMIUM);
  const skip = process.env.SKIP_BROWSER_TESTS === '1' || noChromiumHere;
  if (skip) {
    const why = noChromiumHere ? `no Chromium at ${CHROMIUM} (apt-get install -y chromium)` : 'SKIP_BROWSER_TESTS=1';
    process.stderr.write(`\n*** ${why}: the browser tests (${suite}) did NOT run ***\n\n`);
  }
  return skip;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

export interface BrowserHarness {
  base: string;
  context: BrowserContext;
  /** Script errors and CSP refusals seen so far (the suite expects none after each test). */
  pageErrors: string[];
  axeReport: string[];
  close(): Promise<void>;
}

export async function startBrowserHarness(): Promise<BrowserHarness> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH. Set SKIP_BROWSER_TESTS=1 to skip the browser tests on purpose.`);
  }
  if (!existsSync(join(root, 'dist/web/index.html')) || !existsSync(join(root, 'dist/apps/standalone/src/main.js'))) {
    throw new Error('dist/ is incomplete: run `npm run build` (npm test does it first)');
  }
  mkdirSync(shots, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'oc-web-e2e-'));
  // As root, the embedded PostgreSQL runs as `postgres`, which must reach its data directory.
  chmodSync(dataDir, 0o755);
  const profileDir = mkdtempSync(join(tmpdir(), 'oc-chromium-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const server: ChildProcess = spawn(process.execPath, [join(root, 'dist/apps/standalone/src/main.js')], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', PUBLIC_URL: base },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  const stopServer = async () => {
    if (server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 15_000)))]);
    clearTimeout(timer);
    if (server.exitCode === null) server.kill('SIGKILL');
  };
  const cleanUp = () => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the app exited early:\n${output}`);
      const ready = await fetch(`${base}/api/health/ready`).then((r) => r.status, () => 0);
      if (ready === 200) break;
      if (Date.now() > deadline) throw new Error(`the app was not ready after 60 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (error) {
    await stopServer();
    cleanUp();
    throw error;
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'pl-PL',
    // A reader far from Poland: event times must still show in Polish time.
    timezoneId: 'America/New_York',
    viewport: VIEWPORTS.desktop,
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Only the app's own origin: nothing may leave the machine.
  await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
  const harness: BrowserHarness = {
    base,
    context,
    pageErrors: [],
    axeReport: [],
    async close() {
      await context.close().catch(() => undefined);
      await stopServer();
      cleanUp();
      if (harness.axeReport.length > 0) process.stdout.write(`\naxe-core (WCAG 2.0/2.1 A and AA):\n${harness.axeReport.join('\n')}\n`);
    },
  };
  return harness;
}

/** A fresh visitor's page (storage cleared on first load), optionally with a language chosen. */
export async function newPage(harness: BrowserHarness, options: { language?: string } = {}): Promise<Page> {
  const page = await harness.context.newPage();
  page.on('pageerror', (error) => harness.pageErrors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) harness.pageErrors.push(`${page.url()}: ${message.text()}`);
  });
  const storage: Record<string, string> = options.language ? { 'oc.language': options.language } : {};
  await page.addInitScript((entries) => {
    if (!sessionStorage.getItem('oc.test.initialised')) {
      localStorage.clear();
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
      sessionStorage.setItem('oc.test.initialised', '1');
    }
  }, storage);
  return page;
}

/** Signs in through the sign-in screen, as a person does, and waits to land in the area. */
export async function signIn(harness: BrowserHarness, who: string, options: { language?: string } = {}): Promise<Page> {
  const page = await newPage(harness, options);
  await page.goto(`${harness.base}/sign-in`);
  await page.locator('#field-email').fill(demoEmail(who));
  await page.locator('#field-password').fill(DEMO_PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

export async function expectAccessible(harness: BrowserHarness, page: Page, label: string): Promise<void> {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') stays in force.
  await page.evaluate(axe.source);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }),
  )) as unknown as { violations: AxeViolation[] };
  const summary = result.violations.map((v) => `${v.impact} ${v.id} (${v.nodes.length})`).join(', ');
  harness.axeReport.push(`  ${label}: ${result.violations.length === 0 ? 'no violations' : summary}`);
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))).toEqual([]);
}

/** Screenshot, axe scan and (at 360 px) no horizontal scrolling, at each size asked. */
export async function check(harness: BrowserHarness, page: Page, name: string, sizes: (keyof typeof VIEWPORTS)[] = ['desktop', 'mobile']): Promise<void> {
  const original = page.viewportSize();
  for (const size of sizes) {
    await page.setViewportSize(VIEWPORTS[size]);
    await page.waitForTimeout(50);
    await page.screenshot({ path: join(shots, `${name}-${size}.png`), fullPage: true });
    await expectAccessible(harness, page, `${name} ${size}`);
    if (size === 'mobile') {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
  }
  if (original) await page.setViewportSize(original);
}

/** The h1 once the screen has loaded (no loading message left in main). */
export async function settled(page: Page, heading?: string | RegExp): Promise<void> {
  if (heading) await page.locator('h1', { hasText: heading }).waitFor();
  await page.waitForFunction(() => !document.querySelector('main .loading'));
}
