// What the translations browser suite uses (to be folded into browser-harness.ts): the built app started as a user starts it (the embedded default,
// fresh data directory, free port, the demo data), Debian's Chromium through playwright-core, the
// axe-core scan (no serious or critical WCAG 2.1 AA violation), screenshots into
// test-artifacts/screenshots/, the demo accounts through the API and through the sign-in screen.
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
export const DEMO_PASSWORD = 'miasta-otwarte-demo';
export const demoEmail = (who: string) => `${who}@demo.miastaotwarte.pl`;

/** Skipped with SKIP_BROWSER_TESTS=1, or (loudly) on a developer's machine without Chromium; in CI (CI=true) it fails instead. */
export function browserTestsSkipped(file: string): boolean {
  const noChromiumHere = !process.env.CI && !existsSync(CHROMIUM);
  const skip = process.env.SKIP_BROWSER_TESTS === '1' || noChromiumHere;
  if (skip) {
    const why = noChromiumHere ? `no Chromium at ${CHROMIUM} (apt-get install -y chromium)` : 'SKIP_BROWSER_TESTS=1';
    process.stderr.write(`\n*** ${why}: the browser tests (${file}) did NOT run ***\n\n`);
  }
  return skip;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

export interface BrowserWorld {
  base: string;
  context: BrowserContext;
  pageErrors: string[];
  axeReport: string[];
  close(): Promise<void>;
}

/** Starts the built app on a fresh data directory and a Chromium context that reaches nothing but the app. */
export async function startBrowserWorld(): Promise<BrowserWorld> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`);
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
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the app exited early:\n${output}`);
    const ready = await fetch(`${base}/api/health/ready`).then((r) => r.status, () => 0);
    if (ready === 200) break;
    if (Date.now() > deadline) throw new Error(`the app was not ready after 90 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'pl-PL',
    timezoneId: 'America/New_York',
    viewport: VIEWPORTS.desktop,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Only the app's own origin: nothing may leave the machine.
  await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
  const world: BrowserWorld = {
    base,
    context,
    pageErrors: [],
    axeReport: [],
    async close() {
      await context.close().catch(() => undefined);
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 15_000)))]);
        clearTimeout(timer);
        if (server.exitCode === null) server.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(profileDir, { recursive: true, force: true });
      if (world.axeReport.length > 0) process.stdout.write(`\naxe-core (WCAG 2.0/2.1 A and AA):\n${world.axeReport.join('\n')}\n`);
    },
  };
  return world;
}

/** A fresh visitor's page (local storage as given), page errors and CSP refusals collected. */
export async function newPage(world: BrowserWorld, storage: Record<string, string> = {}): Promise<Page> {
  const page = await world.context.newPage();
  page.on('pageerror', (error) => world.pageErrors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) world.pageErrors.push(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript((entries) => {
    if (!sessionStorage.getItem('oc.test.initialised')) {
      localStorage.clear();
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
      sessionStorage.setItem('oc.test.initialised', '1');
    }
  }, storage);
  return page;
}

/** axe-core over the page: no serious or critical violation of WCAG 2.0/2.1 A and AA. */
export async function expectAccessible(world: BrowserWorld, page: Page, label: string): Promise<void> {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') stays in force.
  await page.evaluate(axe.source);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }),
  )) as unknown as { violations: AxeViolation[] };
  world.axeReport.push(`  ${label}: ${result.violations.length === 0 ? 'no violations' : result.violations.map((v) => `${v.impact} ${v.id} (${v.nodes.length})`).join(', ')}`);
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))).toEqual([]);
}

export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/** A demo account through the API, for what is not the subject of a step. */
export async function apiAs(world: BrowserWorld, who: string) {
  const login = await fetch(`${world.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoEmail(who), password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${who}: ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const call = async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${world.base}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  return {
    call,
    get: <T = unknown>(path: string) => call<T>('GET', path),
    post: <T = unknown>(path: string, body?: unknown) => call<T>('POST', path, body),
    put: <T = unknown>(path: string, body: unknown) => call<T>('PUT', path, body),
  };
}

/** Signs in through the sign-in screen, as a person does, with the interface in `language`. */
export async function signInAs(world: BrowserWorld, who: string, language?: string): Promise<Page> {
  const page = await newPage(world, language ? { 'oc.language': language } : {});
  await page.goto(`${world.base}/sign-in`);
  await page.locator('#field-email').fill(demoEmail(who));
  await page.locator('#field-password').fill(DEMO_PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}
