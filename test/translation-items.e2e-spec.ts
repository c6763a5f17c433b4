// The edition's translation work list (GET /editions/:id/translation-items): every translatable text
// with its status per language (original, current, outdated, missing), for the coordinator and the
// edition's translators; outdated after the original changes, current again when re-translated;
// not editable once scoring opens (citations excepted).
import { DataSource } from 'typeorm';
import { createTestApp, makeCategory, makeCity, makeEdition, makePractice, makeReport, makeSignedInUser, TestApp } from '@app/testing';

interface Item {
  kind: string;
  id: string;
  label: string;
  editable: boolean;
  submitted: boolean | null;
  versions: { language: string; status: string; providedByName: string | null }[];
}

const status = (item: Item | undefined, language: string) => item?.versions.find((version) => version.language === language)?.status;

// One app and database for the three parts below (each makes its own editions).
let t: TestApp;
let ds: DataSource;
beforeAll(async () => {
  t = await createTestApp();
  ds = t.app.get(DataSource);
});
afterAll(() => t.close());

describe('the edition’s translation work list', () => {
  let lublin: { id: string };

  beforeAll(async () => {
    lublin = await makeCity(ds, 'Lublin');
  });

  async function edition(stage: string) {
    const row = await makeEdition(ds, { stage });
    const category = await makeCategory(ds, row.id, 'Przestrzeń przyjazna imigrantom');
    await ds.query(`UPDATE category SET description = 'Opis kategorii' WHERE id = $1`, [category.id]);
    const plain = await makeCategory(ds, row.id, 'Bez opisu');
    const report = await makeReport(ds, row.id, lublin.id, 'submitted');
    await ds.query(`UPDATE report SET summary = 'Podsumowanie Lublina' WHERE id = $1`, [report.id]);
    const practice = await makePractice(ds, report.id, { title: 'Punkt obsługi cudzoziemców', description: 'Opis', status: 'eligible', categoryIds: [category.id] });
    const coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    return { edition: row, category, plain, report, practice, coordinator };
  }

  it('lists practices, summaries, category names and described categories with their status per language; outdated after the original changes, current when re-saved', async () => {
    const { edition: e, category, plain, report, practice, coordinator } = await edition('reportsOpen');
    const list = async () => (await t.http.get(`/api/editions/${e.id}/translation-items`).set(coordinator.auth).expect(200)).body as { stage: string; languages: string[]; items: Item[] };

    const first = await list();
    expect(first.languages).toEqual(['pl', 'en', 'uk']);
    expect(first.items.map((item) => [item.kind, item.id])).toEqual([
      ['practice', practice.id],
      ['reportSummary', report.id],
      // The categories by position (the factory's are both 0), then name; a category's name before its description.
      ['categoryName', plain.id],
      ['categoryName', category.id],
      ['categoryDescription', category.id],
    ]);
    const practiceItem = first.items[0];
    expect(practiceItem).toMatchObject({ label: 'Punkt obsługi cudzoziemców', editable: true, submitted: true });
    expect(practiceItem.versions.map((version) => version.status)).toEqual(['original', 'missing', 'missing']);

    await t.http.put(`/api/practices/${practice.id}/translations/uk`).set(coordinator.auth).send({ title: 'Пункт', description: 'Опис' }).expect(200);
    await t.http.put(`/api/reports/${report.id}/translations/en`).set(coordinator.auth).send({ summary: 'Lublin’s summary' }).expect(200);
    const second = await list();
    expect(status(second.items.find((item) => item.kind === 'practice'), 'uk')).toBe('current');
    expect(second.items.find((item) => item.kind === 'practice')!.versions[2].providedByName).toBeTruthy();
    expect(status(second.items.find((item) => item.kind === 'reportSummary'), 'en')).toBe('current');

    await ds.query(`UPDATE practice_translation SET outdated = true WHERE practice_id = $1`, [practice.id]);
    expect(status((await list()).items.find((item) => item.kind === 'practice'), 'uk')).toBe('outdated');
    await t.http.put(`/api/practices/${practice.id}/translations/uk`).set(coordinator.auth).send({ title: 'Пункт', description: 'Новий опис' }).expect(200);
    expect(status((await list()).items.find((item) => item.kind === 'practice'), 'uk')).toBe('current');
  });

  it('is read by the edition’s translator (not another edition’s: 404), refused to experts and jurors (403); nothing editable but citations once scoring opens', async () => {
    const { edition: e } = await edition('juryScoring');
    const translator = await makeSignedInUser(ds, t.http, 'translator', { editionId: e.id });
    const items = (await t.http.get(`/api/editions/${e.id}/translation-items`).set(translator.auth).expect(200)).body.items as Item[];
    expect(items.length).toBe(5);
    expect(items.every((item) => !item.editable)).toBe(true);

    const other = await makeSignedInUser(ds, t.http, 'translator', { editionId: (await makeEdition(ds, { stage: 'reportsOpen' })).id });
    await t.http.get(`/api/editions/${e.id}/translation-items`).set(other.auth).expect(404);
    const expert = await makeSignedInUser(ds, t.http, 'expert', { editionId: e.id, cityId: lublin.id });
    await t.http.get(`/api/editions/${e.id}/translation-items`).set(expert.auth).expect(403);
    const juror = await makeSignedInUser(ds, t.http, 'juror', { editionId: e.id, cityId: lublin.id });
    await t.http.get(`/api/editions/${e.id}/translation-items`).set(juror.auth).expect(403);
    // A malformed id names no edition the caller translates.
    await t.http.get(`/api/editions/not-a-uuid/translation-items`).set(translator.auth).expect(404);
  });
});

