// Report editing that never loses work, in a real browser against the built app with its demo data
// (helpers of test/web/browser-harness.ts): Kraków's expert types the summary and a practice, waits
// for "saved", presses the back button and finds both on returning; an edit that cannot be saved
// yet stops the way out with a question, and the checklist shows the saved report (and says the
// screen holds more); a practice edit that fails validation shows the field's error and keeps the
// text; after submitting, the confirmation is in view and focused. Then the coordinator's overview
// shows the jury's progress per juror. Screenshots go to test-artifacts/screenshots/; axe must find
// no serious or critical violation; at 360 px no horizontal scroll.
import type { Page } from 'playwright-core';
import { apiAs, browserSuiteSkipped, check, settled, signIn, useBrowserHarness } from './browser-harness';

const skip = browserSuiteSkipped('test/web/report-editing.browser.e2e-spec.ts');

const SUMMARY = 'Kraków od 2016 r. prowadzi Program Otwarty Kraków: polityka miasta wobec migrantów.';
const PRACTICE = { title: 'Punkt informacyjny dla cudzoziemców', description: 'Porady prawne i tłumaczenia w urzędzie miasta, w czterech językach.' };

(skip ? describe.skip : describe)('report editing in Chromium', () => {
  const harness = useBrowserHarness();
  let editionId = '';
  let reportPath = '';

  beforeAll(async () => {
    // The report is started through the API (starting is not the subject here).
    const krakow = await apiAs(harness, 'ekspert.krakow');
    const [assignment] = await krakow.get<{ editionId: string; cityId: string; cityName: string }[]>('/me/reports');
    expect(assignment.cityName).toBe('Kraków');
    editionId = assignment.editionId;
    await krakow.post(`/editions/${editionId}/reports`, { cityId: assignment.cityId });
    reportPath = `/expert/editions/${editionId}/cities/${assignment.cityId}`;
  }, 60_000);

  /** The report screen, reached by its link on the expert's home: a move inside the app, as a person makes it. */
  async function openReport(page: Page): Promise<void> {
    await page.locator(`main a[href="${reportPath}"]`).first().click();
    await page.waitForURL((url) => url.pathname === reportPath);
    await settled(page);
    await page.locator('#summary-summary').waitFor();
  }

  const status = (page: Page, id: string) => page.locator(`#${id}`);
  const beforeUnloadAsks = (page: Page) =>
    page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });

  it('the summary and a practice survive the back button; what cannot be saved stops the way out; the confirmation is seen', async () => {
    const page = await signIn(harness, 'ekspert.krakow', { language: 'pl' });
    await page.goto(`${harness.base}/expert`);
    await settled(page);
    await openReport(page);
    expect(await status(page, 'summary-save-status').textContent()).toBe('Zapisuje się samo w trakcie pisania.');

    // The summary: saved after a pause in typing, no button pressed.
    await page.locator('#summary-summary').fill(SUMMARY);
    await status(page, 'summary-save-status').filter({ hasText: /^Zapisano o \d{2}:\d{2}\.$/ }).waitFor();

    // A practice: saved (created) once it has a title, a description and a category.
    await page.getByRole('button', { name: 'Dodaj praktykę', exact: true }).click();
    await page.locator('#practice-new-title').fill(PRACTICE.title);
    await status(page, 'practice-new-save-status').filter({ hasText: 'Jeszcze nie zapisano' }).waitFor();
    await page.locator('#practice-new-description').fill(PRACTICE.description);
    await page.locator('#practice-new-categoryIds input[type=checkbox]').first().check();
    await status(page, 'practice-new-save-status').filter({ hasText: /^Zapisano o/ }).waitFor();
    // The checklist reads what is saved.
    const checklist = page.locator('.submit-section .checklist');
    await checklist.filter({ hasText: '1 praktyka' }).waitFor();
    await checklist.filter({ hasText: 'Podsumowanie jest napisane.' }).waitFor();
    expect(await beforeUnloadAsks(page)).toBe(false);
    await check(harness, page, 'report-editing-saved-pl');

    // The back button, then the way back in: everything is there.
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/expert');
    await settled(page);
    await openReport(page);
    expect(await page.locator('#summary-summary').inputValue()).toBe(SUMMARY);
    await page.locator('.card__title', { hasText: PRACTICE.title }).waitFor();
    expect(await page.locator('.card', { hasText: PRACTICE.title }).textContent()).toContain(PRACTICE.description);

    // A new practice with a title only cannot be saved yet: the checklist says the screen holds
    // more than it shows, closing the tab asks, and the back button asks too.
    await page.getByRole('button', { name: 'Dodaj praktykę', exact: true }).click();
    await page.locator('#practice-new-title').fill('Praktyka bez opisu');
    await status(page, 'practice-new-save-status').filter({ hasText: 'Jeszcze nie zapisano' }).waitFor();
    await page.locator('.submit-section .checklist__unsaved').waitFor();
    expect(await checklist.textContent()).toContain('1 praktyka');
    expect(await beforeUnloadAsks(page)).toBe(true);
    await page.goBack();
    const leave = page.getByRole('dialog', { name: 'Wyjść bez tych zmian?' });
    await leave.waitFor();
    await check(harness, page, 'report-editing-leave-prompt-pl');
    await leave.getByRole('button', { name: 'Anuluj' }).click();
    await leave.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(reportPath);
    expect(await page.locator('#practice-new-title').inputValue()).toBe('Praktyka bez opisu');
    await page.locator('.card--form').getByRole('button', { name: 'Anuluj' }).click();
    await page.locator('.submit-section .checklist__unsaved').waitFor({ state: 'detached' });
    expect(await beforeUnloadAsks(page)).toBe(false);

    // A change that fails validation while autosaving: the field's error, and the text stays.
    await page.locator('.card', { hasText: PRACTICE.title }).getByRole('button', { name: /Edytuj/ }).click();
    const form = page.locator('.card--form');
    const links = form.locator('textarea[name=links]');
    await links.fill('to nie jest adres');
    await form.locator('.save-status--failed', { hasText: 'Nie zapisano: popraw zaznaczone pola.' }).waitFor();
    await form.locator('[id$="-links-error"]').waitFor();
    expect(await links.inputValue()).toBe('to nie jest adres');
    await check(harness, page, 'report-editing-field-error-pl');
    await links.fill('https://www.krakow.pl/');
    await form.locator('.save-status--saved').waitFor();
    await form.getByRole('button', { name: 'Zapisz i zamknij' }).click();
    await page.locator('.card a', { hasText: 'https://www.krakow.pl/' }).waitFor();

    // Submitting at the bottom of the page: the confirmation comes into view, with focus.
    await page.getByRole('button', { name: 'Złóż raport…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Złożyć raport?' });
    await confirm.getByRole('button', { name: 'Złóż i zamroź raport' }).click();
    const done = page.locator('.alert--success', { hasText: 'Raport jest złożony' });
    await done.waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('alert--success') ?? false);
    // The page scrolls smoothly (unless the reader asks for reduced motion): in view once it ends.
    const inView = await done
      .evaluate(
        (element) =>
          new Promise<boolean>((resolve) => {
            const started = performance.now();
            const look = () => {
              const box = element.getBoundingClientRect();
              if (box.top >= 0 && box.bottom <= window.innerHeight) resolve(true);
              else if (performance.now() - started > 3_000) resolve(false);
              else requestAnimationFrame(look);
            };
            look();
          }),
      )
      .catch(() => false);
    expect(inView).toBe(true);
    await check(harness, page, 'report-editing-submitted-pl');
    await page.close();
  }, 240_000);

  it('the coordinator’s overview shows each juror’s progress, not their scores', async () => {
    // Eligibility, jury scoring, one juror's score: set up through the API (not the subject here).
    const coordinator = await apiAs(harness, 'koordynator');
    const submitted = (await coordinator.get<{ items: { id: string }[] }>(`/editions/${editionId}/practices?status=submitted&limit=100`)).items;
    expect(submitted).toHaveLength(1);
    await coordinator.post(`/practices/${submitted[0].id}/eligibility`, { eligible: true });
    await coordinator.post(`/editions/${editionId}/transitions`, { to: 'juryScoring' });
    const jose = await apiAs(harness, 'jose.torres');
    await jose.put(`/practices/${submitted[0].id}/scores/mine`, { criteria: { comprehensiveness: 5, longTerm: 4, governmentEngagement: 3, effectiveness: 2 } });

    const page = await signIn(harness, 'koordynator', { language: 'pl' });
    await page.goto(`${harness.base}/coordinator/editions/${editionId}`);
    await settled(page);
    const jury = page.locator('[data-testid="jury-progress"]');
    await jury.waitFor();
    const rows = jury.locator('li');
    expect(await rows.count()).toBe(5);
    const jose2 = rows.filter({ hasText: 'Jose Torres' });
    expect(await jose2.textContent()).toContain('oceniono 1 z 1 praktyki');
    expect(await jose2.textContent()).toContain('ostatnia ocena');
    const priscilla = rows.filter({ hasText: 'Priscilla Rubia' });
    expect(await priscilla.textContent()).toContain('oceniono 0 z 1 praktyki');
    expect(await priscilla.textContent()).toContain('jeszcze bez ocen');
    // No score values on the overview.
    expect(await jury.textContent()).not.toMatch(/\b[2-5]\/5\b|średnia/);
    await check(harness, page, 'overview-jury-progress-pl');
    await page.close();
  }, 180_000);
});
