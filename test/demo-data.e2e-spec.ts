// The demo data against the acceptance facts of ../shared/DOMAIN.md, written out here on purpose
// (not imported from demo-data.ts): the published 2014 and 2015 editions, the 2015 categories,
// experts' cities, jurors and ceremony through the API; Lublin's distinctions through SQL; every
// printed account signs in; a second seed changes nothing; the Demo edition lets an expert start.
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@app/core';
import { ALL_ENTITIES, DEMO_PASSWORD, DemoSeedSummary } from '@app/domain';
import { createTestApp, createTestDatabase, seedDemo, signIn, SignedIn, TestApp } from '@app/testing';

const COORDINATOR = 'koordynator@demo.miastaotwarte.pl';

const CATEGORIES_2015 = [
  ['Miejska strategia dotycząca różnorodności kulturowej oraz integracji imigrantów', 'City strategy on cultural diversity and integration of immigrants'],
  ['Zatrudnianie cudzoziemców w urzędach miejskich', 'Employing foreigners in city offices'],
  [
    'Promocja polskich uczelni wśród cudzoziemców. Działania na rzecz integracji studentów zagranicznych',
    'Promoting Polish universities among foreigners; integration of foreign students',
  ],
  ['Kompleksowa pomoc społeczna dostępna dla cudzoziemców', 'Comprehensive social assistance available to foreigners'],
  ['Miejski punkt obsługi cudzoziemców', 'City service point for foreigners'],
  ['Kompleksowe działania na rzecz integracji uczniów imigranckich', 'Comprehensive integration of immigrant pupils'],
  ['Platformy współpracy międzysektorowej', 'Cross-sector cooperation platforms'],
  [
    'Konkursy dla organizacji pozarządowych uwzględniające diaspory imigranckie i wielokulturowy charakter miasta',
    "NGO grant competitions that take immigrant diasporas and the city's multicultural character into account",
  ],
  ['Przestrzeń przyjazna imigrantom', 'Immigrant-friendly space'],
  ['Kompleksowe działania informacyjno-integracyjne samorządu na rzecz imigrantów', 'Comprehensive information and integration activities of the city government for immigrants'],
  ['Współpraca miasta z ośrodkiem naukowym i badawczym w obszarze integracji imigrantów', 'Cooperation of the city with a research centre on immigrant integration'],
];

const CATEGORIES_2014 = [
  'Zapraszanie migrantów',
  'Zatrudnianie cudzoziemców w urzędach lokalnych',
  'Mieszkania chronione dla migrantów przymusowych',
  'System zarządzania różnorodnością kulturową',
];

const JURORS = [
  { name: 'Priscilla Rubia', countryOfOrigin: 'Kenya', cityName: 'Łódź' },
  { name: 'Harris Mawusi', countryOfOrigin: 'Ghana', cityName: 'Gdańsk' },
  { name: 'Jose Torres', countryOfOrigin: 'Cuba', cityName: 'Wrocław' },
  { name: 'Edward Krajczyński', countryOfOrigin: 'Ukraine', cityName: 'Lublin' },
  { name: 'Ngo Hoang Minh', countryOfOrigin: 'Vietnam', cityName: 'Warszawa' },
];

// Lublin's page, in its order; categories by their number in the organiser's list.
const PRACTICES_2015 = [
  ['Miejska strategia dotycząca różnorodności kulturowej oraz integracji imigrantów', 1],
  ['Zatrudnianie cudzoziemców w urzędach miejskich', 2],
  ['Promocja uczelni polskich wśród cudzoziemców', 3],
  ['Działania na rzecz integracji studentów zagranicznych', 3],
  ['Kompleksowa pomoc społeczna dostępna dla cudzoziemców', 4],
  ['Miejski punkt obsługi cudzoziemców', 5],
] as const;
const ALL_SIX = PRACTICES_2015.map(([title]) => title);

