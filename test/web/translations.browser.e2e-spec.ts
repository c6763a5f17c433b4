// Content translations in a real browser: a juror with the interface in Ukrainian reads a practice
// in its Ukrainian translation, switches to the Polish original and back ("translated from Polish ·
// show original"), and reads an untranslated practice in the original with a note. Against the built
// app with the demo data; what is not the subject (the report, the translation, the move to jury
// scoring) is set up through the API. Screenshots into test-artifacts/screenshots/, axe-core checked.
// The helpers are test/web/browser-harness.ts's; no Chromium: skipped loudly (fails in CI).
import type { Page } from 'playwright-core';
import { apiAs, browserSuiteSkipped, demoEdition, expectAccessible, shoot, signIn, useBrowserHarness, VIEWPORTS } from './browser-harness';

const skip = browserSuiteSkipped('test/web/translations.browser.e2e-spec.ts');

const TRANSLATED = {
  pl: { title: 'Punkt konsultacyjny dla cudzoziemców w Krakowie', description: 'Punkt doradza cudzoziemcom w sprawach pobytu, pracy i nauki; dyżury w trzech językach.' },
  uk: { title: 'Консультаційний пункт для іноземців у Кракові', description: 'Пункт консультує іноземців щодо перебування, роботи та навчання; чергування трьома мовами.' },
};
const UNTRANSLATED = 'Krakowski program otwartości';
const SUMMARY = { pl: 'Kraków od 2016 r. prowadzi Program Otwarty Kraków.', uk: 'Краків з 2016 року реалізує програму «Відкритий Краків».' };

(skip ? describe.skip : describe)('content translations in Chromium', () => {
  // Started (in its own beforeAll) before the setup below; its afterEach expects no page errors.
  const harness = useBrowserHarness();
  let editionId = '';

  beforeAll(async () => {
    const coordinator = await apiAs(harness, 'koordynator');
    const demo = await demoEdition(coordinator);
    editionId = demo.editionId;
    const categories = demo.categories;
    // Kraków's report: one practice the coordinator translates into Ukrainian, one left in Polish.
    const krakow = await apiAs(harness, 'ekspert.krakow');
    const report = await krakow.post<{ id: string }>(`/editions/${editionId}/reports`, { cityId: demo.cities['Kraków'] });
    const translated = await krakow.post<{ id: string }>(`/reports/${report.id}/practices`, { ...TRANSLATED.pl, recipientUnits: ['Urząd Miasta Krakowa'], categoryIds: [categories[0].id] });
    await krakow.post(`/reports/${report.id}/practices`, { title: UNTRANSLATED, description: 'Program otwartości miasta na migrantów.', recipientUnits: [], categoryIds: [categories[1].id] });
    await krakow.patch(`/reports/${report.id}`, { summary: SUMMARY.pl });
    await krakow.post(`/reports/${report.id}/submit`);
    await coordinator.put(`/practices/${translated.id}/translations/uk`, TRANSLATED.uk);
    await coordinator.put(`/reports/${report.id}/translations/uk`, { summary: SUMMARY.uk });
    // Eligibility for every submitted practice, then jury scoring opens.
    const submitted = (await coordinator.get<{ items: { id: string }[] }>(`/editions/${editionId}/practices?status=submitted&limit=100`)).items;
    for (const practice of submitted) await coordinator.post(`/practices/${practice.id}/eligibility`, { eligible: true });
    await coordinator.post(`/editions/${editionId}/transitions`, { to: 'juryScoring' });
  }, 180_000);

  const h1 = (page: Page) => page.locator('h1').textContent();
  /** Through the sign-in screen, with the interface in `language`. */
  const signInAs = (who: string, language: string) => signIn(harness, who, { language });

  it('a juror reading in Ukrainian gets the translation, switches to the Polish original and back', async () => {
    // Edward Krajczyński: from Ukraine, his account and the interface in Ukrainian.
    const page = await signInAs('edward.krajczynski', 'uk');
    await page.goto(`${harness.base}/juror/editions/${editionId}`);
    await page.locator('.ballot-list').waitFor();
    const link = page.locator('.ballot-list a', { hasText: TRANSLATED.uk.title });
    expect(await link.getAttribute('lang')).toBe('uk');
    await link.click();
    await page.locator('h1', { hasText: TRANSLATED.uk.title }).waitFor();

    // The practice's note comes first; the report's summary (folded) has its own.
    const note = page.getByTestId('version-note').first();
    expect(await note.textContent()).toContain('Перекладено з польської');
    expect(await page.getByTestId('practice-description').textContent()).toBe(TRANSLATED.uk.description);
    expect(await page.getByTestId('practice-description').getAttribute('lang')).toBe('uk');
    await shoot(page, 'translation-juror-uk-translated-desktop');
    await expectAccessible(harness, page, 'juror practice, Ukrainian translation');

    await note.getByRole('button', { name: 'показати оригінал' }).click();
    await page.locator('h1', { hasText: TRANSLATED.pl.title }).waitFor();
    expect(await note.textContent()).toContain('Оригінал польською');
    expect(await page.getByTestId('practice-description').textContent()).toBe(TRANSLATED.pl.description);
    expect(await page.getByTestId('practice-description').getAttribute('lang')).toBe('pl');
    expect(await note.getByRole('button').getAttribute('aria-pressed')).toBe('true');
    await shoot(page, 'translation-juror-uk-original-desktop');
    await expectAccessible(harness, page, 'juror practice, Polish original');

    await note.getByRole('button', { name: 'показати переклад' }).click();
    await page.locator('h1', { hasText: TRANSLATED.uk.title }).waitFor();
    expect(await page.getByTestId('practice-description').textContent()).toBe(TRANSLATED.uk.description);

    // The report's summary beside it: translated too, with its own switch.
    await page.locator('.evidence__summary summary').click();
    const summary = page.locator('.evidence__summary');
    expect(await summary.locator('.pre-line').textContent()).toBe(SUMMARY.uk);
    await summary.getByRole('button', { name: 'показати оригінал' }).click();
    expect(await summary.locator('.pre-line').textContent()).toBe(SUMMARY.pl);
    await summary.getByRole('button', { name: 'показати переклад' }).click();
    expect(await summary.locator('.pre-line').textContent()).toBe(SUMMARY.uk);

    await page.setViewportSize(VIEWPORTS.mobile);
    await shoot(page, 'translation-juror-uk-translated-mobile');
    await expectAccessible(harness, page, 'juror practice, Ukrainian translation, 360 px');
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.close();
  });

  it('an untranslated practice shows the original with a note, and no switch', async () => {
    const page = await signInAs('edward.krajczynski', 'uk');
    await page.goto(`${harness.base}/juror/editions/${editionId}`);
    await page.locator('.ballot-list a', { hasText: UNTRANSLATED }).click();
    await page.locator('h1', { hasText: UNTRANSLATED }).waitFor();
    expect(await h1(page)).toBe(UNTRANSLATED);
    const note = page.getByTestId('version-note').first();
    expect(await note.textContent()).toBe('Перекладу українською ще немає: оригінальний текст польською.');
    expect(await note.getByRole('button').count()).toBe(0);
    await shoot(page, 'translation-juror-uk-untranslated-desktop');
    await expectAccessible(harness, page, 'juror practice, no translation');
    await page.close();
  });
});
