// Open data over the demo history plus bait: the catalogue as CSV and JSON, the Atom feed (read
// back by an XML parser) and the statistics across years hold exactly the published practices and
// awards; a distinguished practice of an edition that is decided but not published, and a practice
// of a published edition that was not distinguished, appear nowhere.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DataSource } from 'typeorm';
import {
  createTestApp, csvRecords, DocumentedCheck, documentedAnswers, fetchOpenApiDocument, makeCategory, makeCity, makeEdition, makePractice, makeReport,
  parseCsv, seedDemo, TestApp,
} from '@app/testing';

const LICENCE = 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)';
// A title that needs every CSV rule and XML escape: comma, quotes, a line break, a formula's "=".
const TRICKY = '=Punkt "Razem", <Lublin> & okolice\nwiersz drugi';

describe('open data of the catalogue', () => {
  let t: TestApp;
  let ds: DataSource;
  let documented: DocumentedCheck;
  let publishedIds: string[];
  const bait = { unpublished: 'Tajna praktyka edycji nieopublikowanej', notDistinguished: 'Praktyka niewyróżniona', unpublishedUnit: 'Wydział Tajny' };
  let extraYear: number;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    await seedDemo(ds);
    documented = documentedAnswers(await fetchOpenApiDocument(t.http));
    const city = await makeCity(ds, 'Tajnogród');
    // Decided, not published: its distinguished practice and award must not leave.
    const decided = await makeEdition(ds, { stage: 'decided' });
    const hiddenReport = await makeReport(ds, decided.id, city.id, 'submitted');
    const hidden = await makePractice(ds, hiddenReport.id, { status: 'distinguished', title: bait.unpublished });
    const [hiddenAward] = await ds.query(`INSERT INTO award (edition_id, city_id, recipient_unit) VALUES ($1, $2, $3) RETURNING id`, [decided.id, city.id, bait.unpublishedUnit]);
    await ds.query('INSERT INTO award_practice (award_id, practice_id) VALUES ($1, $2)', [hiddenAward.id, hidden.id]);
    // Published: one distinguished practice with a tricky title, one that was not distinguished.
    const published = await makeEdition(ds, { stage: 'published', name: 'Edycja <próbna> & "inna"' });
    extraYear = published.year;
    const category = await makeCategory(ds, published.id, 'Kategoria, z przecinkiem');
    const report = await makeReport(ds, published.id, city.id, 'submitted');
    const tricky = await makePractice(ds, report.id, { status: 'distinguished', title: TRICKY, categoryIds: [category.id], recipientUnits: ['Biuro A', 'Biuro B'] });
    await makePractice(ds, report.id, { status: 'submitted', title: bait.notDistinguished });
    const [award] = await ds.query(`INSERT INTO award (edition_id, city_id, recipient_unit, citation) VALUES ($1, $2, 'Biuro A', 'Za <odwagę> & "wytrwałość"') RETURNING id`, [published.id, city.id]);
    await ds.query('INSERT INTO award_practice (award_id, practice_id) VALUES ($1, $2)', [award.id, tricky.id]);
    await ds.query('INSERT INTO award_category (award_id, category_id) VALUES ($1, $2)', [award.id, category.id]);
    publishedIds = (
      await ds.query(`SELECT p.id FROM practice p JOIN report r ON r.id = p.report_id JOIN edition e ON e.id = r.edition_id
                       WHERE e.stage = 'published' AND p.status = 'distinguished'`)
    ).map((row: { id: string }) => row.id).sort();
  });
  afterAll(() => t.close());

  const noBait = (text: string) => {
    for (const value of Object.values(bait)) expect(text).not.toContain(value);
  };

  it('JSON: exactly the published practices, with units, categories, distinctions, follow-ups, links and the licence', async () => {
    const res = documented('GET /api/public/catalogue.json', await t.http.get('/api/public/catalogue.json').expect(200));
    expect(res.headers['content-type']).toMatch(/^application\/json; charset=utf-8/);
    expect(res.headers.link).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    noBait(res.text);
    const body = res.body as { licence: unknown; practices: { id: string; title: string; year: number; city: { name: string }; distinctions: unknown[]; followUps: { year: number; status: string }[]; links: { practice: string; edition: string } }[] };
    expect(body.licence).toEqual({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(body.practices.map((p) => p.id).sort()).toEqual(publishedIds);
    // The same set the public catalogue pages show.
    const catalogue = (await t.http.get('/api/public/practices?limit=200').expect(200)).body as { items: { id: string }[] };
    expect(catalogue.items.map((p) => p.id).sort()).toEqual(publishedIds);
    const study = body.practices.find((p) => p.title === 'Program Study in Lublin')!;
    expect(study).toMatchObject({ year: 2014, city: { name: 'Lublin' }, followUps: [{ year: 2015, status: 'continued' }] });
    expect(study.distinctions).toHaveLength(1);
    expect(study.links.practice).toBe(`${t.config.publicUrl}/catalogue/${study.id}`);
    expect(study.links.edition).toBe(`${t.config.publicUrl}/editions/2014`);
    // Unchanged data: the ETag holds and a revalidation answers 304.
    await t.http.get('/api/public/catalogue.json').set('if-none-match', res.headers.etag).expect(304);
  });

  it('CSV: BOM, RFC 4180 quoting, one line per published practice, the licence on each', async () => {
    const res = await t.http.get('/api/public/catalogue.csv').buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers['content-disposition']).toBe('attachment; filename="miasta-otwarte-catalogue.csv"');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    noBait(text);
    expect(parseCsv(text)[0]).toEqual([
      'practice_id', 'title', 'city', 'recipient_units', 'categories', 'edition_year', 'edition_name',
      'distinctions', 'distinction_count', 'follow_up', 'practice_url', 'edition_url', 'licence',
    ]);
    const records = csvRecords(text);
    expect(records.map((r) => r.practice_id).sort()).toEqual(publishedIds);
    expect(records.every((r) => r.licence === LICENCE)).toBe(true);
    const tricky = records.find((r) => r.edition_year === String(extraYear))!;
    // Read back exactly, but for the apostrophe that stops a spreadsheet running it as a formula.
    expect(tricky).toMatchObject({ title: `'${TRICKY}`, city: 'Tajnogród', recipient_units: 'Biuro A; Biuro B', categories: 'Kategoria, z przecinkiem', distinctions: 'Biuro A', distinction_count: '1', follow_up: '' });
    expect(text).toContain(`"'=Punkt ""Razem"", <Lublin> & okolice\nwiersz drugi"`);
    const study = records.find((r) => r.title === 'Program Study in Lublin')!;
    expect(study).toMatchObject({ city: 'Lublin', edition_year: '2014', follow_up: '2015: continued', edition_url: `${t.config.publicUrl}/editions/2014` });
  });

  it('Atom: a valid feed of the published editions and their awards, read back by an XML parser', async () => {
    const res = await t.http.get('/api/public/feed.atom').buffer(true).parse((r, done) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (c: string) => (text += c));
      r.on('end', () => done(null, text));
    }).expect(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const xml = res.body as string;
    expect(XMLValidator.validate(xml)).toBe(true);
    noBait(xml);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'category'].includes(name) }).parse(xml);
    const feed = parsed.feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.rights).toBe(LICENCE);
    expect(feed.link.map((l: Record<string, string>) => l['@rel'])).toEqual(['self', 'alternate', 'license']);
    expect(new Date(feed.updated).toISOString()).toBe(feed.updated);
    const entries = feed.entry as { id: string; title: string; updated: string; summary: string; category: Record<string, string>[] }[];
    const editions = entries.filter((e) => e.category[0]['@term'] === 'edition');
    const awards = entries.filter((e) => e.category[0]['@term'] === 'award');
    expect(editions.map((e) => e.title).sort()).toEqual(['Edycja <próbna> & "inna"', 'Miasta Otwarte 2014', 'Miasta Otwarte 2015'].sort());
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM award a JOIN edition e ON e.id = a.edition_id WHERE e.stage = 'published'`);
    expect(awards).toHaveLength(count);
    expect(awards.filter((a) => a.title.startsWith('Miasta Otwarte 2015: Lublin'))).toHaveLength(6);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries.every((e) => !Number.isNaN(Date.parse(e.updated)))).toBe(true);
    expect(awards.find((a) => a.summary.includes('odwagę'))!.summary).toContain('Za <odwagę> & "wytrwałość"');
    // Newest first.
    const times = entries.map((e) => Date.parse(e.updated));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});

describe('statistics across years', () => {
  let t: TestApp;
  let documented: DocumentedCheck;
  let lublin: string;
  let krakow: string;
  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.app.get(DataSource);
    await seedDemo(ds);
    documented = documentedAnswers(await fetchOpenApiDocument(t.http));
    [{ id: lublin }] = await ds.query(`SELECT id FROM city WHERE name = 'Lublin'`);
    [{ id: krakow }] = await ds.query(`SELECT id FROM city WHERE name = 'Kraków'`);
    // An unpublished distinction of Kraków must not count.
    const decided = await makeEdition(ds, { stage: 'decided' });
    await ds.query(`INSERT INTO award (edition_id, city_id) VALUES ($1, $2)`, [decided.id, krakow]);
  });
  afterAll(() => t.close());

  type Stats = {
    cities: { name: string }[];
    byCityYear: { year: number; city: { name: string }; distinctions: number; practices: number }[];
    byCategory: { year: number; name: string; distinctions: number }[];
    followUps: { distinctionYear: number; followUpYear: number | null; city: { name: string }; status: string; distinctions: number }[];
  };
  const stats = async (query = '') => documented('GET /api/public/statistics', await t.http.get(`/api/public/statistics${query}`).expect(200)).body as Stats;

  it('counts Lublin’s 2014 and 2015 distinctions and what the 2015 follow-ups said of 2014’s', async () => {
    const all = await stats();
    expect(all.cities.map((c) => c.name)).toEqual(['Lublin']);
    expect(all.byCityYear.map((r) => [r.year, r.city.name, r.distinctions, r.practices])).toEqual([
      [2014, 'Lublin', 4, 4],
      [2015, 'Lublin', 6, 6],
    ]);
    expect(all.byCategory.filter((r) => r.year === 2014).map((r) => [r.name, r.distinctions])).toEqual([
      ['Zapraszanie migrantów', 1],
      ['Zatrudnianie cudzoziemców w urzędach lokalnych', 1],
      ['Mieszkania chronione dla migrantów przymusowych', 1],
      ['System zarządzania różnorodnością kulturową', 1],
    ]);
    expect(all.byCategory.find((r) => r.year === 2015 && r.name === 'Miejski punkt obsługi cudzoziemców')?.distinctions).toBe(2);
    expect(all.followUps.map((r) => [r.distinctionYear, r.followUpYear, r.status, r.distinctions])).toEqual([
      [2014, 2015, 'continued', 2],
      [2014, 2015, 'expanded', 1],
      [2014, 2015, 'unknown', 1],
      [2015, null, 'none', 6],
    ]);
  });

  it('filters by city: Lublin’s counts, nothing for Kraków (its award is not published)', async () => {
    expect((await stats(`?cityId=${lublin}`)).byCityYear).toHaveLength(2);
    const none = await stats(`?cityId=${krakow}`);
    expect([none.byCityYear, none.byCategory, none.followUps]).toEqual([[], [], []]);
  });

  it('answers 400 naming cityId when it is not a UUID, 404 for no such city, 400 for unknown parameters', async () => {
    const bad = await t.http.get('/api/public/statistics?cityId=Lublin').expect(400);
    expect(JSON.stringify(bad.body.details)).toContain('cityId');
    await t.http.get('/api/public/statistics?cityId=00000000-0000-4000-8000-000000000000').expect(404);
    await t.http.get('/api/public/statistics?year=2014').expect(400);
  });
});
