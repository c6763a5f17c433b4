// What every browser suite shares (not a test itself): the built app started as a user starts it
// (the embedded default: `node dist/apps/standalone/src/main.js`, fresh data directory, free port,
// demo data), Debian's Chromium through playwright-core (no browser download) with only the app's
// origin reachable, pages that collect script errors and CSP refusals, screenshots into
// test-artifacts/screenshots/, an axe-core scan (WCAG 2.0/2.1 A and AA: no serious or critical
// violation), signing in with the demo accounts and the API as a test-setup client.
//
// No Chromium: the suites FAIL in CI (CI=true; .ci/run installs it) and are skipped, loudly,
// elsewhere. SKIP_BROWSER_TESTS=1 skips them on purpose.
import axe from 'axe-core';
import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { freePort } from '../../libs/core/src/net/free-port';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ROOT = join(__dirname, '../..');
export const SHOTS = join(ROOT, 'test-artifacts/screenshots');
export const VIEWPORTS = { mobile: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } } as const;
export type Viewport = keyof typeof VIEWPORTS;
export const LANGUAGES = [
  { code: 'pl', button: 'Polski' },
  { code: 'en', button: 'English' },
  { code: 'uk', button: 'Українська' },
] as const;
export const DEMO_PASSWORD = 'miasta-otwarte-demo';
export const demoEmail = (who: string) => `${who}@demo.miastaotwarte.pl`;
/** How long the app may take to answer ready: on a busy two-core machine the embedded PostgreSQL and the demo data alone may take minutes. */
const BOOT_WINDOW_MS = 240_000;
/** For the beforeAll that starts the harness: the boot window, Chromium's start and some slack. */
const HARNESS_START_TIMEOUT_MS = BOOT_WINDOW_MS + 60_000;

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

export interface PageOptions {
  /** localStorage entries of a fresh visitor (everything else is cleared on the first load). */
  storage?: Record<string, string>;
  /** The language chosen in this browser (wins over the account's locale). */
  language?: string;
  /** What navigator.languages says. */
  languages?: string[];
  viewport?: Viewport;
}

export interface BrowserHarness {
  base: string;
  context: BrowserContext;
  /** Axe results per scanned screen, printed when the harness closes. */
  axeReport: string[];
  /** Script errors and CSP refusals seen since the last call (each test expects none). */
  takeErrors(): string[];
  /** What the app printed so far. */
  output(): string;
  /** A fresh visitor's page (storage cleared on its first load). */
  newPage(options?: PageOptions): Promise<Page>;
  close(): Promise<void>;
}

interface RunningApp {
  base: string;
  output(): string;
  stop(): Promise<void>;
}

/** The built app on a fresh data directory (demo data loaded), answering ready. */
async function startApp(env: (base: string) => Record<string, string>): Promise<RunningApp> {
  if (!existsSync(join(ROOT, 'dist/web/index.html')) || !existsSync(join(ROOT, 'dist/apps/standalone/src/main.js'))) {
    throw new Error('dist/ is incomplete: run `npm run build` (npm test does it first)');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'oc-web-e2e-'));
  // As root, the embedded PostgreSQL runs as `postgres`, which must reach its data directory.
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const server: ChildProcess = spawn(process.execPath, [join(ROOT, 'dist/apps/standalone/src/main.js')], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', PUBLIC_URL: base, ...env(base) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 15_000)))]);
      clearTimeout(timer);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + BOOT_WINDOW_MS;
  for (;;) {
    if (server.exitCode !== null) {
      await stop();
      throw new Error(`the app exited early:\n${output}`);
    }
    const ready = await fetch(`${base}/api/health/ready`).then((r) => r.status, () => 0);
    if (ready === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app was not ready after ${BOOT_WINDOW_MS / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, output: () => output, stop };
}

/** The app (with `env` added to its environment) and a fresh Chromium profile, Polish, reaching only the app. */
export async function startBrowserHarness(options: { env?: (base: string) => Record<string, string> } = {}): Promise<BrowserHarness> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH. Set SKIP_BROWSER_TESTS=1 to skip the browser tests on purpose.`);
  }
  mkdirSync(SHOTS, { recursive: true });
  const app = await startApp(options.env ?? (() => ({})));
  const profileDir = mkdtempSync(join(tmpdir(), 'oc-chromium-'));
  const closeBrowserSide = () => rmSync(profileDir, { recursive: true, force: true });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
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
  } catch (error) {
    await app.stop();
    closeBrowserSide();
    throw error;
  }
  const errors: string[] = [];
  const axeReport: string[] = [];
  return {
    base: app.base,
    context,
    axeReport,
    takeErrors: () => errors.splice(0),
    output: app.output,
    async newPage({ storage = {}, language, languages, viewport }: PageOptions = {}) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(VIEWPORTS[viewport]);
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/.test(message.text())) errors.push(`${page.url()}: ${message.text()}`);
      });
      const entries = language ? { ...storage, 'oc.language': language } : storage;
      // Runs before the app on every load.
      await page.addInitScript(
        ({ entries: initial, languages: langs }) => {
          if (!sessionStorage.getItem('oc.test.initialised')) {
            localStorage.clear();
            for (const [key, value] of Object.entries(initial)) localStorage.setItem(key, value);
            sessionStorage.setItem('oc.test.initialised', '1');
          }
          if (langs) Object.defineProperty(navigator, 'languages', { get: () => langs });
        },
        { entries, languages: languages ?? null },
      );
      return page;
    },
    async close() {
      await context.close().catch(() => undefined);
      await app.stop();
      closeBrowserSide();
      if (axeReport.length > 0) process.stdout.write(`\naxe-core (WCAG 2.0/2.1 A and AA):\n${axeReport.join('\n')}\n`);
    },
  };
}

/**
 * A describe block's harness: started in beforeAll (registered here, so after the block's earlier
 * hooks), closed in afterAll, and no script error or CSP refusal allowed after each test. The object
 * returned stands for the harness from beforeAll on.
 */
export function useBrowserHarness(options: Parameters<typeof startBrowserHarness>[0] = {}): BrowserHarness {
  let started: BrowserHarness | undefined;
  const ready = () => {
    if (!started) throw new Error('the browser harness is used before its beforeAll');
    return started;
  };
  beforeAll(async () => {
    started = await startBrowserHarness(options);
  }, HARNESS_START_TIMEOUT_MS);
  afterAll(async () => {
    await started?.close();
  }, 30_000);
  afterEach(() => {
    expect(started?.takeErrors() ?? []).toEqual([]);
  });
  return {
    get base() {
      return ready().base;
    },
    get context() {
      return ready().context;
    },
    get axeReport() {
      return ready().axeReport;
    },
    takeErrors: () => ready().takeErrors(),
    output: () => ready().output(),
    newPage: (pageOptions) => ready().newPage(pageOptions),
    close: () => ready().close(),
  };
}

/** A demo account's name (`koordynator`) or any address. */
const emailOf = (who: string) => (who.includes('@') ? who : demoEmail(who));

/** Signs in through the sign-in screen, as a person does, and waits to land in their area. */
export async function signIn(harness: BrowserHarness, who: string, options: { password?: string; language?: string; viewport?: Viewport } = {}): Promise<Page> {
  const page = await harness.newPage({ language: options.language, viewport: options.viewport ?? 'desktop' });
  await page.goto(`${harness.base}/sign-in`);
  await page.locator('#field-email').fill(emailOf(who));
  await page.locator('#field-password').fill(options.password ?? DEMO_PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

/** The API as a test-setup client (what is not the subject of a step). */
export async function apiAs(harness: Pick<BrowserHarness, 'base'>, who: string, password = DEMO_PASSWORD) {
  const login = await fetch(`${harness.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: emailOf(who), password }),
  });
  expect(login.status).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const call = async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${harness.base}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  return {
    get: <T = unknown>(path: string) => call<T>('GET', path),
    post: <T = unknown>(path: string, body?: unknown) => call<T>('POST', path, body),
    put: <T = unknown>(path: string, body: unknown) => call<T>('PUT', path, body),
    patch: <T = unknown>(path: string, body: unknown) => call<T>('PATCH', path, body),
  };
}

