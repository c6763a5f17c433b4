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

describe('the edition’s translation work list', () => {
  let t: TestApp;
  let ds: DataSource;
  let lublin: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    lublin = await makeCity(ds, 'Lublin');
  });
  afterAll(() => t.close());

  async function edition(stage: string) {
    const row = await makeEdition(ds, { stage });
    const category = await makeCategory(ds, row.id, 'Przestrzeń przyjazna imigrantom');
    await ds.query(`UPDATE category SET description = 'Opis kategorii' WHERE id = $1`, [category.id]);
    await makeCategory(ds, row.id, 'Bez opisu');
    const report = await makeReport(ds, row.id, lublin.id, 'submitted');
    await ds.query(`UPDATE report SET summary = 'Podsumowanie Lublina' WHERE id = $1`, [report.id]);
    const practice = await makePractice(ds, report.id, { title: 'Punkt obsługi cudzoziemców', description: 'Opis', status: 'eligible', categoryIds: [category.id] });
    const coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    return { edition: row, category, report, practice, coordinator };
  }
  const status = (item: Item | undefined, language: string) => item?.versions.find((version) => version.language === language)?.status;

  it('lists practices, summaries and described categories with their status per language; outdated after the original changes, current when re-saved', async () => {
    const { edition: e, category, report, practice, coordinator } = await edition('reportsOpen');
    const list = async () => (await t.http.get(`/api/editions/${e.id}/translation-items`).set(coordinator.auth).expect(200)).body as { stage: string; languages: string[]; items: Item[] };

    const first = await list();
    expect(first.languages).toEqual(['pl', 'en', 'uk']);
    expect(first.items.map((item) => [item.kind, item.id])).toEqual([
      ['practice', practice.id],
      ['reportSummary', report.id],
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
    expect(items.length).toBe(3);
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
