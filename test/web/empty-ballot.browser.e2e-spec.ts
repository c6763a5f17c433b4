// An empty ballot that says why, in a real browser: in the demo edition only Lublin submits a report
// and scoring opens; Edward Krajczyński, a juror tied to Lublin (interface in Ukrainian), has nothing
// to score and reads that this is because every practice is his own city's (conflict of interest),
// not a bare "no practices to score"; Priscilla Rubia (tied to Łódź) has the practice on her ballot.
// Setup that is not the subject goes through the API. Screenshots into test-artifacts/screenshots/,
// axe and 360 px checked.
import { apiAs, browserSuiteSkipped, check, demoEdition, settled, signIn, switchLanguage, useBrowserHarness } from './browser-harness';

const skip = browserSuiteSkipped('test/web/empty-ballot.browser.e2e-spec.ts');

const PRACTICE = { title: 'Lubelskie Centrum Wielokulturowe', description: 'Centrum prowadzi kursy języka polskiego i porady prawne dla cudzoziemców.' };

interface Ballot {
  items: { practice: { id: string; title: string } }[];
  cityTiedPractices: number;
  recusedPracticeIds: string[];
}

(skip ? describe.skip : describe)('an empty ballot in Chromium', () => {
  const harness = useBrowserHarness();
  let editionId = '';

  beforeAll(async () => {
    const coordinator = await apiAs(harness, 'koordynator');
    const demo = await demoEdition(coordinator);
    editionId = demo.editionId;
    const lublin = demo.cities['Lublin'];
    const categories = demo.categories;
    const expert = await apiAs(harness, 'ekspert.lublin');
    const reportId = (await expert.post<{ id: string }>(`/editions/${editionId}/reports`, { cityId: lublin })).id;
    await expert.post(`/reports/${reportId}/practices`, { ...PRACTICE, recipientUnits: ['Urząd Miasta Lublin'], categoryIds: [categories[0].id] });
    await expert.post(`/reports/${reportId}/submit`);
    const submitted = (await coordinator.get<{ items: { id: string }[] }>(`/editions/${editionId}/practices?status=submitted&limit=100`)).items;
    expect(submitted).toHaveLength(1);
    await coordinator.post(`/practices/${submitted[0].id}/eligibility`, { eligible: true });
    await coordinator.post(`/editions/${editionId}/transitions`, { to: 'juryScoring' });
  }, 180_000);

  it('the API gives Edward (Lublin) an empty ballot with the reason, and Priscilla (Łódź) the practice', async () => {
    const edward = await (await apiAs(harness, 'edward.krajczynski')).get<Ballot>(`/editions/${editionId}/ballot`);
    expect(edward.items).toEqual([]);
    expect(edward.cityTiedPractices).toBe(1);
    expect(edward.recusedPracticeIds).toEqual([]);
    const priscilla = await (await apiAs(harness, 'priscilla.rubia')).get<Ballot>(`/editions/${editionId}/ballot`);
    expect(priscilla.items.map((item) => item.practice.title)).toEqual([PRACTICE.title]);
    expect(priscilla.cityTiedPractices).toBe(0);
  });

  it('Edward, reading in Ukrainian, sees why his ballot is empty (his own city’s practice: conflict of interest), wide and at 360 px', async () => {
    const page = await signIn(harness, 'edward.krajczynski', { language: 'uk' });
    await page.goto(`${harness.base}/juror/editions/${editionId}`);
    await settled(page, 'Оцінний лист');
    const empty = page.getByTestId('empty-ballot');
    await empty.waitFor();
    expect(await empty.locator('.alert__title').textContent()).toBe('Вам нічого оцінювати');
    const why = await empty.locator('.alert__body').textContent();
    expect(why).toContain('1 практика цього випуску походить з вашого міста');
    expect(why).toContain('конфлікту інтересів');
    // Not the bare "nothing to score", and no list of practices.
    expect(why).not.toContain('Немає практик для оцінювання');
    expect(await page.locator('.ballot-list').count()).toBe(0);
    await check(harness, page, 'empty-ballot-uk');

    // The same reason in English and in Polish.
    await switchLanguage(page, 'English', 'en');
    await page.getByText('Nothing for you to score').waitFor();
    expect(await page.getByTestId('empty-ballot').locator('.alert__body').textContent()).toBe(
      'The only practice of this edition comes from your city (or a city you are tied to), and jurors do not score their own cities’ practices, to avoid a conflict of interest.',
    );
    await check(harness, page, 'empty-ballot-en', ['mobile']);
    await switchLanguage(page, 'Polski', 'pl');
    await page.getByText('Nie masz praktyk do oceny').waitFor();
    expect(await page.getByTestId('empty-ballot').locator('.alert__body').textContent()).toContain('Jedyna praktyka tej edycji pochodzi z Twojego miasta');
    await page.close();
  });
});