describe('category names on the translations screen', () => {
  it('the edition’s translator translates a category’s name (never its original language) and removes it; closed once scoring opens; set-up stays the coordinator’s', async () => {
    const e = await makeEdition(ds, { stage: 'reportsOpen' });
    const category = await makeCategory(ds, e.id, 'Edukacja');
    await ds.query(`UPDATE category SET translations = $2 WHERE id = $1`, [category.id, JSON.stringify({ en: 'Education' })]);
    const translator = await makeSignedInUser(ds, t.http, 'translator', { editionId: e.id });
    const names = async () => (await t.http.get(`/api/categories/${category.id}/name-translations`).set(translator.auth).expect(200)).body;
    const item = async () =>
      ((await t.http.get(`/api/editions/${e.id}/translation-items`).set(translator.auth).expect(200)).body.items as Item[]).find((candidate) => candidate.kind === 'categoryName' && candidate.id === category.id)!;

    expect(await names()).toEqual({ id: category.id, original: { language: 'pl', name: 'Edukacja' }, translations: [{ language: 'en', name: 'Education' }], editable: true });
    expect((await item()).versions.map((version) => [version.language, version.status])).toEqual([['pl', 'original'], ['en', 'current'], ['uk', 'missing']]);

    const put = await t.http.put(`/api/categories/${category.id}/name-translations/uk`).set(translator.auth).send({ name: '  Освіта ' }).expect(200);
    expect(put.body.translations).toEqual([{ language: 'en', name: 'Education' }, { language: 'uk', name: 'Освіта' }]);
    // The same map the set-up screen and the ballot read.
    expect((await ds.query(`SELECT translations FROM category WHERE id = $1`, [category.id]))[0].translations).toEqual({ en: 'Education', uk: 'Освіта' });
    expect(status(await item(), 'uk')).toBe('current');

    // Bad input names the field; the original's language is not a translation.
    const empty = await t.http.put(`/api/categories/${category.id}/name-translations/uk`).set(translator.auth).send({ name: ' ' }).expect(400);
    expect(JSON.stringify(empty.body)).toContain('name');
    const original = await t.http.put(`/api/categories/${category.id}/name-translations/pl`).set(translator.auth).send({ name: 'Edukacja 2' }).expect(400);
    expect(JSON.stringify(original.body)).toContain('lang');

    await t.http.delete(`/api/categories/${category.id}/name-translations/en`).set(translator.auth).expect(204);
    await t.http.delete(`/api/categories/${category.id}/name-translations/en`).set(translator.auth).expect(204);
    expect((await names()).translations).toEqual([{ language: 'uk', name: 'Освіта' }]);
    expect(status(await item(), 'en')).toBe('missing');

    // The set-up screen's route stays the coordinator's; other editions' translators and experts never reach the names.
    await t.http.patch(`/api/categories/${category.id}`).set(translator.auth).send({ translations: { uk: 'x' } }).expect(403);
    const other = await makeSignedInUser(ds, t.http, 'translator', { editionId: (await makeEdition(ds, { stage: 'reportsOpen' })).id });
    await t.http.put(`/api/categories/${category.id}/name-translations/uk`).set(other.auth).send({ name: 'x' }).expect(404);
    const expert = await makeSignedInUser(ds, t.http, 'expert', { editionId: e.id, cityId: (await makeCity(ds)).id });
    await t.http.put(`/api/categories/${category.id}/name-translations/uk`).set(expert.auth).send({ name: 'x' }).expect(403);

    // Scoring opens: the names are what the jury reads.
    await ds.query(`UPDATE edition SET stage = 'juryScoring' WHERE id = $1`, [e.id]);
    expect((await names()).editable).toBe(false);
    expect((await item()).editable).toBe(false);
    const locked = await t.http.put(`/api/categories/${category.id}/name-translations/uk`).set(translator.auth).send({ name: 'Освіта 2' }).expect(409);
    expect(locked.body.code).toBe('categories_locked');
    await t.http.delete(`/api/categories/${category.id}/name-translations/uk`).set(translator.auth).expect(409);
  });
});

