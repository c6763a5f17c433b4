// What a juror reads beside a practice on the ballot (GET /api/practices/:id/evidence): the report's
// summary and its evidence files, downloadable. Seen in stage juryScoring, where the authorization
// matrix (stage reportsOpen) cannot look; the rule is evidenceAccess, as for the file downloads.
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  createTestApp,
  makeCategory,
  makeCity,
  makeEdition,
  makePractice,
  makeReport,
  makeReportFile,
  makeSignedInUser,
  PDF_BYTES,
  SignedIn,
  TestApp,
} from '@app/testing';

const SUMMARY = 'Lublin od 2008 r. prowadzi Lokalny Program Integracji Cudzoziemców.\nMiejski punkt obsługi cudzoziemców działa w Biurze Obsługi Mieszkańców.';
const uniform = (v: number) => ({ comprehensiveness: v, longTerm: v, governmentEngagement: v, effectiveness: v });

describe('juror: a practice’s report summary and evidence files', () => {
  let t: TestApp;
  let ds: DataSource;
  let lublin: { id: string; name: string };
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

  /** An edition with Lublin's submitted report: a summary, an eligible practice and two files. */
  async function lublinEvidence(stage: string) {
    const edition = await makeEdition(ds, { stage });
    const category = await makeCategory(ds, edition.id);
    const report = await makeReport(ds, edition.id, lublin.id, 'submitted');
    await ds.query(`UPDATE report SET summary = $2 WHERE id = $1`, [report.id, SUMMARY]);
    const practice = await makePractice(ds, report.id, { title: 'Miejski punkt obsługi cudzoziemców', status: 'eligible', categoryIds: [category.id] });
    const plan = await makeReportFile(ds, t.config.DATA_DIR, report.id, 'Program integracji – Lublin.pdf');
    const minutes = await makeReportFile(ds, t.config.DATA_DIR, report.id, 'Sprawozdanie 2015.pdf');
    return { edition, report, practice, files: [plan, minutes] };
  }

  const download = (path: string, who: SignedIn) =>
    t.http.get(path).set(who.auth).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

  it('gives a juror of another city the summary and the file list in juryScoring, and each listed file downloads', async () => {
    const { edition, report, practice, files } = await lublinEvidence('juryScoring');
    const juror = await makeSignedInUser(ds, t.http, 'juror', { editionId: edition.id, cityId: gdansk.id });

    const evidence = (await t.http.get(`/api/practices/${practice.id}/evidence`).set(juror.auth).expect(200)).body;
    // The report and its files, and which version of the summary this is (content translations); nothing else.
    expect(Object.keys(evidence).sort()).toEqual(['cityName', 'files', 'language', 'originalLanguage', 'originalSummary', 'outdated', 'reportId', 'requestedLanguage', 'submittedAt', 'summary', 'translated']);
    expect(evidence).toMatchObject({ reportId: report.id, cityName: 'Lublin', summary: SUMMARY, submittedAt: expect.any(String) });
    const sha256 = createHash('sha256').update(PDF_BYTES).digest('hex');
    expect(evidence.files).toEqual([
      { id: files[0].id, filename: 'Program integracji – Lublin.pdf', contentType: 'application/pdf', size: PDF_BYTES.length, sha256, createdAt: expect.any(String) },
      { id: files[1].id, filename: 'Sprawozdanie 2015.pdf', contentType: 'application/pdf', size: PDF_BYTES.length, sha256, createdAt: expect.any(String) },
    ]);

    for (const file of evidence.files as { id: string }[]) {
      const bytes = await download(`/api/reports/${evidence.reportId}/files/${file.id}`, juror).expect(200);
      expect(bytes.headers['content-type']).toBe('application/pdf');
      expect(Buffer.compare(bytes.body as Buffer, PDF_BYTES)).toBe(0);
    }
  });

  it('shows jurors only what is before the jury: not an ineligible practice, nor the files of a report with nothing on the ballot', async () => {
    const { edition, report, practice, files } = await lublinEvidence('juryScoring');
    const juror = await makeSignedInUser(ds, t.http, 'juror', { editionId: edition.id, cityId: gdansk.id });
    const coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    const ineligible = await makePractice(ds, report.id, { title: 'Poza konkursem', status: 'ineligible' });
    await t.http.get(`/api/practices/${ineligible.id}`).set(juror.auth).expect(404);
    await t.http.get(`/api/practices/${ineligible.id}/evidence`).set(juror.auth).expect(404);
    // The report still has an eligible practice: its files stay readable.
    await download(`/api/reports/${report.id}/files/${files[0].id}`, juror).expect(200);

    await ds.query(`UPDATE practice SET status = 'ineligible', eligibility_reason = 'Poza zakresem konkursu.' WHERE id = $1`, [practice.id]);
    await t.http.get(`/api/practices/${practice.id}/evidence`).set(juror.auth).expect(404);
    await t.http.get(`/api/reports/${report.id}/files/${files[0].id}`).set(juror.auth).expect(404);
    // Coordinators still read everything.
    await t.http.get(`/api/practices/${ineligible.id}/evidence`).set(coordinator.auth).expect(200);
    await download(`/api/reports/${report.id}/files/${files[0].id}`, coordinator).expect(200);
  });

  it('refuses a juror tied to the practice’s city (403) and hides it from jurors of other editions (404)', async () => {
    const { edition, practice } = await lublinEvidence('juryScoring');
    const lublinJuror = await makeSignedInUser(ds, t.http, 'juror', { editionId: edition.id, cityId: lublin.id });
    const refused = await t.http.get(`/api/practices/${practice.id}/evidence`).set(lublinJuror.auth).expect(403);
    expect(refused.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    expect(JSON.stringify(refused.body)).not.toContain('Lokalny Program');

    const elsewhere = await makeEdition(ds, { stage: 'juryScoring' });
    const otherEditionJuror = await makeSignedInUser(ds, t.http, 'juror', { editionId: elsewhere.id, cityId: gdansk.id });
    await t.http.get(`/api/practices/${practice.id}/evidence`).set(otherEditionJuror.auth).expect(404);
  });

  it('stays readable after the juror declares a conflict of interest: the conflict bars scoring, not reading', async () => {
    const { edition, practice } = await lublinEvidence('juryScoring');
    const juror = await makeSignedInUser(ds, t.http, 'juror', { editionId: edition.id, cityId: krakow.id });
    await t.http.post(`/api/practices/${practice.id}/conflicts`).set(juror.auth).send({ reason: 'Pracowałam w tym urzędzie.' }).expect(201);

    await t.http.put(`/api/practices/${practice.id}/scores/mine`).set(juror.auth).send({ criteria: uniform(3) }).expect(403);
    const evidence = (await t.http.get(`/api/practices/${practice.id}/evidence`).set(juror.auth).expect(200)).body;
    expect(evidence.summary).toBe(SUMMARY);
    expect(evidence.files).toHaveLength(2);
  });

  it('before juryScoring: jurors see nothing (404); the expert of the city and coordinators read it; others are refused', async () => {
    const { edition, report, practice } = await lublinEvidence('reportsOpen');
    const path = `/api/practices/${practice.id}/evidence`;
    const juror = await makeSignedInUser(ds, t.http, 'juror', { editionId: edition.id, cityId: gdansk.id });
    const lublinJuror = await makeSignedInUser(ds, t.http, 'juror', { editionId: edition.id, cityId: lublin.id });
    const lublinExpert = await makeSignedInUser(ds, t.http, 'expert', { editionId: edition.id, cityId: lublin.id });
    const krakowExpert = await makeSignedInUser(ds, t.http, 'expert', { editionId: edition.id, cityId: krakow.id });
    const coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    const official = await makeSignedInUser(ds, t.http, 'cityOfficial', { cityId: lublin.id });

    await t.http.get(path).set(juror.auth).expect(404);
    await t.http.get(path).set(lublinJuror.auth).expect(403);
    expect((await t.http.get(path).set(lublinExpert.auth).expect(200)).body.reportId).toBe(report.id);
    expect((await t.http.get(path).set(coordinator.auth).expect(200)).body.summary).toBe(SUMMARY);
    await t.http.get(path).set(krakowExpert.auth).expect(404);
    await t.http.get(path).set(official.auth).expect(403);
    await t.http.get(path).expect(401);
  });

  it('answers 404 for a practice that does not exist or an id that is not a UUID', async () => {
    const coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    await t.http.get('/api/practices/00000000-0000-4000-8000-000000000000/evidence').set(coordinator.auth).expect(404);
    await t.http.get('/api/practices/not-a-uuid/evidence').set(coordinator.auth).expect(404);
  });
});
