// The web app in a real browser, against the built app as a user starts it (the embedded default:
// `node dist/apps/api/src/embedded.js`, fresh data directory, free port). Debian's chromium driven
// by playwright-core (no browser download). Each screen is checked in Polish, English and Ukrainian,
// at 360 px and on a desktop: screenshots go to test-artifacts/screenshots/, and axe-core must find
// no serious or critical WCAG 2.1 AA violation.
//
// No chromium: the suite FAILS in CI (CI=true; .ci/run installs it) and is skipped, loudly, elsewhere.
// SKIP_BROWSER_TESTS=1 skips it on purpose.
//
// Routes this branch's API does not serve yet (public catalogue and awards, /me, editions) are
// answered by fixtures in the page (`mockApi`) in the shapes the backend returns; replace them with
// seeded data once the branches meet.
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
// On a developer's machine without Chromium the suite is skipped, loudly; in CI (CI=true) it fails.
const noChromiumHere = !process.env.CI && !existsSync(CHROMIUM);
const skip = process.env.SKIP_BROWSER_TESTS === '1' || noChromiumHere;
const VIEWPORTS = { mobile: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } } as const;
const LANGUAGES = [
  { code: 'pl', button: 'Polski', home: 'Miasta Otwarte', signIn: 'Logowanie' },
  { code: 'en', button: 'English', home: 'Open Cities', signIn: 'Sign in' },
  { code: 'uk', button: 'Українська', home: 'Відкриті міста', signIn: 'Вхід' },
] as const;