const AWARDS_2015 = [
  { recipientUnit: 'Prezydent Miasta Lublin dr Krzysztof Żuk', practices: ALL_SIX, categories: [1, 2, 3, 4, 5] },
  { recipientUnit: 'Kancelaria Prezydenta Miasta Lublin', practices: [ALL_SIX[0]], categories: [1] },
  { recipientUnit: 'Urząd Miasta Lublin', practices: [ALL_SIX[1]], categories: [2] },
  { recipientUnit: 'Wydział Strategii i Obsługi Inwestorów Urzędu Miasta Lublin', practices: [ALL_SIX[2], ALL_SIX[3]], categories: [3] },
  { recipientUnit: 'Biuro Obsługi Mieszkańców Urzędu Miasta Lublin', practices: [ALL_SIX[5]], categories: [5] },
  { recipientUnit: 'Miejski Ośrodek Pomocy Rodzinie w Lublinie', practices: [ALL_SIX[4]], categories: [4] },
];

const AWARDS_2014 = [
  { recipientUnit: null, category: 'Zapraszanie migrantów', citation: /program Study in Lublin/ },
  { recipientUnit: 'Wydział Strategii i Obsługi Inwestorów Urzędu Miasta Lublin', category: 'Zatrudnianie cudzoziemców w urzędach lokalnych', citation: /Wydział Strategii i Obsługi Inwestorów/ },
  {
    recipientUnit: 'Miejski Ośrodek Pomocy Rodzinie w Lublinie, Urząd Miasta Lublin',
    category: 'Mieszkania chronione dla migrantów przymusowych',
    citation: /trzech mieszkań chronionych/,
  },
  { recipientUnit: 'Urząd Miasta Lublin', category: 'System zarządzania różnorodnością kulturową', citation: /trwałe mechanizmy/ },
];

/** Awards of an edition with their categories (by position, 1-based) and practice titles. */
const AWARDS_SQL = `
  SELECT a.recipient_unit AS "recipientUnit", a.citation, c.name AS city,
         (SELECT array_agg(cat.position + 1 ORDER BY cat.position) FROM award_category ac JOIN category cat ON cat.id = ac.category_id WHERE ac.award_id = a.id) AS categories,
         (SELECT array_agg(cat.name ORDER BY cat.position) FROM award_category ac JOIN category cat ON cat.id = ac.category_id WHERE ac.award_id = a.id) AS "categoryNames",
         (SELECT array_agg(p.title ORDER BY p.position) FROM award_practice ap JOIN practice p ON p.id = ap.practice_id WHERE ap.award_id = a.id) AS practices
    FROM award a JOIN edition e ON e.id = a.edition_id JOIN city c ON c.id = a.city_id
   WHERE e.year = $1 ORDER BY a.position`;

/** A fingerprint of every table the seed writes, to show that a second seed writes nothing. */
async function fingerprint(ds: DataSource): Promise<Record<string, string>> {
  const tables = ['city', 'app_user', 'role_grant', 'edition', 'edition_stage_event', 'category', 'report', 'practice', 'practice_category', 'award', 'award_category', 'award_practice', 'follow_up', 'outbox_event', 'audit_event'];
  const result: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await ds.query(`SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS print FROM ${table} t`);
    result[table] = row.print;
  }
  return result;
}

