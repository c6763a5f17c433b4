// Translations of single texts: a category's description, an award's citation, a follow-up's note.
// Read in a chosen language (?lang=, the categories: default the account's locale) with the version
// they return (`<field>Version`), the original where none exists, outdated by a change of the
// original; added by coordinators and the edition's translators (a follow-up: also its expert).
import { DataSource } from 'typeorm';
import { createTestApp, grantRole, makeCategory, makeCity, makeEdition, makePractice, makeReport, makeSignedInUser, makeUser, signIn, TestApp } from '@app/testing';

const DESCRIPTION = { pl: 'Praktyki, które czynią przestrzeń miasta przyjazną imigrantom.', uk: 'Практики, що роблять простір міста дружнім до іммігрантів.' };
const CITATION = { pl: 'Za miejski punkt obsługi cudzoziemców.', uk: 'За міський пункт обслуговування іноземців.' };
const NOTE = { pl: 'Punkt działa nadal i obsłużył 4000 osób.', uk: 'Пункт працює й надалі та обслужив 4000 осіб.' };

describe('content translations of category descriptions, award citations and follow-up notes', () => {
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

  /** An edition in `stage` with a described category, Lublin's eligible practice in it, a coordinator. */
  async function edition(stage: string) {
    const row = await makeEdition(ds, { stage });
    const category = await makeCategory(ds, row.id, 'Przestrzeń przyjazna imigrantom');
    await ds.query(`UPDATE category SET description = $2 WHERE id = $1`, [category.id, DESCRIPTION.pl]);
    const report = await makeReport(ds, row.id, lublin.id, 'submitted');
    const practice = await makePractice(ds, report.id, { title: 'Punkt obsługi cudzoziemców', description: 'Opis', status: 'eligible', categoryIds: [category.id] });
    const coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    return { edition: row, category, report, practice, coordinator };
  }

  describe('a category’s description', () => {
    it('is served in Ukrainian with its version, the original where none exists, in the account’s locale by default', async () => {
      const { edition: e, category, coordinator } = await edition('reportsOpen');
      const put = (await t.http.put(`/api/categories/${category.id}/translations/uk`).set(coordinator.auth).send({ text: DESCRIPTION.uk }).expect(200)).body;
      expect(put).toMatchObject({ id: category.id, original: { language: 'pl', text: DESCRIPTION.pl, original: true }, translations: [{ language: 'uk', text: DESCRIPTION.uk, original: false, outdated: false }], editable: true });
      expect(put.translations[0].providedBy).toBeTruthy();

      const juror = await makeSignedInUser(ds, t.http, 'juror', { editionId: e.id, cityId: gdansk.id });
      const [uk] = (await t.http.get(`/api/editions/${e.id}/categories?lang=uk`).set(juror.auth).expect(200)).body;
      expect(uk).toMatchObject({ description: DESCRIPTION.uk, descriptionVersion: { language: 'uk', originalLanguage: 'pl', translated: true, outdated: false, requestedLanguage: 'uk', original: DESCRIPTION.pl } });

      const [en] = (await t.http.get(`/api/editions/${e.id}/categories?lang=en`).set(juror.auth).expect(200)).body;
      expect(en).toMatchObject({ description: DESCRIPTION.pl, descriptionVersion: { language: 'pl', translated: false, requestedLanguage: 'en', original: null } });

      const user = await makeUser(ds, { locale: 'uk' });
      await grantRole(ds, user.id, 'juror', { editionId: e.id, cityId: gdansk.id });
      const ukJuror = await signIn(t.http, user.email);
      expect((await t.http.get(`/api/editions/${e.id}/categories`).set(ukJuror.auth).expect(200)).body[0]).toMatchObject({ description: DESCRIPTION.uk, descriptionVersion: { translated: true } });
    });

    it('is outdated when the coordinator changes the original description, current again when re-translated', async () => {
      const { edition: e, category, coordinator } = await edition('reportsOpen');
      await t.http.put(`/api/categories/${category.id}/translations/uk`).set(coordinator.auth).send({ text: DESCRIPTION.uk }).expect(200);
      // Renaming keeps the description: nothing outdated.
      await t.http.patch(`/api/categories/${category.id}`).set(coordinator.auth).send({ name: 'Przestrzeń miasta' }).expect(200);
      expect((await t.http.get(`/api/categories/${category.id}/translations`).set(coordinator.auth).expect(200)).body.translations[0].outdated).toBe(false);

      await t.http.patch(`/api/categories/${category.id}`).set(coordinator.auth).send({ description: 'Nowy opis kategorii.' }).expect(200);
      // The coordinator's own read (the setup screen, which edits the original): the original.
      expect((await t.http.get(`/api/editions/${e.id}/categories`).set(coordinator.auth).expect(200)).body[0]).toMatchObject({ description: 'Nowy opis kategorii.', descriptionVersion: { translated: false } });
      const [read] = (await t.http.get(`/api/editions/${e.id}/categories?lang=uk`).set(coordinator.auth).expect(200)).body;
      expect(read).toMatchObject({ description: DESCRIPTION.uk, descriptionVersion: { translated: true, outdated: true, original: 'Nowy opis kategorii.' } });

      await t.http.put(`/api/categories/${category.id}/translations/uk`).set(coordinator.auth).send({ text: 'Новий опис категорії.' }).expect(200);
      const [again] = (await t.http.get(`/api/editions/${e.id}/categories?lang=uk`).set(coordinator.auth).expect(200)).body;
      expect(again.descriptionVersion).toMatchObject({ outdated: false });
    });

    it('is translated by the edition’s translator; refused to an expert and a juror (403), closed from scoring on (409), 400 naming the field', async () => {
      const { edition: e, category, coordinator } = await edition('reportsOpen');
      const translator = await makeSignedInUser(ds, t.http, 'translator', { editionId: e.id });
      await t.http.put(`/api/categories/${category.id}/translations/uk`).set(translator.auth).send({ text: DESCRIPTION.uk }).expect(200);
      const otherTranslator = await makeSignedInUser(ds, t.http, 'translator', { editionId: (await makeEdition(ds, { stage: 'reportsOpen' })).id });
      await t.http.put(`/api/categories/${category.id}/translations/en`).set(otherTranslator.auth).send({ text: 'x' }).expect(404);
      const expert = await makeSignedInUser(ds, t.http, 'expert', { editionId: e.id, cityId: krakow.id });
      await t.http.put(`/api/categories/${category.id}/translations/en`).set(expert.auth).send({ text: 'x' }).expect(403);
      const juror = await makeSignedInUser(ds, t.http, 'juror', { editionId: e.id, cityId: gdansk.id });
      await t.http.put(`/api/categories/${category.id}/translations/en`).set(juror.auth).send({ text: 'x' }).expect(403);

      expect(JSON.stringify((await t.http.put(`/api/categories/${category.id}/translations/uk`).set(coordinator.auth).send({ text: '' }).expect(400)).body)).toContain('text');
      expect(JSON.stringify((await t.http.put(`/api/categories/${category.id}/translations/pl`).set(coordinator.auth).send({ text: 'x' }).expect(400)).body)).toContain('lang');
      expect(JSON.stringify((await t.http.put(`/api/categories/${category.id}/translations/ukr4`).set(coordinator.auth).send({ text: 'x' }).expect(400)).body)).toContain('lang');

      await ds.query(`UPDATE edition SET stage = 'juryScoring' WHERE id = $1`, [e.id]);
      expect((await t.http.put(`/api/categories/${category.id}/translations/uk`).set(coordinator.auth).send({ text: 'x' }).expect(409)).body.code).toBe('wrong_stage');
      const audit = await ds.query(`SELECT action FROM audit_event WHERE object_id = $1 AND action = 'category.translation_put'`, [category.id]);
      expect(audit.length).toBe(1);
    });
  });

  describe('an award’s citation', () => {
    /** A deliberation with Lublin's award for the practice, its citation in Polish. */
    async function award() {
      const setup = await edition('deliberation');
      const created = (
        await t.http
          .post(`/api/editions/${setup.edition.id}/awards`)
          .set(setup.coordinator.auth)
          .send({ cityId: lublin.id, categoryIds: [setup.category.id], practiceIds: [setup.practice.id], citation: CITATION.pl })
          .expect(201)
      ).body;
      return { ...setup, award: created as { id: string } };
    }

    it('is served in Ukrainian on the public awards page with its version, the original where none exists, and stays translatable once published', async () => {
      const { edition: e, award: a, coordinator } = await award();
      await t.http.put(`/api/awards/${a.id}/translations/uk`).set(coordinator.auth).send({ text: CITATION.uk }).expect(200);
      await ds.query(`UPDATE edition SET stage = 'published' WHERE id = $1`, [e.id]);

      const uk = (await t.http.get(`/api/public/editions/${e.year}/awards?lang=uk`).expect(200)).body;
      expect(uk.awards[0]).toMatchObject({ citation: CITATION.uk, citationVersion: { language: 'uk', originalLanguage: 'pl', translated: true, outdated: false, original: CITATION.pl } });
      const de = (await t.http.get(`/api/public/editions/${e.year}/awards?lang=de`).expect(200)).body;
      expect(de.awards[0]).toMatchObject({ citation: CITATION.pl, citationVersion: { translated: false, requestedLanguage: 'de', original: null } });
      // Published: still translatable (the citation is final; the public reads it now).
      await t.http.put(`/api/awards/${a.id}/translations/en`).set(coordinator.auth).send({ text: 'For the city help desk for foreigners.' }).expect(200);
      expect((await t.http.get(`/api/public/editions/${e.year}/awards?lang=en`).expect(200)).body.awards[0]).toMatchObject({ citation: 'For the city help desk for foreigners.', citationVersion: { translated: true } });
    });

    it('is outdated when the citation changes; refused to an expert and a juror; 400 naming the field', async () => {
      const { edition: e, award: a, coordinator } = await award();
      await t.http.put(`/api/awards/${a.id}/translations/uk`).set(coordinator.auth).send({ text: CITATION.uk }).expect(200);
      await t.http.patch(`/api/awards/${a.id}`).set(coordinator.auth).send({ citation: 'Za punkt obsługi cudzoziemców i jego rozwój.' }).expect(200);
      const list = (await t.http.get(`/api/awards/${a.id}/translations`).set(coordinator.auth).expect(200)).body;
      expect(list).toMatchObject({ original: { text: 'Za punkt obsługi cudzoziemców i jego rozwój.' }, translations: [{ language: 'uk', outdated: true }], editable: true });

      const expert = await makeSignedInUser(ds, t.http, 'expert', { editionId: e.id, cityId: krakow.id });
      await t.http.put(`/api/awards/${a.id}/translations/en`).set(expert.auth).send({ text: 'x' }).expect(403);
      const juror = await makeSignedInUser(ds, t.http, 'juror', { editionId: e.id, cityId: gdansk.id });
      await t.http.put(`/api/awards/${a.id}/translations/en`).set(juror.auth).send({ text: 'x' }).expect(403);
      expect(JSON.stringify((await t.http.put(`/api/awards/${a.id}/translations/en`).set(coordinator.auth).send({}).expect(400)).body)).toContain('text');
    });
  });

  describe('a follow-up’s note', () => {
    /** Lublin's distinguished practice of a published edition, and the follow-up of a later edition's report (stage reportsOpen). */
    async function followUp() {
      const past = await edition('deliberation');
      const a = (
        await t.http
          .post(`/api/editions/${past.edition.id}/awards`)
          .set(past.coordinator.auth)
          .send({ cityId: lublin.id, categoryIds: [past.category.id], practiceIds: [past.practice.id], citation: CITATION.pl })
          .expect(201)
      ).body as { id: string };
      await ds.query(`UPDATE practice SET status = 'distinguished' WHERE id = $1`, [past.practice.id]);
      await ds.query(`UPDATE edition SET stage = 'published' WHERE id = $1`, [past.edition.id]);
      const later = await makeEdition(ds, { stage: 'reportsOpen' });
      const report = await makeReport(ds, later.id, lublin.id, 'draft');
      const [{ id }] = await ds.query(`INSERT INTO follow_up (report_id, award_id, status, assessment) VALUES ($1, $2, 'continued', $3) RETURNING id`, [report.id, a.id, NOTE.pl]);
      const expert = await makeSignedInUser(ds, t.http, 'expert', { editionId: later.id, cityId: lublin.id });
      return { later, practice: past.practice, followUpId: id as string, expert, coordinator: past.coordinator };
    }

    it('is translated by the report’s expert and served in Ukrainian on the public practice, the original where none exists', async () => {
      const { later, practice, followUpId, expert } = await followUp();
      const put = (await t.http.put(`/api/follow-ups/${followUpId}/translations/uk`).set(expert.auth).send({ text: NOTE.uk }).expect(200)).body;
      expect(put.original).toMatchObject({ language: 'pl', text: NOTE.pl, providedBy: expert.id });
      await ds.query(`UPDATE edition SET stage = 'published' WHERE id = $1`, [later.id]);

      const uk = (await t.http.get(`/api/public/practices/${practice.id}?lang=uk`).expect(200)).body;
      expect(uk.followUps[0]).toMatchObject({ id: followUpId, assessment: NOTE.uk, assessmentVersion: { language: 'uk', translated: true, outdated: false, original: NOTE.pl } });
      const en = (await t.http.get(`/api/public/practices/${practice.id}?lang=en`).expect(200)).body;
      expect(en.followUps[0]).toMatchObject({ assessment: NOTE.pl, assessmentVersion: { translated: false, original: null } });
    });

    it('is refused to an expert of another city (404) and a juror (403); 400 naming the field', async () => {
      const { later, followUpId, coordinator } = await followUp();
      const other = await makeSignedInUser(ds, t.http, 'expert', { editionId: later.id, cityId: krakow.id });
      await t.http.put(`/api/follow-ups/${followUpId}/translations/uk`).set(other.auth).send({ text: NOTE.uk }).expect(404);
      const juror = await makeSignedInUser(ds, t.http, 'juror', { editionId: later.id, cityId: gdansk.id });
      await t.http.put(`/api/follow-ups/${followUpId}/translations/uk`).set(juror.auth).send({ text: NOTE.uk }).expect(403);
      expect(JSON.stringify((await t.http.put(`/api/follow-ups/${followUpId}/translations/uk`).set(coordinator.auth).send({ text: '   ' }).expect(400)).body)).toContain('text');
      expect((await t.http.get(`/api/follow-ups/${followUpId}/translations`).set(coordinator.auth).expect(200)).body.translations).toEqual([]);
    });
  });
});
