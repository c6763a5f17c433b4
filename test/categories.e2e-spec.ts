// Categories after creation: rename, re-translate and reorder them, remove the unused ones; all only
// before jury scoring starts, and never a category a practice or an award names (even racing it).
import { DataSource } from 'typeorm';
import {
  createTestApp,
  DocumentedCheck,
  documentedAnswers,
  fetchOpenApiDocument,
  grantRole,
  makeCity,
  makeEdition,
  makePractice,
  makeReport,
  makeSignedInUser,
  makeUser,
  SignedIn,
  signIn,
  TestApp,
} from '@app/testing';

describe('category edit and removal', () => {
  let t: TestApp;
  let ds: DataSource;
  let coordinator: SignedIn;
  /** Checks an answer against the OpenAPI document (hence the web's generated types). */
  let documented: DocumentedCheck;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    documented = documentedAnswers(await fetchOpenApiDocument(t.http));
  });
  afterAll(() => t.close());

  const c = () => coordinator.auth;

  /** An edition with the categories added through the API in draft, then put in `stage`. */
  async function editionWithCategories(stage: string, names: string[]) {
    const edition = await makeEdition(ds);
    const categories: { id: string; name: string }[] = [];
    for (const name of names) categories.push((await t.http.post(`/api/editions/${edition.id}/categories`).set(c()).send({ name }).expect(201)).body);
    await ds.query(`UPDATE edition SET stage = $2 WHERE id = $1`, [edition.id, stage]);
    return { edition, categories };
  }

  const listed = async (editionId: string) =>
    ((await t.http.get(`/api/editions/${editionId}/categories`).set(c()).expect(200)).body as { name: string; position: number }[]).map(
      (category) => `${category.position}:${category.name}`,
    );

  it('renames, describes, translates and reorders a category', async () => {
    const { edition, categories } = await editionWithCategories('draft', ['Punkt obsługi', 'Pomoc społeczna', 'Przestrzeń']);
    const [punkt, pomoc, przestrzen] = categories;

    const renamed = documented('PATCH /api/categories/{id}', await t.http.patch(`/api/categories/${pomoc.id}`).set(c())
      .send({ name: ' Kompleksowa pomoc społeczna ', description: 'Dla cudzoziemców.', translations: { en: 'Comprehensive social assistance', uk: 'Комплексна соціальна допомога' } })
      .expect(200)).body;
    expect(renamed).toEqual({
      id: pomoc.id, editionId: edition.id, name: 'Kompleksowa pomoc społeczna', description: 'Dla cudzoziemców.',
      translations: { en: 'Comprehensive social assistance', uk: 'Комплексна соціальна допомога' }, position: 1,
    });
    // Only what is sent changes; null removes the description.
    const cleared = (await t.http.patch(`/api/categories/${pomoc.id}`).set(c()).send({ description: null }).expect(200)).body;
    expect(cleared).toMatchObject({ name: 'Kompleksowa pomoc społeczna', description: null, translations: { en: 'Comprehensive social assistance' } });

    await t.http.patch(`/api/categories/${przestrzen.id}`).set(c()).send({ position: 0 }).expect(200);
    expect(await listed(edition.id)).toEqual(['0:Przestrzeń', '1:Punkt obsługi', '2:Kompleksowa pomoc społeczna']);
    await t.http.patch(`/api/categories/${przestrzen.id}`).set(c()).send({ position: 99 }).expect(200);
    expect(await listed(edition.id)).toEqual(['0:Punkt obsługi', '1:Kompleksowa pomoc społeczna', '2:Przestrzeń']);

    const taken = await t.http.patch(`/api/categories/${punkt.id}`).set(c()).send({ name: 'Przestrzeń' }).expect(409);
    expect(taken.body).toMatchObject({ code: 'category_exists' });
    const badLocale = await t.http.patch(`/api/categories/${punkt.id}`).set(c()).send({ translations: { English: 'x' } }).expect(400);
    expect(badLocale.body.details).toEqual([{ field: 'translations.English', problem: 'must be keyed by a language code such as en or uk' }]);
    await t.http.patch(`/api/categories/${punkt.id}`).set(c()).send({ name: '' }).expect(400);
    await t.http.patch(`/api/categories/${punkt.id}`).set(c()).send({ position: -1 }).expect(400);
    await t.http.patch(`/api/categories/${punkt.id}`).set(c()).send({ editionId: edition.id }).expect(400);
    await t.http.patch('/api/categories/00000000-0000-4000-8000-000000000000').set(c()).send({ name: 'x' }).expect(404);
  });

  it('removes an unused category and closes up the positions', async () => {
    const { edition, categories } = await editionWithCategories('reportsOpen', ['A', 'B', 'C']);
    await t.http.delete(`/api/categories/${categories[1].id}`).set(c()).expect(204);
    expect(await listed(edition.id)).toEqual(['0:A', '1:C']);
    await t.http.delete(`/api/categories/${categories[1].id}`).set(c()).expect(404);
    const audit = await ds.query(`SELECT actor_id AS "actorId", outcome FROM audit_event WHERE object_id = $1 AND action = 'category.delete'`, [categories[1].id]);
    expect(audit).toEqual([{ actorId: expect.any(String), outcome: 'success' }]);
  });

  it('keeps a category a practice or an award names (409 category_in_use)', async () => {
    const { edition, categories } = await editionWithCategories('reportsOpen', ['Nazwana przez praktykę', 'Nazwana przez nagrodę']);
    const report = await makeReport(ds, edition.id, (await makeCity(ds)).id);
    await makePractice(ds, report.id, { categoryIds: [categories[0].id] });
    const byPractice = await t.http.delete(`/api/categories/${categories[0].id}`).set(c()).expect(409);
    expect(byPractice.body).toMatchObject({ statusCode: 409, code: 'category_in_use', practices: 1, awards: 0 });

    const [award] = await ds.query(`INSERT INTO award (edition_id, city_id) SELECT $1, id FROM city LIMIT 1 RETURNING id`, [edition.id]);
    await ds.query(`INSERT INTO award_category (award_id, category_id) VALUES ($1, $2)`, [award.id, categories[1].id]);
    const byAward = await t.http.delete(`/api/categories/${categories[1].id}`).set(c()).expect(409);
    expect(byAward.body).toMatchObject({ code: 'category_in_use', practices: 0, awards: 1 });
  });

  it('locks categories once jury scoring has started', async () => {
    for (const stage of ['juryScoring', 'deliberation', 'published']) {
      const { categories } = await editionWithCategories(stage, ['Zamknięta']);
      const edit = await t.http.patch(`/api/categories/${categories[0].id}`).set(c()).send({ name: 'Nowa nazwa' }).expect(409);
      expect(edit.body).toMatchObject({ code: 'categories_locked', stage });
      const remove = await t.http.delete(`/api/categories/${categories[0].id}`).set(c()).expect(409);
      expect(remove.body).toMatchObject({ code: 'categories_locked', stage });
    }
  });

  it('never leaves a practice without the category it named when the removal races it', async () => {
    for (let round = 0; round < 5; round++) {
      const { edition, categories } = await editionWithCategories('reportsOpen', [`Wyścig ${round}`]);
      const city = await makeCity(ds);
      const expert = await makeUser(ds);
      await grantRole(ds, expert.id, 'expert', { editionId: edition.id, cityId: city.id });
      const e = (await signIn(t.http, expert.email)).auth;
      const report = (await t.http.post(`/api/editions/${edition.id}/reports`).set(e).send({ cityId: city.id }).expect(201)).body;
      const [added, removed] = await Promise.all([
        t.http.post(`/api/reports/${report.id}/practices`).set(e).send({ title: 'P', description: 'D', recipientUnits: [], categoryIds: [categories[0].id] }),
        t.http.delete(`/api/categories/${categories[0].id}`).set(c()),
      ]);
      // One of the two wins, cleanly.
      expect([`${added.status} ${removed.status}`]).toContainEqual(expect.stringMatching(/^(201 409|400 204)$/));
      const orphans = await ds.query(
        `SELECT p.id FROM practice p WHERE p.report_id = $1 AND NOT EXISTS (SELECT 1 FROM practice_category pc WHERE pc.practice_id = p.id)`,
        [report.id],
      );
      expect(orphans).toEqual([]);
    }
  });
});
