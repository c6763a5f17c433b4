// Editing translations in a real browser: the edition's translator (a 2015 expert given the
// translator grant of the demo edition, interface in Ukrainian) finds a practice without a Ukrainian
// version on the translations screen and adds it beside the original; the expert's change of the
// original marks it outdated on the coordinator's screen (badge, the date the original changed) and
// re-saving clears the mark; the expert translates their own summary from the report page; the
// translator, who has no set-up screen, translates a category's name there; the coordinator removes
// a translation after confirming it; once scoring opens a save is refused (409 wrong_stage) and the
// screen turns read-only, and the juror reading in Ukrainian sees the outdated translation with its
// note. Setup that is not the subject goes through the API. Screenshots into
// test-artifacts/screenshots/, axe and 360 px checked.
import type { Page } from 'playwright-core';
import { apiAs, browserSuiteSkipped, check, demoEdition, expectAccessible, settled, shoot, signIn, useBrowserHarness, VIEWPORTS } from './browser-harness';

const skip = browserSuiteSkipped('test/web/translation-editing.browser.e2e-spec.ts');

const PRACTICE = {
  pl: { title: 'Centrum wsparcia cudzoziemców w Krakowie', description: 'Centrum pomaga cudzoziemcom w sprawach pobytu i pracy.' },
  uk: { title: 'Центр підтримки іноземців у Кракові', description: 'Центр допомагає іноземцям у питаннях перебування та роботи.' },
};
const CHANGED = 'Centrum pomaga cudzoziemcom w sprawach pobytu, pracy i nauki; dyżury w trzech językach.';
const CHANGED_UK = 'Центр допомагає іноземцям у питаннях перебування, роботи й навчання; чергування трьома мовами.';
const SUMMARY = { pl: 'Kraków prowadzi Program Otwarty Kraków od 2016 r.', en: 'Kraków has run the Open Kraków programme since 2016.' };
const TRANSLATOR = 'ekspert2015.poznan';
const CATEGORY = { pl: 'Wsparcie psychologiczne dla cudzoziemców', en: 'Psychological support for foreigners', uk: 'Психологічна підтримка для іноземців' };

