// A whole edition from draft to published through the API, the public payload checked field by
// field; race-safe finalise; the catalogue's search; follow-up linkage; and a crawl of every
// readable route before publication that must find no decision data.
import { DataSource } from 'typeorm';
import { createTestApp, DocumentedCheck, documentedAnswers, fetchOpenApiDocument, makeSignedInUser, makeUser, SignedIn, signIn, TestApp } from '@app/testing';
import { MATRIX } from './authz-matrix';

const uniform = (v: number) => ({ comprehensiveness: v, longTerm: v, governmentEngagement: v, effectiveness: v });
/** A text read without a language: the original, with its version (content-translations-more.e2e-spec.ts reads translations). */
const AS_WRITTEN = { language: 'pl', originalLanguage: 'pl', translated: false, outdated: false, requestedLanguage: null, original: null };

describe('deliberation, decisions and publication', () => {
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
  const move = (editionId: string, to: string, expected = 200) =>
    t.http.post(`/api/editions/${editionId}/transitions`).set(c()).send({ to }).expect(expected);

  /** Runs an edition up to deliberation through the API; returns everything the decisions need. */
  async function editionInDeliberation(year: number) {
    const edition = (await t.http.post('/api/editions').set(c()).send({
      year, name: `Miasta Otwarte ${year}`, ceremony: { startsAt: `${year}-05-14T15:30:00+02:00`, venue: 'Synagoga pod Białym Bocianem', city: 'Wrocław' },
    }).expect(201)).body;
    const categories = [];
    for (const name of ['Miejski punkt obsługi cudzoziemców', 'Kompleksowa pomoc społeczna dostępna dla cudzoziemców', 'Przestrzeń przyjazna imigrantom']) {
      categories.push((await t.http.post(`/api/editions/${edition.id}/categories`).set(c()).send({ name, translations: { en: `EN ${name}` } }).expect(201)).body);
    }
    const allCities = (await t.http.get('/api/cities?limit=200').set(c()).expect(200)).body.items as { id: string; name: string }[];
    const city = async (name: string) => allCities.find((x) => x.name === name) ?? (await t.http.post('/api/cities').set(c()).send({ name }).expect(201)).body;
    const lublin = await city('Lublin');
    const lodz = await city('Łódź');
    const experts: Record<string, SignedIn> = {};
    for (const [name, cityRow] of [['Lublin', lublin], ['Łódź', lodz]] as const) {
      const user = await makeUser(ds);
      await t.http.post(`/api/editions/${edition.id}/experts`).set(c()).send({ userId: user.id, cityId: cityRow.id }).expect(201);
      experts[name] = await signIn(t.http, user.email);
    }
    const jurors: SignedIn[] = [];
    for (let i = 0; i < 3; i++) {
      const user = await makeUser(ds);
      await t.http.post(`/api/editions/${edition.id}/jurors`).set(c()).send({ userId: user.id }).expect(201);
      jurors.push(await signIn(t.http, user.email));
    }
    await move(edition.id, 'reportsOpen');
    const practices: Record<string, string> = {};
    const reports: Record<string, string> = {};
    for (const [cityName, cityRow, items] of [
      ['Lublin', lublin, [
        ['punkt', 'Miejski punkt obsługi cudzoziemców', 'Punkt w Biurze Obsługi Mieszkańców.', 0, ['Biuro Obsługi Mieszkańców Urzędu Miasta Lublin']],
        ['mopr', 'Kompleksowa pomoc społeczna', 'MOPR pomaga cudzoziemcom; Study in Lublin zachęca do studiów.', 1, ['Miejski Ośrodek Pomocy Rodzinie w Lublinie']],
        ['odrzucona', 'Praktyka bez nagrody', 'Opis.', 2, []],
      ]],
      ['Łódź', lodz, [['lodz', 'Wielokulturowa Łódź', 'Przestrzeń przyjazna imigrantom w centrum miasta.', 2, ['Urząd Miasta Łodzi']]]],
    ] as const) {
      const e = experts[cityName].auth;
      const report = (await t.http.post(`/api/editions/${edition.id}/reports`).set(e).send({ cityId: cityRow.id }).expect(201)).body;
      reports[cityName] = report.id;
      for (const [key, title, description, category, units] of items) {
        practices[key] = (await t.http.post(`/api/reports/${report.id}/practices`).set(e)
          .send({ title, description, recipientUnits: units, categoryIds: [categories[category].id] }).expect(201)).body.id;
      }
      await t.http.post(`/api/reports/${report.id}/submit`).set(e).expect(200);
    }
    for (const key of Object.keys(practices)) {
      await t.http.post(`/api/practices/${practices[key]}/eligibility`).set(c()).send({ eligible: true }).expect(200);
    }
    await move(edition.id, 'juryScoring');
    for (const [j, juror] of jurors.entries()) {
      for (const [k, id] of Object.values(practices).entries()) {
        await t.http.put(`/api/practices/${id}/scores/mine`).set(juror.auth).send({ criteria: uniform(1 + ((j + k) % 5)), comment: `uwaga ${j}/${k}` }).expect(200);
      }
    }
    await move(edition.id, 'deliberation');
    return { edition, categories, lublin, lodz, practices, reports, experts, jurors };
  }

  it('runs a whole edition from draft to published and serves the public awards exactly', async () => {
    const world = await editionInDeliberation(2091);
    const { edition, categories, lublin, lodz, practices, jurors, experts } = world;

    // In deliberation the jury sees results, comments and notes; they cannot record awards.
    await t.http.get(`/api/editions/${edition.id}/results`).set(jurors[0].auth).expect(200);
    const comments = documented('GET /api/editions/{id}/comments', await t.http.get(`/api/editions/${edition.id}/comments`).set(jurors[1].auth).expect(200)).body;
    expect(comments).toHaveLength(12);
    documented('POST /api/editions/{id}/deliberation-notes',
      await t.http.post(`/api/editions/${edition.id}/deliberation-notes`).set(jurors[2].auth).send({ text: 'Punkt obsługi jest wzorcowy.' }).expect(201));
    const notes = documented('GET /api/editions/{id}/deliberation-notes', await t.http.get(`/api/editions/${edition.id}/deliberation-notes`).set(c()).expect(200)).body;
    expect(notes).toEqual([expect.objectContaining({ text: 'Punkt obsługi jest wzorcowy.', authorId: expect.any(String), createdAt: expect.any(String) })]);
    await t.http.post(`/api/editions/${edition.id}/awards`).set(jurors[0].auth).send({}).expect(403);

    // Awards: a unit may get one; one award may cover several practices and categories.
    const wrongCity = await t.http.post(`/api/editions/${edition.id}/awards`).set(c())
      .send({ cityId: lodz.id, categoryIds: [categories[0].id], practiceIds: [practices.punkt] }).expect(400);
    expect(wrongCity.body.details).toEqual([{ field: 'practiceIds', problem: 'must be eligible practices of that city in this edition' }]);
    const president = (await t.http.post(`/api/editions/${edition.id}/awards`).set(c()).send({
      cityId: lublin.id, recipientUnit: 'Prezydent Miasta Lublin', categoryIds: [categories[0].id, categories[1].id],
      practiceIds: [practices.punkt, practices.mopr], citation: 'Za kompleksowe działania na rzecz cudzoziemców.',
    }).expect(201)).body;
    const mopr = (await t.http.post(`/api/editions/${edition.id}/awards`).set(c()).send({
      cityId: lublin.id, recipientUnit: 'Miejski Ośrodek Pomocy Rodzinie w Lublinie', categoryIds: [categories[1].id], practiceIds: [practices.mopr],
    }).expect(201)).body;
    const lodzAward = (await t.http.post(`/api/editions/${edition.id}/awards`).set(c()).send({
      cityId: lodz.id, categoryIds: [categories[2].id], practiceIds: [practices.lodz], citation: 'Przestrzeń przyjazna imigrantom.',
    }).expect(201)).body;
    await t.http.patch(`/api/awards/${mopr.id}`).set(c()).send({ citation: 'Za kompleksową pomoc społeczną dostępną dla cudzoziemców.' }).expect(200);
    const temporary = (await t.http.post(`/api/editions/${edition.id}/awards`).set(c()).send({ cityId: lodz.id, recipientUnit: 'Jednostka tymczasowa', categoryIds: [categories[2].id], practiceIds: [practices.lodz] }).expect(201)).body;
    await t.http.delete(`/api/awards/${temporary.id}`).set(c()).expect(204);

    // Finalise, then every later write to awards, scores and conflicts is 409.
    await move(edition.id, 'decided');
    const statuses = await ds.query(`SELECT p.title, p.status FROM practice p JOIN report r ON r.id = p.report_id WHERE r.edition_id = $1 ORDER BY p.title`, [edition.id]);
    expect(statuses).toEqual([
      { title: 'Kompleksowa pomoc społeczna', status: 'distinguished' },
      { title: 'Miejski punkt obsługi cudzoziemców', status: 'distinguished' },
      { title: 'Praktyka bez nagrody', status: 'notDistinguished' },
      { title: 'Wielokulturowa Łódź', status: 'distinguished' },
    ]);
    await t.http.patch(`/api/awards/${mopr.id}`).set(c()).send({ citation: 'late' }).expect(409);
    await t.http.delete(`/api/awards/${mopr.id}`).set(c()).expect(409);
    await t.http.post(`/api/editions/${edition.id}/awards`).set(c()).send({ cityId: lodz.id, categoryIds: [categories[2].id], practiceIds: [practices.lodz] }).expect(409);
    await t.http.put(`/api/practices/${practices.lodz}/scores/mine`).set(jurors[0].auth).send({ criteria: uniform(5) }).expect(409);
    await t.http.post(`/api/practices/${practices.lodz}/conflicts`).set(jurors[0].auth).send({ reason: 'late conflict' }).expect(409);

    // Before publication nothing is public, and the expert sees no decision.
    await t.http.get('/api/public/editions/2091/awards').expect(404);
    const ownReport = (await t.http.get(`/api/reports/${world.reports['Łódź']}`).set(experts['Łódź'].auth).expect(200)).body;
    expect(ownReport.practices.map((p: { status: string }) => p.status)).toEqual(['eligible']);

    await move(edition.id, 'published');
    const editions = documented('GET /api/public/editions', await t.http.get('/api/public/editions').expect(200)).body;
    expect(editions).toContainEqual({
      year: 2091, name: 'Miasta Otwarte 2091',
      ceremony: { startsAt: '2091-05-14T13:30:00+00:00', venue: 'Synagoga pod Białym Bocianem', city: 'Wrocław' },
      publishedAt: expect.any(String),
      occasion: null,
      organisers: null,
    });
    const response = documented('GET /api/public/editions/{year}/awards', await t.http.get('/api/public/editions/2091/awards').expect(200));
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    await t.http.get('/api/public/editions/2091/awards').set('if-none-match', response.headers.etag).expect(304);
    const body = response.body;
    expect(body.edition).toMatchObject({ year: 2091, name: 'Miasta Otwarte 2091' });
    expect(body.awards).toEqual([
      {
        id: president.id,
        city: { id: lublin.id, name: 'Lublin' },
        recipientUnit: 'Prezydent Miasta Lublin',
        categories: [
          { id: categories[0].id, name: 'Miejski punkt obsługi cudzoziemców', translations: { en: 'EN Miejski punkt obsługi cudzoziemców' } },
          { id: categories[1].id, name: 'Kompleksowa pomoc społeczna dostępna dla cudzoziemców', translations: { en: 'EN Kompleksowa pomoc społeczna dostępna dla cudzoziemców' } },
        ],
        practices: [
          { id: practices.punkt, title: 'Miejski punkt obsługi cudzoziemców' },
          { id: practices.mopr, title: 'Kompleksowa pomoc społeczna' },
        ],
        citation: 'Za kompleksowe działania na rzecz cudzoziemców.',
        receivedBy: null,
        // No worker runs here: the certificates are issued by it (test/certificates.e2e-spec.ts).
        certificates: [],
        citationVersion: AS_WRITTEN,
      },
      {
        id: mopr.id,
        city: { id: lublin.id, name: 'Lublin' },
        recipientUnit: 'Miejski Ośrodek Pomocy Rodzinie w Lublinie',
        categories: [{ id: categories[1].id, name: 'Kompleksowa pomoc społeczna dostępna dla cudzoziemców', translations: { en: 'EN Kompleksowa pomoc społeczna dostępna dla cudzoziemców' } }],
        practices: [{ id: practices.mopr, title: 'Kompleksowa pomoc społeczna' }],
        citation: 'Za kompleksową pomoc społeczną dostępną dla cudzoziemców.',
        receivedBy: null,
        certificates: [],
        citationVersion: AS_WRITTEN,
      },
      {
        id: lodzAward.id,
        city: { id: lodz.id, name: 'Łódź' },
        recipientUnit: null,
        categories: [{ id: categories[2].id, name: 'Przestrzeń przyjazna imigrantom', translations: { en: 'EN Przestrzeń przyjazna imigrantom' } }],
        practices: [{ id: practices.lodz, title: 'Wielokulturowa Łódź' }],
        citation: 'Przestrzeń przyjazna imigrantom.',
        receivedBy: null,
        certificates: [],
        citationVersion: AS_WRITTEN,
      },
    ]);

    // The catalogue finds practices without diacritics and by word prefixes.
    const search = async (q: string, extra = '') =>
      ((await t.http.get(`/api/public/practices?q=${encodeURIComponent(q)}${extra}`).expect(200)).body.items as { title: string }[]).map((p) => p.title);
    expect(await search('lodz', '&year=2091')).toEqual(['Wielokulturowa Łódź']);
    expect(await search('Łódź', '&year=2091')).toEqual(['Wielokulturowa Łódź']);
    expect(await search('studia', '&year=2091')).toEqual(['Kompleksowa pomoc społeczna']);
    expect(await search('pomoc', '&city=Lodz&year=2091')).toEqual([]);
    const all = documented('GET /api/public/practices', await t.http.get('/api/public/practices?year=2091&limit=2').expect(200)).body;
    expect(all.total).toBe(3);
    expect(all.items).toHaveLength(2);
    const byCategory = (await t.http.get(`/api/public/practices?category=${encodeURIComponent('Przestrzeń przyjazna imigrantom')}&year=2091`).expect(200)).body;
    expect(byCategory.items.map((p: { title: string }) => p.title)).toEqual(['Wielokulturowa Łódź']);
    // Officials now see their city's distinctions.
    const official = await makeSignedInUser(ds, t.http, 'cityOfficial', { cityId: lublin.id });
    const status = documented('GET /api/cities/{id}/status', await t.http.get(`/api/cities/${lublin.id}/status?editionId=${edition.id}`).set(official.auth).expect(200)).body;
    expect(status.editions[0].awards.map((a: { recipientUnit: string }) => a.recipientUnit)).toEqual(['Prezydent Miasta Lublin', 'Miejski Ośrodek Pomocy Rodzinie w Lublinie']);
    expect(status.editions[0].practices.map((p: { status: string }) => p.status).sort()).toEqual(['distinguished', 'distinguished', 'notDistinguished']);
  });

  it('gives exactly one 200 and 49 × 409 for 50 concurrent finalise requests, with one outbox event', async () => {
    const { edition, lublin, categories, practices } = await editionInDeliberation(2092);
    const noAward = documented('POST /api/editions/{id}/transitions', await move(edition.id, 'decided', 409));
    expect(noAward.body).toMatchObject({ code: 'transition_blocked', blockers: ['record at least one award'], blockerDetails: [{ code: 'no_award', message: 'record at least one award' }] });
    await t.http.post(`/api/editions/${edition.id}/awards`).set(c()).send({ cityId: lublin.id, categoryIds: [categories[0].id], practiceIds: [practices.punkt] }).expect(201);
    const results = await Promise.all(Array.from({ length: 50 }, () => t.http.post(`/api/editions/${edition.id}/transitions`).set(c()).send({ to: 'decided' })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(49);
    const events = await ds.query(`SELECT count(*)::int AS count FROM outbox_event WHERE type = 'edition.stageChanged' AND payload->>'editionId' = $1 AND payload->>'to' = 'decided'`, [edition.id]);
    expect(events[0].count).toBe(1);
  });

  it('shows a distinguished practice’s follow-ups from the later edition’s report', async () => {
    const earlier = await editionInDeliberation(2093);
    const award = (await t.http.post(`/api/editions/${earlier.edition.id}/awards`).set(c()).send({
      cityId: earlier.lublin.id, recipientUnit: 'Miejski Ośrodek Pomocy Rodzinie w Lublinie', categoryIds: [earlier.categories[1].id], practiceIds: [earlier.practices.mopr],
    }).expect(201)).body;
    await move(earlier.edition.id, 'decided');
    await move(earlier.edition.id, 'published');

    const later = (await t.http.post('/api/editions').set(c()).send({ year: 2094, name: 'Miasta Otwarte 2094' }).expect(201)).body;
    const category = (await t.http.post(`/api/editions/${later.id}/categories`).set(c()).send({ name: 'Kontynuacje' }).expect(201)).body;
    const expert = await makeUser(ds);
    await t.http.post(`/api/editions/${later.id}/experts`).set(c()).send({ userId: expert.id, cityId: earlier.lublin.id }).expect(201);
    await move(later.id, 'reportsOpen');
    const e = (await signIn(t.http, expert.email)).auth;
    const report = documented('POST /api/editions/{id}/reports', await t.http.post(`/api/editions/${later.id}/reports`).set(e).send({ cityId: earlier.lublin.id }).expect(201)).body;
    const candidates = documented('GET /api/reports/{id}/previous-distinctions', await t.http.get(`/api/reports/${report.id}/previous-distinctions`).set(e).expect(200)).body;
    expect(candidates).toEqual([expect.objectContaining({ id: award.id, recipientUnit: 'Miejski Ośrodek Pomocy Rodzinie w Lublinie', editionYear: 2093 })]);
    await t.http.post(`/api/reports/${report.id}/follow-ups`).set(e).send({ awardId: award.id, status: 'expanded', assessment: 'MOPR rozszerzył pomoc o kursy języka polskiego.' }).expect(201);
    await t.http.post(`/api/reports/${report.id}/follow-ups`).set(e).send({ awardId: award.id, status: 'continued', assessment: 'again' }).expect(409);
    await t.http.post(`/api/reports/${report.id}/practices`).set(e).send({ title: 'Nowa', description: 'Opis', recipientUnits: [], categoryIds: [category.id] }).expect(201);
    await t.http.post(`/api/reports/${report.id}/submit`).set(e).expect(200);

    // Unpublished later edition: the follow-up is not public yet.
    const before = (await t.http.get(`/api/public/practices/${earlier.practices.mopr}`).expect(200)).body;
    expect(before.followUps).toEqual([]);
    await ds.query(`UPDATE edition SET stage = 'published' WHERE id = $1`, [later.id]);
    const after = documented('GET /api/public/practices/{id}', await t.http.get(`/api/public/practices/${earlier.practices.mopr}`).expect(200)).body;
    expect(after.awards).toEqual([{ id: award.id, recipientUnit: 'Miejski Ośrodek Pomocy Rodzinie w Lublinie', citation: null, citationVersion: AS_WRITTEN }]);
    expect(after.followUps).toEqual([
      { id: expect.any(String), year: 2094, status: 'expanded', assessment: 'MOPR rozszerzył pomoc o kursy języka polskiego.', awardId: award.id, assessmentVersion: AS_WRITTEN },
    ]);
  });

  // The crawl grows with every readable route (35 s alone on a loaded two-core machine): more than the default minute.
  it('lets no decision leak before publication: a crawl of every readable route as every outsider', async () => {
    const world = await editionInDeliberation(2095);
    const secret = 'TAJNE-UZASADNIENIE-2095';
    const award = (await t.http.post(`/api/editions/${world.edition.id}/awards`).set(c()).send({
      cityId: world.lublin.id, recipientUnit: 'JEDNOSTKA-TAJNA-2095', categoryIds: [world.categories[0].id], practiceIds: [world.practices.punkt], citation: secret,
    }).expect(201)).body;
    await move(world.edition.id, 'decided');

    const officialSame = await makeSignedInUser(ds, t.http, 'cityOfficial', { cityId: world.lublin.id });
    const officialOther = await makeSignedInUser(ds, t.http, 'cityOfficial', { cityId: world.lodz.id });
    const principals: Record<string, Record<string, string>> = {
      anonymous: {},
      expertLublin: world.experts['Lublin'].auth,
      expertLodz: world.experts['Łódź'].auth,
      officialLublin: officialSame.auth,
      officialLodz: officialOther.auth,
    };
    const ids: Record<string, string> = {
      id: world.edition.id, year: '2095', userId: '00000000-0000-4000-8000-000000000000', assignmentId: '00000000-0000-4000-8000-000000000000',
      fileId: '00000000-0000-4000-8000-000000000000',
    };
    const objectFor: Record<string, string[]> = {
      // Every object an outsider might name: the edition, both cities, both reports, each practice, the award.
      id: [world.edition.id, world.lublin.id, world.lodz.id, world.reports['Lublin'], world.reports['Łódź'], ...Object.values(world.practices), award.id],
    };
    const getRoutes = Object.keys(MATRIX).filter((route) => route.startsWith('GET '));
    const leaks: string[] = [];
    let readable = 0;
    for (const route of getRoutes) {
      const template = route.slice(4);
      const candidates = template.includes('{id}') ? objectFor.id.map((id) => template.replace('{id}', id)) : [template];
      for (const candidate of candidates) {
        const path = candidate.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name] ?? '');
        for (const [who, headers] of Object.entries(principals)) {
          for (const query of path.endsWith('/status') ? ['', `?editionId=${world.edition.id}`] : ['']) {
            const res = await t.http.get(`${path}${query}`).set(headers);
            if (res.status !== 200) continue;
            readable++;
            const text = typeof res.text === 'string' ? res.text : JSON.stringify(res.body);
            for (const marker of [secret, 'JEDNOSTKA-TAJNA-2095', award.id, '"score"']) {
              if (text.includes(marker)) leaks.push(`${route} (${path}${query}) as ${who} shows ${marker}`);
            }
            // A decided status on one of this edition's practices (earlier, published editions may show theirs).
            const practiceIds = new Set(Object.values(world.practices));
            const walk = (value: unknown): void => {
              if (Array.isArray(value)) return value.forEach(walk);
              if (value && typeof value === 'object') {
                const object = value as Record<string, unknown>;
                if (practiceIds.has(object.id as string) && /istinguished/.test(String(object.status))) {
                  leaks.push(`${route} (${path}${query}) as ${who} shows status ${object.status}`);
                }
                Object.values(object).forEach(walk);
              }
            };
            if (res.type === 'application/json') walk(res.body);
          }
        }
      }
    }
    expect(readable).toBeGreaterThan(20);
    expect(leaks).toEqual([]);
  }, 180_000);

  it('gives each practice of a distinction its own follow-up status, the old field kept for the whole distinction', async () => {
    const earlier = await editionInDeliberation(2096);
    const award = (await t.http.post(`/api/editions/${earlier.edition.id}/awards`).set(c()).send({
      cityId: earlier.lublin.id, recipientUnit: 'Urząd Miasta Lublin', categoryIds: [earlier.categories[0].id], practiceIds: [earlier.practices.punkt, earlier.practices.mopr],
    }).expect(201)).body;
    await move(earlier.edition.id, 'decided');
    await move(earlier.edition.id, 'published');
    const later = (await t.http.post('/api/editions').set(c()).send({ year: 2097, name: 'Miasta Otwarte 2097' }).expect(201)).body;
    await t.http.post(`/api/editions/${later.id}/categories`).set(c()).send({ name: 'Kontynuacje' }).expect(201);
    const expert = await makeUser(ds);
    await t.http.post(`/api/editions/${later.id}/experts`).set(c()).send({ userId: expert.id, cityId: earlier.lublin.id }).expect(201);
    await move(later.id, 'reportsOpen');
    const e = (await signIn(t.http, expert.email)).auth;
    const report = (await t.http.post(`/api/editions/${later.id}/reports`).set(e).send({ cityId: earlier.lublin.id }).expect(201)).body;

    const candidates = documented('GET /api/reports/{id}/previous-distinctions', await t.http.get(`/api/reports/${report.id}/previous-distinctions`).set(e).expect(200)).body;
    expect(candidates[0].practices.map((p: { id: string }) => p.id).sort()).toEqual([earlier.practices.punkt, earlier.practices.mopr].sort());

    const url = `/api/reports/${report.id}/follow-ups`;
    const assessment = 'Punkt zamknięto, MOPR rozszerzył pomoc.';
    const missing = await t.http.post(url).set(e).send({ awardId: award.id, assessment, practices: [{ practiceId: earlier.practices.punkt, status: 'discontinued' }] }).expect(400);
    expect(JSON.stringify(missing.body)).toMatch(/practices/);
    const foreign = await t.http.post(url).set(e).send({ awardId: award.id, assessment, practices: [{ practiceId: earlier.practices.punkt, status: 'discontinued' }, { practiceId: earlier.practices.mopr, status: 'expanded' }, { practiceId: earlier.practices.lodz, status: 'unknown' }] }).expect(400);
    expect(JSON.stringify(foreign.body)).toMatch(/practices/);
    const noStatus = await t.http.post(url).set(e).send({ awardId: award.id, assessment }).expect(400);
    expect(JSON.stringify(noStatus.body)).toMatch(/status/);

    const created = documented('POST /api/reports/{id}/follow-ups', await t.http.post(url).set(e).send({
      awardId: award.id, assessment, practices: [{ practiceId: earlier.practices.punkt, status: 'discontinued' }, { practiceId: earlier.practices.mopr, status: 'expanded' }],
    }).expect(201)).body;
    expect(created.status).toBe('expanded');
    expect(created.practices).toEqual([
      { practiceId: earlier.practices.punkt, title: 'Miejski punkt obsługi cudzoziemców', status: 'discontinued' },
      { practiceId: earlier.practices.mopr, title: 'Kompleksowa pomoc społeczna', status: 'expanded' },
    ]);
    const reread = (await t.http.get(`/api/reports/${report.id}`).set(e).expect(200)).body;
    expect(reread.followUps[0]).toMatchObject({ status: 'expanded', practices: created.practices });

    // Published, each practice's page shows its own status.
    await ds.query(`UPDATE edition SET stage = 'published' WHERE id = $1`, [later.id]);
    const punkt = (await t.http.get(`/api/public/practices/${earlier.practices.punkt}`).expect(200)).body;
    const mopr = (await t.http.get(`/api/public/practices/${earlier.practices.mopr}`).expect(200)).body;
    expect(punkt.followUps).toEqual([expect.objectContaining({ year: 2097, status: 'discontinued' })]);
    expect(mopr.followUps).toEqual([expect.objectContaining({ year: 2097, status: 'expanded' })]);
  });
});
