// The jury stage: five jurors tied to five cities (as in 2015) score practices of an edition;
// conflicts of interest, blind scoring, results by every method checked against numbers computed
// by hand (see the table below), agreement, CSV, and scores racing a stage transition.
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { ResultsService } from '@app/domain';
import { binaryBody, createTestApp, DocumentedCheck, documentedAnswers, fetchOpenApiDocument, grantRole, makeCategory, makeCity, makeEdition, makePractice, makeReport, makeSignedInUser, makeUser, SignedIn, signIn, TestApp } from '@app/testing';

const uniform = (v: number) => ({ comprehensiveness: v, longTerm: v, governmentEngagement: v, effectiveness: v });

describe('jury stage', () => {
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

  async function cities() {
    const names = ['Lublin', 'Gdańsk', 'Warszawa', 'Kraków', 'Łódź', 'Wrocław'];
    const existing: { id: string; name: string }[] = await ds.query(`SELECT id, name FROM city WHERE name = ANY($1)`, [names]);
    const byName = Object.fromEntries(existing.map((c) => [c.name, c.id]));
    for (const name of names) byName[name] ??= (await makeCity(ds, name)).id;
    return byName as Record<string, string>;
  }

  it('scores on a ballot without the own city, stays blind until scoring closes, and ranks by every method', async () => {
    const city = await cities();
    const edition = await makeEdition(ds, { stage: 'juryScoring' });
    const category = await makeCategory(ds, edition.id, 'Miejski punkt obsługi cudzoziemców');
    const other = await makeCategory(ds, edition.id, 'Przestrzeń przyjazna imigrantom');
    const practice: Record<string, string> = {};
    const reports: Record<string, string> = {};
    for (const [key, cityName, title] of [
      ['A', 'Lublin', 'Miejski punkt obsługi cudzoziemców'],
      ['B', 'Lublin', 'Zatrudnianie cudzoziemców w urzędach miejskich'],
      ['C', 'Gdańsk', 'Model integracji imigrantów'],
      ['D', 'Warszawa', 'Centrum wielokulturowe'],
      ['E', 'Kraków', 'Kompleksowa pomoc społeczna'],
    ]) {
      reports[cityName] ??= (await makeReport(ds, edition.id, city[cityName], 'submitted')).id;
      practice[key] = (await makePractice(ds, reports[cityName], { title, status: 'eligible', categoryIds: [key === 'E' ? other.id : category.id] })).id;
    }
    const ineligible = await makePractice(ds, reports['Lublin'], { title: 'Nie kwalifikuje się', status: 'ineligible' });
    void ineligible;

    // The 2015 jury: each juror tied to a city.
    const jurors: Record<string, SignedIn & { id: string }> = {};
    for (const [key, name, country, cityName, locale] of [
      ['P', 'Priscilla Rubia', 'Kenya', 'Łódź', 'en'],
      ['H', 'Harris Mawusi', 'Ghana', 'Gdańsk', 'en'],
      ['J', 'Jose Torres', 'Cuba', 'Wrocław', 'pl'],
      ['E', 'Edward Krajczyński', 'Ukraine', 'Lublin', 'uk'],
      ['N', 'Ngo Hoang Minh', 'Vietnam', 'Warszawa', 'pl'],
    ]) {
      const user = await makeUser(ds, { name, locale });
      await grantRole(ds, user.id, 'juror', { editionId: edition.id, cityId: city[cityName], countryOfOrigin: country });
      jurors[key] = { id: user.id, ...(await signIn(t.http, user.email)) };
    }

    // Edward (Lublin) never sees Lublin's practices and cannot score them.
    const edwardBallot = (await t.http.get(`/api/editions/${edition.id}/ballot`).set(jurors.E.auth).expect(200)).body;
    expect(edwardBallot.items.map((i: { practice: { id: string } }) => i.practice.id).sort()).toEqual([practice.C, practice.D, practice.E].sort());
    // The ballot says how many of the edition's practices it leaves off for the juror's city: Lublin's A and B.
    expect(edwardBallot.cityTiedPractices).toBe(2);
    expect(edwardBallot.criteria.map((c: { key: string; name: string }) => [c.key, c.name])).toEqual([
      ['comprehensiveness', 'Комплексність'],
      ['longTerm', 'Довготривалість'],
      ['governmentEngagement', 'Залученість місцевої влади'],
      ['effectiveness', 'Ефективність'],
    ]);
    // The screen may ask for the interface's language instead of the account's; anything else is a 400 naming lang.
    const inPolish = (await t.http.get(`/api/editions/${edition.id}/ballot?lang=pl`).set(jurors.E.auth).expect(200)).body;
    expect(inPolish.criteria[0]).toMatchObject({ key: 'comprehensiveness', name: 'Kompleksowość' });
    const badLanguage = await t.http.get(`/api/editions/${edition.id}/ballot?lang=de`).set(jurors.E.auth).expect(400);
    expect(JSON.stringify(badLanguage.body)).toContain('lang');
    const own = await t.http.put(`/api/practices/${practice.A}/scores/mine`).set(jurors.E.auth).send({ criteria: uniform(1) }).expect(403);
    expect(own.body.statusCode).toBe(403);

    // The scores (v = the same value on every criterion, except Jose on D: 4,2,3,3 → v = 3):
    //          A   B   C   D   E
    // Priscilla 5   3   4   2   -
    // Harris    4   4   -   1   4     (Gdańsk: not C)
    // Jose      5   2   3   3   2
    // Edward    -   -   5   2   -     (Lublin: not A, B)
    // Ngo       3   3  (4)  -   -     (Warszawa: not D; declares a conflict on C after scoring it)
    const table: [string, string, number | Record<string, number>][] = [
      ['P', 'A', 5], ['P', 'B', 3], ['P', 'C', 4], ['P', 'D', 2],
      ['H', 'A', 4], ['H', 'B', 4], ['H', 'D', 1], ['H', 'E', 4],
      ['J', 'A', 5], ['J', 'B', 2], ['J', 'C', 3], ['J', 'D', { comprehensiveness: 4, longTerm: 2, governmentEngagement: 3, effectiveness: 3 }], ['J', 'E', 2],
      ['E', 'C', 5], ['E', 'D', 2],
      ['N', 'A', 3], ['N', 'B', 3], ['N', 'C', 4],
    ];
    for (const [juror, key, value] of table) {
      const criteria = typeof value === 'number' ? uniform(value) : value;
      await t.http.put(`/api/practices/${practice[key]}/scores/mine`).set(jurors[juror].auth).send({ criteria, comment: `${juror} o ${key}: „dobra praktyka”` }).expect(200);
    }
    // Edits are allowed until the deadline; out-of-scale values are refused naming the field.
    await t.http.put(`/api/practices/${practice.A}/scores/mine`).set(jurors.P.auth).send({ criteria: uniform(4) }).expect(200);
    await t.http.put(`/api/practices/${practice.A}/scores/mine`).set(jurors.P.auth).send({ criteria: uniform(5), comment: 'P o A: „dobra praktyka”' }).expect(200);
    const over = await t.http.put(`/api/practices/${practice.A}/scores/mine`).set(jurors.P.auth).send({ criteria: { ...uniform(5), effectiveness: 6 } }).expect(400);
    expect(over.body.details).toEqual([{ field: 'criteria.effectiveness', problem: 'must be at most 5' }]);
    await t.http.put(`/api/practices/${practice.A}/scores/mine`).set(jurors.P.auth).send({ criteria: { ...uniform(5), effectiveness: 0 } }).expect(400);
    await t.http.put(`/api/practices/${ineligible.id}/scores/mine`).set(jurors.P.auth).send({ criteria: uniform(3) }).expect(409);

    // Ngo declares a conflict on C: recused from it, the existing score stops counting, and it cannot be withdrawn.
    documented('POST /api/practices/{id}/conflicts',
      await t.http.post(`/api/practices/${practice.C}/conflicts`).set(jurors.N.auth).send({ reason: 'Pracowałem w tej organizacji.' }).expect(201));
    await t.http.put(`/api/practices/${practice.C}/scores/mine`).set(jurors.N.auth).send({ criteria: uniform(5) }).expect(403);
    // A score of Edward on his own city planted directly in the database never counts either.
    await ds.query(
      `INSERT INTO score (edition_id, practice_id, juror_id, comprehensiveness, long_term, government_engagement, effectiveness) VALUES ($1, $2, $3, 1, 1, 1, 1)`,
      [edition.id, practice.A, jurors.E.id],
    );

    // Blind: no results for jurors before scoring closes; the ballot shows only their own scores.
    await t.http.get(`/api/editions/${edition.id}/results`).set(jurors.P.auth).expect(403);
    const ballot = (await t.http.get(`/api/editions/${edition.id}/ballot`).set(jurors.N.auth).expect(200)).body;
    expect(ballot.progress).toEqual({ scored: 2, total: 3 });
    expect(ballot.recusedPracticeIds).toEqual([practice.C]);
    expect(ballot.cityTiedPractices).toBe(1);
    expect(JSON.stringify(ballot)).not.toMatch(/Priscilla|Harris|Jose|Edward|P o |H o |J o |E o /);
    const progress = documented('GET /api/editions/{id}/jury-progress', await t.http.get(`/api/editions/${edition.id}/jury-progress`).set(coordinator.auth).expect(200)).body;
    expect(Object.fromEntries(progress.map((p: { name: string; scored: number; total: number }) => [p.name, `${p.scored}/${p.total}`]))).toEqual({
      'Edward Krajczyński': '2/3', 'Harris Mawusi': '4/4', 'Jose Torres': '5/5', 'Ngo Hoang Minh': '2/3', 'Priscilla Rubia': '4/5',
    });
    // The last activity per juror (for the overview), and still no score itself.
    for (const juror of progress as { scored: number; lastScoredAt: string | null }[]) {
      expect(Number.isNaN(Date.parse(juror.lastScoredAt ?? ''))).toBe(juror.scored === 0);
      if (juror.lastScoredAt) expect(Date.parse(juror.lastScoredAt)).toBeLessThanOrEqual(Date.now());
    }
    expect(JSON.stringify(progress)).not.toMatch(/comprehensiveness|longTerm|effectiveness|"criteria"/);
    const conflicts = documented('GET /api/editions/{id}/conflicts', await t.http.get(`/api/editions/${edition.id}/conflicts`).set(coordinator.auth).expect(200)).body;
    expect(conflicts.filter((row: { reasonCode: string }) => row.reasonCode === 'declared')).toEqual([
      expect.objectContaining({ practiceId: practice.C, jurorName: 'Ngo Hoang Minh', reason: 'Pracowałem w tej organizacji.' }),
    ]);
    // The ties to a city are listed too, with their reason.
    expect(conflicts).toContainEqual(expect.objectContaining({ jurorName: 'Edward Krajczyński', cityName: 'Lublin', reasonCode: 'juror_city' }));

    await t.http.post(`/api/editions/${edition.id}/transitions`).set(coordinator.auth).send({ to: 'deliberation' }).expect(200);
    await t.http.put(`/api/practices/${practice.D}/scores/mine`).set(jurors.P.auth).send({ criteria: uniform(5) }).expect(409);

    const results = async (method: string, extra = '') =>
      (await t.http.get(`/api/editions/${edition.id}/results?method=${method}${extra}`).set(jurors.P.auth).expect(200)).body;
    const byKey = (body: { items: { practiceId: string; score: number; rank: number; n: number }[] }) =>
      Object.fromEntries(Object.entries(practice).map(([key, id]) => {
        const row = body.items.find((item) => item.practiceId === id)!;
        return [key, [row.score, row.rank, row.n]];
      }));

    // Expected values computed by hand from the table above (borda: points = practices beaten +
    // half the ties, over n_j - 1; zscore: population sd per juror).
    expect(byKey(await results('mean'))).toEqual({ A: [4.25, 1, 4], B: [3, 3, 4], C: [4, 2, 3], D: [2, 5, 4], E: [3, 3, 2] });
    expect(byKey(await results('median'))).toEqual({ A: [4.5, 1, 4], B: [3, 3, 4], C: [4, 2, 3], D: [2, 5, 4], E: [3, 3, 2] });
    const z = byKey(await results('zscore'));
    expect(z).toEqual({ A: [0.936183, 1, 4], B: [-0.195684, 4, 4], C: [0.482405, 2, 3], D: [-1.018423, 5, 4], E: [-0.16776, 3, 2] });
    expect(byKey(await results('borda'))).toEqual({ A: [0.791667, 1, 4], B: [0.40625, 3, 4], C: [0.763889, 2, 3], D: [0.15625, 5, 4], E: [0.395833, 4, 2] });

    const mean = await results('mean', '&minScores=3');
    const d = mean.items.find((item: { practiceId: string }) => item.practiceId === practice.D);
    expect(d.perCriterion).toEqual({ comprehensiveness: 2.25, longTerm: 1.75, governmentEngagement: 2, effectiveness: 2 });
    expect(d.stddev).toBeCloseTo(0.816497, 6);
    expect(mean.items.find((item: { practiceId: string }) => item.practiceId === practice.A).stddev).toBeCloseTo(0.957427, 6);
    expect(mean.coverage).toEqual({ minScores: 3, complete: 4, flagged: [{ practiceId: practice.E, n: 2 }] });
    const filtered = await results('mean', `&categoryId=${other.id}`);
    expect(filtered.items.map((item: { practiceId: string }) => item.practiceId)).toEqual([practice.E]);

    // Agreement over the counted weighted scores: 17 pairable values (Krippendorff's alpha, interval),
    // computed from the pairwise definition: alpha = 1 - Do/De = 0.346939.
    const agreement = documented('GET /api/editions/{id}/agreement', await t.http.get(`/api/editions/${edition.id}/agreement`).set(coordinator.auth).expect(200)).body;
    expect(agreement.overall.pairable).toBe(17);
    expect(agreement.overall.alpha).toBeCloseTo(0.346939, 5);
    expect(Object.keys(agreement.perCriterion)).toEqual(['comprehensiveness', 'longTerm', 'governmentEngagement', 'effectiveness']);

    // CSV: one line per juror × practice × criterion (19 scores incl. the planted and recused ones), Polish letters intact.
    const csv = await t.http.get(`/api/editions/${edition.id}/scores.csv`).set(coordinator.auth).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    const lines = csv.text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('edition_year,practice_id,practice_title,city,juror_id,juror_name,criterion,value,counted,comment,updated_at');
    expect(lines).toHaveLength(1 + 19 * 4);
    expect(csv.text).toContain(`,Model integracji imigrantów,Gdańsk,${jurors.P.id},Priscilla Rubia,comprehensiveness,4,true,P o C: „dobra praktyka”,`);
    expect(lines.filter((line) => line.includes(`,${jurors.E.id},Edward Krajczyński,`) && line.includes(practice.A))).toEqual(
      expect.arrayContaining([expect.stringContaining(',1,false,,')]),
    );
    expect(lines.filter((line) => line.includes(`,${jurors.N.id},`) && line.includes(practice.C) && line.includes(',false,'))).toHaveLength(4);

    // For people: the workbook (ranking + raw scores with names, headers in Ukrainian, Polish time)
    // and the same score sheet as CSV with a BOM, so Excel reads Polish and Cyrillic letters.
    const xlsx = await t.http.get(`/api/editions/${edition.id}/results.xlsx?method=median&lang=uk`).set(coordinator.auth).buffer(true).parse(binaryBody).expect(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    const sheetRows = (name: string) => (workbook.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((row) => row.slice(1));
    const ranking = sheetRows('Рейтинг');
    expect(ranking[0]).toEqual(['Результат: медіана']);
    expect(ranking[1].slice(0, 6)).toEqual(['Місце', 'Практика', 'Місто', 'Результат', 'Кількість оцінок (n)', 'Стандартне відхилення']);
    expect(ranking.slice(2).map((row) => [row[0], row[3], row[4]])).toEqual([[1, 4.5, 4], [2, 4, 3], [3, 3, expect.any(Number)], [3, 3, expect.any(Number)], [5, 2, 4]]);
    const scoreSheet = sheetRows('Оцінки');
    expect(scoreSheet[0]).toEqual(['Випуск', 'Практика', 'Місто', 'Член журі', 'Комплексність', 'Довготривалість', 'Залученість місцевої влади', 'Ефективність', 'Враховано', 'Коментар', 'Остання зміна (час у Польщі)']);
    expect(scoreSheet).toHaveLength(1 + 19);
    expect(scoreSheet).toContainEqual([edition.year, 'Model integracji imigrantów', 'Gdańsk', 'Priscilla Rubia', 4, 4, 4, 4, 'так', 'P o C: „dobra praktyka”', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)]);
    expect(JSON.stringify(scoreSheet)).not.toContain(jurors.P.id);

    const peopleCsv = await t.http.get(`/api/editions/${edition.id}/results.csv?lang=pl`).set(coordinator.auth).expect(200);
    expect(peopleCsv.text.charCodeAt(0)).toBe(0xfeff);
    const csvLines = peopleCsv.text.slice(1).split('\r\n').filter(Boolean);
    expect(csvLines[0]).toBe('Edycja,Praktyka,Miasto,Juror(ka),Kompleksowość,Długofalowość,Zaangażowanie samorządu,Skuteczność,Liczona,Komentarz,Ostatnia zmiana (czas polski)');
    expect(csvLines).toHaveLength(1 + 19);
    await t.http.get(`/api/editions/${edition.id}/results.xlsx?lang=de`).set(coordinator.auth).expect(400);
  });

  it('lets no score land after the stage moved on, whatever the timing (1,000 writes racing a transition)', async () => {
    const city = await cities();
    const edition = await makeEdition(ds, { stage: 'juryScoring' });
    const report = await makeReport(ds, edition.id, city['Kraków'], 'submitted');
    const practices = await Promise.all(Array.from({ length: 10 }, () => makePractice(ds, report.id, { status: 'eligible' })));
    const jurors: SignedIn[] = [];
    for (let i = 0; i < 5; i++) {
      const user = await makeUser(ds);
      await grantRole(ds, user.id, 'juror', { editionId: edition.id });
      jurors.push(await signIn(t.http, user.email));
    }
    const snapshot = () => ds.query(`SELECT juror_id, practice_id, comprehensiveness, long_term, government_engagement, effectiveness, updated_at FROM score WHERE edition_id = $1 ORDER BY juror_id, practice_id`, [edition.id]);
    const statuses: number[] = [];
    let afterTransition: unknown[] | null = null;
    let sent = 0;
    const worker = async () => {
      while (sent < 1000) {
        const i = sent++;
        if (i === 300) {
          // The transition races the writes in flight; record the table the moment it commits.
          void t.http.post(`/api/editions/${edition.id}/transitions`).set(coordinator.auth).send({ to: 'deliberation' })
            .then(async (res) => {
              expect(res.status).toBe(200);
              afterTransition = await snapshot();
            });
        }
        const res = await t.http.put(`/api/practices/${practices[i % 10].id}/scores/mine`).set(jurors[i % 5].auth)
          .send({ criteria: uniform(1 + (i % 5)) });
        statuses.push(res.status);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(afterTransition).not.toBeNull();
    expect(await snapshot()).toEqual(afterTransition);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 409).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
  });

  describe('properties of the results (fast-check, real PostgreSQL)', () => {
    const results = t_results();
    function t_results() {
      return async (editionId: string, method: 'mean' | 'median' | 'zscore' | 'borda') =>
        (await t.app.get(ResultsService).results(editionId, method, null, 1)).items.map((item) => [item.title, item.score, item.rank]);
    }

    async function editionWith(scores: number[][], order: number[]): Promise<string> {
      const city = await makeCity(ds);
      const edition = await makeEdition(ds, { stage: 'deliberation' });
      const report = await makeReport(ds, edition.id, city.id, 'submitted');
      const practiceIds: string[] = [];
      for (let p = 0; p < scores[0].length; p++) practiceIds.push((await makePractice(ds, report.id, { title: `P${p}`, status: 'eligible' })).id);
      const jurorIds: string[] = [];
      for (let j = 0; j < scores.length; j++) {
        const user = await makeUser(ds);
        await grantRole(ds, user.id, 'juror', { editionId: edition.id });
        jurorIds.push(user.id);
      }
      const cells = scores.flatMap((row, j) => row.map((value, p) => ({ j, p, value })));
      for (const index of order.length === cells.length ? order : cells.map((_, i) => i)) {
        const { j, p, value } = cells[index];
        await ds.query(
          `INSERT INTO score (edition_id, practice_id, juror_id, comprehensiveness, long_term, government_engagement, effectiveness) VALUES ($1, $2, $3, $4, $4, $4, $4)`,
          [edition.id, practiceIds[p], jurorIds[j], value],
        );
      }
      return edition.id;
    }

    const matrix = fc.array(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 });

    it('do not depend on the order the scores were written', async () => {
      await fc.assert(
        fc.asyncProperty(matrix, fc.infiniteStream(fc.nat()), async (scores, randomness) => {
          const cells = scores.length * scores[0].length;
          const shuffled = Array.from({ length: cells }, (_, i) => i).sort(() => (randomness.next().value % 3) - 1);
          const a = await editionWith(scores, []);
          const b = await editionWith(scores, shuffled);
          for (const method of ['mean', 'median', 'zscore', 'borda'] as const) {
            expect(await results(b, method)).toEqual(await results(a, method));
          }
        }),
        { numRuns: 8 },
      );
    });

    it('zscore does not change when a constant is added to all of one juror’s scores', async () => {
      await fc.assert(
        fc.asyncProperty(matrix, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 2 }), async (scores, juror, constant) => {
          const shifted = scores.map((row, j) => (j === juror ? row.map((v) => v + constant) : row));
          const a = await editionWith(scores, []);
          const b = await editionWith(shifted, []);
          expect(await results(b, 'zscore')).toEqual(await results(a, 'zscore'));
        }),
        { numRuns: 8 },
      );
    });
  });
});
