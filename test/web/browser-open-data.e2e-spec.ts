// Open data and the record across years in Chromium, on the demo data: the statistics page shows
// Lublin's 2014 and 2015 distinctions and what the 2015 follow-ups said of 2014's, in Polish, English
// and Ukrainian, at 360 px and on a desktop, with axe passing; the public practice and award pages
// carry schema.org JSON-LD that parses; the catalogue links the downloads and the feed; the
// coordinator reads, filters and exports the audit trail. Screenshots in test-artifacts/screenshots/.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { browserSuiteSkipped, check, LANGUAGES, settled, signIn, useBrowserHarness } from './browser-harness';

const skip = browserSuiteSkipped('test/web/browser-open-data.e2e-spec.ts');

const TEXTS = {
  pl: { title: 'Konkurs na przestrzeni lat', continued: 'Kontynuowane', expanded: 'Rozwinięte', unknown: 'Brak informacji', none: 'Jeszcze nie oceniono' },
  en: { title: 'The award across years', continued: 'Continued', expanded: 'Expanded', unknown: 'Not known', none: 'Not followed up yet' },
  uk: { title: 'Конкурс протягом років', continued: 'Триває', expanded: 'Розширено', unknown: 'Немає відомостей', none: 'Ще не оцінено' },
} as const;

/** The body rows of the table captioned by `id`-caption, as cell texts. */
async function tableRows(page: Page, id: string): Promise<string[][]> {
  return page.locator(`table:has(#${id}-caption) tbody tr`).evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
  );
}

async function jsonLd(page: Page): Promise<Record<string, unknown>> {
  const script = page.locator('script[type="application/ld+json"]');
  await script.waitFor({ state: 'attached' });
  expect(await script.count()).toBe(1);
  return JSON.parse((await script.textContent()) ?? '') as Record<string, unknown>;
}

(skip ? describe.skip : describe)('open data and statistics in Chromium', () => {
  const harness = useBrowserHarness();

  it('statistics: Lublin’s 2014 and 2015 distinctions and the 2015 follow-ups, as charts and tables, in three languages', async () => {
    const page = await harness.newPage();
    await page.goto(`${harness.base}/statistics`);
    for (const language of LANGUAGES) {
      const texts = TEXTS[language.code];
      await page.getByRole('button', { name: language.button }).click();
      await settled(page, texts.title);
      await page.locator('#follow-ups-caption').waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(language.code);
      expect(await tableRows(page, 'by-city')).toEqual([
        ['2014', 'Lublin', '4', '4'],
        ['2015', 'Lublin', '6', '6'],
      ]);
      expect(await tableRows(page, 'follow-ups')).toEqual([
        ['2014', 'Lublin', '2015', texts.continued, '2'],
        ['2014', 'Lublin', '2015', texts.expanded, '1'],
        ['2014', 'Lublin', '2015', texts.unknown, '1'],
        ['2015', 'Lublin', '—', texts.none, '6'],
      ]);
      expect((await tableRows(page, 'by-category')).length).toBeGreaterThanOrEqual(4 + 5);
      // Three hand-drawn SVG charts, one bar per table row.
      expect(await page.locator('svg.chart__svg').count()).toBe(3);
      expect(await page.locator('svg.chart__svg').first().locator('rect.chart__bar').count()).toBe(2);
      await check(harness, page, `statistics-${language.code}`);
    }
    await page.close();
  }, 240_000);

  it('statistics: filtered by city, the choice kept in the address', async () => {
    const page = await harness.newPage({ language: 'en' });
    await page.goto(`${harness.base}/statistics`);
    await page.locator('#follow-ups-caption').waitFor();
    await page.locator('#field-city option', { hasText: 'Lublin' }).waitFor({ state: 'attached' });
    await page.locator('#field-city').selectOption({ label: 'Lublin' });
    await page.waitForURL(/\/statistics\?city=[0-9a-f-]{36}$/);
    // The filtered figures replace the loading message (the captions stay from the first answer).
    await page.waitForFunction(() => !document.querySelector('main .loading') && document.querySelectorAll('table:has(#by-city-caption) tbody tr').length > 0);
    expect((await tableRows(page, 'by-city')).map((row) => row[1])).toEqual(['Lublin', 'Lublin']);
    await page.close();
  });

  it('catalogue: links to the CSV and JSON downloads and the Atom feed, which answer', async () => {
    const page = await harness.newPage({ language: 'en' });
    await page.goto(`${harness.base}/catalogue`);
    await page.locator('#open-data-title').waitFor();
    const hrefs = await page.locator('.open-data a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toEqual(['/api/public/catalogue.csv', '/api/public/catalogue.json', '/api/public/feed.atom']);
    const csv = await fetch(`${harness.base}/api/public/catalogue.csv`);
    expect([...new Uint8Array(await csv.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const json = (await (await fetch(`${harness.base}/api/public/catalogue.json`)).json()) as { licence: { name: string }; practices: unknown[] };
    expect(json.licence.name).toBe('CC BY 4.0');
    expect(json.practices).toHaveLength(10);
    expect((await fetch(`${harness.base}/api/public/feed.atom`)).headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    await page.getByRole('link', { name: 'Statistics: the award across years' }).click();
    await page.waitForURL(/\/statistics$/);
    await page.close();
  });

  it('schema.org JSON-LD on the public award and practice pages parses', async () => {
    const page = await harness.newPage();
    await page.goto(`${harness.base}/editions/2015`);
    await page.locator('.award').first().waitFor();
    const awards = (await jsonLd(page))['@graph'] as Record<string, unknown>[];
    expect(awards[0]).toMatchObject({ '@type': 'ItemList', numberOfItems: 6, url: `${harness.base}/editions/2015` });
    expect(awards[1]).toMatchObject({ '@type': 'Event', startDate: '2015-05-14T13:30:00+00:00', location: { name: 'Synagoga pod Białym Bocianem' } });
    const [study] = ((await (await fetch(`${harness.base}/api/public/practices?q=Study%20in%20Lublin&year=2014`)).json()) as { items: { id: string }[] }).items;
    await page.goto(`${harness.base}/catalogue/${study.id}`);
    await page.locator('#practice-awards-title').waitFor();
    expect(await jsonLd(page)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'CreativeWork',
      name: 'Program Study in Lublin',
      url: `${harness.base}/catalogue/${study.id}`,
      spatialCoverage: { '@type': 'City', name: 'Lublin' },
      isPartOf: { url: `${harness.base}/editions/2014` },
    });
    await page.close();
  });

  it('audit trail: the coordinator filters the events and downloads them as CSV', async () => {
    const page = await signIn(harness, 'koordynator', { language: 'en' });
    await page.goto(`${harness.base}/coordinator/audit`);
    await settled(page, 'Audit trail');
    await page.locator('#audit-caption').waitFor();
    await page.locator('#audit-action').fill('auth.*');
    await page.locator('#audit-outcome').selectOption('success');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForFunction(() => {
      const codes = [...document.querySelectorAll('table tbody th code')];
      return codes.length > 0 && codes.every((code) => code.textContent?.startsWith('auth.'));
    });
    const actions = await page.locator('table tbody th code').allTextContents();
    expect(actions).toContain('auth.login');
    expect(await page.locator('.results-count').textContent()).toMatch(/^\d+ events?$/);
    await check(harness, page, 'audit-en');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('audit-events.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFFid,at,actor_id,actor_name,actor_email,action,')).toBe(true);
    expect(text.split('\r\n').slice(1).filter(Boolean).every((line) => line.includes(',auth.'))).toBe(true);
    await page.close();
  });
});
