// The coordinator's stage moves with their warnings, and the results workbook, in a real browser:
// opening jury scoring while cities have not started their reports, the reports deadline is ahead
// and the practices have no version in a juror's language (the confirmation lists each and asks to
// go ahead anyway); closing scoring while jurors have practices left (their counts); the results as
// XLSX downloaded from the results tab and read back with exceljs (the ranking). Setup that is not
// the subject (the report, the scores) goes through the API. Screenshots, axe, 360 px.
import ExcelJS from 'exceljs';
import { apiAs, browserSuiteSkipped, demoEdition, expectAccessible, expectNoHorizontalScroll, settled, shoot, signIn, useBrowserHarness, VIEWPORTS } from './browser-harness';

const skip = browserSuiteSkipped('test/web/stage-move-export.browser.e2e-spec.ts');

const PRACTICES = [
  { title: 'Punkt informacyjny dla cudzoziemców', description: 'Punkt doradza cudzoziemcom w sprawach pobytu.' },
  { title: 'Lekcje polskiego dla dorosłych', description: 'Bezpłatne kursy języka polskiego w bibliotekach.' },
];

(skip ? describe.skip : describe)('stage moves with warnings and the results workbook in Chromium', () => {
  const harness = useBrowserHarness();
  let editionId = '';

  beforeAll(async () => {
    const coordinator = await apiAs(harness, 'koordynator');
    const demo = await demoEdition(coordinator);
    editionId = demo.editionId;
    const categories = demo.categories;
    const krakow = await apiAs(harness, 'ekspert.krakow');
    const report = await krakow.post<{ id: string }>(`/editions/${editionId}/reports`, { cityId: demo.cities['Kraków'] });
    for (const practice of PRACTICES) await krakow.post(`/reports/${report.id}/practices`, { ...practice, recipientUnits: [], categoryIds: [categories[0].id] });
    await krakow.post(`/reports/${report.id}/submit`);
    const submitted = (await coordinator.get<{ items: { id: string }[] }>(`/editions/${editionId}/practices?status=submitted&limit=100`)).items;
    for (const practice of submitted) await coordinator.post(`/practices/${practice.id}/eligibility`, { eligible: true });
  }, 180_000);

  it('opening jury scoring lists its warnings (reports not started, the deadline ahead, missing translations) and asks to go ahead', async () => {
    const page = await signIn(harness, 'koordynator');
    await page.goto(`${harness.base}/coordinator/editions/${editionId}`);
    await settled(page);
    await page.getByRole('button', { name: 'Rozpocznij ocenę jury…' }).click();
    const dialog = page.locator('dialog.dialog[open]');
    await dialog.waitFor();
    const text = await dialog.textContent();
    expect(text).toContain('Zanim przejdziesz dalej:');
    expect(text).toMatch(/nie rozpocz(ęło|ęły) raportu/);
    expect(text).toContain('Termin raportów jeszcze nie minął');
    expect(text).toContain('Teksty czytane przez jury bez wersji w języku osób z jury:');
    expect(text).toContain('Українська: praktyki bez niej: 2 z 2');
    expect(text).toContain('Ostrzeżenia nie blokują przejścia.');
    await shoot(page, 'stage-move-warnings-scoring-pl-desktop', { viewport: true });
    await expectAccessible(harness, page, 'stage move to jury scoring, warnings');
    await page.setViewportSize(VIEWPORTS.mobile);
    await expectNoHorizontalScroll(page);
    await shoot(page, 'stage-move-warnings-scoring-pl-mobile', { viewport: true });
    await expectAccessible(harness, page, 'stage move to jury scoring, warnings, 360 px');
    await page.setViewportSize(VIEWPORTS.desktop);
    await dialog.getByRole('button', { name: 'Rozpocznij ocenę jury…' }).click();
    await page.locator('.edition-stage .badge', { hasText: 'Ocena jury' }).waitFor();
    await page.close();
  });

  it('closing scoring names the jurors with practices left; the results workbook downloads with its ranking', async () => {
    // Two jurors score both practices, one scores one; the others none.
    const plan: Record<string, number> = { 'harris.mawusi': 2, 'jose.torres': 2, 'ngo.hoang.minh': 1 };
    for (const [who, count] of Object.entries(plan)) {
      const juror = await apiAs(harness, who);
      const ballot = await juror.get<{ items: { practice: { id: string } }[] }>(`/editions/${editionId}/ballot`);
      for (const [index, { practice }] of ballot.items.slice(0, count).entries()) {
        await juror.put(`/practices/${practice.id}/scores/mine`, { criteria: { comprehensiveness: 5 - index, longTerm: 4, governmentEngagement: 4 - index, effectiveness: 3 } });
      }
    }
    const page = await signIn(harness, 'koordynator');
    await page.goto(`${harness.base}/coordinator/editions/${editionId}/results`);
    await settled(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Pobierz ranking i oceny (XLSX)' }).first().click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const ranking = (workbook.worksheets[0].getSheetValues() as unknown[][]).filter(Boolean).map((row) => row.slice(1));
    const titles = ranking.slice(2).map((row) => row[1]);
    expect(titles).toEqual(expect.arrayContaining(PRACTICES.map((practice) => practice.title)));
    // Ranks only for scored practices, the first with the higher mean.
    expect(ranking[2][0]).toBe(1);
    await shoot(page, 'results-xlsx-pl-desktop');

    await page.getByRole('link', { name: 'Przegląd', exact: true }).click();
    await settled(page);
    await page.getByRole('button', { name: 'Zakończ ocenę i rozpocznij obrady…' }).click();
    const dialog = page.locator('dialog.dialog[open]');
    await dialog.waitFor();
    const text = await dialog.textContent();
    expect(text).toMatch(/z jury nie ocenił/);
    expect(text).toContain('Ngo Hoang Minh: 1 z 2');
    await shoot(page, 'stage-move-warnings-deliberation-pl-desktop', { viewport: true });
    await expectAccessible(harness, page, 'stage move to deliberation, warnings');
    await page.setViewportSize(VIEWPORTS.mobile);
    await expectNoHorizontalScroll(page);
    await shoot(page, 'stage-move-warnings-deliberation-pl-mobile', { viewport: true });
    await page.close();
  });
});
