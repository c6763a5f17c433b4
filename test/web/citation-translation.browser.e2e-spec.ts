// An award's citation in the reader's language on the public awards page: a visitor with the
// interface in Ukrainian reads the Ukrainian citation ("translated from Polish · show original"),
// switches to the Polish original and back. The translation is set up through the API on a published
// demo edition's award (citations stay translatable after publication). Screenshots, axe-core checked.
import { apiAs, browserSuiteSkipped, expectAccessible, shoot, useBrowserHarness } from './browser-harness';

const skip = browserSuiteSkipped('test/web/citation-translation.browser.e2e-spec.ts');
const UK_CITATION = 'Відзнака за міську стратегію культурного розмаїття та інтеграції іммігрантів.';

(skip ? describe.skip : describe)('a citation’s translation on the public awards page in Chromium', () => {
  const harness = useBrowserHarness();
  let year = 0;
  let original = '';

  beforeAll(async () => {
    const coordinator = await apiAs(harness, 'koordynator');
    const editions = await coordinator.get<{ year: number }[]>('/public/editions');
    for (const edition of editions) {
      const { awards } = await coordinator.get<{ awards: { id: string; citation: string | null }[] }>(`/public/editions/${edition.year}/awards`);
      const cited = awards.find((award) => award.citation);
      if (!cited) continue;
      year = edition.year;
      original = cited.citation!;
      await coordinator.put(`/awards/${cited.id}/translations/uk`, { text: UK_CITATION });
      break;
    }
    expect(year).toBeGreaterThan(0);
  }, 60_000);

  it('shows the Ukrainian citation, switches to the Polish original and back', async () => {
    const page = await harness.newPage({ language: 'uk', viewport: 'desktop' });
    await page.goto(`${harness.base}/editions/${year}`);
    const citation = page.getByTestId('award-citation').filter({ hasText: UK_CITATION });
    await citation.waitFor();
    expect(await citation.getAttribute('lang')).toBe('uk');
    // The card by its place: its text changes with the switch.
    const index = await page.locator('.award').evaluateAll((cards, text) => cards.findIndex((card) => card.textContent?.includes(text)), UK_CITATION);
    const card = page.locator('.award').nth(index);
    const note = card.getByTestId('version-note');
    expect(await note.textContent()).toContain('Перекладено з польської');
    await shoot(page, 'citation-translation-uk-desktop');
    await expectAccessible(harness, page, 'public awards, Ukrainian citation');

    await note.getByRole('button', { name: 'показати оригінал' }).click();
    const shown = card.getByTestId('award-citation');
    await card.getByTestId('award-citation').filter({ hasText: original }).waitFor();
    expect(await shown.getAttribute('lang')).toBe('pl');
    expect(await note.textContent()).toContain('Оригінал польською');
    await shoot(page, 'citation-translation-uk-original-desktop');
    await expectAccessible(harness, page, 'public awards, Polish original of a citation');

    await note.getByRole('button', { name: 'показати переклад' }).click();
    await card.getByTestId('award-citation').filter({ hasText: UK_CITATION }).waitFor();
  });
});
