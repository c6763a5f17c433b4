// The public catalogue over the demo data: the 2014 and 2015 editions as published, Lublin's
// distinctions, search without diacritics and by word prefixes, follow-up linkage.
import { DataSource } from 'typeorm';
import { createTestApp, DocumentedCheck, documentedAnswers, fetchOpenApiDocument, seedDemo, TestApp } from '@app/testing';

describe('public catalogue over the demo history', () => {
  let t: TestApp;
  /** Checks an answer against the OpenAPI document (hence the web's generated types). */
  let documented: DocumentedCheck;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.app.get(DataSource));
    documented = documentedAnswers(await fetchOpenApiDocument(t.http));
  });
  afterAll(() => t.close());

  const titles = async (query: string) =>
    (documented('GET /api/public/practices', await t.http.get(`/api/public/practices?${query}`).expect(200)).body.items as { title: string; year: number }[]).map((p) => `${p.year}: ${p.title}`).sort();

  it('lists 2014 and 2015 as published with Lublin’s four and six distinctions', async () => {
    const editions = documented('GET /api/public/editions', await t.http.get('/api/public/editions').expect(200)).body as { year: number; ceremony: unknown }[];
    expect(editions.map((e) => e.year)).toEqual([2015, 2014]);
    expect(editions[0].ceremony).toEqual({ startsAt: '2015-05-14T13:30:00+00:00', venue: 'Synagoga pod Białym Bocianem', city: 'Wrocław' });
    const awards2015 = documented('GET /api/public/editions/{year}/awards', await t.http.get('/api/public/editions/2015/awards').expect(200)).body.awards as { recipientUnit: string; practices: unknown[]; city: { name: string } }[];
    expect(awards2015).toHaveLength(6);
    expect(awards2015.every((a) => a.city.name === 'Lublin')).toBe(true);
    expect(awards2015[0]).toMatchObject({ recipientUnit: 'Prezydent Miasta Lublin dr Krzysztof Żuk' });
    expect(awards2015[0].practices).toHaveLength(6);
    expect(awards2015.slice(1).map((a) => a.recipientUnit)).toEqual([
      'Kancelaria Prezydenta Miasta Lublin',
      'Urząd Miasta Lublin',
      'Wydział Strategii i Obsługi Inwestorów Urzędu Miasta Lublin',
      'Biuro Obsługi Mieszkańców Urzędu Miasta Lublin',
      'Miejski Ośrodek Pomocy Rodzinie w Lublinie',
    ]);
    const awards2014 = documented('GET /api/public/editions/{year}/awards', await t.http.get('/api/public/editions/2014/awards').expect(200)).body.awards;
    expect(awards2014).toHaveLength(4);
  });

  it('finds "studia" among the students’ practices of both years, and filters by city and year', async () => {
    const studia = await titles('q=studia');
    expect(studia).toEqual(expect.arrayContaining(['2014: Program Study in Lublin', '2015: Działania na rzecz integracji studentów zagranicznych']));
    expect(await titles('q=studia&year=2014')).toEqual(studia.filter((title) => title.startsWith('2014')));
    expect((await titles('city=lublin')).length).toBe(10);
    expect(await titles('city=Łódź')).toEqual([]);
    expect(await titles('q=lodz')).toEqual([]);
  });

  it('links the 2014 "Study in Lublin" distinction to its 2015 follow-up', async () => {
    const search = (await t.http.get('/api/public/practices?q=Study%20in%20Lublin&year=2014').expect(200)).body.items as { id: string }[];
    expect(search).toHaveLength(1);
    const practice = documented('GET /api/public/practices/{id}', await t.http.get(`/api/public/practices/${search[0].id}`).expect(200)).body;
    expect(practice.followUps).toEqual([expect.objectContaining({ year: 2015, status: 'continued' })]);
  });
});
