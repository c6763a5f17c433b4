// The expert stage end to end, as the issue walks it, plus uploads, races and stage guards.
import { DataSource } from 'typeorm';
import { binaryBody, createTestApp, DocumentedCheck, documentedAnswers, fetchOpenApiDocument, grantRole, makeEdition, makeSignedInUser, makeUser, PDF_BYTES, SignedIn, signIn, TestApp } from '@app/testing';

describe('expert stage', () => {
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

  /** An edition in reportsOpen with Lublin and Kraków experts; returns what the walk needs. */
  async function openEdition(year: number) {
    const c = coordinator.auth;
    const edition = (await t.http.post('/api/editions').set(c).send({ year, name: `Miasta Otwarte ${year}` }).expect(201)).body;
    expect(edition).toMatchObject({ year, stage: 'draft', allowedTransitions: ['reportsOpen'] });

    // Guards: no category, no expert yet.
    const blocked = documented('POST /api/editions/{id}/transitions', await t.http.post(`/api/editions/${edition.id}/transitions`).set(c).send({ to: 'reportsOpen' }).expect(409));
    expect(blocked.body).toMatchObject({
      code: 'transition_blocked',
      blockers: ['add at least one category', 'assign at least one expert'],
      blockerDetails: [
        { code: 'no_category', message: 'add at least one category' },
        { code: 'no_expert', message: 'assign at least one expert' },
      ],
    });
    const skip = await t.http.post(`/api/editions/${edition.id}/transitions`).set(c).send({ to: 'published' }).expect(409);
    expect(skip.body).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'invalid_transition', allowed: ['reportsOpen'] });

    const strategy = (await t.http.post(`/api/editions/${edition.id}/categories`).set(c)
      .send({ name: 'Miejska strategia dotycząca różnorodności kulturowej oraz integracji imigrantów', translations: { en: 'City strategy on cultural diversity', uk: 'Міська стратегія' } }).expect(201)).body;
    const servicePoint = (await t.http.post(`/api/editions/${edition.id}/categories`).set(c).send({ name: 'Miejski punkt obsługi cudzoziemców' }).expect(201)).body;
    const cities = (await t.http.get('/api/cities?limit=200').set(c).expect(200)).body.items as { id: string; name: string }[];
    const city = async (name: string) =>
      cities.find((x) => x.name === name) ?? (await t.http.post('/api/cities').set(c).send({ name }).expect(201)).body;
    const lublin = await city('Lublin');
    const krakow = await city('Kraków');

    const lublinExpert = await makeUser(ds);
    const krakowExpert = await makeUser(ds);
    await t.http.post(`/api/editions/${edition.id}/experts`).set(c).send({ userId: lublinExpert.id, cityId: lublin.id }).expect(201);
    await t.http.post(`/api/editions/${edition.id}/experts`).set(c).send({ userId: krakowExpert.id, cityId: krakow.id }).expect(201);
    const duplicate = await t.http.post(`/api/editions/${edition.id}/experts`).set(c).send({ userId: krakowExpert.id, cityId: lublin.id }).expect(409);
    expect(duplicate.body.code).toBe('already_assigned');

    const opened = await t.http.post(`/api/editions/${edition.id}/transitions`).set(c).send({ to: 'reportsOpen' }).expect(200);
    expect(opened.body.stage).toBe('reportsOpen');
    return {
      edition,
      lublin,
      krakow,
      categories: [strategy, servicePoint],
      lublinExpert: await signIn(t.http, lublinExpert.email),
      krakowExpert: await signIn(t.http, krakowExpert.email),
    };
  }

  it('walks the expert stage: report, practices, PDF, submit, freeze, eligibility, city status', async () => {
    const { edition, lublin, krakow, categories, lublinExpert, krakowExpert } = await openEdition(2101 - 1);
    const e = lublinExpert.auth;

    // Kraków's expert cannot start Lublin's report.
    await t.http.post(`/api/editions/${edition.id}/reports`).set(krakowExpert.auth).send({ cityId: lublin.id }).expect(403);
    const report = documented('POST /api/editions/{id}/reports', await t.http.post(`/api/editions/${edition.id}/reports`).set(e).send({ cityId: lublin.id }).expect(201)).body;
    expect(report).toEqual({ id: expect.any(String), status: 'draft', editionId: edition.id, cityId: lublin.id });
    const again = await t.http.post(`/api/editions/${edition.id}/reports`).set(e).send({ cityId: lublin.id }).expect(409);
    expect(again.body).toMatchObject({ code: 'report_exists', reportId: report.id });

    await t.http.patch(`/api/reports/${report.id}`).set(e).send({ summary: 'Lublin rozwija kompleksową politykę integracji.' }).expect(200);
    const practice = (await t.http.post(`/api/reports/${report.id}/practices`).set(e).send({
      title: 'Miejski punkt obsługi cudzoziemców',
      description: 'Punkt w Biurze Obsługi Mieszkańców pomaga cudzoziemcom załatwić sprawy w urzędzie.',
      recipientUnits: ['Biuro Obsługi Mieszkańców Urzędu Miasta Lublin'],
      categoryIds: [categories[1].id],
      startedOn: '2013-06-01',
      links: ['https://lublin.eu/'],
    }).expect(201)).body;
    expect(practice).toMatchObject({ status: 'draft', cityName: 'Lublin', categories: [{ id: categories[1].id, name: 'Miejski punkt obsługi cudzoziemców' }], startedOn: '2013-06-01' });
    const second = (await t.http.post(`/api/reports/${report.id}/practices`).set(e).send({
      title: 'Strategia różnorodności', description: 'Miejska strategia.', recipientUnits: ['Kancelaria Prezydenta Miasta Lublin'], categoryIds: [categories[0].id],
    }).expect(201)).body;
    const badCategory = await t.http.post(`/api/reports/${report.id}/practices`).set(e)
      .send({ title: 'X', description: 'Y', recipientUnits: [], categoryIds: ['00000000-0000-4000-8000-000000000000'] }).expect(400);
    expect(badCategory.body.details).toEqual([{ field: 'categoryIds', problem: 'must name categories of this edition' }]);

    const upload = await t.http.post(`/api/reports/${report.id}/files`).set(e).attach('file', PDF_BYTES, { filename: 'Raport Łódź – 2015.pdf', contentType: 'application/octet-stream' }).expect(201);
    expect(upload.body).toMatchObject({ filename: 'Raport Łódź – 2015.pdf', contentType: 'application/pdf', size: PDF_BYTES.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    // Kraków's expert sees nothing of Lublin's report.
    await t.http.get(`/api/reports/${report.id}`).set(krakowExpert.auth).expect(404);
    await t.http.get(`/api/reports/${report.id}/files/${upload.body.id}`).set(krakowExpert.auth).expect(404);
    await t.http.patch(`/api/practices/${practice.id}`).set(krakowExpert.auth).send({ title: 'hijack' }).expect(404);

    const download = await t.http.get(`/api/reports/${report.id}/files/${upload.body.id}`).set(e).buffer(true).parse(binaryBody).expect(200);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Raport Lodz _ 2015.pdf"; filename*=UTF-8''Raport%20%C5%81%C3%B3d%C5%BA%20%E2%80%93%202015.pdf`);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(download.body as Buffer, PDF_BYTES)).toBe(0);

    // Submit freezes the report.
    const submitted = await t.http.post(`/api/reports/${report.id}/submit`).set(e).expect(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.practices.map((p: { status: string }) => p.status)).toEqual(['submitted', 'submitted']);
    for (const edit of [
      t.http.patch(`/api/reports/${report.id}`).set(e).send({ summary: 'late' }),
      t.http.patch(`/api/practices/${practice.id}`).set(e).send({ title: 'late' }),
      t.http.delete(`/api/practices/${second.id}`).set(e),
      t.http.post(`/api/reports/${report.id}/practices`).set(e).send({ title: 'late', description: 'late', recipientUnits: [], categoryIds: [categories[0].id] }),
      t.http.post(`/api/reports/${report.id}/files`).set(e).attach('file', PDF_BYTES, 'late.pdf'),
      t.http.post(`/api/reports/${report.id}/submit`).set(e),
    ]) {
      const res = await edit;
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'report_submitted' });
    }

    // Eligibility: a reason is required for ineligible.
    const noReason = await t.http.post(`/api/practices/${second.id}/eligibility`).set(coordinator.auth).send({ eligible: false }).expect(400);
    expect(noReason.body.details).toEqual([{ field: 'reason', problem: 'is required when a practice is ineligible' }]);
    await t.http.post(`/api/practices/${practice.id}/eligibility`).set(coordinator.auth).send({ eligible: true }).expect(200);
    const ineligible = await t.http.post(`/api/practices/${second.id}/eligibility`).set(coordinator.auth).send({ eligible: false, reason: 'Działanie jeszcze nie wdrożone.' }).expect(200);
    expect(ineligible.body).toMatchObject({ status: 'ineligible', eligibilityReason: 'Działanie jeszcze nie wdrożone.' });
    const listed = documented('GET /api/editions/{id}/practices', await t.http.get(`/api/editions/${edition.id}/practices?status=eligible`).set(coordinator.auth).expect(200));
    expect(listed.body).toEqual({ items: [expect.objectContaining({ id: practice.id, status: 'eligible' })], total: 1 });

    // A Lublin official sees statuses and history, no scores and no awards.
    const lublinOfficial = await makeSignedInUser(ds, t.http, 'cityOfficial', { cityId: lublin.id });
    const status = documented('GET /api/cities/{id}/status', await t.http.get(`/api/cities/${lublin.id}/status?editionId=${edition.id}`).set(lublinOfficial.auth).expect(200)).body;
    expect(status.city).toEqual({ id: lublin.id, name: 'Lublin', region: null });
    expect(status.editions).toHaveLength(1);
    expect(status.editions[0]).toMatchObject({ editionId: edition.id, stage: 'reportsOpen', report: { id: report.id, status: 'submitted' } });
    const byTitle = Object.fromEntries(status.editions[0].practices.map((p: { title: string }) => [p.title, p]));
    expect(byTitle['Miejski punkt obsługi cudzoziemców']).toMatchObject({ status: 'eligible', history: [{ status: 'submitted' }, { status: 'eligible' }] });
    expect(byTitle['Strategia różnorodności']).toMatchObject({ status: 'ineligible', eligibilityReason: 'Działanie jeszcze nie wdrożone.' });
    expect(status.editions[0].awards).toEqual([]);
    expect(JSON.stringify(status)).not.toMatch(/score|distinguished/i);

    // A Kraków official sees nothing of Lublin.
    const krakowOfficial = await makeSignedInUser(ds, t.http, 'cityOfficial', { cityId: krakow.id });
    await t.http.get(`/api/cities/${lublin.id}/status`).set(krakowOfficial.auth).expect(404);
    const own = documented('GET /api/cities/{id}/status', await t.http.get(`/api/cities/${krakow.id}/status?editionId=${edition.id}`).set(krakowOfficial.auth).expect(200)).body;
    expect(own.editions[0]).toMatchObject({ report: null, practices: [] });
  });

  it('rejects a renamed EXE, a 21 MiB file and a path as a file name, storing nothing', async () => {
    const { edition, lublin, lublinExpert } = await openEdition(2101 - 2);
    const e = lublinExpert.auth;
    const report = (await t.http.post(`/api/editions/${edition.id}/reports`).set(e).send({ cityId: lublin.id }).expect(201)).body;
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90), Buffer.from('This program cannot be run in DOS mode.')]);
    const renamedRes = await t.http.post(`/api/reports/${report.id}/files`).set(e).attach('file', exe, { filename: 'raport.pdf', contentType: 'application/pdf' });
    expect([renamedRes.status, renamedRes.body]).toEqual([400, expect.anything()]);
    const renamed = renamedRes;
    expect(renamed.body.details).toEqual([{ field: 'file', problem: 'must be a PDF, DOCX or ODT document (checked by content)' }]);
    const huge = Buffer.concat([PDF_BYTES, Buffer.alloc(21 * 1024 * 1024, 0x20)]);
    const big = await t.http.post(`/api/reports/${report.id}/files`).set(e).attach('file', huge, 'duzy.pdf').expect(400);
    expect(big.body.details).toEqual([{ field: 'file', problem: 'must be at most 20 MiB' }]);
    // Built by hand: HTTP clients strip directories from file names themselves.
    const boundary = 'oc-boundary-1234';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="../../etc/passwd"\r\nContent-Type: application/pdf\r\n\r\n`),
      PDF_BYTES,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const traversal = await t.http.post(`/api/reports/${report.id}/files`).set(e).set('content-type', `multipart/form-data; boundary=${boundary}`).send(body).expect(400);
    expect(traversal.body.details).toEqual([{ field: 'file', problem: 'has a file name that is a path or has control characters' }]);
    const files = await ds.query('SELECT count(*)::int AS count FROM report_file WHERE report_id = $1', [report.id]);
    expect(files[0].count).toBe(0);
    const { readdirSync, existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    const incoming = join(t.config.DATA_DIR, 'files', 'incoming');
    expect(existsSync(incoming) ? readdirSync(incoming) : []).toEqual([]);
  });

  it('gives one 200 and nineteen 409 for 20 concurrent submits, with one outbox event', async () => {
    const { edition, lublin, categories, lublinExpert } = await openEdition(2101 - 3);
    const e = lublinExpert.auth;
    const report = (await t.http.post(`/api/editions/${edition.id}/reports`).set(e).send({ cityId: lublin.id }).expect(201)).body;
    await t.http.post(`/api/reports/${report.id}/practices`).set(e).send({ title: 'P', description: 'D', recipientUnits: [], categoryIds: [categories[0].id] }).expect(201);
    const results = await Promise.all(Array.from({ length: 20 }, () => t.http.post(`/api/reports/${report.id}/submit`).set(e)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const events = await ds.query(`SELECT count(*)::int AS count FROM outbox_event WHERE type = 'report.submitted' AND payload->>'reportId' = $1`, [report.id]);
    expect(events[0].count).toBe(1);
  });

  it('refuses submission without practices and after the deadline', async () => {
    const { edition, lublin, categories, lublinExpert } = await openEdition(2101 - 4);
    const e = lublinExpert.auth;
    const report = (await t.http.post(`/api/editions/${edition.id}/reports`).set(e).send({ cityId: lublin.id }).expect(201)).body;
    const empty = await t.http.post(`/api/reports/${report.id}/submit`).set(e).expect(409);
    expect(empty.body.code).toBe('no_practices');
    await t.http.post(`/api/reports/${report.id}/practices`).set(e).send({ title: 'P', description: 'D', recipientUnits: [], categoryIds: [categories[0].id] }).expect(201);
    await ds.query(`UPDATE edition SET reports_due_at = now() - interval '1 minute' WHERE id = $1`, [edition.id]);
    const late = await t.http.post(`/api/reports/${report.id}/submit`).set(e).expect(409);
    expect(late.body.code).toBe('deadline_passed');
  });

  it('guards juryScoring: every submitted practice checked and at least 3 jurors; concurrent moves give one success', async () => {
    const { edition, lublin, categories, lublinExpert } = await openEdition(2101 - 5);
    const e = lublinExpert.auth;
    const report = (await t.http.post(`/api/editions/${edition.id}/reports`).set(e).send({ cityId: lublin.id }).expect(201)).body;
    const practice = (await t.http.post(`/api/reports/${report.id}/practices`).set(e).send({ title: 'P', description: 'D', recipientUnits: [], categoryIds: [categories[0].id] }).expect(201)).body;
    await t.http.post(`/api/reports/${report.id}/submit`).set(e).expect(200);
    const c = coordinator.auth;
    const view = documented('GET /api/editions/{id}/transitions', await t.http.get(`/api/editions/${edition.id}/transitions`).set(c).expect(200)).body;
    expect(view.next).toEqual([{
      to: 'juryScoring',
      ready: false,
      blockers: ['1 submitted practice(s) still need an eligibility decision', 'no practice is eligible yet', 'assign at least 3 jurors (now 0)'],
      blockerDetails: [
        { code: 'unchecked_practices', message: '1 submitted practice(s) still need an eligibility decision', params: { count: 1 } },
        { code: 'no_eligible_practice', message: 'no practice is eligible yet' },
        { code: 'too_few_jurors', message: 'assign at least 3 jurors (now 0)', params: { now: 0, required: 3 } },
      ],
      // Kraków's expert never started a report: a warning, which would not block the move.
      warnings: [{ code: 'reports_not_started', message: 'no report started for: Kraków', params: { count: 1, cities: ['Kraków'] } }],
    }]);
    const early = documented('POST /api/editions/{id}/transitions', await t.http.post(`/api/editions/${edition.id}/transitions`).set(c).send({ to: 'juryScoring' }).expect(409));
    expect(early.body.blockerDetails.map((blocker: { code: string }) => blocker.code)).toEqual(['unchecked_practices', 'no_eligible_practice', 'too_few_jurors']);
    await t.http.post(`/api/practices/${practice.id}/eligibility`).set(c).send({ eligible: true }).expect(200);
    for (let i = 0; i < 3; i++) {
      const juror = await makeUser(ds);
      await t.http.post(`/api/editions/${edition.id}/jurors`).set(c).send({ userId: juror.id, countryOfOrigin: 'Kenya', languages: ['en'] }).expect(201);
    }
    const moves = await Promise.all(Array.from({ length: 10 }, () => t.http.post(`/api/editions/${edition.id}/transitions`).set(c).send({ to: 'juryScoring' })));
    expect(moves.filter((r) => r.status === 200)).toHaveLength(1);
    expect(moves.filter((r) => r.status === 409)).toHaveLength(9);
    const history = (await t.http.get(`/api/editions/${edition.id}/transitions`).set(c).expect(200)).body.history;
    expect(history.map((h: { from: string; to: string }) => `${h.from}→${h.to}`)).toEqual(['draft→reportsOpen', 'reportsOpen→juryScoring']);
    const events = await ds.query(`SELECT payload->>'to' AS "to" FROM outbox_event WHERE type = 'edition.stageChanged' AND payload->>'editionId' = $1 ORDER BY created_at`, [edition.id]);
    expect(events).toEqual([{ to: 'reportsOpen' }, { to: 'juryScoring' }]);
    // Eligibility is decided before scoring starts, not after.
    await t.http.post(`/api/practices/${practice.id}/eligibility`).set(c).send({ eligible: false, reason: 'x' }).expect(409);
  });

  it("lists the caller's assignments with their reports (GET /api/me/reports), never another city's", async () => {
    const { edition, lublin, krakow, categories, lublinExpert, krakowExpert } = await openEdition(2101 - 6);
    const e = lublinExpert.auth;
    await t.http.get('/api/me/reports').expect(401);

    // Kraków's report exists; Lublin's expert also holds a newer assignment with no report yet.
    const krakowReport = (await t.http.post(`/api/editions/${edition.id}/reports`).set(krakowExpert.auth).send({ cityId: krakow.id }).expect(201)).body;
    const newer = await makeEdition(ds, { stage: 'reportsOpen', name: 'Miasta Otwarte (nowsza)' });
    const lublinExpertId = (await t.http.get('/api/me').set(e).expect(200)).body.id;
    await grantRole(ds, lublinExpertId, 'expert', { editionId: newer.id, cityId: lublin.id });

    const before = (await t.http.get('/api/me/reports').set(e).expect(200)).body;
    expect(before).toEqual([
      { editionId: newer.id, editionYear: newer.year, editionName: 'Miasta Otwarte (nowsza)', editionStage: 'reportsOpen', reportsDueAt: null, extendedDueAt: null, cityId: lublin.id, cityName: 'Lublin', report: null },
      { editionId: edition.id, editionYear: 2095, editionName: 'Miasta Otwarte 2095', editionStage: 'reportsOpen', reportsDueAt: null, extendedDueAt: null, cityId: lublin.id, cityName: 'Lublin', report: null },
    ]);

    const report = (await t.http.post(`/api/editions/${edition.id}/reports`).set(e).send({ cityId: lublin.id }).expect(201)).body;
    await t.http.post(`/api/reports/${report.id}/practices`).set(e).send({ title: 'P', description: 'D', recipientUnits: [], categoryIds: [categories[0].id] }).expect(201);
    const draft = (await t.http.get('/api/me/reports').set(e).expect(200)).body;
    expect(draft[1].report).toEqual({ id: report.id, status: 'draft', submittedAt: null, reopenReason: null, practiceCount: 1, updatedAt: expect.any(String) });
    expect(JSON.stringify(draft)).not.toContain(krakowReport.id);
    expect(JSON.stringify(draft)).not.toContain(krakow.id);

    await t.http.post(`/api/reports/${report.id}/submit`).set(e).expect(200);
    const submitted = (await t.http.get('/api/me/reports').set(e).expect(200)).body;
    expect(submitted.map((a: { report: { status: string } | null }) => a.report?.status ?? null)).toEqual([null, 'submitted']);
    expect(Date.parse(submitted[1].report.submittedAt)).toBeGreaterThan(Date.now() - 60_000);

    // Kraków's expert sees Kraków's report only.
    const krakows = (await t.http.get('/api/me/reports').set(krakowExpert.auth).expect(200)).body;
    expect(krakows).toEqual([expect.objectContaining({ editionId: edition.id, cityName: 'Kraków', report: expect.objectContaining({ id: krakowReport.id, status: 'draft', practiceCount: 0 }) })]);

    // No expert grant (a coordinator, an official): an empty list.
    expect((await t.http.get('/api/me/reports').set(coordinator.auth).expect(200)).body).toEqual([]);
    const official = await makeSignedInUser(ds, t.http, 'cityOfficial', { cityId: lublin.id });
    expect((await t.http.get('/api/me/reports').set(official.auth).expect(200)).body).toEqual([]);
    const nobody = await makeSignedInUser(ds, t.http, null);
    expect((await t.http.get('/api/me/reports').set(nobody.auth).expect(200)).body).toEqual([]);
  });
});
