// The edition's automatic mails in a real browser, against the built app with its demo data (the
// harness of test/web/browser-harness.ts): the coordinator opens "Mails" from the edition's
// navigation, edits the Polish "added to the jury" mail (an unknown merge field is refused next to
// its field), previews it as a sample recipient would get it, saves it, and resets it to the
// built-in text. Screenshots go to test-artifacts/screenshots/; axe-core must find no serious or
// critical WCAG 2.1 AA violation, and nothing scrolls sideways at 360 px.
// No Chromium: skipped loudly (fails in CI), like the main browser suite.
import { apiAs, browserSuiteSkipped, check, settled, signIn as signInAs, useBrowserHarness } from './browser-harness';

const skip = browserSuiteSkipped('test/web/mail-templates.browser.e2e-spec.ts');

(skip ? describe.skip : describe)('mail templates in Chromium', () => {
  const harness = useBrowserHarness();

  it('the coordinator edits, previews, saves and resets a mail of the edition', async () => {
    const api = await apiAs(harness, 'koordynator');
    const editions = await api.get<{ items?: { id: string }[] } | { id: string }[]>('/editions');
    const [edition] = Array.isArray(editions) ? editions : editions.items!;

    const page = await signInAs(harness, 'koordynator', { language: 'pl' });
    await page.goto(`${harness.base}/coordinator/editions/${edition.id}`);
    await settled(page);
    await page.getByRole('navigation', { name: 'Sekcje edycji' }).getByRole('link', { name: 'Wiadomości' }).click();
    await page.getByRole('heading', { name: 'Wiadomości automatyczne' }).waitFor();
    await settled(page);
    await check(harness, page, 'mail-templates-list-pl');

    await page.getByRole('button', { name: 'Edytuj „Powołanie do jury” – Polski' }).click();
    const subject = page.getByLabel('Temat');
    const body = page.getByLabel('Treść', { exact: true });
    expect(await subject.inputValue()).toBe('{{edition}}: powołanie do jury');
    expect(await body.inputValue()).toContain('Koordynator dodał Cię do jury edycji „{{edition}}”.');

    // An unknown merge field: refused by the API, shown next to the subject, nothing saved.
    await subject.fill('{{edycja}}: witamy w jury, {{name}}');
    await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
    const subjectError = page.locator('#mail-template-subject-error');
    await subjectError.waitFor();
    expect(await subjectError.textContent()).toContain('{{edycja}}');
    await check(harness, page, 'mail-templates-unknown-field-pl');

    await subject.fill('{{edition}}: witamy w jury, {{name}}');
    await body.fill('Dziękujemy, że oceniasz praktyki miast.\nTermin oceny: {{deadline}}.\nTwoja karta oceny: {{link}}');
    await page.getByRole('button', { name: 'Podgląd', exact: true }).click();
    const preview = page.locator('.mail-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('witamy w jury, Maria Nowak');
    expect(await preview.locator('pre').textContent()).toContain(`Twoja karta oceny: ${harness.base.replace(/\/$/, '')}/juror/editions/${edition.id}`);
    await check(harness, page, 'mail-templates-preview-pl');

    await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await page.locator('.alert', { hasText: 'Zapisano „Powołanie do jury” – Polski' }).waitFor();
    const jury = page.locator('.mail-templates__item', { hasText: 'Powołanie do jury' });
    // The list reloads after the save: the Polish text is the edition's own, the English one still built in.
    await jury.locator('li', { hasText: 'Polski' }).filter({ hasText: 'Własna treść' }).waitFor();
    expect(await jury.locator('li', { hasText: 'English' }).textContent()).toContain('Treść domyślna');
    await check(harness, page, 'mail-templates-saved-pl');
    const listed = await api.get<{ templates: { key: string; locale: string; override: { subject: string } | null }[] }>(`/editions/${edition.id}/mail-templates`);
    expect(listed.templates.find((x) => x.key === 'addedAsJuror' && x.locale === 'pl')?.override?.subject).toBe('{{edition}}: witamy w jury, {{name}}');

    await page.getByRole('button', { name: 'Edytuj „Powołanie do jury” – Polski' }).click();
    await page.getByRole('button', { name: 'Przywróć treść domyślną' }).click();
    await page.locator('.alert', { hasText: 'Przywrócono treść domyślną' }).waitFor();
    await jury.locator('li', { hasText: 'Polski' }).filter({ hasText: 'Treść domyślna' }).waitFor();
    const after = await api.get<{ templates: { key: string; locale: string; override: unknown }[] }>(`/editions/${edition.id}/mail-templates`);
    expect(after.templates.find((x) => x.key === 'addedAsJuror' && x.locale === 'pl')?.override).toBeNull();
    await page.close();
  }, 180_000);
});