(skip ? describe.skip : describe)('editing translations in Chromium', () => {
  const harness = useBrowserHarness();
  let editionId = '';
  let cityId = '';
  let reportId = '';
  let practiceId = '';

  beforeAll(async () => {
    const coordinator = await apiAs(harness, 'koordynator');
    const demo = await demoEdition(coordinator);
    editionId = demo.editionId;
    cityId = demo.cities['Kraków'];
    const categories = demo.categories;
    const krakow = await apiAs(harness, 'ekspert.krakow');
    reportId = (await krakow.post<{ id: string }>(`/editions/${editionId}/reports`, { cityId })).id;
    practiceId = (await krakow.post<{ id: string }>(`/reports/${reportId}/practices`, { ...PRACTICE.pl, recipientUnits: ['Urząd Miasta Krakowa'], categoryIds: [categories[0].id] })).id;
    await krakow.patch(`/reports/${reportId}`, { summary: SUMMARY.pl });
    await krakow.post(`/reports/${reportId}/submit`);
    // The translator: a 2015 expert, given the demo edition's translator grant.
    const translator = await (await apiAs(harness, TRANSLATOR)).get<{ id: string }>('/me');
    await coordinator.post(`/editions/${editionId}/translators`, { userId: translator.id });
  }, 180_000);

  const item = (page: Page, label: string) => page.getByTestId('translation-item').filter({ has: page.locator('h3', { hasText: label }) });
  const status = (page: Page, label: string, language: string) => item(page, label).locator('.translations__version', { hasText: language }).locator('.badge');

  it('the translator adds a Ukrainian translation beside the original on the translations screen', async () => {
    const page = await signIn(harness, TRANSLATOR, { language: 'uk' });
    // Two areas (expert of 2015, translator of the demo edition): the chooser, then the translator's own.
    await page.getByRole('link', { name: 'Переклади' }).click();
    await settled(page, 'Переклади');
    await page.getByRole('link', { name: /Edycja demonstracyjna/ }).click();
    await settled(page, 'Переклади');
    await page.locator('#field-translation-language').selectOption('uk');
    await page.locator('#field-translation-status').selectOption('missing');
    expect(await status(page, PRACTICE.pl.title, 'Українська').textContent()).toBe('немає');
    await check(harness, page, 'translation-editing-list-uk');

    await item(page, PRACTICE.pl.title).getByRole('button', { name: `Додати переклад «${PRACTICE.pl.title}» – Українська` }).click();
    const editor = page.getByTestId('translation-editor');
    await editor.waitFor();
    expect(await editor.getByTestId('translation-original').textContent()).toContain(PRACTICE.pl.description);
    expect(await editor.getByTestId('translation-original').getAttribute('lang')).toBe('pl');
    // The editor has the focus; the browser's back button returns to the list, focus on the button that opened it.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    await page.goBack();
    await page.waitForFunction((key) => document.activeElement?.getAttribute('data-edit-key') === key, `practice:${practiceId}:uk`);
    await item(page, PRACTICE.pl.title).getByRole('button', { name: `Додати переклад «${PRACTICE.pl.title}» – Українська` }).click();
    await editor.waitFor();
    await editor.locator('input[name=title]').fill(PRACTICE.uk.title);
    await editor.locator('textarea[name=description]').fill(PRACTICE.uk.description);
    await check(harness, page, 'translation-editing-editor-uk');
    await editor.getByRole('button', { name: 'Зберегти переклад' }).click();
    await page.getByText('Збережено: переклад (Українська) актуальний.').waitFor();
    expect(await editor.getByTestId('translation-provenance').textContent()).toContain('Переклад: Ekspert 2015 – Poznań (demo)');

    await page.getByRole('button', { name: '← Назад до всіх перекладів' }).click();
    // The list keeps its filters (in the address): the practice has left "missing".
    await item(page, PRACTICE.pl.title).waitFor({ state: 'detached' });
    await page.locator('#field-translation-status').selectOption('current');
    expect(await status(page, PRACTICE.pl.title, 'Українська').textContent()).toBe('актуальний');
    await page.close();
  });

  it('the expert’s change of the original marks it outdated on the coordinator’s screen; saving it again clears the mark', async () => {
    const coordinator = await apiAs(harness, 'koordynator');
    await coordinator.post(`/reports/${reportId}/reopen`, { reason: 'Proszę uzupełnić opis praktyki.' });
    const krakow = await apiAs(harness, 'ekspert.krakow');
    await krakow.patch(`/practices/${practiceId}`, { description: CHANGED });

    const page = await signIn(harness, 'koordynator');
    await page.goto(`${harness.base}/coordinator/editions/${editionId}`);
    await page.getByRole('link', { name: 'Tłumaczenia', exact: true }).click();
    await settled(page);
    await page.locator('#field-translation-status').selectOption('outdated');
    expect(await status(page, PRACTICE.pl.title, 'Українська').textContent()).toBe('nieaktualne');
    expect(await item(page, PRACTICE.pl.title).textContent()).toContain('oryginał zmieniono');
    await check(harness, page, 'translation-editing-outdated-list');

    await item(page, PRACTICE.pl.title).getByRole('button', { name: `Edytuj tłumaczenie „${PRACTICE.pl.title}” – Українська` }).click();
    const editor = page.getByTestId('translation-editor');
    await editor.waitFor();
    const provenance = editor.getByTestId('translation-provenance');
    expect(await provenance.locator('.badge').textContent()).toBe('nieaktualne');
    expect(await provenance.textContent()).toContain('oryginał zmieniono');
    expect(await editor.getByTestId('translation-original').textContent()).toContain(CHANGED);
    // The form holds the old translation, to be brought up to date.
    expect(await editor.locator('textarea[name=description]').inputValue()).toBe(PRACTICE.uk.description);
    await check(harness, page, 'translation-editing-outdated-editor');
    await editor.locator('textarea[name=description]').fill(CHANGED_UK);
    await editor.getByRole('button', { name: 'Zapisz tłumaczenie ponownie' }).click();
    await page.getByText('Zapisano: tłumaczenie (Українська) jest aktualne.').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid=translation-provenance] .badge'));

    await page.getByRole('button', { name: '← Wróć do wszystkich tłumaczeń' }).click();
    await item(page, PRACTICE.pl.title).waitFor({ state: 'detached' });
    await page.locator('#field-translation-status').selectOption('');
    expect(await status(page, PRACTICE.pl.title, 'Українська').textContent()).toBe('aktualne');
    await page.close();
  });

  it('the expert translates their own summary from the report page', async () => {
    const page = await signIn(harness, 'ekspert.krakow');
    await page.goto(`${harness.base}/expert/editions/${editionId}/cities/${cityId}`);
    const section = page.locator('section[aria-labelledby=expert-translations-title]');
    await section.waitFor();
    const summary = section.getByTestId('expert-translation').filter({ hasText: 'Tłumaczenia podsumowania' });
    await summary.locator('summary').click();
    await summary.getByRole('button', { name: 'Dodaj tłumaczenie „Podsumowanie” – English' }).click();
    const editor = summary.getByTestId('translation-editor');
    await editor.locator('textarea[name=summary]').fill(SUMMARY.en);
    await check(harness, page, 'translation-editing-expert-report');
    await editor.getByRole('button', { name: 'Zapisz tłumaczenie' }).click();
    await page.getByText('Zapisano: tłumaczenie (English) jest aktualne.').waitFor();
    await summary.locator('.translations__version', { hasText: 'English' }).locator('.badge', { hasText: 'aktualne' }).waitFor();
    const coordinator = await apiAs(harness, 'koordynator');
    const translations = await coordinator.get<{ translations: { language: string; summary: string; outdated: boolean }[] }>(`/reports/${reportId}/translations`);
    expect(translations.translations).toEqual([expect.objectContaining({ language: 'en', summary: SUMMARY.en, outdated: false })]);
    await page.close();
  });

  it('the translator, who has no set-up screen, translates a category’s name on the translations screen', async () => {
    const coordinator = await apiAs(harness, 'koordynator');
    const category = await coordinator.post<{ id: string }>(`/editions/${editionId}/categories`, { name: CATEGORY.pl, translations: { en: CATEGORY.en } });
    // The set-up screen's route is the coordinator's alone.
    const translator = await apiAs(harness, TRANSLATOR);
    await expect(translator.patch(`/categories/${category.id}`, { translations: { uk: CATEGORY.uk } })).rejects.toThrow(/403/);

    const page = await signIn(harness, TRANSLATOR, { language: 'uk' });
    await page.goto(`${harness.base}/translator/editions/${editionId}?lang=uk&status=missing`);
    await settled(page, 'Переклади');
    const card = item(page, CATEGORY.pl);
    expect(await card.locator('.translations__kind').textContent()).toBe('Назва категорії');
    expect(await status(page, CATEGORY.pl, 'Українська').textContent()).toBe('немає');
    await card.getByRole('button', { name: `Додати переклад «${CATEGORY.pl}» – Українська` }).click();
    const editor = page.getByTestId('translation-editor');
    expect(await editor.getByTestId('translation-original').textContent()).toContain(CATEGORY.pl);
    await editor.locator('input[name=name]').fill(CATEGORY.uk);
    await editor.getByRole('button', { name: 'Зберегти переклад' }).click();
    await page.getByText('Збережено: переклад (Українська) актуальний.').waitFor();
    expect(await editor.getByTestId('translation-provenance').textContent()).toContain('не записується');
    await check(harness, page, 'translation-editing-category-name');
    // The same names the set-up screen edits and the ballot shows.
    const categories = await coordinator.get<{ id: string; translations: Record<string, string> }[]>(`/editions/${editionId}/categories`);
    expect(categories.find((candidate) => candidate.id === category.id)?.translations).toEqual({ en: CATEGORY.en, uk: CATEGORY.uk });
    await page.close();
  });

  it('the coordinator removes a translation after confirming it; the original and the other translations stay', async () => {
    const coordinator = await apiAs(harness, 'koordynator');
    await coordinator.put(`/practices/${practiceId}/translations/en`, { title: 'Support centre for foreigners in Kraków', description: 'The centre helps foreigners with residence and work.' });
    const page = await signIn(harness, 'koordynator');
    await page.goto(`${harness.base}/coordinator/editions/${editionId}/translations?edit=practice:${practiceId}&to=en`);
    const editor = page.getByTestId('translation-editor');
    await editor.locator('input[name=title]').waitFor();
    await editor.getByRole('button', { name: 'Usuń tłumaczenie' }).click();
    const dialog = page.getByRole('dialog', { name: `Usunąć tłumaczenie „${PRACTICE.pl.title}” – English?` });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Oryginał pozostaje bez zmian.');
    await shoot(page, 'translation-editing-remove-dialog-desktop', { viewport: true });
    await expectAccessible(harness, page, 'translation-editing-remove-dialog');
    // Cancelled: nothing goes.
    await dialog.getByRole('button', { name: 'Anuluj' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await coordinator.get<{ translations: { language: string }[] }>(`/practices/${practiceId}/translations`)).translations.map((t) => t.language)).toEqual(['en', 'uk']);

    await editor.getByRole('button', { name: 'Usuń tłumaczenie' }).click();
    await dialog.getByRole('button', { name: 'Usuń', exact: true }).click();
    await editor.getByTestId('translation-removed').waitFor();
    expect(await editor.getByTestId('translation-removed').textContent()).toBe('Usunięto: nie ma już tłumaczenia (English).');
    // Nothing left to remove; the form is empty, ready for a new translation.
    await editor.getByRole('button', { name: 'Usuń tłumaczenie' }).waitFor({ state: 'detached' });
    expect(await editor.locator('input[name=title]').inputValue()).toBe('');
    expect(await editor.getByRole('button', { name: 'Zapisz tłumaczenie', exact: true }).count()).toBe(1);
    await check(harness, page, 'translation-editing-removed');
    const after = await coordinator.get<{ original: { language: string; title: string }; translations: { language: string }[] }>(`/practices/${practiceId}/translations`);
    expect(after.translations.map((t) => t.language)).toEqual(['uk']);
    expect(after.original).toEqual(expect.objectContaining({ language: 'pl', title: PRACTICE.pl.title }));

    // Back on the list: English is missing again; the original (Polish) has no button at all.
    await page.getByRole('button', { name: '← Wróć do wszystkich tłumaczeń' }).click();
    await settled(page);
    expect(await status(page, PRACTICE.pl.title, 'English').textContent()).toBe('brak');
    expect(await item(page, PRACTICE.pl.title).locator('.translations__version', { hasText: 'Polski' }).getByRole('button').count()).toBe(0);
    await page.close();
  });

  it('once scoring opens a save is refused and the screen turns read-only; the juror reads the outdated translation with its note', async () => {
    // The expert changes the original again and resubmits: the translation is outdated when scoring opens.
    const krakow = await apiAs(harness, 'ekspert.krakow');
    await krakow.patch(`/practices/${practiceId}`, { description: `${CHANGED} Od 2024 r. także online.` });
    await krakow.post(`/reports/${reportId}/submit`);

    const page = await signIn(harness, TRANSLATOR, { language: 'uk' });
    await page.goto(`${harness.base}/translator/editions/${editionId}?edit=practice:${practiceId}&to=uk`);
    const editor = page.getByTestId('translation-editor');
    await editor.locator('textarea[name=description]').waitFor();
    expect(await editor.getByTestId('translation-provenance').locator('.badge').textContent()).toBe('застарілий');

    // Meanwhile the coordinator opens scoring.
    const coordinator = await apiAs(harness, 'koordynator');
    const submitted = (await coordinator.get<{ items: { id: string }[] }>(`/editions/${editionId}/practices?status=submitted&limit=100`)).items;
    for (const practice of submitted) await coordinator.post(`/practices/${practice.id}/eligibility`, { eligible: true });
    await coordinator.post(`/editions/${editionId}/transitions`, { to: 'juryScoring' });

    await editor.getByRole('button', { name: 'Зберегти переклад знову' }).click();
    await editor.getByTestId('translation-closed').waitFor();
    expect(await editor.locator('textarea').count()).toBe(0);
    // Read-only: nothing to remove either.
    expect(await editor.getByRole('button', { name: 'Видалити переклад' }).count()).toBe(0);
    await check(harness, page, 'translation-editing-closed-editor');
    await page.goto(`${harness.base}/translator/editions/${editionId}`);
    await settled(page, 'Переклади');
    expect(await page.getByText('Переклади закрито').count()).toBe(1);
    expect(await item(page, PRACTICE.pl.title).getByRole('button', { name: `Переглянути переклад «${PRACTICE.pl.title}» – Українська` }).count()).toBe(1);
    await shoot(page, 'translation-editing-closed-list-desktop');
    await page.close();

    const juror = await signIn(harness, 'edward.krajczynski', { language: 'uk' });
    await juror.goto(`${harness.base}/juror/editions/${editionId}`);
    await juror.locator('.ballot-list a', { hasText: PRACTICE.uk.title }).click();
    await juror.locator('h1', { hasText: PRACTICE.uk.title }).waitFor();
    expect(await juror.getByTestId('practice-description').textContent()).toBe(CHANGED_UK);
    const note = juror.getByTestId('version-note').first();
    expect(await note.textContent()).toContain('Перекладено з польської');
    expect(await note.locator('.version-note__outdated').count()).toBe(1);
    await check(harness, juror, 'translation-editing-juror-outdated');
    // Beside it, the 1–5 scale in Ukrainian stays on one row ("5 (найвища)" once wrapped), wide and at 360 px.
    for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.mobile]) {
      await juror.setViewportSize(viewport);
      const tops = await juror.locator('fieldset.choices').first().locator('.choice').evaluateAll((choices) => choices.map((choice) => Math.round(choice.getBoundingClientRect().top)));
      expect(tops).toHaveLength(5);
      expect(new Set(tops).size).toBe(1);
    }
    await juror.close();
  });
});
