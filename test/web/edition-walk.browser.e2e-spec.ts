// One edition the whole way through the role areas, in a real browser against the built app as a
// user starts it (see browser.e2e-spec.ts for the harness), with the demo accounts: the Lublin expert
// submits a report with a file, the coordinator checks eligibility and opens jury scoring, jurors
// score (one cannot open a practice of their own city), the coordinator deliberates, records an award,
// finalises and publishes, the Lublin official sees the distinction and the public finds the practice
// in the catalogue. What is not the subject of a step (another city's report, other jurors' scores)
// is set up through the API.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  apiAs as apiAsIn,
  type PageOptions,
  browserSuiteSkipped,
  check as checkIn,
  expectAccessible as expectAccessibleIn,
  settled,
  shoot,
  signIn as signInAs,
  useBrowserHarness,
  type Viewport,
} from './browser-harness';
import { evidenceName, evidencePdf, lublinSummary, newWalkState, prepareDemoEdition } from './browser-edition-walk';

const skip = browserSuiteSkipped('test/web/edition-walk.browser.e2e-spec.ts');

(skip ? describe.skip : describe)('web app in Chromium: an edition from reports to publication, screen by screen', () => {
  const harness = useBrowserHarness();

  // The shared helpers, bound to this suite's app and browser.
  const newPage = (options?: PageOptions) => harness.newPage(options);
  const expectAccessible = (page: Page, label: string) => expectAccessibleIn(harness, page, label);
  const check = (page: Page, name: string, sizes?: Viewport[]) => checkIn(harness, page, name, sizes);
  const signIn = (who: string, options: { language?: string; viewport?: Viewport } = {}) => signInAs(harness, who, options);
  const apiAs = (who: string) => apiAsIn(harness, who);

  const shared = newWalkState();
  beforeAll(async () => Object.assign(shared, await prepareDemoEdition(apiAs)));

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

});
