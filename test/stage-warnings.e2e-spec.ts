// Stage warnings beside blockers (issue 17, item 2): GET /editions/:id/transitions names the work
// left and the deadlines still ahead for each next stage, with stable codes and params; warnings
// never block the move.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  createTestApp, DocumentedCheck, documentedAnswers, fetchOpenApiDocument, grantRole, makeCategory, makeCity, makeEdition, makePractice, makeReport,
  makeSignedInUser, makeUser, SignedIn, TestApp,
} from '@app/testing';

describe('stage warnings', () => {
  let t: TestApp;
  let ds: DataSource;
  let coordinator: SignedIn;
  let documented: DocumentedCheck;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    documented = documentedAnswers(await fetchOpenApiDocument(t.http));
  });
  afterAll(() => t.close());

  const day = 86_400_000;

  async function optionTo(editionId: string, to: string) {
    const res = documented('GET /api/editions/{id}/transitions', await t.http.get(`/api/editions/${editionId}/transitions`).set(coordinator.auth).expect(200));
    const option = res.body.next.find((candidate: { to: string }) => candidate.to === to);
    expect(option).toBeDefined();
    return option;
  }

  it('warns of reports not started or not submitted, deadlines ahead, missing translations and incomplete ballots, and still moves', async () => {
    const tag = randomUUID().slice(0, 8);
    const reportsDueAt = new Date(Date.now() + 28 * day);
    const scoringDueAt = new Date(Date.now() + 40 * day);
    const edition = await makeEdition(ds, { stage: 'reportsOpen', reportsDueAt, scoringDueAt });
    const category = await makeCategory(ds, edition.id);
    const krakow = await makeCity(ds, `Kraków ${tag}`);
    const gdansk = await makeCity(ds, `Gdańsk ${tag}`);
    const lublin = await makeCity(ds, `Lublin ${tag}`);
    for (const city of [krakow, gdansk, lublin]) await grantRole(ds, (await makeUser(ds)).id, 'expert', { editionId: edition.id, cityId: city.id });
    await makeReport(ds, edition.id, gdansk.id, 'draft');
    const submitted = await makeReport(ds, edition.id, lublin.id, 'submitted');
    const practices = [
      await makePractice(ds, submitted.id, { status: 'eligible', categoryIds: [category.id] }),
      await makePractice(ds, submitted.id, { status: 'eligible', categoryIds: [category.id] }),
    ];
    const jurors: Record<'anna' | 'bogdan' | 'chen', string> = { anna: '', bogdan: '', chen: '' };
    for (const key of Object.keys(jurors) as (keyof typeof jurors)[]) {
      // Chen reads Ukrainian: one practice of two has a Ukrainian translation.
      const juror = await makeUser(ds, { name: `${key[0].toUpperCase()}${key.slice(1)} ${tag}`, locale: key === 'chen' ? 'uk' : 'pl' });
      await grantRole(ds, juror.id, 'juror', { editionId: edition.id });
      jurors[key] = juror.id;
    }

    await ds.query(`INSERT INTO practice_translation (practice_id, language, title, description) VALUES ($1, 'uk', 'Практика', 'Опис.')`, [practices[0].id]);

    // reportsOpen → juryScoring: Kraków never started, Gdańsk's report is a draft, 28 days left, one practice (and the category's name) not in Ukrainian.
    const opening = await optionTo(edition.id, 'juryScoring');
    expect(opening).toMatchObject({ ready: true, blockers: [], blockerDetails: [] });
    expect(opening.warnings).toEqual([
      { code: 'reports_not_started', message: expect.any(String), params: { count: 1, cities: [krakow.name] } },
      { code: 'reports_not_submitted', message: expect.any(String), params: { count: 1, cities: [gdansk.name] } },
      { code: 'reports_deadline_ahead', message: expect.any(String), params: { dueAt: reportsDueAt.toISOString() } },
      { code: 'translations_missing', message: expect.any(String), params: { count: 1, languages: [{ language: 'uk', missing: 1, total: 2, summariesMissing: 0, summariesTotal: 0, categoriesMissing: 1, categoriesTotal: 1 }] } },
    ]);
    await t.http.post(`/api/editions/${edition.id}/transitions`).set(coordinator.auth).send({ to: 'juryScoring' }).expect(200);

    // juryScoring → deliberation: Anna scored both, Chen one, Bogdan none; 40 days left.
    const score = (jurorId: string, practiceId: string) =>
      ds.query(
        `INSERT INTO score (edition_id, practice_id, juror_id, comprehensiveness, long_term, government_engagement, effectiveness) VALUES ($1, $2, $3, 3, 3, 3, 3)`,
        [edition.id, practiceId, jurorId],
      );
    await score(jurors.anna, practices[0].id);
    await score(jurors.anna, practices[1].id);
    await score(jurors.chen, practices[0].id);
    const closing = await optionTo(edition.id, 'deliberation');
    expect(closing).toMatchObject({ ready: true, blockers: [], blockerDetails: [] });
    expect(closing.warnings).toEqual([
      { code: 'scoring_deadline_ahead', message: expect.any(String), params: { dueAt: scoringDueAt.toISOString() } },
      {
        code: 'ballots_incomplete',
        message: expect.stringContaining(`Bogdan ${tag} 0/2`),
        params: { count: 2, jurors: [{ name: `Bogdan ${tag}`, scored: 0, total: 2 }, { name: `Chen ${tag}`, scored: 1, total: 2 }] },
      },
    ]);
    const moved = await t.http.post(`/api/editions/${edition.id}/transitions`).set(coordinator.auth).send({ to: 'deliberation' }).expect(200);
    expect(moved.body.stage).toBe('deliberation');
  });

  it('has no warnings when the work is done and the deadlines passed', async () => {
    const edition = await makeEdition(ds, { stage: 'juryScoring', scoringDueAt: null });
    const city = await makeCity(ds);
    await grantRole(ds, (await makeUser(ds)).id, 'expert', { editionId: edition.id, cityId: city.id });
    await makeReport(ds, edition.id, city.id, 'submitted');
    const juror = await makeUser(ds);
    await grantRole(ds, juror.id, 'juror', { editionId: edition.id });
    const option = await optionTo(edition.id, 'deliberation');
    expect(option.warnings).toEqual([]);
  });
});