describe('coverage and the stage warning count what a juror reads: practices, summaries, categories', () => {
  it('counts the summaries and the categories (name and description) per language, in the coverage and in translations_missing', async () => {
    const e = await makeEdition(ds, { stage: 'reportsOpen', reportsDueAt: null });
    const named = await makeCategory(ds, e.id, 'Przestrzeń');
    await ds.query(`UPDATE category SET translations = $2 WHERE id = $1`, [named.id, JSON.stringify({ uk: 'Простір' })]);
    const described = await makeCategory(ds, e.id, 'Edukacja');
    await ds.query(`UPDATE category SET translations = $2, description = 'Opis edukacji' WHERE id = $1`, [described.id, JSON.stringify({ uk: 'Освіта' })]);
    const city = await makeCity(ds);
    const report = await makeReport(ds, e.id, city.id, 'submitted');
    await ds.query(`UPDATE report SET summary = 'Podsumowanie' WHERE id = $1`, [report.id]);
    const practice = await makePractice(ds, report.id, { status: 'eligible', categoryIds: [named.id] });
    const coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    await t.http.put(`/api/practices/${practice.id}/translations/uk`).set(coordinator.auth).send({ title: 'Практика', description: 'Опис' }).expect(200);
    const juror = await makeSignedInUser(ds, t.http, 'juror', { editionId: e.id });
    await ds.query(`UPDATE app_user SET locale = 'uk' WHERE id = $1`, [juror.id]);

    const coverage = async () => (await t.http.get(`/api/editions/${e.id}/translation-coverage`).set(coordinator.auth).expect(200)).body.languages.find((row: { language: string }) => row.language === 'uk');
    const warning = async () =>
      ((await t.http.get(`/api/editions/${e.id}/transitions`).set(coordinator.auth).expect(200)).body.next.find((option: { to: string }) => option.to === 'juryScoring').warnings as { code: string; params: { languages?: unknown[] } }[]).find(
        (candidate) => candidate.code === 'translations_missing',
      );

    // The practice is in Ukrainian; its summary is not, nor the second category's description.
    expect(await coverage()).toMatchObject({ covered: 1, total: 1, summaries: { covered: 0, total: 1 }, categories: { covered: 1, total: 2 } });
    expect((await warning())?.params.languages).toEqual([{ language: 'uk', missing: 0, total: 1, summariesMissing: 1, summariesTotal: 1, categoriesMissing: 1, categoriesTotal: 2 }]);

    await t.http.put(`/api/reports/${report.id}/translations/uk`).set(coordinator.auth).send({ summary: 'Підсумок' }).expect(200);
    await t.http.put(`/api/categories/${described.id}/translations/uk`).set(coordinator.auth).send({ text: 'Опис освіти' }).expect(200);
    expect(await coverage()).toMatchObject({ covered: 1, total: 1, summaries: { covered: 1, outdated: 0, total: 1 }, categories: { covered: 2, outdated: 0, total: 2 } });
    expect(await warning()).toBeUndefined();

    // The original summary changes: still readable, counted as outdated.
    await ds.query(`UPDATE report_translation SET outdated = true WHERE report_id = $1`, [report.id]);
    expect((await coverage()).summaries).toEqual({ covered: 1, outdated: 1, total: 1 });
  });
});
