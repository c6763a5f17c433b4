// A practice's deliberation thread in a real browser, against the built app with its demo data (on a
// database of its own, so the test can move the demo edition to stage deliberation directly): a
// juror posts a comment on a Lublin practice and sees it, the coordinator answers in the same thread,
// and a juror tied to Lublin is not offered the thread at all. Screenshots go to
// test-artifacts/screenshots/; axe-core must find no serious or critical WCAG 2.1 AA violation.
// No Chromium: skipped loudly (fails in CI), like the main browser suite.
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { apiAs, browserSuiteSkipped, check, settled, signIn as signInAs, useBrowserHarness } from './browser-harness';

const skip = browserSuiteSkipped('test/web/deliberation.browser.e2e-spec.ts');

(skip ? describe.skip : describe)('deliberation per practice in Chromium', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });
  const harness = useBrowserHarness({ env: () => ({ DATABASE_URL: db.url }) });

  /** In Polish, whatever the account's locale, so that the texts below read the same. */
  const signIn = (who: string) => signInAs(harness, who, { language: 'pl' });

  it('a juror comments on a practice and sees it; the coordinator answers; a juror tied to its city is not offered it', async () => {
    // Lublin's expert submits a practice in the demo edition (set up through the API: not the subject here) ...
    const expertApi = await apiAs(harness, 'ekspert.lublin');
    const [assignment] = await expertApi.get<{ editionId: string; cityId: string }[]>('/me/reports');
    const categories = await expertApi.get<{ id: string }[]>(`/editions/${assignment.editionId}/categories`);
    const report = await expertApi.post<{ id: string }>(`/editions/${assignment.editionId}/reports`, { cityId: assignment.cityId });
    const title = 'Lubelski punkt dla cudzoziemców';
    const practice = await expertApi.post<{ id: string }>(`/reports/${report.id}/practices`, { title, description: 'Opis praktyki.', recipientUnits: ['Urząd Miasta Lublin'], categoryIds: [categories[0].id] });
    await expertApi.post(`/reports/${report.id}/submit`);
    // ... found eligible, and the edition is in deliberation (the stage moves are other suites' subject).
    await ds.query(`UPDATE practice SET status = 'eligible' WHERE id = $1`, [practice.id]);
    await ds.query(`UPDATE edition SET stage = 'deliberation' WHERE id = $1`, [assignment.editionId]);

    const juror = await signIn('priscilla.rubia');
    await juror.goto(`${harness.base}/juror/editions/${assignment.editionId}/deliberation`);
    await settled(juror);
    const thread = juror.locator('section[aria-labelledby=threads-title]');
    await thread.locator('.thread h3', { hasText: title }).waitFor();
    await thread.getByText('Nie ma jeszcze komentarzy.').waitFor();
    // An empty comment is refused next to its field, before anything is sent.
    await thread.getByRole('button', { name: 'Dodaj komentarz' }).click();
    await thread.locator('.field--error').first().waitFor();
    await thread.getByLabel('Twój komentarz').fill('Punkt działa od lat; warto go wyróżnić za trwałość.');
    await thread.getByRole('button', { name: 'Dodaj komentarz' }).click();
    const comment = thread.locator('.thread__comments li', { hasText: 'warto go wyróżnić za trwałość' });
    await comment.waitFor();
    expect(await comment.locator('.comment__meta').textContent()).toContain('Priscilla Rubia (juror)');
    await check(harness, juror, 'deliberation-thread-juror-pl');
    await juror.close();

    const coordinator = await signIn('koordynator');
    await coordinator.goto(`${harness.base}/coordinator/editions/${assignment.editionId}/awards`);
    await settled(coordinator);
    const coordinatorThread = coordinator.locator('section[aria-labelledby=threads-title]');
    await coordinatorThread.locator('.thread__comments li', { hasText: 'warto go wyróżnić za trwałość' }).waitFor();
    await coordinatorThread.getByLabel('Twój komentarz').fill('Proszę jeszcze o zdanie pozostałych jurorów.');
    await coordinatorThread.getByRole('button', { name: 'Dodaj komentarz' }).click();
    await coordinatorThread.locator('.thread__comments li', { hasText: 'Proszę jeszcze o zdanie' }).locator('.comment__meta', { hasText: '(koordynator)' }).waitFor();
    await check(harness, coordinator, 'deliberation-thread-coordinator-pl');
    await coordinator.close();

    // Edward is tied to Lublin: the thread is not offered to him.
    const edward = await signIn('edward.krajczynski');
    await edward.goto(`${harness.base}/juror/editions/${assignment.editionId}/deliberation`);
    await settled(edward);
    const edwardThreads = edward.locator('section[aria-labelledby=threads-title]');
    await edwardThreads.getByText('Żadna praktyka nie jest oceniana przez jury.').waitFor();
    expect(await edward.locator('body').textContent()).not.toContain('warto go wyróżnić za trwałość');
    await edward.close();
  }, 240_000);
});
