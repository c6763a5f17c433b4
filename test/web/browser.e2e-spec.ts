// The web app in a real browser, against the built app as a user starts it (the embedded default:
// `node dist/apps/standalone/src/main.js`, fresh data directory, free port). Debian's chromium driven
// by playwright-core (no browser download). Each screen is checked in Polish, English and Ukrainian,
// at 360 px and on a desktop: screenshots go to test-artifacts/screenshots/, and axe-core must find
// no serious or critical WCAG 2.1 AA violation.
//
// No chromium: the suite FAILS in CI (CI=true; .ci/run installs it) and is skipped, loudly, elsewhere.
// SKIP_BROWSER_TESTS=1 skips it on purpose.
//
// The public pages run on the demo data (`npm start` loads it), and the coordinator's people,
// cities and outbox screens; the whole edition, role area by role area, is in
// edition-walk.browser.e2e-spec.ts.
import type { Page } from 'playwright-core';
import {
  type PageOptions,
  browserSuiteSkipped,
  check as checkIn,
  expectAccessible as expectAccessibleIn,
  expectNoHorizontalScroll,
  LANGUAGES as LANGUAGE_BUTTONS,
  openMenu,
  settled,
  switchLanguage,
  shoot,
  signIn as signInAs,
  VIEWPORTS,
  useBrowserHarness,
  type Viewport,
} from './browser-harness';

const skip = browserSuiteSkipped('test/web/browser.e2e-spec.ts');
const HOME_AND_SIGN_IN = {
  pl: { home: 'Miasta Otwarte', signIn: 'Logowanie' },
  en: { home: 'Open Cities', signIn: 'Sign in' },
  uk: { home: 'Відкриті міста', signIn: 'Вхід' },
} as const;
const LANGUAGES = LANGUAGE_BUTTONS.map((language) => ({ ...language, ...HOME_AND_SIGN_IN[language.code] }));

