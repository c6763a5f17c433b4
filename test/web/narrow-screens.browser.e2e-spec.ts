// Every role's main screens on a 360 × 740 phone, against the built app with its demo data (the
// helpers of test/web/browser-harness.ts): no sideways scroll of the page, a header of at most
// 120 px whose menu button opens and closes the navigation (Escape too), wide tables as cards with
// their buttons on screen, the people screen's role filter, and the coordinator's link to the queue
// dashboard opening the board itself (HTML, not JSON). Screenshots go to test-artifacts/screenshots/;
// axe-core must find no serious or critical WCAG 2.1 AA violation.
import type { Page } from 'playwright-core';
import { apiAs, browserSuiteSkipped, expectAccessible, settled, shoot, signIn, useBrowserHarness } from './browser-harness';

const skip = browserSuiteSkipped('test/web/narrow-screens.browser.e2e-spec.ts');
const PHONE = { width: 360, height: 740 };
const HEADER_BUDGET_PX = 120;

(skip ? describe.skip : describe)('narrow screens (360 × 740) in Chromium', () => {
  const harness = useBrowserHarness();
  let demo: { id: string; year: number };
  let edition2015: { id: string; year: number };

  beforeAll(async () => {
    const editions = await (await apiAs(harness, 'koordynator')).get<{ items: { id: string; year: number; name: string }[] }>('/editions?limit=50');
    demo = editions.items.find((edition) => edition.name.includes('Demo'))!;
    edition2015 = editions.items.find((edition) => edition.year === 2015)!;
  });

  const phone = async (who?: string): Promise<Page> => {
    const page = who ? await signIn(harness, who, { language: 'pl' }) : await harness.newPage({ language: 'pl' });
    await page.setViewportSize(PHONE);
    return page;
  };

  /** The page fits the phone: no sideways scroll, a short header, and axe finds nothing serious. */
  async function fits(page: Page, name: string): Promise<void> {
    await settled(page);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, clientWidth: document.scrollingElement!.clientWidth }));
    expect({ name, scrollWidth }).toEqual({ name, scrollWidth: Math.min(scrollWidth, clientWidth) });
    const header = await page.locator('.site-header').boundingBox();
    expect({ name, headerFits: header!.height <= HEADER_BUDGET_PX }).toEqual({ name, headerFits: true });
    await shoot(page, `narrow-${name}`);
    await expectAccessible(harness, page, `narrow ${name}`);
  }

  /** Every button of a table lies within the screen's width. */
  async function buttonsOnScreen(page: Page, table: string): Promise<void> {
    const boxes = await page.locator(`${table} button, ${table} a.button`).evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().right));
    for (const right of boxes) expect(right).toBeLessThanOrEqual(PHONE.width);
  }

  it('the public screens: home and catalogue; the menu button opens and closes the navigation', async () => {
    const page = await phone();
    await page.goto(`${harness.base}/`);
    await page.locator('#latest-title ~ ul .card').first().waitFor();
    await fits(page, 'home');

    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    const nav = page.locator('#site-nav');
    const catalogueLink = nav.getByRole('link', { name: 'Katalog' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await nav.isVisible()).toBe(true);
    expect(await catalogueLink.isVisible()).toBe(true);
    await shoot(page, 'narrow-home-menu-open', { viewport: true });
    await expectAccessible(harness, page, 'narrow home, menu open');
    // Escape closes it and gives focus back to the button.
    await page.getByRole('button', { name: 'English' }).focus();
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((button) => button === document.activeElement)).toBe(true);
    // A link in the menu leads on, and the new page starts with the menu closed.
    await menu.click();
    await catalogueLink.click();
    await page.waitForURL((url) => url.pathname === '/catalogue');
    await page.locator('.catalogue__results .card__title').first().waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await fits(page, 'catalogue');
    await page.close();
  }, 120_000);

  it('the coordinator: overview, people (role filter), results; the queue dashboard opens from the outbox', async () => {
    const page = await phone('koordynator');
    await page.goto(`${harness.base}/coordinator/editions/${demo.id}`);
    await fits(page, 'coordinator-overview');
    await page.goto(`${harness.base}/coordinator/editions/${edition2015.id}/results`);
    await page.locator('main table').first().waitFor();
    await fits(page, 'coordinator-results');
    await buttonsOnScreen(page, 'main table');

    await page.goto(`${harness.base}/coordinator/people`);
    await page.locator('main table tbody tr').first().waitFor();
    await fits(page, 'coordinator-people');
    await buttonsOnScreen(page, 'main table');
    // Cards name each value; the red "Zablokuj" no longer shouts on every row.
    expect(await page.locator('main table td[data-label="Rola"]').count()).toBeGreaterThan(0);
    expect(await page.locator('main table .button--danger:visible, main table .button--danger-quiet:visible').count()).toBe(0);
    const everyone = await page.locator('main table tbody tr').count();
    await page.getByLabel('Pokaż osoby z rolą').selectOption('juror');
    await page.waitForFunction((before) => {
      const rows = document.querySelectorAll('main table tbody tr').length;
      return rows > 0 && rows < before && !document.querySelector('main .loading');
    }, everyone);
    const roles = await page.locator('main table tbody tr').evaluateAll((rows) => rows.map((row) => row.querySelector('td[data-label="Rola"]')?.textContent ?? ''));
    expect(roles.length).toBeGreaterThan(0);
    for (const text of roles) expect(text).toContain('Juror(ka)');
    await shoot(page, 'narrow-coordinator-people-jurors');
    // Disabling asks first.
    await page.locator('main table tbody tr').first().getByRole('button', { name: /Zablokuj/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await shoot(page, 'narrow-coordinator-people-disable-confirm', { viewport: true });
    await dialog.getByRole('button', { name: 'Anuluj' }).click();

    await page.goto(`${harness.base}/coordinator/notifications`);
    await settled(page);
    const [board] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === '/admin/queues' && response.request().method() === 'GET' && response.status() === 200),
      page.getByRole('link', { name: /Panel kolejek/ }).click(),
    ]);
    expect(board.headers()['content-type']).toMatch(/text\/html/);
    expect(await board.text()).toContain('Open Cities queues');
    await page.waitForURL((url) => url.pathname === '/admin/queues' && !url.search.includes('ticket'));
    await shoot(page, 'narrow-queue-board');
    // Opened directly (a bookmark, a new tab) without the board's session: the app opens it, not raw JSON.
    await page.context().clearCookies();
    const [again] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === '/admin/queues' && response.status() === 200, { timeout: 30_000 }),
      page.goto(`${harness.base}/admin/queues`),
    ]);
    expect(again.headers()['content-type']).toMatch(/text\/html/);
    expect(await again.text()).toContain('Open Cities queues');
    // Bull Board's page asks for Google Fonts; the CSP keeps it from reaching outside (as intended).
    // Every other script error or CSP refusal still fails the test.
    const errors = harness.takeErrors().filter((error) => !(error.includes('/admin/queues') && error.includes('fonts.googleapis.com')));
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('the expert: the report with its files as cards; the juror: the ballot; the official: the city page', async () => {
    const expertApi = await apiAs(harness, 'ekspert.lublin');
    const [assignment] = await expertApi.get<{ editionId: string; cityId: string; report: { id: string } | null }[]>('/me/reports');
    const report = assignment.report ?? await expertApi.post<{ id: string }>(`/editions/${assignment.editionId}/reports`, { cityId: assignment.cityId });
    const login = await fetch(`${harness.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ekspert.lublin@demo.miastaotwarte.pl', password: 'miasta-otwarte-demo' }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const form = new FormData();
    const pdf = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'sprawozdanie-z-dzialalnosci-punktu-obslugi-cudzoziemcow-2026.pdf');
    const upload = await fetch(`${harness.base}/api/reports/${report.id}/files`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` }, body: form });
    expect(upload.status).toBe(201);

    const expert = await phone('ekspert.lublin');
    await expert.goto(`${harness.base}/expert/editions/${assignment.editionId}/cities/${assignment.cityId}`);
    await expert.locator('#files-title ~ .table-wrap tbody tr').first().waitFor();
    await fits(expert, 'expert-report-files');
    await buttonsOnScreen(expert, '#files-title ~ .table-wrap table');
    await expert.close();

    const juror = await phone('priscilla.rubia');
    await juror.goto(`${harness.base}/juror/editions/${edition2015.id}`);
    await fits(juror, 'juror-ballot');
    await juror.close();

    const official = await phone('urzednik.lublin');
    await official.goto(`${harness.base}/city`);
    await fits(official, 'official-city');
    await official.close();
  }, 180_000);
});