if (skip) {
  const why = noChromiumHere ? `no Chromium at ${CHROMIUM} (apt-get install -y chromium)` : 'SKIP_BROWSER_TESTS=1';
  process.stderr.write(`\n*** ${why}: the browser tests (test/web/browser.e2e-spec.ts) did NOT run ***\n\n`);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const axeReport: string[] = [];

(skip ? describe.skip : describe)('web app in Chromium', () => {
  let server: ChildProcess;
  let serverOutput = '';
  let base: string;
  let context: BrowserContext;
  let dataDir: string;
  let profileDir: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH. ` +
          'Set SKIP_BROWSER_TESTS=1 to skip the browser tests on purpose.',
      );
    }
    if (!existsSync(join(root, 'dist/web/index.html')) || !existsSync(join(root, 'dist/apps/api/src/embedded.js'))) {
      throw new Error('dist/ is incomplete: run `npm run build` (npm test does it first)');
    }
    mkdirSync(shots, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'oc-web-e2e-'));
    // As root, the embedded PostgreSQL runs as `postgres`, which must reach its data directory.
    chmodSync(dataDir, 0o755);
    profileDir = mkdtempSync(join(tmpdir(), 'oc-chromium-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [join(root, 'dist/apps/api/src/embedded.js')], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk) => (serverOutput += chunk));
    server.stderr?.on('data', (chunk) => (serverOutput += chunk));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the app exited early:\n${serverOutput}`);
      const ready = await fetch(`${base}/api/health/ready`).then((r) => r.status, () => 0);
      if (ready === 200) break;
      if (Date.now() > deadline) throw new Error(`the app was not ready after 60 s:\n${serverOutput}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'pl-PL',
      // A reader far from Poland: event times must still show in Polish time.
      timezoneId: 'America/New_York',
      viewport: VIEWPORTS.desktop,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // Only the app's own origin: nothing may leave the machine.
    await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
  }, 120_000);

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
    if (axeReport.length > 0) process.stdout.write(`\naxe-core (WCAG 2.0/2.1 A and AA):\n${axeReport.join('\n')}\n`);
  }, 30_000);

  async function newPage(options: { languages?: string[]; storage?: Record<string, string> } = {}): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) pageErrors.push(`${page.url()}: ${message.text()}`);
    });
    const { languages, storage = {} } = options;
    await page.addInitScript(
      ({ languages: langs, storage: entries }) => {
        // A fresh visitor unless the test says otherwise; runs before the app on every load.
        if (!sessionStorage.getItem('oc.test.initialised')) {
          localStorage.clear();
          for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
          sessionStorage.setItem('oc.test.initialised', '1');
        }
        if (langs) Object.defineProperty(navigator, 'languages', { get: () => langs });
      },
      { languages: languages ?? null, storage },
    );
    return page;
  }

  async function scan(page: Page, label: string): Promise<AxeViolation[]> {
    // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') stays in force.
    await page.evaluate(axe.source);
    const result = (await page.evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      }),
    )) as unknown as { violations: AxeViolation[]; passes: unknown[] };
    const summary = result.violations.map((v) => `${v.impact} ${v.id} (${v.nodes.length})`).join(', ');
    axeReport.push(`  ${label}: ${result.violations.length === 0 ? 'no violations' : summary}`);
    return result.violations;
  }

  async function expectAccessible(page: Page, label: string) {
    const violations = await scan(page, label);
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))).toEqual([]);
  }

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  }

  async function expectNoHorizontalScroll(page: Page) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }

  afterEach(() => {
    const errors = pageErrors.splice(0);
    expect(errors).toEqual([]);
  });

  it('public home: Polish by default, switched to English and Ukrainian in the header', async () => {
    const page = await newPage();
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      await page.goto(`${base}/`);
      for (const language of LANGUAGES) {
        await page.getByRole('button', { name: language.button }).click();
        await page.waitForFunction((text) => document.querySelector('h1')?.textContent === text, language.home);
        expect(await page.getAttribute('html', 'lang')).toBe(language.code);
        expect(await page.getByRole('button', { name: language.button }).getAttribute('aria-pressed')).toBe('true');
        // The published editions are not served yet: the page must say so calmly, not break.
        await page.waitForFunction(() => document.querySelector('#latest-title') && !document.querySelector('#latest-title ~ .loading'));
        await shoot(page, `home-${language.code}-${size}`);
        await expectAccessible(page, `home ${language.code} ${size}`);
        if (size === 'mobile') await expectNoHorizontalScroll(page);
      }
    }
    // The choice is remembered across visits.
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'uk');
    await page.close();
  });

  it("picks the browser's language on a first visit", async () => {
    const page = await newPage({ languages: ['uk-UA', 'uk', 'en'] });
    await page.goto(`${base}/`);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Відкриті міста');
    expect(await page.getAttribute('html', 'lang')).toBe('uk');
    await page.close();

    const other = await newPage({ languages: ['de-DE', 'fr'] });
    await other.goto(`${base}/`);
    await other.waitForFunction(() => document.querySelector('h1')?.textContent === 'Miasta Otwarte');
    await other.close();
  });

  it('keyboard: the skip link comes first and moves focus to the main content', async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    await page.locator('h1').waitFor();
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ className: document.activeElement?.className, top: document.activeElement?.getBoundingClientRect().top }));
    expect(first.className).toBe('skip-link');
    expect(first.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // Landmarks: one banner, one main, one contentinfo, a labelled navigation.
    expect(await page.locator('header').count()).toBe(1);
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('footer').count()).toBe(1);
    expect(await page.locator('nav[aria-label]').count()).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('sign-in in three languages: labelled fields, errors next to their fields, an error summary', async () => {
    const page = await newPage();
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      await page.goto(`${base}/sign-in`);
      for (const language of LANGUAGES) {
        await page.getByRole('button', { name: language.button }).click();
        await page.waitForFunction((text) => document.querySelector('h1')?.textContent === text, language.signIn);
        await page.locator('#field-email').fill('');
        await page.locator('#field-password').fill('');
        await shoot(page, `sign-in-${language.code}-${size}`);
        await expectAccessible(page, `sign-in ${language.code} ${size}`);
        // Empty submit: our own (translated) checks, announced and linked from the summary.
        await page.locator('form button[type=submit]').click();
        await page.locator('.error-summary').waitFor();
        expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
        expect(await page.getAttribute('#field-email', 'aria-invalid')).toBe('true');
        expect(await page.getAttribute('#field-email', 'aria-describedby')).toContain('field-email-error');
        await shoot(page, `sign-in-errors-${language.code}-${size}`);
        await expectAccessible(page, `sign-in with errors ${language.code} ${size}`);
        if (size === 'mobile') await expectNoHorizontalScroll(page);
      }
    }
    await page.close();
  });

  it('sign-in against the API: its answer is shown, never swallowed', async () => {
    const page = await newPage();
    await page.goto(`${base}/sign-in`);
    await page.locator('#field-email').fill('nobody@example.org');
    await page.locator('#field-password').fill('not the password');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await page.locator('form button[type=submit]').click();
    const response = await answer;
    // 404 until the auth routes land, then 401: either way a translated summary appears.
    expect([401, 404]).toContain(response.status());
    await page.locator('.error-summary').waitFor();
    expect((await page.locator('.error-summary').textContent())?.length).toBeGreaterThan(10);
    await page.close();
  });

  it("puts the API's field problems next to the field they name", async () => {
    const page = await newPage();
    await page.route('**/api/auth/login', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          statusCode: 400,
          error: 'Bad Request',
          message: 'email: email must be an email; remember: is not an allowed field',
          details: [
            { field: 'email', problem: 'email must be an email' },
            { field: 'remember', problem: 'is not an allowed field' },
          ],
        }),
      }),
    );
    await page.goto(`${base}/sign-in`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('#field-email').fill('someone@example.org');
    await page.locator('#field-password').fill('a password of some length');
    await page.locator('form button[type=submit]').click();
    await page.locator('#field-email-error').waitFor();
    expect(await page.locator('#field-email-error').textContent()).toContain('email must be an email');
    expect(await page.locator('#field-password-error').count()).toBe(0);
    const summary = await page.locator('.error-summary').textContent();
    expect(summary).toContain('Please correct the marked fields.');
    expect(summary).toContain('remember: is not an allowed field');
    await page.close();
  });

  describe('with contract fixtures for routes not served yet', () => {
    const lublin = { id: 'c-lublin', name: 'Lublin' };
    const categories = {
      strategy: { id: 'k1', name: 'Strategia miasta w zakresie różnorodności kulturowej i integracji imigrantów' },
      employing: { id: 'k2', name: 'Zatrudnianie cudzoziemców w urzędach miejskich' },
      service: { id: 'k5', name: 'Miejski punkt obsługi cudzoziemców' },
      social: { id: 'k4', name: 'Kompleksowa pomoc społeczna dostępna dla cudzoziemców' },
    };
    // Shapes as the API's public routes return them (libs/domain catalogue service).
    const editions = [
      {
        year: 2015,
        name: 'Miasta Otwarte 2015',
        ceremony: { startsAt: '2015-05-14T13:30:00.000Z', venue: 'Synagoga pod Białym Bocianem', city: 'Wrocław' },
        publishedAt: '2015-05-20T10:00:00.000Z',
      },
      { year: 2014, name: 'Miasta Otwarte 2014', ceremony: null, publishedAt: '2014-09-30T10:00:00.000Z' },
    ];
    const awards = {
      edition: editions[0],
      awards: [
        {
          id: 'a1',
          city: lublin,
          recipientUnit: 'Prezydent Miasta Lublin, dr Krzysztof Żuk',
          categories: [categories.strategy, categories.employing, categories.service, categories.social],
          practices: [
            { id: 'p1', title: 'Strategia na rzecz różnorodności kulturowej' },
            { id: 'p2', title: 'Punkt obsługi cudzoziemców w Biurze Obsługi Mieszkańców' },
          ],
          citation: null,
        },
        { id: 'a2', city: lublin, recipientUnit: 'Biuro Obsługi Mieszkańców', categories: [categories.service], practices: [{ id: 'p2', title: 'Punkt obsługi cudzoziemców w Biurze Obsługi Mieszkańców' }], citation: null },
        { id: 'a3', city: lublin, recipientUnit: 'Miejski Ośrodek Pomocy Rodzinie', categories: [categories.social], practices: [{ id: 'p3', title: 'Kompleksowa pomoc społeczna dla cudzoziemców' }], citation: null },
      ],
    };
    const practices = {
      items: [
        {
          id: 'p2',
          title: 'Punkt obsługi cudzoziemców w Biurze Obsługi Mieszkańców',
          description: 'Jedno miejsce w urzędzie, w którym cudzoziemcy załatwiają sprawy i dostają informację w kilku językach.',
          city: lublin,
          year: 2015,
          editionName: 'Miasta Otwarte 2015',
          categories: [categories.service],
          recipientUnits: ['Biuro Obsługi Mieszkańców'],
        },
        {
          id: 'p9',
          title: 'Mieszkania chronione dla migrantów przymusowych',
          description: 'Trzy mieszkania miejskie pod opieką MOPR.',
          city: lublin,
          year: 2014,
          editionName: 'Miasta Otwarte 2014',
          categories: [],
          recipientUnits: ['Miejski Ośrodek Pomocy Rodzinie', 'Urząd Miasta Lublin'],
        },
      ],
      total: 2,
    };

    async function mockApi(page: Page) {
      const json = (body: unknown) => ({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
      await page.route('**/api/public/editions', (route) => route.fulfill(json(editions)));
      await page.route('**/api/public/editions/2015/awards', (route) => route.fulfill(json(awards)));
      await page.route(/\/api\/public\/practices(\?|$)/, (route) => route.fulfill(json(practices)));
      await page.route('**/api/me', (route) =>
        route.fulfill(
          json({ id: 'u1', email: 'koordynator@example.org', name: 'Anna Nowak', locale: 'pl', roles: [{ role: 'coordinator' }, { role: 'juror', editionId: 'e2015', cityId: 'c-lublin' }] }),
        ),
      );
      await page.route(/\/api\/editions(\?|$)/, (route) =>
        route.fulfill(
          json({
            items: [
              { id: 'e2015', year: 2015, name: 'Miasta Otwarte 2015', stage: 'published', reportsDueAt: null, scoringDueAt: null, ceremony: editions[0].ceremony },
              { id: 'e2016', year: 2016, name: 'Miasta Otwarte 2016', stage: 'juryScoring', reportsDueAt: null, scoringDueAt: '2016-04-30T21:59:00.000Z', ceremony: null },
            ],
            total: 2,
          }),
        ),
      );
    }

    it('awards of an edition with its ceremony, by city', async () => {
      const page = await newPage();
      await mockApi(page);
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(viewport);
        await page.goto(`${base}/editions/2015`);
        for (const language of LANGUAGES) {
          await page.getByRole('button', { name: language.button }).click();
          await page.locator('.award').first().waitFor();
          const ceremony = await page.locator('.panel .meta').textContent();
          // 15:30 in Wrocław, whatever the reader's zone; dates in the interface language.
          expect(ceremony).toContain('15:30');
          expect(ceremony).toMatch({ pl: /14 maja 2015/, en: /14 May 2015/, uk: /14 травня 2015/ }[language.code]);
          await shoot(page, `awards-2015-${language.code}-${size}`);
          await expectAccessible(page, `awards ${language.code} ${size}`);
          if (size === 'mobile') await expectNoHorizontalScroll(page);
        }
      }
      await page.close();
    });

    it('catalogue: filters in the address, results announced', async () => {
      const page = await newPage();
      await mockApi(page);
      const requests: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/public/practices')) requests.push(new URL(request.url()).search);
      });
      await page.goto(`${base}/catalogue`);
      await page.getByRole('button', { name: 'English' }).click();
      await page.locator('#field-q').fill('punkt obsługi');
      await page.locator('#field-city').fill('Lublin');
      await page.locator('#field-year').selectOption('2015');
      await page.locator('form[role=search] button[type=submit]').click();
      await page.waitForURL(/\/catalogue\?q=/);
      await page.locator('.results-count').waitFor();
      expect(new URL(page.url()).searchParams.get('city')).toBe('Lublin');
      expect(requests.at(-1)).toContain('year=2015');
      expect(await page.locator('.results-count').textContent()).toBe('2 practices found, showing 1–2.');
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(viewport);
        await shoot(page, `catalogue-en-${size}`);
        await expectAccessible(page, `catalogue en ${size}`);
        if (size === 'mobile') await expectNoHorizontalScroll(page);
      }
      await page.close();
    });

    it('a signed-in coordinator lands in the coordination area', async () => {
      const session = JSON.stringify({ id: 's1', accessToken: 'test-access', refreshToken: 'test-refresh', expiresAt: Date.now() + 3_600_000 });
      const page = await newPage({ storage: { 'oc.session': session } });
      await mockApi(page);
      await page.goto(`${base}/dashboard`);
      await page.getByRole('link', { name: 'Koordynacja' }).click();
      await page.locator('table').waitFor();
      expect(await page.locator('tbody tr').count()).toBe(2);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(viewport);
        await shoot(page, `coordinator-pl-${size}`);
        await expectAccessible(page, `coordinator pl ${size}`);
        if (size === 'mobile') await expectNoHorizontalScroll(page);
      }
      await page.close();
    });
  });
});