(skip ? describe.skip : describe)('web app in Chromium', () => {
  const harness = useBrowserHarness();

  // The shared helpers, bound to this suite's app and browser.
  const newPage = (options?: PageOptions) => harness.newPage(options);
  const expectAccessible = (page: Page, label: string) => expectAccessibleIn(harness, page, label);
  const check = (page: Page, name: string, sizes?: Viewport[]) => checkIn(harness, page, name, sizes);
  const signIn = (who: string, options: { language?: string; viewport?: Viewport } = {}) => signInAs(harness, who, options);

  it('public home: Polish by default, switched to English and Ukrainian in the header', async () => {
    const page = await newPage();
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      await page.goto(`${harness.base}/`);
      for (const language of LANGUAGES) {
        await openMenu(page);
        await page.getByRole('button', { name: language.button }).click();
        await page.waitForFunction((text) => document.querySelector('h1')?.textContent === text, language.home);
        expect(await page.getAttribute('html', 'lang')).toBe(language.code);
        expect(await page.getByRole('button', { name: language.button }).getAttribute('aria-pressed')).toBe('true');
        await page.locator('#latest-title ~ ul .card').first().waitFor();
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
    await page.goto(`${harness.base}/`);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Відкриті міста');
    expect(await page.getAttribute('html', 'lang')).toBe('uk');
    await page.close();

    const other = await newPage({ languages: ['de-DE', 'fr'] });
    await other.goto(`${harness.base}/`);
    await other.waitForFunction(() => document.querySelector('h1')?.textContent === 'Miasta Otwarte');
    await other.close();
  });

  it('keyboard: the skip link comes first and moves focus to the main content', async () => {
    const page = await newPage();
    await page.goto(`${harness.base}/`);
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
      await page.goto(`${harness.base}/sign-in`);
      for (const language of LANGUAGES) {
        await openMenu(page);
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
    await page.goto(`${harness.base}/sign-in`);
    await page.locator('#field-email').fill('nobody@example.org');
    await page.locator('#field-password').fill('not the password');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await page.locator('form button[type=submit]').click();
    const response = await answer;
    expect(response.status()).toBe(401);
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
    await page.goto(`${harness.base}/sign-in`);
    await switchLanguage(page, 'English', 'en');
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


  describe('public pages with the demo data', () => {
    it('awards of 2015 with their ceremony, by city', async () => {
      const page = await newPage();
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(viewport);
        await page.goto(`${harness.base}/editions/2015`);
        for (const language of LANGUAGES) {
          await switchLanguage(page, language.button, language.code);
          await page.locator('.award').first().waitFor();
          const ceremony = await page.locator('.panel .meta').textContent();
          // 15:30 in Wrocław, whatever the reader's zone; dates in the interface language.
          expect(ceremony).toContain('15:30');
          expect(ceremony).toMatch({ pl: /14 maja 2015/, en: /14 May 2015/, uk: /14 травня 2015/ }[language.code]);
          expect(ceremony).toContain('Synagoga pod Białym Bocianem');
          expect(await page.locator('.award').count()).toBe(6);
          // Category names in the interface language (the API gives their translations).
          if (language.code === 'en') expect(await page.locator('.award .tag').allTextContents()).toContain('City service point for foreigners');
          await shoot(page, `awards-2015-${language.code}-${size}`);
          await expectAccessible(page, `awards ${language.code} ${size}`);
          if (size === 'mobile') await expectNoHorizontalScroll(page);
        }
      }
      await page.close();
    });

    it('catalogue: filters by city, category and year in the address, results announced', async () => {
      const page = await newPage();
      const requests: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/public/practices')) requests.push(new URL(request.url()).search);
      });
      await page.goto(`${harness.base}/catalogue`);
      await switchLanguage(page, 'English', 'en');
      await page.locator('.results-count').waitFor();
      expect(await page.locator('.results-count').textContent()).toMatch(/^\d+ practices found/);
      // The filters offer what the published awards hold.
      await page.locator('#field-city option[value="Lublin"]').waitFor({ state: 'attached' });
      await page.locator('#field-q').fill('punkt obsługi');
      await page.locator('#field-city').selectOption('Lublin');
      await page.locator('#field-year').selectOption('2015');
      await page.locator('form[role=search] button[type=submit]').click();
      await page.waitForURL(/\/catalogue\?q=/);
      await page.waitForFunction(() => document.querySelector('.results-count')?.textContent === '1 practice found.');
      expect(new URL(page.url()).searchParams.get('city')).toBe('Lublin');
      expect(requests.at(-1)).toContain('year=2015');
      expect(await page.locator('.catalogue__results .card__title').textContent()).toBe('Miejski punkt obsługi cudzoziemców');
      await check(page, 'catalogue-en');
      // By category, in English, across years.
      await page.goto(`${harness.base}/catalogue`);
      await page.locator('#field-category option', { hasText: 'Employing foreigners in city offices' }).waitFor({ state: 'attached' });
      await page.locator('#field-category').selectOption({ label: 'Employing foreigners in city offices' });
      await page.locator('form[role=search] button[type=submit]').click();
      await page.waitForURL(/category=/);
      await page.waitForFunction(() => /^1 practice found/.test(document.querySelector('.results-count')?.textContent ?? ''));
      // One practice, with its distinctions and the follow-ups of later editions.
      await page.locator('.catalogue__results .card__title a').first().click();
      await page.locator('#practice-awards-title').waitFor();
      await check(page, 'catalogue-practice-en', ['desktop']);
      await page.close();
    });
  });

  it('the coordinator invites a person; cities and the notification outbox', async () => {
    const page = await signIn('koordynator');
    await page.getByRole('link', { name: 'Osoby' }).click();
    await settled(page, 'Osoby');
    await page.locator('#invite-name').fill('Anna Nowak');
    await page.locator('#invite-email').fill('anna.nowak@example.org');
    await page.locator('#invite-locale').selectOption('uk');
    await page.getByRole('button', { name: 'Utwórz konto i wyślij zaproszenie' }).click();
    await page.locator('.alert--success', { hasText: 'anna.nowak@example.org' }).waitFor();
    await page.locator('tbody th', { hasText: 'Anna Nowak' }).waitFor();
    // The same address again: the API's 409 in words.
    await page.locator('#invite-name').fill('Anna Nowak');
    await page.locator('#invite-email').fill('anna.nowak@example.org');
    await page.getByRole('button', { name: 'Utwórz konto i wyślij zaproszenie' }).click();
    await page.locator('.error-summary', { hasText: 'Konto z tym adresem e-mail już istnieje.' }).waitFor();
    await check(page, 'coordinator-people-pl');

    await page.getByRole('link', { name: 'Miasta', exact: true }).click();
    await page.locator('#cities-caption').waitFor();
    // The API's problem with a field shows next to that field.
    await page.locator('#city-name').fill('Ł'.repeat(130));
    await page.getByRole('button', { name: 'Dodaj miasto' }).click();
    await page.locator('#city-name-error', { hasText: '120' }).waitFor();
    expect(await page.getAttribute('#city-name', 'aria-invalid')).toBe('true');
    expect(await page.locator('.error-summary').textContent()).toContain('Popraw zaznaczone pola.');
    await check(page, 'coordinator-cities-pl', ['desktop']);

    // The outbox: its API is being built on another branch, so its answers here are contract
    // fixtures (API.md's Notifications table, the shapes of that branch), a failed delivery retried.
    const delivery = (id: string, status: string, extra: Record<string, unknown> = {}) => ({
      id,
      eventId: `e-${id}`,
      template: 'published',
      status,
      attempts: status === 'failed' ? 5 : 1,
      maxAttempts: 5,
      lastError: status === 'failed' ? '550 5.1.1 mailbox unavailable' : null,
      recipient: { id: `u-${id}`, email: `${id}@example.org`, name: `Odbiorca ${id}` },
      subject: 'Wyniki edycji zostały opublikowane',
      locale: 'pl',
      receipt: null,
      file: null,
      createdAt: '2026-11-25T09:00:00.000Z',
      updatedAt: '2026-11-25T09:05:00.000Z',
      sentAt: status === 'sent' ? '2026-11-25T09:00:05.000Z' : null,
      ...extra,
    });
    let retried = false;
    await page.route(/\/api\/notifications(\?|$)/, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ items: [delivery('a', retried ? 'pending' : 'failed'), delivery('b', 'sent'), delivery('c', 'pending')], total: 3 }),
      }),
    );
    await page.route('**/api/notifications/a/retry', (route) => {
      retried = true;
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(delivery('a', 'pending')) });
    });
    await page.getByRole('link', { name: 'Powiadomienia', exact: true }).click();
    await settled(page, 'Powiadomienia');
    await page.locator('#outbox-caption').waitFor();
    expect(await page.locator('tbody').textContent()).toContain('550 5.1.1 mailbox unavailable');
    await check(page, 'coordinator-notifications-pl');
    await page.getByRole('button', { name: /^Wyślij ponownie/ }).click();
    await page.locator('.alert--success', { hasText: 'a@example.org' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('tbody')?.textContent?.includes('Błąd wysyłki'));
    await page.close();
  });
});
