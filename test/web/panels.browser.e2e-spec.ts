// Panels and assignment in a real browser, against the built app with its demo data (helpers of
// test/web/browser-harness.ts): the coordinator creates a panel and picks its member, asks for a
// balanced assignment, applies it, and the screen says the edition now assigns practices. Screenshots
// go to test-artifacts/screenshots/; axe-core must find no serious or critical WCAG 2.1 AA violation,
// and the wide table scrolls in its own box at 360 px. No Chromium: skipped loudly, like the main suite.
import { apiAs, browserSuiteSkipped, check, settled, signIn as signInAs, switchLanguage, useBrowserHarness } from './browser-harness';

const skip = browserSuiteSkipped('test/web/panels.browser.e2e-spec.ts');

(skip ? describe.skip : describe)('panels in Chromium', () => {
  const harness = useBrowserHarness();

  it('the coordinator makes a panel, applies a balanced assignment and sees it in pl, en and uk', async () => {
    // An eligible practice of Lublin in the demo edition (set up through the API: not the subject here).
    const expertApi = await apiAs(harness, 'ekspert.lublin');
    const [assignment] = await expertApi.get<{ editionId: string; cityId: string }[]>('/me/reports');
    const categories = await expertApi.get<{ id: string }[]>(`/editions/${assignment.editionId}/categories`);
    const report = await expertApi.post<{ id: string }>(`/editions/${assignment.editionId}/reports`, { cityId: assignment.cityId });
    const practice = await expertApi.post<{ id: string }>(`/reports/${report.id}/practices`, {
      title: 'Lubelski punkt dla cudzoziemców',
      description: 'Opis praktyki.',
      recipientUnits: ['Urząd Miasta Lublin'],
      categoryIds: [categories[0].id],
    });
    await expertApi.post(`/reports/${report.id}/submit`);
    const coordinatorApi = await apiAs(harness, 'koordynator');
    await coordinatorApi.post(`/practices/${practice.id}/eligibility`, { eligible: true });

    const page = await signInAs(harness, 'koordynator', { language: 'pl' });
    await page.goto(`${harness.base}/coordinator/editions/${assignment.editionId}/panels`);
    await settled(page);
    await page.getByRole('heading', { name: 'Zespoły i przydział' }).waitFor();
    await page.getByText('Brak przydziału: każdy juror ocenia').waitFor();

    await page.getByLabel('Nazwa zespołu').fill('Zespół A');
    await page.getByRole('button', { name: 'Utwórz zespół' }).click();
    const card = page.locator('article.card', { hasText: 'Zespół A' });
    await card.waitFor();
    await card.locator('input[type="checkbox"]').first().check();
    await card.getByRole('button', { name: /Zapisz członków/ }).click();
    await card.getByText('1 członek').waitFor();

    await page.getByLabel('Jurorów na praktykę').fill('1');
    await page.getByRole('button', { name: 'Zaproponuj zrównoważony przydział' }).click();
    await page.locator('.alert', { hasText: 'Propozycja jest w tabeli' }).waitFor();
    const row = page.locator('#assignment-caption ~ tbody tr', { hasText: 'Lubelski punkt dla cudzoziemców' });
    expect(await row.locator('input[type="checkbox"]:checked').count()).toBe(1);
    // Lublin's practice: the jurors tied to Lublin are marked as conflicted, not offered.
    expect(await row.getByText('konflikt').count()).toBeGreaterThan(0);
    await check(harness, page, 'panels-proposal-pl');

    await page.getByRole('button', { name: 'Zapisz przydział' }).click();
    await page.getByText('Ta edycja przydziela praktyki').waitFor();
    const saved = await coordinatorApi.get<{ assigns: boolean; items: { practiceId: string; jurorIds: string[] }[] }>(`/editions/${assignment.editionId}/assignments`);
    expect(saved.assigns).toBe(true);
    expect(saved.items.find((item) => item.practiceId === practice.id)?.jurorIds).toHaveLength(1);
    await check(harness, page, 'panels-saved-pl');

    await switchLanguage(page, 'English', 'en');
    await page.getByText('This edition assigns practices').waitFor();
    await check(harness, page, 'panels-saved-en', ['desktop']);
    await switchLanguage(page, 'Українська', 'uk');
    await page.getByText('Це видання розподіляє практики').waitFor();
    await check(harness, page, 'panels-saved-uk', ['desktop']);
    await page.close();
  }, 180_000);
});
