// Shared by the mail-link and performance browser suites (browser-harness.ts serves the others): the built app
// started as a user starts it (the embedded default, fresh data directory, free port), Debian's
// Chromium driven by playwright-core, the demo accounts. Not a test itself.
//
// No Chromium: the suites FAIL in CI (CI=true) and are skipped, loudly, elsewhere;
// SKIP_BROWSER_TESTS=1 skips them on purpose.
import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { freePort } from '../../libs/core/src/net/free-port';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ROOT = join(__dirname, '../..');
export const SHOTS = join(ROOT, 'test-artifacts/screenshots');
export const VIEWPORTS = { mobile: { width: 360, height: 780 }, desktop: { width: 1366, height: 900 } } as const;
export const DEMO_PASSWORD = 'miasta-otwarte-demo';
export const demoEmail = (who: string) => `${who}@demo.miastaotwarte.pl`;

const noChromiumHere = !process.env.CI && !existsSync(CHROMIUM);

/** Whether to skip: says why on stderr, once per file. */
export function skipBrowserTests(file: string): boolean {
  const skip = process.env.SKIP_BROWSER_TESTS === '1' || noChromiumHere;
  if (skip) {
    const why = noChromiumHere ? `no Chromium at ${CHROMIUM} (apt-get install -y chromium)` : 'SKIP_BROWSER_TESTS=1';
    process.stderr.write(`\n*** ${why}: the browser tests (${file}) did NOT run ***\n\n`);
  }
  return skip;
}

export interface RunningApp {
  base: string;
  output(): string;
  stop(): Promise<void>;
}

/** `node dist/apps/standalone/src/main.js` on a fresh data directory (demo data loaded), ready. */
export async function startApp(env: (base: string) => Record<string, string> = () => ({})): Promise<RunningApp> {
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
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env(base) },
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
  // Generous: on a busy two-core machine the embedded PostgreSQL alone may take most of a minute.
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (server.exitCode !== null) {
      await stop();
      throw new Error(`the app exited early:\n${output}`);
    }
    const ready = await fetch(`${base}/api/health/ready`).then((r) => r.status, () => 0);
    if (ready === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app was not ready after 240 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, output: () => output, stop };
}

export interface Browser {
  context: BrowserContext;
  /** Uncaught page errors and CSP refusals seen so far (taken, so each test sees its own). */
  takeErrors(): string[];
  newPage(options?: { storage?: Record<string, string>; viewport?: keyof typeof VIEWPORTS }): Promise<Page>;
  close(): Promise<void>;
}

/** A fresh Chromium profile, Polish, reaching only the app's own origin. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  mkdirSync(SHOTS, { recursive: true });
  const profileDir = mkdtempSync(join(tmpdir(), 'oc-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'pl-PL',
    timezoneId: 'Europe/Warsaw',
    viewport: VIEWPORTS.desktop,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
  const errors: string[] = [];
  return {
    context,
    takeErrors: () => errors.splice(0),
    async newPage({ storage = {}, viewport = 'desktop' } = {}) {
      const page = await context.newPage();
      await page.setViewportSize(VIEWPORTS[viewport]);
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/.test(message.text())) errors.push(`${page.url()}: ${message.text()}`);
      });
      // A fresh visitor unless the test says otherwise; runs before the app on every load.
      await page.addInitScript((entries) => {
        // Typed here without the DOM library (this module is also compiled with the API's settings).
        type Store = { getItem(key: string): string | null; setItem(key: string, value: string): void; clear(): void };
        const w = globalThis as unknown as { sessionStorage: Store; localStorage: Store };
        if (!w.sessionStorage.getItem('oc.test.initialised')) {
          w.localStorage.clear();
          for (const [key, value] of Object.entries(entries)) w.localStorage.setItem(key, value);
          w.sessionStorage.setItem('oc.test.initialised', '1');
        }
      }, storage);
      return page;
    },
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the sign-in screen, as a person does, and waits to land in their area. */
export async function signIn(
  browser: Browser,
  base: string,
  email: string,
  options: { password?: string; viewport?: keyof typeof VIEWPORTS; language?: 'pl' | 'en' | 'uk' } = {},
): Promise<Page> {
  // A language chosen in this browser wins over the account's locale.
  const page = await browser.newPage({ viewport: options.viewport, storage: options.language ? { 'oc.language': options.language } : {} });
  await page.goto(`${base}/sign-in`);
  await page.locator('#field-email').fill(email);
  await page.locator('#field-password').fill(options.password ?? DEMO_PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

/** The API as a test-setup client (what is not the subject of a step). */
export async function apiAs(base: string, email: string, password = DEMO_PASSWORD) {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (login.status !== 200) throw new Error(`sign-in of ${email}: ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async <T = unknown>(path: string): Promise<T> => {
    const response = await fetch(`${base}/api${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

/** The h1 once the screen has loaded (no loading message left in main). */
export async function settled(page: Page, heading?: string | RegExp): Promise<void> {
  if (heading) await page.locator('h1', { hasText: heading }).waitFor();
  await page.waitForFunction(() => !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('main .loading'));
}
