// The web app in a real browser, against the built app as a user starts it (the embedded default:
// `node dist/apps/standalone/src/main.js`, fresh data directory, free port). Debian's chromium driven
// by playwright-core (no browser download). Each screen is checked in Polish, English and Ukrainian,
// at 360 px and on a desktop: screenshots go to test-artifacts/screenshots/, and axe-core must find
// no serious or critical WCAG 2.1 AA violation.
//
// No chromium: the suite FAILS in CI (CI=true; .ci/run installs it) and is skipped, loudly, elsewhere.
// SKIP_BROWSER_TESTS=1 skips it on purpose.
//
// The public pages run on the demo data (`npm start` loads it); then one edition goes the whole way
// through the role areas, with the demo accounts: the Lublin expert submits a report with a file, the
// coordinator checks eligibility and opens jury scoring, jurors score (one cannot open a practice of
// their own city), the coordinator deliberates, records an award, finalises and publishes, the Lublin
// official sees the distinction and the public finds the practice in the catalogue. What is not the
// subject of a step (another city's report, other jurors' scores) is set up through the API.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  apiAs as apiAsIn,
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
  const apiAs = (who: string) => apiAsIn(harness, who);

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

  describe('an edition from reports to publication, screen by screen', () => {
    const shared: {
      editionId: string;
      cities: Record<string, string>;
      categories: { id: string; name: string }[];
      lublinPractice: string;
      practiceTitle: string;
    } = { editionId: '', cities: {}, categories: [], lublinPractice: '', practiceTitle: 'Wielojęzyczny punkt informacyjny dla migrantów w ratuszu' };
    // What the Lublin expert writes and uploads, and the jurors then read and download.
    const lublinSummary = 'Lublin od lat rozwija politykę otwartości wobec migrantów; poniżej praktyka z ostatniego roku.';
    const evidenceName = 'Sprawozdanie z działalności punktu.pdf';
    const evidencePdf = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

    beforeAll(async () => {
      const coordinator = await apiAs('koordynator');
      const editions = (await coordinator.get<{ items: { id: string; name: string; stage: string }[] }>('/editions?limit=200')).items;
      const demo = editions.find((edition) => edition.name.startsWith('Edycja demonstracyjna'));
      expect(demo?.stage).toBe('reportsOpen');
      shared.editionId = demo!.id;
      const cities = (await coordinator.get<{ items: { id: string; name: string }[] }>('/cities?limit=200')).items;
      shared.cities = Object.fromEntries(cities.map((city) => [city.name, city.id]));
      shared.categories = await coordinator.get(`/editions/${shared.editionId}/categories`);
      // Kraków's report (not the subject here): two practices, submitted through the API.
      const krakow = await apiAs('ekspert.krakow');
      const report = await krakow.post<{ id: string }>(`/editions/${shared.editionId}/reports`, { cityId: shared.cities['Kraków'] });
      for (const [title, category] of [
        ['Krakowski program otwartości', shared.categories[0].id],
        ['Punkt konsultacyjny dla cudzoziemców w Krakowie', shared.categories[4].id],
      ]) {
        await krakow.post(`/reports/${report.id}/practices`, { title, description: `${title}: opis praktyki na potrzeby testu.`, recipientUnits: ['Urząd Miasta Krakowa'], categoryIds: [category] });
      }
      await krakow.post(`/reports/${report.id}/submit`);
    });

    it('the Lublin expert writes the report, uploads a file (checked first), follows up 2015 and submits', async () => {
      const page = await signIn('ekspert.lublin');
      await settled(page, 'Raporty eksperckie');
      expect(new URL(page.url()).pathname).toBe('/expert');
      await expect(page.locator('.deadline').first().textContent()).resolves.toMatch(/za 2\d dni/);
      // No report yet: the home offers to start it (GET /api/me/reports), and starting opens it.
      const card = page.locator('.card', { hasText: 'Raport: Lublin' });
      await card.locator('.badge', { hasText: 'Nierozpoczęty' }).waitFor();
      expect(await card.getByRole('link').count()).toBe(0);
      await check(page, 'expert-home-pl', ['desktop']);
      await card.getByRole('button', { name: 'Rozpocznij raport' }).click();
      await settled(page, 'Raport: Lublin');
      await page.locator('#summary-summary').waitFor();

      // The summary saves itself after a pause in typing (no button).
      await page.locator('#summary-summary').fill(lublinSummary);
      await page.locator('#summary-save-status', { hasText: /^Zapisano o/ }).waitFor();

      // A practice: the form checks itself first, then the API.
      await page.getByRole('button', { name: 'Dodaj praktykę' }).click();
      await page.locator('#practice-new-title').fill(shared.practiceTitle);
      await page.locator('#practice-new-links').fill('not a link');
      await page.locator('.practice-form button[type=submit]').click();
      await page.locator('.error-summary').waitFor();
      expect(await page.getAttribute('#practice-new-description', 'aria-invalid')).toBe('true');
      expect(await page.locator('#practice-new-categoryIds-error').textContent()).toContain('Wybierz co najmniej jedną kategorię.');
      expect(await page.locator('#practice-new-links-error').textContent()).toContain('https://');
      await shoot(page, 'expert-practice-errors-pl-desktop');
      await expectAccessible(page, 'expert practice form with errors');
      await page.locator('#practice-new-description').fill('Punkt w ratuszu, w którym migranci dostają informacje po ukraińsku, angielsku i rosyjsku; działa od 2016 r.');
      await page.locator('#practice-new-recipientUnits').fill('Biuro Obsługi Mieszkańców Urzędu Miasta Lublin');
      await page.locator(`#practice-new-categoryIds-${shared.categories[4].id}`).check();
      await page.locator('#practice-new-startedOn').fill('2016-03-01');
      await page.locator('#practice-new-links').fill('https://lublin.eu/mieszkancy/');
      await page.locator('.practice-form button[type=submit]').click();
      await page.locator('.alert--success', { hasText: shared.practiceTitle }).waitFor();
      await page.locator('article.card h3', { hasText: shared.practiceTitle }).waitFor();

      // A file that is not a document: the checks say so before anything is sent.
      const fileInput = page.locator('input[type=file]');
      await fileInput.setInputFiles({ name: 'notatki.txt', mimeType: 'text/plain', buffer: Buffer.from('zwykły tekst') });
      await page.locator('.file-checks .checklist__item--bad').first().waitFor();
      expect(await page.getByRole('button', { name: 'Wyślij plik' }).isDisabled()).toBe(true);
      // A real PDF: checks pass, the upload shows its progress, the file is listed.
      await fileInput.setInputFiles({ name: evidenceName, mimeType: 'application/pdf', buffer: Buffer.from(evidencePdf) });
      await page.waitForFunction(() => document.querySelectorAll('.file-checks .checklist__item--ok').length === 3);
      await shoot(page, 'expert-file-checks-pl-desktop');
      await page.getByRole('button', { name: 'Wyślij plik' }).click();
      await page.locator('.alert--success', { hasText: evidenceName }).waitFor();
      await page.locator('#files-title ~ .table-wrap th', { hasText: evidenceName }).waitFor();

      // Follow-up of one of Lublin's 2015 distinctions.
      await page.locator('#follow-ups-title ~ ul .card').first().getByRole('button', { name: /^Oceń/ }).click();
      // A distinction of several practices asks what became of each one.
      for (const radio of await page.locator('input[type=radio][id$="-continued"]').all()) await radio.check();
      await page.locator('textarea[id$="-assessment"]').fill('Punkt działa nadal, w 2024 r. rozszerzono godziny otwarcia.');
      await page.getByRole('button', { name: 'Zapisz ocenę realizacji' }).click();
      await page.locator('.alert--success', { hasText: 'Ocena realizacji zapisana.' }).waitFor();
      await page.locator('.contents a', { hasText: 'Realizacja wyróżnień (1 z 6)' }).waitFor();
      await check(page, 'expert-report-pl');

      // Submit: the confirmation says what freezes.
      await page.getByRole('button', { name: 'Złóż raport…' }).click();
      const dialog = page.locator('dialog.dialog[open]');
      await dialog.waitFor();
      const body = await dialog.textContent();
      expect(body).toContain('podsumowania');
      expect(body).toContain('1 praktyki');
      expect(body).toContain('1 pliku z dokumentacją');
      expect(body).toContain('5 wcześniejszych wyróżnień');
      await shoot(page, 'expert-submit-confirm-pl-desktop', { viewport: true });
      await expectAccessible(page, 'expert submit confirmation');
      await dialog.getByRole('button', { name: 'Złóż i zamroź raport' }).click();
      await page.locator('.report__aside .badge', { hasText: 'Złożony' }).waitFor();
      expect(await page.locator('#summary-summary').count()).toBe(0);
      await check(page, 'expert-report-submitted-pl', ['desktop']);

      // Back home: the card now links to the report and says it was submitted.
      await page.locator('.back-link a').click();
      await settled(page, 'Raporty eksperckie');
      const submitted = page.locator('.card', { hasText: 'Raport: Lublin' });
      await submitted.locator('.badge', { hasText: 'Złożony' }).waitFor();
      const text = await submitted.textContent();
      expect(text).toMatch(/Złożony \d+ \S+ 20\d\d/);
      expect(text).toContain('1 praktyka');
      expect(await submitted.getByRole('button').count()).toBe(0);
      await check(page, 'expert-home-submitted-pl', ['desktop']);
      await submitted.getByRole('link', { name: 'Raport: Lublin' }).click();
      await settled(page, 'Raport: Lublin');
      await page.locator('.report__aside .badge', { hasText: 'Złożony' }).waitFor();
      await page.close();

      const lublin = await apiAs('koordynator');
      const practices = await lublin.get<{ items: { id: string; cityName: string }[] }>(`/editions/${shared.editionId}/practices?cityId=${shared.cities.Lublin}`);
      expect(practices.items).toHaveLength(1);
      shared.lublinPractice = practices.items[0].id;
    }, 120_000);

    it('the coordinator sees what blocks jury scoring, checks eligibility and opens scoring', async () => {
      const page = await signIn('koordynator');
      await settled(page, 'Edycje');
      await page.locator('table tbody tr').nth(2).waitFor();
      await check(page, 'coordinator-editions-pl');
      await page.getByRole('link', { name: 'Edycja demonstracyjna / Demo edition' }).click();
      await page.locator('.next-stage').waitFor();
      // Why the move is blocked, in the interface language.
      expect(await page.locator('.blockers').textContent()).toContain('3 złożone praktyki czekają na decyzję o kwalifikacji.');
      expect(await page.getByRole('button', { name: 'Rozpocznij ocenę jury…' }).isDisabled()).toBe(true);
      await check(page, 'coordinator-edition-overview-pl');

      await page.getByRole('link', { name: 'Przygotowanie' }).click();
      await page.locator('#jurors-title ~ .table-wrap tbody tr').nth(4).waitFor();
      await check(page, 'coordinator-edition-setup-pl', ['desktop']);
      // Categories: add one, rename it, move it up, remove it; one that a practice names stays.
      const categoryItems = page.locator('.category-list > li');
      const before = await categoryItems.count();
      await page.locator('summary', { hasText: 'Dodaj kategorię' }).click();
      await page.locator('#category-name').fill('Kategoria próbna');
      await page.getByRole('button', { name: 'Dodaj kategorię', exact: true }).click();
      await page.locator('.category-list > li', { hasText: 'Kategoria próbna' }).waitFor();
      await page.getByRole('button', { name: 'Edytuj Kategoria próbna', exact: true }).click();
      const editForm = page.getByRole('form', { name: 'Edycja kategorii „Kategoria próbna”' });
      await editForm.getByLabel('Nazwa (po polsku)').fill('Kategoria testowa');
      await editForm.getByLabel(/Nazwa po angielsku/).fill('Test category');
      await expectAccessible(page, 'coordinator category edit');
      await editForm.getByRole('button', { name: 'Zapisz zmiany' }).click();
      await page.locator('.alert', { hasText: 'Zapisano kategorię „Kategoria testowa”.' }).waitFor();
      await page.getByRole('button', { name: 'Przesuń wyżej Kategoria testowa', exact: true }).click();
      await page.waitForFunction((n) => document.querySelectorAll('.category-list > li')[n - 2]?.textContent?.includes('Kategoria testowa'), before + 1);
      await page.getByRole('button', { name: 'Usuń Kategoria testowa', exact: true }).click();
      const removeDialog = page.locator('dialog.dialog[open]');
      expect(await removeDialog.textContent()).toContain('Kategoria „Kategoria testowa” zostanie usunięta z tej edycji.');
      await removeDialog.getByRole('button', { name: 'Usuń' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('.category-list > li').length === n, before);
      await page.getByRole('button', { name: `Usuń ${shared.categories[0].name}`, exact: true }).click();
      await removeDialog.getByRole('button', { name: 'Usuń' }).click();
      await removeDialog.locator('.alert', { hasText: 'Tej kategorii nie można usunąć' }).waitFor();
      await removeDialog.getByRole('button', { name: 'Anuluj' }).click();
      expect(await categoryItems.count()).toBe(before);

      await page.getByRole('link', { name: 'Kwalifikacja' }).click();
      await page.locator('.results-count').waitFor();
      expect(await page.locator('.results-count').textContent()).toBe('Do decyzji: 3, wszystkich: 3');
      await check(page, 'coordinator-eligibility-pl');
      // Not eligible needs a reason: our check first, next to the field.
      const krakowOpen = page.locator('article.card', { hasText: 'Krakowski program otwartości' });
      await krakowOpen.getByRole('button', { name: /^Nie kwalifikuje się/ }).click();
      await krakowOpen.getByRole('button', { name: 'Oznacz jako niezakwalifikowaną' }).click();
      await krakowOpen.locator('.field__error', { hasText: 'Podaj powód.' }).waitFor();
      await krakowOpen.getByRole('button', { name: 'Anuluj' }).click();
      for (let left = 3; left > 0; left--) {
        await page.locator('article.card').first().getByRole('button', { name: /^Kwalifikuje się/ }).click();
        await page.waitForFunction((n) => document.querySelector('.results-count')?.textContent === `Do decyzji: ${n}, wszystkich: 3`, left - 1);
      }
      await page.locator('p', { hasText: 'Nie ma już nic do zdecydowania.' }).waitFor();

      await page.getByRole('link', { name: 'Przegląd', exact: true }).click();
      await page.locator('.next-stage--ready').waitFor();
      await page.getByRole('button', { name: 'Rozpocznij ocenę jury…' }).click();
      const dialog = page.locator('dialog.dialog[open]');
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('nie będzie można złożyć ani zmienić żadnego raportu');
      await shoot(page, 'coordinator-transition-confirm-pl-desktop', { viewport: true });
      await expectAccessible(page, 'coordinator transition confirmation');
      await dialog.getByRole('button', { name: 'Rozpocznij ocenę jury…' }).click();
      await page.locator('.edition-stage .badge', { hasText: 'Ocena jury' }).waitFor();
      await page.close();
    });

    it('a juror scores on the ballot (saved as they go); a Lublin juror cannot open a Lublin practice', async () => {
      // Other jurors' scores, so that the results have something to show (not the subject here).
      const values: Record<string, number[]> = { 'harris.mawusi': [4, 5, 4, 4], 'jose.torres': [5, 4, 5, 4], 'ngo.hoang.minh': [3, 4, 4, 5], 'edward.krajczynski': [2, 3, 3, 2] };
      for (const [who, [a, b, c, d]] of Object.entries(values)) {
        const juror = await apiAs(who);
        const ballot = await juror.get<{ items: { practice: { id: string } }[] }>(`/editions/${shared.editionId}/ballot`);
        for (const [index, { practice }] of ballot.items.entries()) {
          await juror.put(`/practices/${practice.id}/scores/mine`, {
            criteria: { comprehensiveness: Math.max(1, a - index), longTerm: b, governmentEngagement: Math.max(1, c - index), effectiveness: d },
            comment: index === 0 ? `Komentarz: ${who}` : undefined,
          });
        }
      }

      // Priscilla Rubia reads English (her account's language).
      const page = await signIn('priscilla.rubia');
      await settled(page, 'Jury scoring');
      await page.getByRole('link', { name: 'Open the ballot' }).click();
      await page.locator('#ballot-progress').waitFor();
      expect(await page.locator('.progress__label').textContent()).toBe('0 of 3 practices scored');
      await check(page, 'juror-ballot-en');
      // The criteria follow the interface language when she switches it, not only her account's.
      const criterionShown = (name: string) =>
        page.waitForFunction((text) => [...document.querySelectorAll('.criteria-list dt')].some((dt) => dt.textContent === text), name);
      await page.getByRole('button', { name: 'Українська' }).click();
      await criterionShown('Комплексність');
      await page.getByRole('button', { name: 'English' }).click();
      await criterionShown('Comprehensiveness');
      await page.getByRole('link', { name: shared.practiceTitle }).click();
      await page.locator('#score-title').waitFor();
      expect(await page.locator('.score-layout__practice').textContent()).toContain('Biuro Obsługi Mieszkańców Urzędu Miasta Lublin');
      // The report beside the practice: its summary, folded until asked for, and its evidence files.
      const evidence = page.locator('section[aria-labelledby=evidence-title]');
      await evidence.locator('.evidence__files').waitFor();
      expect(await evidence.locator('h2').textContent()).toBe("The city's report");
      const summary = evidence.locator('details.evidence__summary');
      expect(await summary.locator('p.pre-line').isVisible()).toBe(false);
      await summary.locator('summary').click();
      await summary.locator('p.pre-line', { hasText: lublinSummary }).waitFor({ state: 'visible' });
      expect(await evidence.locator('#evidence-files-title').textContent()).toBe('Evidence files (1)');
      expect(await evidence.locator('.evidence__name').allTextContents()).toEqual([evidenceName]);
      // Downloaded with the juror's token: the bytes the expert uploaded.
      const downloaded = page.waitForEvent('download');
      await evidence.getByRole('button', { name: `Download ${evidenceName}` }).click();
      const file = await downloaded;
      expect(file.suggestedFilename()).toBe(evidenceName);
      expect(readFileSync(await file.path()).toString('latin1')).toBe(evidencePdf);
      // The criteria as the ballot gives them, in the juror's language, with their questions.
      expect(await page.locator('fieldset legend').first().textContent()).toBe('Comprehensiveness');
      expect(await page.locator('.choices .field__hint').first().textContent()).toContain('migrants’ needs');
      await page.locator('#score-criteria-comprehensiveness-5').check();
      await page.locator('#score-criteria-longTerm-4').check();
      await page.locator('#score-criteria-governmentEngagement-5').check();
      await page.locator('#score-criteria-effectiveness-4').check();
      await page.locator('#score-comment').fill('Dobrze pomyślany punkt, warto go powielić.');
      await page.waitForFunction(() => /^Saved /.test(document.querySelector('.save-state')?.textContent ?? ''), undefined, { timeout: 10_000 });
      await page.locator('.progress__label', { hasText: '1 of 3 practices scored' }).waitFor();
      await check(page, 'juror-score-en');

      // A conflict of interest on a Kraków practice: final, and the practice leaves the ballot.
      await page.getByRole('link', { name: 'Previous: Punkt konsultacyjny dla cudzoziemców w Krakowie' }).click();
      await page.locator('h1', { hasText: 'Punkt konsultacyjny dla cudzoziemców w Krakowie' }).waitFor();
      await page.getByRole('button', { name: 'Declare a conflict of interest…' }).click();
      await page.locator('#conflict-reason').fill('Pracowałam w tym urzędzie do 2023 r.');
      await page.getByRole('button', { name: 'Declare the conflict' }).click();
      await page.locator('.alert--success', { hasText: 'Your conflict of interest' }).waitFor();
      await page.locator('.progress__label', { hasText: '1 of 2 practices scored' }).waitFor();
      await page.close();

      // Edward Krajczyński is tied to Lublin: the Lublin practice is not on his ballot, and opening it is refused.
      const edward = await signIn('edward.krajczynski');
      await settled(edward);
      await edward.goto(`${harness.base}/juror/editions/${shared.editionId}`);
      await edward.locator('#ballot-progress').waitFor();
      expect(await edward.locator('.ballot-list').textContent()).not.toContain(shared.practiceTitle);
      const refused = edward.waitForResponse((r) => new URL(r.url()).pathname.endsWith(`/api/practices/${shared.lublinPractice}`));
      await edward.goto(`${harness.base}/juror/editions/${shared.editionId}/practices/${shared.lublinPractice}`);
      expect((await refused).status()).toBe(403);
      await edward.locator('.alert--warning', { hasText: 'Ви не можете відкрити цю практику' }).waitFor();
      expect(await edward.locator('#score-title').count()).toBe(0);
      await check(edward, 'juror-own-city-refused-uk');
      await edward.close();
    });

    it('the coordinator closes scoring: results with a method switch, charts, agreement; the jury deliberates', async () => {
      const page = await signIn('koordynator');
      await page.goto(`${harness.base}/coordinator/editions/${shared.editionId}`);
      await page.getByRole('button', { name: 'Zakończ ocenę i rozpocznij obrady…' }).click();
      await page.locator('dialog.dialog[open]').getByRole('button', { name: 'Zakończ ocenę i rozpocznij obrady…' }).click();
      await page.locator('.edition-stage .badge', { hasText: 'Obrady' }).waitFor();

      await page.getByRole('link', { name: 'Jury i wyniki' }).click();
      await page.locator('figure.chart svg rect.chart__bar').first().waitFor();
      const rows = page.locator('#results-table-caption ~ tbody tr');
      expect(await rows.count()).toBe(3);
      expect(await page.locator('#results-table-caption ~ tbody').textContent()).toContain(shared.practiceTitle);
      // The switch recomputes: Borda gives shares between 0 and 1.
      await page.locator('#field-method-borda').check();
      await page.locator('#results-table-caption', { hasText: 'Metoda Bordy' }).waitFor();
      expect(await page.locator('figure.chart svg[role=img]').first().getAttribute('aria-label')).toContain('Metoda Bordy');
      // Agreement with its reading, and each juror's distribution (chart and table).
      await page.locator('.figure-box__title').waitFor();
      expect(await page.locator('.figure-box__title').textContent()).toMatch(/zgodność|Za mało ocen|niezgodność/);
      await page.locator('#distributions-caption ~ tbody tr').nth(4).waitFor();
      await check(page, 'coordinator-results-pl');
      await page.close();

      // The jury, once scoring has closed: results, comments, notes.
      const juror = await signIn('priscilla.rubia');
      await juror.goto(`${harness.base}/juror/editions/${shared.editionId}/deliberation`);
      await juror.locator('#results-table-caption').waitFor();
      await juror.locator('#comments-title ~ article').first().waitFor();
      await juror.locator('#note-text').fill('Proponuję wyróżnić punkt informacyjny w Lublinie.');
      await juror.getByRole('button', { name: 'Add the note' }).click();
      await juror.locator('.notes li', { hasText: 'Proponuję wyróżnić' }).waitFor();
      await check(juror, 'juror-deliberation-en');
      await juror.close();
    });

    it('the coordinator records an award, finalises and publishes, each behind a confirmation', async () => {
      const page = await signIn('koordynator');
      await page.goto(`${harness.base}/coordinator/editions/${shared.editionId}/awards`);
      await page.getByRole('button', { name: 'Zapisz wyróżnienie' }).click();
      // Our checks first, next to the fields.
      await page.locator('.card--form button[type=submit]').click();
      await page.locator('#award-new-cityId-error').waitFor();
      await page.locator('#award-new-cityId').selectOption({ label: 'Lublin' });
      await page.locator(`#award-new-practiceIds-${shared.lublinPractice}`).check();
      await page.locator(`#award-new-categoryIds-${shared.categories[4].id}`).check();
      await page.locator('#award-new-recipientUnit').fill('Biuro Obsługi Mieszkańców Urzędu Miasta Lublin');
      await page.locator('#award-new-citation').fill('Za wielojęzyczny punkt informacyjny dla migrantów w ratuszu.');
      await shoot(page, 'coordinator-award-form-pl-desktop');
      await expectAccessible(page, 'coordinator award form');
      await page.locator('.card--form button[type=submit]').click();
      await page.locator('.alert--success', { hasText: 'Wyróżnienie zapisane.' }).waitFor();
      await page.locator('.award h3', { hasText: 'Biuro Obsługi Mieszkańców Urzędu Miasta Lublin' }).waitFor();
      await page.locator('#notes-title ~ ol li').first().waitFor();
      await check(page, 'coordinator-awards-pl');

      await page.getByRole('link', { name: 'Przegląd', exact: true }).click();
      await page.getByRole('button', { name: 'Zatwierdź decyzje…' }).click();
      let dialog = page.locator('dialog.dialog[open]');
      expect(await dialog.textContent()).toContain('Tego nie można cofnąć.');
      await dialog.getByRole('button', { name: 'Zatwierdź decyzje…' }).click();
      await page.locator('.edition-stage .badge', { hasText: 'Decyzja podjęta' }).waitFor();
      await page.getByRole('button', { name: 'Opublikuj wyniki…' }).click();
      dialog = page.locator('dialog.dialog[open]');
      expect(await dialog.textContent()).toContain('staną się publiczne');
      await shoot(page, 'coordinator-publish-confirm-pl-desktop', { viewport: true });
      await dialog.getByRole('button', { name: 'Opublikuj wyniki…' }).click();
      await page.locator('.edition-stage .badge', { hasText: 'Opublikowano' }).waitFor();
      await page.locator('p', { hasText: 'To ostatni etap' }).waitFor();
      await check(page, 'coordinator-edition-published-pl', ['desktop']);
      await page.close();
    });

    it("the Lublin official sees the city's distinction; the public finds the practice by search", async () => {
      const official = await signIn('urzednik.lublin');
      await settled(official, 'Moje miasto');
      const demo = official.locator('section.city-edition').first();
      await demo.locator('.distinctions .card__title', { hasText: 'Biuro Obsługi Mieszkańców Urzędu Miasta Lublin' }).waitFor();
      expect(await demo.locator('tbody').textContent()).toContain('Wyróżniona');
      await check(official, 'official-city-pl');
      await official.close();

      const page = await newPage();
      await page.goto(`${harness.base}/catalogue`);
      await page.locator('#field-q').fill('wielojęzyczny punkt');
      await page.locator('form[role=search] button[type=submit]').click();
      await page.waitForURL(/q=/);
      await page.locator('.catalogue__results .card__title', { hasText: shared.practiceTitle }).waitFor();
      await check(page, 'catalogue-search-pl');
      await page.locator('.catalogue__results .card__title a', { hasText: shared.practiceTitle }).click();
      await page.locator('#practice-awards-title').waitFor();
      expect(await page.locator('main').textContent()).toContain('Za wielojęzyczny punkt informacyjny');
      await page.close();
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
});
