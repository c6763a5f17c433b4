// Bulk actions in a real browser, against the built app with its demo data (the helpers of
// test/web/browser-harness.ts): the coordinator selects practices on the eligibility screen and
// decides them at once (a reason required for "not eligible", refused next to its field when
// empty), sees each practice's result, imports jurors from a pasted list with a preview first, and
// records awards for practices selected in the ranking.
// Screenshots go to test-artifacts/screenshots/; axe-core must find no serious or critical WCAG 2.1
// AA violation. No Chromium: skipped loudly (fails in CI), like the main browser suite.
import { apiAs, browserSuiteSkipped, check, settled, signIn as signInAs, useBrowserHarness } from './browser-harness';

const skip = browserSuiteSkipped('test/web/bulk.browser.e2e-spec.ts');

type Practice = { id: string; title: string; status: string };

(skip ? describe.skip : describe)('bulk actions in Chromium', () => {
  const harness = useBrowserHarness();
  const signIn = (who: string) => signInAs(harness, who, { language: 'pl' });

  it('the coordinator decides eligibility for several practices at once and sees each result; imports jurors from a list; records awards from the ranking', async () => {
    // Lublin's and Kraków's experts submit reports of two practices each (through the API: not the subject here).
    let editionId = '';
    for (const [who, prefix] of [['ekspert.lublin', 'Lubelska'], ['ekspert.krakow', 'Krakowska']] as const) {
      const api = await apiAs(harness, who);
      const [assignment] = await api.get<{ editionId: string; cityId: string }[]>('/me/reports');
      editionId = assignment.editionId;
      const categories = await api.get<{ id: string }[]>(`/editions/${editionId}/categories`);
      const report = await api.post<{ id: string }>(`/editions/${editionId}/reports`, { cityId: assignment.cityId });
      for (const n of [1, 2]) {
        await api.post(`/reports/${report.id}/practices`, { title: `${prefix} praktyka ${n}`, description: 'Opis praktyki.', recipientUnits: ['Urząd Miasta'], categoryIds: [categories[0].id] });
      }
      await api.post(`/reports/${report.id}/submit`);
    }

    const coordinator = await signIn('koordynator');
    await coordinator.goto(`${harness.base}/coordinator/editions/${editionId}/eligibility`);
    await settled(coordinator);
    // Two chosen one by one: eligible.
    await coordinator.getByLabel('Zaznacz „Lubelska praktyka 1”').check();
    await coordinator.getByLabel('Zaznacz „Krakowska praktyka 2”').check();
    await coordinator.locator('[role=status]', { hasText: 'Zaznaczono 2.' }).waitFor();
    await check(harness, coordinator, 'bulk-eligibility-selected-pl');
    await coordinator.getByRole('button', { name: 'Dopuść 2' }).click();
    const results = coordinator.locator('#bulk-eligibility-results-caption').locator('xpath=ancestor::table');
    await results.waitFor();
    expect(await results.locator('tbody tr').allTextContents()).toEqual([
      expect.stringMatching(/^Lubelska praktyka 1 \(Lublin\)Wykonano/),
      expect.stringMatching(/^Krakowska praktyka 2 \(Kraków\)Wykonano/),
    ]);
    await check(harness, coordinator, 'bulk-eligibility-results-pl');

    // The other two, all at once: not eligible, which needs a reason.
    await coordinator.getByLabel('Zaznacz wszystkie 2 praktyki do oceny').check();
    await coordinator.getByRole('button', { name: 'Nie dopuszczaj 2…' }).click();
    await coordinator.getByRole('button', { name: 'Oznacz 2 praktyki jako niedopuszczone' }).click();
    await coordinator.locator('#bulk-ineligible-reason-error').waitFor();
    await check(harness, coordinator, 'bulk-eligibility-reason-error-pl');
    await coordinator.locator('#bulk-ineligible-reason').fill('Praktyka nie dotyczy cudzoziemców.');
    await coordinator.getByRole('button', { name: 'Oznacz 2 praktyki jako niedopuszczone' }).click();
    await results.locator('tbody tr', { hasText: 'Lubelska praktyka 2' }).waitFor();
    expect(await results.locator('tbody tr').count()).toBe(2);

    const api = await apiAs(harness, 'koordynator');
    const { items } = await api.get<{ items: Practice[] }>(`/editions/${editionId}/practices?limit=200`);
    expect(Object.fromEntries(items.map((p) => [p.title, p.status]))).toEqual({
      'Lubelska praktyka 1': 'eligible',
      'Lubelska praktyka 2': 'ineligible',
      'Krakowska praktyka 1': 'ineligible',
      'Krakowska praktyka 2': 'eligible',
    });

    // Jurors from a pasted list: a preview (nothing changes), then the import with invitations.
    await coordinator.goto(`${harness.base}/coordinator/editions/${editionId}/setup`);
    await settled(coordinator);
    await coordinator.getByLabel('Lista (CSV)').fill(
      ['imię i nazwisko;e-mail;miasto;rola;język', 'Olha Ivanenko;olha.ivanenko@example.org;Gdańsk;juror;uk', 'Nikt;nikt@example.org;Atlantyda;juror;pl'].join('\n'),
    );
    await coordinator.getByRole('button', { name: 'Podgląd' }).click();
    const preview = coordinator.locator('#people-import-results-caption', { hasText: 'Co import zrobiłby' }).locator('xpath=ancestor::table');
    await preview.waitFor();
    expect(await preview.locator('tbody tr').allTextContents()).toEqual([
      expect.stringContaining('Utworzono konto'),
      expect.stringContaining('Nie ma miasta o tej nazwie.'),
    ]);
    await check(harness, coordinator, 'bulk-import-preview-pl');
    expect((await api.get<{ email: string }[]>(`/editions/${editionId}/jurors`)).map((j) => j.email)).not.toContain('olha.ivanenko@example.org');
    await coordinator.getByRole('button', { name: 'Importuj 1 osobę i wyślij zaproszenia' }).click();
    await coordinator.locator('#people-import-results-caption', { hasText: 'Co import zrobił z' }).waitFor();
    await check(harness, coordinator, 'bulk-import-done-pl');
    expect((await api.get<{ email: string }[]>(`/editions/${editionId}/jurors`)).map((j) => j.email)).toContain('olha.ivanenko@example.org');

    // Awards from the ranking, once the edition is in deliberation (moved there through the API).
    await api.post(`/editions/${editionId}/transitions`, { to: 'juryScoring' });
    await api.post(`/editions/${editionId}/transitions`, { to: 'deliberation' });
    await coordinator.goto(`${harness.base}/coordinator/editions/${editionId}/results`);
    await settled(coordinator);
    await coordinator.getByLabel(/Lubelska praktyka 1 \(Lublin\)/).check();
    await coordinator.getByLabel(/Krakowska praktyka 2 \(Kraków\)/).check();
    await coordinator.getByLabel('Jednostka miasta dla „Lubelska praktyka 1”').fill('Miejski Ośrodek Pomocy Rodzinie');
    await coordinator.getByRole('button', { name: 'Zapisz 2 wyróżnienia' }).click();
    const awards = coordinator.locator('#ranking-awards-results-caption').locator('xpath=ancestor::table');
    await awards.waitFor();
    expect(await awards.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('Wykonano'), expect.stringContaining('Wykonano')]);
    await check(harness, coordinator, 'bulk-awards-results-pl');
    const recorded = await api.get<{ recipientUnit: string | null; city: { name: string } }[]>(`/editions/${editionId}/awards`);
    expect(recorded.map((a) => [a.city.name, a.recipientUnit]).sort()).toEqual([
      ['Kraków', null],
      ['Lublin', 'Miejski Ośrodek Pomocy Rodzinie'],
    ]);
    await coordinator.close();
  }, 240_000);
});