/**
 * The demo edition (open for reports, as the demo data leaves it) as the coordinator sees it: its
 * id, the cities by name and the edition's categories, for tests that build on it through the API.
 */
export async function demoEdition(coordinator: Awaited<ReturnType<typeof apiAs>>) {
  const editions = (await coordinator.get<{ items: { id: string; name: string; stage: string }[] }>('/editions?limit=200')).items;
  const demo = editions.find((edition) => edition.name.startsWith('Edycja demonstracyjna'));
  expect(demo?.stage).toBe('reportsOpen');
  const cityList = (await coordinator.get<{ items: { id: string; name: string }[] }>('/cities?limit=200')).items;
  const cities: Record<string, string> = Object.fromEntries(cityList.map((city) => [city.name, city.id]));
  const categories = await coordinator.get<{ id: string; name: string }[]>(`/editions/${demo!.id}/categories`);
  return { editionId: demo!.id, cities, categories };
}

/** Axe on the page as it is: recorded in the report, and no serious or critical violation. */
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

/** The whole page into test-artifacts/screenshots/; `viewport` for what a dialog covers (a full-page shot would move it). */
export async function shoot(page: Page, name: string, { viewport = false } = {}): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: !viewport });
}

export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Screenshot, axe scan and (at 360 px) no horizontal scrolling, at each size asked. */
export async function check(harness: BrowserHarness, page: Page, name: string, sizes: Viewport[] = ['desktop', 'mobile']): Promise<void> {
  const original = page.viewportSize();
  for (const size of sizes) {
    await page.setViewportSize(VIEWPORTS[size]);
    await page.waitForTimeout(50);
    await shoot(page, `${name}-${size}`);
    await expectAccessible(harness, page, `${name} ${size}`);
    if (size === 'mobile') await expectNoHorizontalScroll(page);
  }
  if (original) await page.setViewportSize(original);
}

/**
 * Below 600 px the languages and the navigation sit behind the menu button: opens it when it shows
 * and is closed. Waits for the header first: a screen loaded on first visit renders once its chunk is in.
 */
export async function openMenu(page: Page): Promise<void> {
  await page.locator('header.site-header').waitFor();
  const button = page.locator('.menu-button');
  if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) === 'false') await button.click();
}

/** Switches the interface language and waits until it applies (English and Ukrainian load on first use). */
export async function switchLanguage(page: Page, button: string, code: string): Promise<void> {
  await openMenu(page);
  await page.getByRole('button', { name: button }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, code);
}

/** The h1 once the screen has loaded (no loading message left in main). */
export async function settled(page: Page, heading?: string | RegExp): Promise<void> {
  if (heading) await page.locator('h1', { hasText: heading }).waitFor();
  await page.waitForFunction(() => !document.querySelector('main .loading'));
}
