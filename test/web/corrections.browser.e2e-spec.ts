// The coordinator's corrections in a real browser, against the built app with its demo data (as
// test/web/browser.e2e-spec.ts runs it, with the helpers of test/web/browser-harness.ts): the coordinator reopens
// Lublin's submitted report with a reason (an empty reason is refused next to its field), gives
// the Lublin expert a later deadline, and the expert sees both on the report. Screenshots go to
// test-artifacts/screenshots/; axe-core must find no serious or critical WCAG 2.1 AA violation.
// No Chromium: skipped loudly (fails in CI), like the main browser suite.
import { apiAs, browserSuiteSkipped, check, settled, signIn as signInAs, useBrowserHarness } from './browser-harness';

const skip = browserSuiteSkipped('test/web/corrections.browser.e2e-spec.ts');

(skip ? describe.skip : describe)('corrections in Chromium', () => {
  const harness = useBrowserHarness();

  /** In Polish, whatever the account's locale, so that the texts below read the same. */
  const signIn = (who: string) => signInAs(harness, who, { language: 'pl' });

  it('the coordinator reopens a submitted report and extends the expert’s deadline; the expert sees both', async () => {
    // Lublin's expert submits a report in the demo edition (set up through the API: not the subject here).
    const expertApi = await apiAs(harness, 'ekspert.lublin');
    const [assignment] = await expertApi.get<{ editionId: string; cityId: string }[]>('/me/reports');
    const categories = await expertApi.get<{ id: string }[]>(`/editions/${assignment.editionId}/categories`);
    const report = await expertApi.post<{ id: string }>(`/editions/${assignment.editionId}/reports`, { cityId: assignment.cityId });
    await expertApi.post(`/reports/${report.id}/practices`, { title: 'Lubelski punkt dla cudzoziemców', description: 'Opis praktyki.', recipientUnits: ['Urząd Miasta Lublin'], categoryIds: [categories[0].id] });
    await expertApi.post(`/reports/${report.id}/submit`);

    const coordinator = await signIn('koordynator');
    await coordinator.goto(`${harness.base}/coordinator/editions/${assignment.editionId}/reports/${report.id}`);
    await settled(coordinator);
    await coordinator.getByRole('button', { name: 'Otwórz raport ponownie…' }).click();
    // No reason: refused next to the field, before anything is sent.
    await coordinator.getByRole('button', { name: 'Otwórz raport ponownie', exact: true }).click();
    await coordinator.locator('#reopen-reason-error').waitFor();
    await check(harness, coordinator, 'corrections-reopen-errors-pl');
    await coordinator.locator('#reopen-reason').fill('Brakuje opisu efektów praktyki.');
    await coordinator.getByRole('button', { name: 'Otwórz raport ponownie', exact: true }).click();
    await coordinator.locator('.alert', { hasText: 'Koordynator ponownie otworzył ten raport do poprawy' }).waitFor();
    await check(harness, coordinator, 'corrections-reopened-pl');

    // A later deadline for the Lublin expert, from the edition's setup.
    await coordinator.goto(`${harness.base}/coordinator/editions/${assignment.editionId}/setup`);
    await settled(coordinator);
    const row = coordinator.locator('#experts-title ~ .table-wrap tbody tr', { hasText: 'Lublin' });
    await row.getByRole('button', { name: /Przedłuż termin…/ }).click();
    await row.getByLabel('Nowy termin').fill('2099-01-15T23:59');
    await row.getByLabel('Powód').fill('Powódź w urzędzie miasta.');
    await row.getByRole('button', { name: 'Przedłuż termin', exact: true }).click();
    await row.locator('.meta', { hasText: 'Przedłużono do' }).waitFor();
    await check(harness, coordinator, 'corrections-extension-pl');
    await coordinator.close();

    const expert = await signIn('ekspert.lublin');
    await expert.goto(`${harness.base}/expert/editions/${assignment.editionId}/cities/${assignment.cityId}`);
    await settled(expert);
    const notice = expert.locator('.alert', { hasText: 'Koordynator ponownie otworzył ten raport do poprawy' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Brakuje opisu efektów praktyki.');
    expect(await expert.locator('.meta', { hasText: 'Twój indywidualny termin' }).textContent()).toContain('2099');
    await check(harness, expert, 'corrections-expert-reopened-pl');
    await expert.close();
  }, 180_000);
});
