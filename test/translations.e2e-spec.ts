// Content translations of practices: the reads in a chosen language (?lang=, default the account's
// locale) with what version they return, the original where none exists, translations outdated by a
// change of the original, and who may add them (the practice's expert, coordinators, the edition's
// translators) until scoring opens.
import { DataSource } from 'typeorm';
import { createTestApp, grantRole, makeCategory, makeCity, makeEdition, makePractice, makeReport, makeSignedInUser, makeUser, signIn, TestApp } from '@app/testing';

const UK = { title: 'Міський пункт обслуговування іноземців', description: 'Пункт допомагає мігрантам українською та англійською мовами.' };
const PL = { title: 'Miejski punkt obsługi cudzoziemców', description: 'Punkt pomaga migrantom po ukraińsku i angielsku.' };

describe('content translations of practices', () => {
  let t: TestApp;
  let ds: DataSource;
  let lublin: { id: string };
  let gdansk: { id: string };
  let krakow: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    lublin = await makeCity(ds, 'Lublin');
    gdansk = await makeCity(ds, 'Gdańsk');
    krakow = await makeCity(ds, 'Kraków');
  });
  afterAll(() => t.close());

  /** An edition in `stage` with Lublin's practice (submitted report), its expert and a coordinator. */
  async function lublinPractice(stage: string, status = 'eligible') {
    const edition = await makeEdition(ds, { stage });
    const category = await makeCategory(ds, edition.id, 'Przestrzeń przyjazna imigrantom');
    await ds.query(`UPDATE category SET translations = $2 WHERE id = $1`, [category.id, JSON.stringify({ uk: 'Простір, дружній до іммігрантів', en: 'Immigrant-friendly space' })]);
    const report = await makeReport(ds, edition.id, lublin.id, stage === 'reportsOpen' && status === 'draft' ? 'draft' : 'submitted');
    const practice = await makePractice(ds, report.id, { ...PL, status, categoryIds: [category.id] });
    const expert = await makeSignedInUser(ds, t.http, 'expert', { editionId: edition.id, cityId: lublin.id });
    const coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    return { edition, report, practice, expert, coordinator };
  }

  it('returns the Ukrainian translation with ?lang=uk on the practice, the ballot and the catalogue, with its metadata and the original beside it', async () => {
    const { edition, practice, coordinator } = await lublinPractice('reportsOpen');
    await t.http.put(`/api/practices/${practice.id}/translations/uk`).set(coordinator.auth).send(UK).expect(200);
    await ds.query(`UPDATE edition SET stage = 'juryScoring' WHERE id = $1`, [edition.id]);
    const juror = await makeSignedInUser(ds, t.http, 'juror', { editionId: edition.id, cityId: gdansk.id });

    const read = (await t.http.get(`/api/practices/${practice.id}?lang=uk`).set(juror.auth).expect(200)).body;
    expect(read).toMatchObject({
      ...UK,
      language: 'uk',
      originalLanguage: 'pl',
      translated: true,
      outdated: false,
      requestedLanguage: 'uk',
      original: { language: 'pl', ...PL },
    });

    const ballot = (await t.http.get(`/api/editions/${edition.id}/ballot?lang=uk`).set(juror.auth).expect(200)).body;
    expect(ballot.items[0].practice).toMatchObject({ ...UK, language: 'uk', translated: true, original: { language: 'pl', ...PL } });
    // Category names carry their translations for the interface to choose from.
    expect(ballot.items[0].practice.categories[0]).toMatchObject({ name: 'Przestrzeń przyjazna imigrantom', translations: { uk: 'Простір, дружній до іммігрантів' } });

    const polish = (await t.http.get(`/api/editions/${edition.id}/ballot?lang=pl`).set(juror.auth).expect(200)).body;
    expect(polish.items[0].practice).toMatchObject({ ...PL, language: 'pl', translated: false, original: null });
  });

  it('reads in the account’s locale when no ?lang is given', async () => {
    const { edition, practice, coordinator } = await lublinPractice('reportsOpen');
    await t.http.put(`/api/practices/${practice.id}/translations/uk`).set(coordinator.auth).send(UK).expect(200);
    await ds.query(`UPDATE edition SET stage = 'juryScoring' WHERE id = $1`, [edition.id]);
    const user = await makeUser(ds, { locale: 'uk' });
    await grantRole(ds, user.id, 'juror', { editionId: edition.id, cityId: gdansk.id });
    const juror = await signIn(t.http, user.email);

    expect((await t.http.get(`/api/practices/${practice.id}`).set(juror.auth).expect(200)).body).toMatchObject({ ...UK, translated: true, requestedLanguage: 'uk' });
    expect((await t.http.get(`/api/editions/${edition.id}/ballot`).set(juror.auth).expect(200)).body.items[0].practice).toMatchObject({ ...UK, translated: true });
  });

  it('returns the original, marked so, where no translation into the language exists', async () => {
    const { edition, practice } = await lublinPractice('juryScoring');
    const juror = await makeSignedInUser(ds, t.http, 'juror', { editionId: edition.id, cityId: gdansk.id });
    const read = (await t.http.get(`/api/practices/${practice.id}?lang=uk`).set(juror.auth).expect(200)).body;
    expect(read).toMatchObject({ ...PL, language: 'pl', originalLanguage: 'pl', translated: false, outdated: false, requestedLanguage: 'uk', original: null });
  });

  it('marks translations outdated when the expert edits the original’s text, and current again when re-translated', async () => {
    const { practice, expert, coordinator } = await lublinPractice('reportsOpen', 'draft');
    await t.http.put(`/api/practices/${practice.id}/translations/uk`).set(expert.auth).send(UK).expect(200);
    await t.http.put(`/api/practices/${practice.id}/translations/en`).set(coordinator.auth).send({ title: 'City help desk for foreigners', description: 'It helps migrants.' }).expect(200);

    // A change that keeps the text (units only) outdates nothing.
    await t.http.patch(`/api/practices/${practice.id}`).set(expert.auth).send({ recipientUnits: ['Biuro Obsługi Mieszkańców'], title: PL.title }).expect(200);
    let list = (await t.http.get(`/api/practices/${practice.id}/translations`).set(coordinator.auth).expect(200)).body;
    expect(list.translations.map((tr: { outdated: boolean }) => tr.outdated)).toEqual([false, false]);

    await t.http.patch(`/api/practices/${practice.id}`).set(expert.auth).send({ description: 'Punkt pomaga migrantom w trzech językach.' }).expect(200);
    list = (await t.http.get(`/api/practices/${practice.id}/translations`).set(coordinator.auth).expect(200)).body;
    expect(list).toMatchObject({
      practiceId: practice.id,
      editable: true,
      original: { language: 'pl', original: true, description: 'Punkt pomaga migrantom w trzech językach.', providedBy: expert.id },
      translations: [
        { language: 'en', original: false, outdated: true, providedBy: coordinator.id, providedAt: expect.any(String) },
        { language: 'uk', original: false, outdated: true, providedBy: expert.id, ...UK },
      ],
    });
    const read = (await t.http.get(`/api/practices/${practice.id}?lang=uk`).set(coordinator.auth).expect(200)).body;
    expect(read).toMatchObject({ translated: true, outdated: true });

    await t.http.put(`/api/practices/${practice.id}/translations/uk`).set(coordinator.auth).send(UK).expect(200);
    list = (await t.http.get(`/api/practices/${practice.id}/translations`).set(coordinator.auth).expect(200)).body;
    expect(list.translations.find((tr: { language: string }) => tr.language === 'uk')).toMatchObject({ outdated: false, providedBy: coordinator.id });
  });

  it('lets the practice’s expert, coordinators and the edition’s translators translate; others 403/404', async () => {
    const { edition, practice, expert, coordinator } = await lublinPractice('reportsOpen');
    const translator = await makeSignedInUser(ds, t.http, 'translator', { editionId: edition.id });
    const otherEdition = await makeEdition(ds, { stage: 'reportsOpen' });
    const otherTranslator = await makeSignedInUser(ds, t.http, 'translator', { editionId: otherEdition.id });
    const otherExpert = await makeSignedInUser(ds, t.http, 'expert', { editionId: edition.id, cityId: krakow.id });
    const juror = await makeSignedInUser(ds, t.http, 'juror', { editionId: edition.id, cityId: gdansk.id });
    const put = (who: { auth: Record<string, string> }, lang = 'uk') => t.http.put(`/api/practices/${practice.id}/translations/${lang}`).set(who.auth).send(UK);

    await put(expert).expect(200);
    await put(coordinator, 'en').expect(200);
    await put(translator, 'vi').expect(200);
    await put(otherTranslator).expect(404);
    await put(otherExpert).expect(404);
    await put(juror).expect(403);
    await t.http.put(`/api/practices/${practice.id}/translations/uk`).send(UK).expect(401);

    const list = (await t.http.get(`/api/practices/${practice.id}/translations`).set(translator.auth).expect(200)).body;
    expect(list.translations.map((tr: { language: string }) => tr.language)).toEqual(['en', 'uk', 'vi']);
    // A translator finds what to translate among the edition's submitted practices; not another edition's.
    const listed = (await t.http.get(`/api/editions/${edition.id}/practices?lang=vi`).set(translator.auth).expect(200)).body;
    expect(listed.items).toEqual([expect.objectContaining({ id: practice.id, language: 'vi', translated: true })]);
    await t.http.get(`/api/editions/${edition.id}/practices`).set(otherTranslator.auth).expect(404);
  });

  it('refuses bad input with the field named: a bad language, the original’s own language, an empty title', async () => {
    const { practice, coordinator } = await lublinPractice('reportsOpen');
    const bad = (await t.http.put(`/api/practices/${practice.id}/translations/ukrainian`).set(coordinator.auth).send(UK).expect(400)).body;
    expect(JSON.stringify(bad)).toContain('lang');
    const own = (await t.http.put(`/api/practices/${practice.id}/translations/pl`).set(coordinator.auth).send(UK).expect(400)).body;
    expect(JSON.stringify(own)).toContain('lang');
    const empty = (await t.http.put(`/api/practices/${practice.id}/translations/uk`).set(coordinator.auth).send({ title: '', description: 'x' }).expect(400)).body;
    expect(JSON.stringify(empty)).toContain('title');
    expect((await t.http.get(`/api/practices/${practice.id}/translations`).set(coordinator.auth).expect(200)).body.translations).toEqual([]);
  });

  it('closes translations when scoring opens: 409 from juryScoring on', async () => {
    const { edition, practice, expert, coordinator } = await lublinPractice('reportsOpen');
    await t.http.put(`/api/practices/${practice.id}/translations/uk`).set(coordinator.auth).send(UK).expect(200);
    await ds.query(`UPDATE edition SET stage = 'juryScoring' WHERE id = $1`, [edition.id]);
    for (const who of [coordinator, expert]) {
      const refused = (await t.http.put(`/api/practices/${practice.id}/translations/uk`).set(who.auth).send({ ...UK, title: 'Нова назва' }).expect(409)).body;
      expect(refused).toMatchObject({ code: 'wrong_stage' });
    }
    await t.http.delete(`/api/practices/${practice.id}/translations/uk`).set(coordinator.auth).expect(409);
    const list = (await t.http.get(`/api/practices/${practice.id}/translations`).set(coordinator.auth).expect(200)).body;
    expect(list).toMatchObject({ editable: false, translations: [{ language: 'uk', title: UK.title }] });
  });

  it('shows the coordinator the coverage per language of the edition’s submitted practices', async () => {
    const { edition, report, practice, coordinator } = await lublinPractice('reportsOpen');
    const second = await makePractice(ds, report.id, { status: 'eligible' });
    await makePractice(ds, report.id, { status: 'eligible' });
    await t.http.put(`/api/practices/${practice.id}/translations/uk`).set(coordinator.auth).send(UK).expect(200);
    await t.http.put(`/api/practices/${second.id}/translations/uk`).set(coordinator.auth).send(UK).expect(200);
    await t.http.put(`/api/practices/${second.id}/translations/en`).set(coordinator.auth).send(UK).expect(200);
    const coverage = (await t.http.get(`/api/editions/${edition.id}/translation-coverage`).set(coordinator.auth).expect(200)).body;
    expect(coverage).toEqual({
      editionId: edition.id,
      languages: [
        // The summary is empty (nothing to read); the category's name is translated, it has no description.
        { language: 'pl', covered: 3, outdated: 0, total: 3, summaries: { covered: 0, outdated: 0, total: 0 }, categories: { covered: 1, outdated: 0, total: 1 } },
        { language: 'en', covered: 1, outdated: 0, total: 3, summaries: { covered: 0, outdated: 0, total: 0 }, categories: { covered: 1, outdated: 0, total: 1 } },
        { language: 'uk', covered: 2, outdated: 0, total: 3, summaries: { covered: 0, outdated: 0, total: 0 }, categories: { covered: 1, outdated: 0, total: 1 } },
      ],
    });
  });

  it('gives the public catalogue the version of ?lang= (the original without it)', async () => {
    const { edition, practice, coordinator } = await lublinPractice('reportsOpen', 'distinguished');
    await t.http.put(`/api/practices/${practice.id}/translations/uk`).set(coordinator.auth).send(UK).expect(200);
    await ds.query(`UPDATE edition SET stage = 'published' WHERE id = $1`, [edition.id]);
    const original = (await t.http.get(`/api/public/practices/${practice.id}`).expect(200)).body;
    expect(original).toMatchObject({ ...PL, translated: false, language: 'pl' });
    const uk = (await t.http.get(`/api/public/practices/${practice.id}?lang=uk`).expect(200)).body;
    expect(uk).toMatchObject({ ...UK, translated: true, language: 'uk', original: { ...PL, language: 'pl' } });
    const page = (await t.http.get(`/api/public/practices?lang=uk&city=${lublin.id}&limit=100`).expect(200)).body;
    expect(page.items.find((item: { id: string }) => item.id === practice.id)).toMatchObject({ title: UK.title, translated: true, original: { title: PL.title } });
  });

  it('lets coordinators give and take back the translator grant', async () => {
    const { edition, coordinator } = await lublinPractice('reportsOpen');
    const user = await makeUser(ds);
    const assignment = (await t.http.post(`/api/editions/${edition.id}/translators`).set(coordinator.auth).send({ userId: user.id }).expect(201)).body;
    expect(assignment).toMatchObject({ userId: user.id });
    await t.http.post(`/api/editions/${edition.id}/translators`).set(coordinator.auth).send({ userId: user.id }).expect(409);
    expect((await t.http.get(`/api/editions/${edition.id}/translators`).set(coordinator.auth).expect(200)).body).toHaveLength(1);
    await t.http.delete(`/api/editions/${edition.id}/translators/${assignment.id}`).set(coordinator.auth).expect(204);
    expect((await t.http.get(`/api/editions/${edition.id}/translators`).set(coordinator.auth).expect(200)).body).toHaveLength(0);
  });

  it('translates a report’s summary: the juror reads it in ?lang=uk beside the practice, outdated when the expert rewrites it, closed when scoring opens', async () => {
    const { edition, report, practice, expert, coordinator } = await lublinPractice('reportsOpen', 'draft');
    await t.http.patch(`/api/reports/${report.id}`).set(expert.auth).send({ summary: 'Lublin prowadzi politykę otwartości.' }).expect(200);
    await t.http.put(`/api/reports/${report.id}/translations/uk`).set(coordinator.auth).send({ summary: 'Люблін веде політику відкритості.' }).expect(200);
    await t.http.patch(`/api/reports/${report.id}`).set(expert.auth).send({ summary: 'Lublin od lat prowadzi politykę otwartości.' }).expect(200);
    let list = (await t.http.get(`/api/reports/${report.id}/translations`).set(expert.auth).expect(200)).body;
    expect(list).toMatchObject({ reportId: report.id, editable: true, original: { language: 'pl', summary: 'Lublin od lat prowadzi politykę otwartości.' }, translations: [{ language: 'uk', outdated: true, providedBy: coordinator.id }] });
    await t.http.put(`/api/reports/${report.id}/translations/uk`).set(expert.auth).send({ summary: 'Люблін роками веде політику відкритості.' }).expect(200);
    list = (await t.http.get(`/api/reports/${report.id}/translations`).set(coordinator.auth).expect(200)).body;
    expect(list.translations[0]).toMatchObject({ outdated: false, providedBy: expert.id });

    await ds.query(`UPDATE report SET status = 'submitted' WHERE id = $1`, [report.id]);
    await ds.query(`UPDATE practice SET status = 'eligible' WHERE id = $1`, [practice.id]);
    await ds.query(`UPDATE edition SET stage = 'juryScoring' WHERE id = $1`, [edition.id]);
    const juror = await makeSignedInUser(ds, t.http, 'juror', { editionId: edition.id, cityId: gdansk.id });
    const evidence = (await t.http.get(`/api/practices/${practice.id}/evidence?lang=uk`).set(juror.auth).expect(200)).body;
    expect(evidence).toMatchObject({ summary: 'Люблін роками веде політику відкритості.', language: 'uk', originalLanguage: 'pl', translated: true, outdated: false, originalSummary: 'Lublin od lat prowadzi politykę otwartości.' });
    const english = (await t.http.get(`/api/practices/${practice.id}/evidence?lang=en`).set(juror.auth).expect(200)).body;
    expect(english).toMatchObject({ summary: 'Lublin od lat prowadzi politykę otwartości.', language: 'pl', translated: false, requestedLanguage: 'en', originalSummary: null });

    await t.http.put(`/api/reports/${report.id}/translations/en`).set(coordinator.auth).send({ summary: 'Lublin has long pursued openness.' }).expect(409);
    await t.http.put(`/api/reports/${report.id}/translations/en`).set(juror.auth).send({ summary: 'x' }).expect(403);
  });
});