describe('demo data', () => {
  let t: TestApp;
  let ds: DataSource;
  let summary: DemoSeedSummary;
  let coordinator: SignedIn;
  let editions: Record<string, { id: string; year: number; name: string; stage: string; ceremony: { startsAt: string; venue: string; city: string } | null; reportsDueAt: string | null; scoringDueAt: string | null }>;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    summary = await seedDemo(ds);
    coordinator = await signIn(t.http, COORDINATOR, DEMO_PASSWORD);
    const list = await t.http.get('/api/editions').set(coordinator.auth).expect(200);
    editions = Object.fromEntries(list.body.items.map((edition: { year: number }) => [edition.year === 2014 || edition.year === 2015 ? String(edition.year) : 'demo', edition]));
  });
  afterAll(() => t.close());

  it('lists the published 2014 and 2015 editions and the Demo edition to the demo coordinator', async () => {
    expect(summary.seeded).toBe(true);
    expect(Object.keys(editions).sort()).toEqual(['2014', '2015', 'demo']);
    expect(editions['2014']).toMatchObject({ year: 2014, name: 'Miasta Otwarte 2014', stage: 'published', reportsDueAt: null, scoringDueAt: null });
    expect(editions['2015']).toMatchObject({ year: 2015, name: 'Miasta Otwarte 2015', stage: 'published', reportsDueAt: null, scoringDueAt: null });
    expect(editions.demo).toMatchObject({ name: 'Edycja demonstracyjna / Demo edition', stage: 'reportsOpen' });
    expect(editions.demo.year).toBeGreaterThan(2015);
  });

  it('has the 2015 ceremony: 14 May 2015, 15:30 Warsaw time, Synagoga pod Białym Bocianem, Wrocław', () => {
    const ceremony = editions['2015'].ceremony!;
    expect(ceremony).toEqual({ startsAt: '2015-05-14T13:30:00.000Z', venue: 'Synagoga pod Białym Bocianem', city: 'Wrocław' });
    expect(new Date(ceremony.startsAt).toLocaleString('sv-SE', { timeZone: 'Europe/Warsaw' })).toBe('2015-05-14 15:30:00');
  });

  it('keeps the 2014 ceremony in Warszawa without an invented day or hour', async () => {
    // The API shows a ceremony only with its start; the sources give "September 2014" only.
    expect(editions['2014'].ceremony).toBeNull();
    const [row] = await ds.query(`SELECT ceremony_starts_at, ceremony_venue, ceremony_city FROM edition WHERE year = 2014`);
    expect(row).toEqual({ ceremony_starts_at: null, ceremony_venue: null, ceremony_city: 'Warszawa' });
  });

  it('has the eleven 2015 categories with their exact Polish names and English and Ukrainian translations', async () => {
    const res = await t.http.get(`/api/editions/${editions['2015'].id}/categories`).set(coordinator.auth).expect(200);
    expect(res.body).toHaveLength(11);
    expect(res.body.map((category: { name: string }) => category.name)).toEqual(CATEGORIES_2015.map(([pl]) => pl));
    expect(res.body.map((category: { translations: { en: string } }) => category.translations.en)).toEqual(CATEGORIES_2015.map(([, en]) => en));
    for (const category of res.body) {
      expect(Object.keys(category.translations).sort()).toEqual(['en', 'uk']);
      expect(category.translations.uk).toMatch(/[а-яіїєґ]/i);
    }
    expect(res.body[4].translations.uk).toBe('Міський пункт обслуговування іноземців');
  });

  it('has 2014 categories of its own: the four of Lublin’s 2014 distinctions', async () => {
    const res = await t.http.get(`/api/editions/${editions['2014'].id}/categories`).set(coordinator.auth).expect(200);
    expect(res.body.map((category: { name: string }) => category.name)).toEqual(CATEGORIES_2014);
  });

  it('has the five 2015 jurors, each tied to a city, with their countries of origin', async () => {
    const res = await t.http.get(`/api/editions/${editions['2015'].id}/jurors`).set(coordinator.auth).expect(200);
    const jurors = res.body.map(({ name, countryOfOrigin, cityName }: Record<string, string>) => ({ name, countryOfOrigin, cityName }));
    expect(jurors.sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name))).toEqual(
      [...JURORS].sort((a, b) => a.name.localeCompare(b.name)),
    );
    // The sources name no juror's languages: none are invented.
    for (const juror of res.body) expect(juror.languages ?? []).toEqual([]);
  });

  it('has the 2015 experts of Warszawa, Kraków, Lublin, Poznań, Łódź and Gdańsk', async () => {
    const res = await t.http.get(`/api/editions/${editions['2015'].id}/experts`).set(coordinator.auth).expect(200);
    expect(res.body.map((expert: { cityName: string }) => expert.cityName).sort()).toEqual(['Gdańsk', 'Kraków', 'Lublin', 'Poznań', 'Warszawa', 'Łódź'].sort());
  });

  it('dates the publication as the sources do: 2015 at the ceremony, 2014 not at all (only "September 2014" is known)', async () => {
    const history = async (key: string) =>
      (await t.http.get(`/api/editions/${editions[key].id}/transitions`).set(coordinator.auth).expect(200)).body.history.map(
        (move: { from: string; to: string; at: string }) => `${move.from}→${move.to} ${move.at}`,
      );
    expect(await history('2015')).toEqual(['decided→published 2015-05-14T13:30:00.000Z']);
    expect(await history('2014')).toEqual([]);
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM outbox_event`);
    expect(count).toBe(0);
  });

  it('shows the public what the sources state: the forums, their periods and cities, the organisers, who received Lublin’s distinctions', async () => {
    const e2015 = (await t.http.get('/api/public/editions/2015/awards').expect(200)).body;
    expect(e2015.edition).toMatchObject({
      publishedAt: '2015-05-14T13:30:00.000Z',
      occasion: { name: 'IV Międzysektorowe Forum Lokalnych Polityk Migracyjnych', period: '14–17 maja 2015', city: 'Wrocław' },
      organisers: expect.stringContaining('Stowarzyszenie Homo Faber (Lublin)'),
    });
    expect(e2015.awards[0].receivedBy).toBe('Andrzej Wojewódzki, Sekretarz Miasta Lublin, w imieniu Prezydenta Miasta Lublin');
    expect(e2015.awards.slice(1).every((award: { receivedBy: string | null }) => award.receivedBy === null)).toBe(true);
    const e2014 = (await t.http.get('/api/public/editions/2014/awards').expect(200)).body;
    expect(e2014.edition).toMatchObject({ ceremony: null, publishedAt: null, occasion: { name: 'III Forum Polityk Migracyjnych', period: 'wrzesień 2014', city: 'Warszawa' } });
    expect(e2014.edition.organisers).toContain('Włącz się w Polskę');
  });

  it('marks the follow-up statuses that are inferred from the 2015 distinctions, and leaves the rest unknown', async () => {
    const rows: { status: string; assessment: string }[] = await ds.query(
      `SELECT f.status, f.assessment FROM follow_up f JOIN report r ON r.id = f.report_id JOIN edition e ON e.id = r.edition_id WHERE e.year = 2015`,
    );
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      if (row.status === 'unknown') expect(row.assessment).not.toMatch(/^Wniosek/);
      else expect(row.assessment).toMatch(/^Wniosek z wyróżnień 2015 r\. \(dane demonstracyjne, nie ocena eksperta\): /);
    }
  });

  it('has Lublin’s six 2015 distinctions with their recipients, categories and practices', async () => {
    const awards = await ds.query(AWARDS_SQL, [2015]);
    expect(awards).toHaveLength(6);
    expect(awards.map(({ recipientUnit, practices, categories }: Record<string, unknown>) => ({ recipientUnit, practices, categories }))).toEqual(AWARDS_2015);
    for (const award of awards) {
      expect(award.city).toBe('Lublin');
      expect(award.citation).toMatch(/^Wyróżnienie dla /);
    }
    // The President's distinction covers all six practices.
    expect(awards[0].practices).toHaveLength(6);
    expect(awards[0].citation).toContain('Prezydenta Miasta Lublin dr Krzysztofa Żuka');
  });

  it('has Lublin’s four 2014 distinctions with their recipients and categories', async () => {
    const awards = await ds.query(AWARDS_SQL, [2014]);
    expect(awards).toHaveLength(4);
    AWARDS_2014.forEach((expected, i) => {
      expect(awards[i].city).toBe('Lublin');
      expect(awards[i].recipientUnit).toBe(expected.recipientUnit);
      expect(awards[i].categoryNames).toEqual([expected.category]);
      expect(awards[i].practices).toHaveLength(1);
      expect(awards[i].citation).toMatch(expected.citation);
    });
    // No other city's distinctions are invented, in any edition.
    const [{ others }] = await ds.query(`SELECT count(*)::int AS others FROM award a JOIN city c ON c.id = a.city_id WHERE c.name <> 'Lublin'`);
    expect(others).toBe(0);
  });

  it('shows the submitted 2015 Lublin report with its six practices and the follow-ups of 2014', async () => {
    const [{ id }] = await ds.query(`SELECT r.id FROM report r JOIN edition e ON e.id = r.edition_id JOIN city c ON c.id = r.city_id WHERE e.year = 2015 AND c.name = 'Lublin'`);
    const res = await t.http.get(`/api/reports/${id}`).set(coordinator.auth).expect(200);
    expect(res.body).toMatchObject({ cityName: 'Lublin', status: 'submitted' });
    expect(res.body.practices.map((practice: { title: string; status: string; categories: { name: string }[] }) => [practice.title, practice.status, practice.categories.map((c) => c.name)])).toEqual(
      PRACTICES_2015.map(([title, category]) => [title, 'distinguished', [CATEGORIES_2015[category - 1][0]]]),
    );
    expect(res.body.practices[4].recipientUnits).toEqual(['Miejski Ośrodek Pomocy Rodzinie w Lublinie']);
    expect(res.body.practices[5].recipientUnits).toEqual(['Biuro Obsługi Mieszkańców Urzędu Miasta Lublin']);
    for (const practice of res.body.practices) expect(practice.description.length).toBeGreaterThan(20);

    const followUps = res.body.followUps as { status: string; assessment: string; award: { editionYear: number; citation: string } }[];
    expect(followUps).toHaveLength(4);
    expect(followUps.every((followUp) => followUp.award.editionYear === 2014)).toBe(true);
    const studyInLublin = followUps.find((followUp) => followUp.award.citation.includes('Study in Lublin'))!;
    expect(studyInLublin.status).toBe('continued');
    expect(studyInLublin.assessment).toMatch(/promocja polskich uczelni wśród cudzoziemców/);
  });

  it('has the four 2014 practices in a submitted Lublin report', async () => {
    const rows = await ds.query(
      `SELECT r.status AS report, p.title, p.status FROM practice p JOIN report r ON r.id = p.report_id JOIN edition e ON e.id = r.edition_id WHERE e.year = 2014 ORDER BY p.position`,
    );
    expect(rows).toEqual([
      { report: 'submitted', title: 'Program Study in Lublin', status: 'distinguished' },
      { report: 'submitted', title: 'Zatrudnianie cudzoziemców w urzędach lokalnych', status: 'distinguished' },
      { report: 'submitted', title: 'Mieszkania chronione dla migrantów przymusowych', status: 'distinguished' },
      { report: 'submitted', title: 'System zarządzania różnorodnością kulturową', status: 'distinguished' },
    ]);
  });

  it('signs in every printed account with the printed password, with the roles it was printed with', async () => {
    expect(summary.password).toBe(DEMO_PASSWORD);
    expect(summary.password.length).toBeGreaterThanOrEqual(12);
    expect(summary.accounts.map((account) => account.role).sort()).toEqual(
      ['coordinator', 'expert', 'expert', 'juror', 'juror', 'juror', 'juror', 'juror', 'cityOfficial', 'cityOfficial', ...Array(6).fill('expert')].sort(),
    );
    for (const account of summary.accounts) {
      expect(account.email).toMatch(/@demo\.miastaotwarte\.pl$/);
      const { auth } = await signIn(t.http, account.email, summary.password);
      const me = await t.http.get('/api/me').set(auth).expect(200);
      expect(me.body.roles.map((grant: { role: string }) => grant.role)).toContain(account.role);
    }
    const edward = await signIn(t.http, 'edward.krajczynski@demo.miastaotwarte.pl', summary.password);
    const me = await t.http.get('/api/me').set(edward.auth).expect(200);
    expect(me.body).toMatchObject({ name: 'Edward Krajczyński', locale: 'uk' });
    expect(me.body.roles).toHaveLength(2); // juror of 2015 and of the Demo edition
  });

  it('sets up the Demo edition for the expert’s side: deadlines ahead, two experts, five jurors, no report yet', async () => {
    const demo = editions.demo;
    const now = Date.now();
    expect(new Date(demo.reportsDueAt!).getTime()).toBeGreaterThan(now + 14 * 86_400_000);
    expect(new Date(demo.scoringDueAt!).getTime()).toBeGreaterThan(new Date(demo.reportsDueAt!).getTime());
    expect(new Date(demo.ceremony!.startsAt).getTime()).toBeGreaterThan(new Date(demo.scoringDueAt!).getTime());
    const experts = await t.http.get(`/api/editions/${demo.id}/experts`).set(coordinator.auth).expect(200);
    expect(experts.body.map((expert: { cityName: string; email: string }) => [expert.cityName, expert.email]).sort()).toEqual([
      ['Kraków', 'ekspert.krakow@demo.miastaotwarte.pl'],
      ['Lublin', 'ekspert.lublin@demo.miastaotwarte.pl'],
    ]);
    const jurors = await t.http.get(`/api/editions/${demo.id}/jurors`).set(coordinator.auth).expect(200);
    expect(jurors.body.map(({ name, countryOfOrigin, cityName }: Record<string, string>) => ({ name, countryOfOrigin, cityName })).sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name))).toEqual(
      [...JURORS].sort((a, b) => a.name.localeCompare(b.name)),
    );
    const categories = await t.http.get(`/api/editions/${demo.id}/categories`).set(coordinator.auth).expect(200);
    expect(categories.body.map((category: { name: string }) => category.name)).toEqual(CATEGORIES_2015.slice(0, 5).map(([pl]) => pl));
    const [{ reports }] = await ds.query(`SELECT count(*)::int AS reports FROM report WHERE edition_id = $1`, [demo.id]);
    expect(reports).toBe(0);
  });

  it('shows a Lublin official the city’s distinguished practices of the published editions', async () => {
    const official = await signIn(t.http, 'urzednik.lublin@demo.miastaotwarte.pl', DEMO_PASSWORD);
    const [{ id: lublinId }] = await ds.query(`SELECT id FROM city WHERE name = 'Lublin'`);
    const res = await t.http.get(`/api/cities/${lublinId}/status`).set(official.auth).expect(200);
    const byYear = Object.fromEntries(res.body.editions.map((edition: { year: number; practices: { status: string }[] }) => [edition.year, edition.practices.map((p) => p.status)]));
    expect(byYear[2015]).toEqual(Array(6).fill('distinguished'));
    expect(byYear[2014]).toEqual(Array(4).fill('distinguished'));
  });

  it('changes nothing when seeded again', async () => {
    const before = await fingerprint(ds);
    const again = await seedDemo(ds);
    expect(again.seeded).toBe(false);
    expect(again.accounts).toEqual(summary.accounts);
    expect(await fingerprint(ds)).toEqual(before);
  });

  it('lets the Demo edition’s Lublin expert open a report that follows up the 2015 distinctions', async () => {
    const expert = await signIn(t.http, 'ekspert.lublin@demo.miastaotwarte.pl', DEMO_PASSWORD);
    const [{ id: lublinId }] = await ds.query(`SELECT id FROM city WHERE name = 'Lublin'`);
    const report = await t.http.post(`/api/editions/${editions.demo.id}/reports`).set(expert.auth).send({ cityId: lublinId }).expect(201);
    const previous = await t.http.get(`/api/reports/${report.body.id}/previous-distinctions`).set(expert.auth).expect(200);
    expect(previous.body.map((award: { recipientUnit: string; editionYear: number }) => [award.editionYear, award.recipientUnit])).toEqual(
      AWARDS_2015.map((award) => [2015, award.recipientUnit]),
    );
  });
});

describe('demo data, seeded concurrently', () => {
  it('is loaded once when two seeders race on an empty database', async () => {
    const db = await createTestDatabase();
    const sources = [0, 1].map(() => new DataSource(buildDataSourceOptions(db.url, ALL_ENTITIES, { poolSize: 2 })));
    try {
      await Promise.all(sources.map((source) => source.initialize()));
      const results = await Promise.all(sources.map((source) => seedDemo(source)));
      expect(results.map((result) => result.seeded).sort()).toEqual([false, true]);
      const [{ editions, users }] = await sources[0].query(`SELECT (SELECT count(*)::int FROM edition) AS editions, (SELECT count(*)::int FROM app_user) AS users`);
      expect(editions).toBe(3);
      expect(users).toBe(results[0].accounts.length);
    } finally {
      await Promise.all(sources.map((source) => (source.isInitialized ? source.destroy() : undefined)));
      await db.drop();
    }
  });
});
