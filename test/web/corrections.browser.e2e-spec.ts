// The coordinator's corrections in a real browser, against the built app with its demo data (as
// test/web/browser.e2e-spec.ts runs it, whose helpers this file follows): the coordinator reopens
// Lublin's submitted report with a reason (an empty reason is refused next to its field), gives
// the Lublin expert a later deadline, and the expert sees both on the report. Screenshots go to
// test-artifacts/screenshots/; axe-core must find no serious or critical WCAG 2.1 AA violation.
// No Chromium: skipped loudly (fails in CI), like the main browser suite.
import axe from 'axe-core';
import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { freePort } from '../../libs/core/src/net/free-port';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = join(__dirname, '../..');
const shots = join(root, 'test-artifacts/screenshots');
const noChromiumHere = !process.env.CI && !existsSync(CHROMIUM);
const skip = process.env.SKIP_BROWSER_TESTS === '1' || noChromiumHere;
const VIEWPORTS = { mobile: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } } as const;
const DEMO_PASSWORD = 'miasta-otwarte-demo';
const demoEmail = (who: string) => `${who}@demo.miastaotwarte.pl`;

if (skip) {
  const why = noChromiumHere ? `no Chromium at ${CHROMIUM}` : 'SKIP_BROWSER_TESTS=1';
  process.stderr.write(`\n*** ${why}: the browser tests (test/web/corrections.browser.e2e-spec.ts) did NOT run ***\n\n`);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

(skip ? describe.skip : describe)('corrections in Chromium', () => {
  let server: ChildProcess;
  let serverOutput = '';
  let base: string;
  let context: BrowserContext;
  let dataDir: string;
  let profileDir: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(root, 'dist/web/index.html')) || !existsSync(join(root, 'dist/apps/standalone/src/main.js'))) {
      throw new Error('dist/ is incomplete: run `npm run build` (npm test does it first)');
    }
    mkdirSync(shots, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'oc-web-corrections-'));
    chmodSync(dataDir, 0o755);
    profileDir = mkdtempSync(join(tmpdir(), 'oc-chromium-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [join(root, 'dist/apps/standalone/src/main.js')], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk) => (serverOutput += chunk));
    server.stderr?.on('data', (chunk) => (serverOutput += chunk));
    // The embedded PostgreSQL and the demo data take longer on a busy machine than the main suite allows.
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the app exited early:\n${serverOutput}`);
      const ready = await fetch(`${base}/api/health/ready`).then((r) => r.status, () => 0);
      if (ready === 200) break;
      if (Date.now() > deadline) throw new Error(`the app was not ready after 180 s:\n${serverOutput}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'pl-PL',
      timezoneId: 'Europe/Warsaw',
      viewport: VIEWPORTS.desktop,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
  }, 240_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 15_000)))]);
      clearTimeout(timer);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  }, 30_000);

  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  async function apiAs(who: string) {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: demoEmail(who), password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    return async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${base}/api${path}`, {
        method,
        headers: { authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return (text ? JSON.parse(text) : null) as T;
    };
  }

  async function signIn(who: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('oc.test.initialised')) {
        localStorage.clear();
        localStorage.setItem('oc.language', 'pl');
        sessionStorage.setItem('oc.test.initialised', '1');
      }
    });
    await page.goto(`${base}/sign-in`);
    await page.locator('#field-email').fill(demoEmail(who));
    await page.locator('#field-password').fill(DEMO_PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    return page;
  }

  async function expectAccessible(page: Page) {
    await page.evaluate(axe.source);
    const result = (await page.evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      }),
    )) as unknown as { violations: AxeViolation[] };
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))).toEqual([]);
  }

  /** Screenshot and axe scan at both sizes; no horizontal scrolling at 360 px. */
  async function check(page: Page, name: string) {
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      await page.waitForTimeout(50);
      await page.screenshot({ path: join(shots, `${name}-${size}.png`), fullPage: true });
      await expectAccessible(page);
      if (size === 'mobile') expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize(VIEWPORTS.desktop);
  }

  const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('main .loading'));

  it('the coordinator reopens a submitted report and extends the expert’s deadline; the expert sees both', async () => {
    // Lublin's expert submits a report in the demo edition (set up through the API: not the subject here).
    const expertApi = await apiAs('ekspert.lublin');
    const [assignment] = await expertApi<{ editionId: string; cityId: string }[]>('GET', '/me/reports');
    const categories = await expertApi<{ id: string }[]>('GET', `/editions/${assignment.editionId}/categories`);
    const report = await expertApi<{ id: string }>('POST', `/editions/${assignment.editionId}/reports`, { cityId: assignment.cityId });
    await expertApi('POST', `/reports/${report.id}/practices`, { title: 'Lubelski punkt dla cudzoziemców', description: 'Opis praktyki.', recipientUnits: ['Urząd Miasta Lublin'], categoryIds: [categories[0].id] });
    await expertApi('POST', `/reports/${report.id}/submit`);

    const coordinator = await signIn('koordynator');
    await coordinator.goto(`${base}/coordinator/editions/${assignment.editionId}/reports/${report.id}`);
    await settled(coordinator);
    await coordinator.getByRole('button', { name: 'Otwórz raport ponownie…' }).click();
    // No reason: refused next to the field, before anything is sent.
    await coordinator.getByRole('button', { name: 'Otwórz raport ponownie', exact: true }).click();
    await coordinator.locator('#reopen-reason-error').waitFor();
    await check(coordinator, 'corrections-reopen-errors-pl');
    await coordinator.locator('#reopen-reason').fill('Brakuje opisu efektów praktyki.');
    await coordinator.getByRole('button', { name: 'Otwórz raport ponownie', exact: true }).click();
    await coordinator.locator('.alert', { hasText: 'Koordynator ponownie otworzył ten raport do poprawy' }).waitFor();
    await check(coordinator, 'corrections-reopened-pl');

    // A later deadline for the Lublin expert, from the edition's setup.
    await coordinator.goto(`${base}/coordinator/editions/${assignment.editionId}/setup`);
    await settled(coordinator);
    const row = coordinator.locator('#experts-title ~ .table-wrap tbody tr', { hasText: 'Lublin' });
    await row.getByRole('button', { name: /Przedłuż termin…/ }).click();
    await row.getByLabel('Nowy termin').fill('2099-01-15T23:59');
    await row.getByLabel('Powód').fill('Powódź w urzędzie miasta.');
    await row.getByRole('button', { name: 'Przedłuż termin', exact: true }).click();
    await row.locator('.meta', { hasText: 'Przedłużono do' }).waitFor();
    await check(coordinator, 'corrections-extension-pl');
    await coordinator.close();

    const expert = await signIn('ekspert.lublin');
    await expert.goto(`${base}/expert/editions/${assignment.editionId}/cities/${assignment.cityId}`);
    await settled(expert);
    const notice = expert.locator('.alert', { hasText: 'Koordynator ponownie otworzył ten raport do poprawy' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Brakuje opisu efektów praktyki.');
    expect(await expert.locator('.meta', { hasText: 'Twój indywidualny termin' }).textContent()).toContain('2099');
    await check(expert, 'corrections-expert-reopened-pl');
    await expert.close();
  }, 180_000);
});
