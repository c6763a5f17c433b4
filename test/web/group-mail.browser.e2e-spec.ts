// Mail to a group in a real browser, against the built app with its demo data (the harness of
// test/web/browser-harness.ts): from the demo edition's navigation the coordinator writes to the
// experts whose report is not submitted, is refused an unknown merge field next to its field,
// previews the recipients and the rendered message, sends after confirming, and sees the mail in
// the list of sent group mails. Screenshots go to test-artifacts/screenshots/; axe-core must find
// no serious or critical WCAG 2.1 AA violation; at 360 px no horizontal scroll.
// No Chromium: skipped loudly (fails in CI), like the main browser suite.
import { apiAs, browserSuiteSkipped, check, settled, signIn as signInAs, useBrowserHarness } from './browser-harness';

const skip = browserSuiteSkipped('test/web/group-mail.browser.e2e-spec.ts');

(skip ? describe.skip : describe)('group mail composer in Chromium', () => {
  const harness = useBrowserHarness();

  it('the coordinator previews a group mail to the experts without a submitted report, then sends it', async () => {
    const api = await apiAs(harness, 'koordynator');
    const { items } = await api.get<{ items: { id: string; name: string }[] }>('/editions');
    const demo = items.find((edition) => edition.name.startsWith('Edycja demonstracyjna'))!;

    const page = await signInAs(harness, 'koordynator', { language: 'pl' });
    await page.goto(`${harness.base}/coordinator/editions/${demo.id}`);
    await settled(page);
    await page.getByRole('navigation', { name: 'Sekcje edycji' }).getByRole('link', { name: 'Korespondencja' }).click();
    await page.getByRole('heading', { name: 'Wiadomość do grupy' }).waitFor();
    await settled(page);

    await page.getByRole('radio', { name: 'Eksperci' }).check();
    await page.getByRole('radio', { name: 'Raport niezłożony' }).check();
    await page.getByLabel('Temat').fill('{{edition}}: raport z miasta {{city}}');
    await page.getByLabel('Treść').fill('Dzień dobry, raport z miasta {{miasto}} czeka.\nTermin: {{deadline}}');
    await page.getByRole('button', { name: 'Podgląd' }).click();
    // Refused by the API, shown next to the message field, naming the unknown field.
    const error = page.locator('#group-mail-versions-all-body-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('{{miasto}}');
    await check(harness, page, 'group-mail-unknown-field-pl');

    await page.getByLabel('Treść').fill('Raport z miasta {{city}} czeka na złożenie.\nTermin: {{deadline}}\nStrona: {{link}}');
    await page.getByRole('button', { name: 'Podgląd' }).click();
    const recipients = page.getByRole('table', { name: 'Kto dostanie tę wiadomość' });
    await recipients.waitFor();
    expect(await page.getByText('Tę wiadomość dostaną 2 osoby.').count()).toBe(1);
    expect(await recipients.locator('tbody tr').count()).toBe(2);
    expect(await recipients.textContent()).toContain('Lublin');
    expect(await recipients.textContent()).toContain('Kraków');
    const rendered = page.locator('.mail-preview').first();
    expect(await rendered.textContent()).toContain('Edycja demonstracyjna / Demo edition: raport z miasta');
    expect(await rendered.textContent()).toContain(`/expert/editions/${demo.id}/cities/`);
    await check(harness, page, 'group-mail-preview-pl');

    await page.getByRole('button', { name: 'Wyślij do 2 osób' }).click();
    const dialog = page.getByRole('dialog', { name: 'Wysłać tę wiadomość teraz?' });
    await dialog.waitFor();
    await check(harness, page, 'group-mail-confirm-pl', ['desktop']);
    await dialog.getByRole('button', { name: 'Wyślij do 2 osób' }).click();
    await page.locator('.alert', { hasText: 'Wiadomość jest w drodze do 2 osób.' }).waitFor();
    const sent = page.getByRole('table', { name: 'Wiadomości do grup w tej edycji, od najnowszej' });
    await sent.waitFor();
    expect(await sent.locator('tbody tr').count()).toBe(1);
    expect(await sent.textContent()).toContain('{{edition}}: raport z miasta {{city}}');
    expect(await sent.textContent()).toContain('Raport niezłożony');
    await check(harness, page, 'group-mail-sent-pl');

    const mails = await api.get<{ recipientCount: number }[]>(`/editions/${demo.id}/group-mails`);
    expect(mails.map((mail) => mail.recipientCount)).toEqual([2]);
    await page.close();
  }, 180_000);
});
