// Certificates of distinction and the jury's protocol, read back from the PDFs themselves: an
// edition runs through the API to publication with the worker running; the certificates are read
// as text (pdftotext) and their QR codes decoded from a rendering (pdftoppm, jsQR); the verification
// API answers for them; a correction in deliberation revokes the code; the protocol lists every
// juror and the ranking GET /results gives.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { DataSource } from 'typeorm';
import { JobQueue, QUEUES } from '@app/core';
import { CertificatesService } from '@app/domain';
import { createTestApp, drainQueue, eventually, makeSignedInUser, makeUser, seedDemo, SignedIn, signIn, TestApp } from '@app/testing';

const uniform = (v: number) => ({ comprehensiveness: v, longTerm: v, governmentEngagement: v, effectiveness: v });
const scratch = mkdtempSync(join(tmpdir(), 'certificates-'));
const shots = join(__dirname, '..', 'test-artifacts', 'screenshots');

/** The PDF's text with runs of white space folded (lines wrap where the layout needs). */
function pdfText(pdf: Buffer, name: string): string {
  const file = join(scratch, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Renders the first page to PNG and decodes the QR code on it. */
function qrOf(pdf: Buffer, name: string, keepAs?: string): string | null {
  const file = join(scratch, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '110', '-png', '-singlefile', file, join(scratch, name)]);
  const png = readFileSync(join(scratch, `${name}.png`));
  if (keepAs) {
    mkdirSync(shots, { recursive: true });
    writeFileSync(join(shots, keepAs), png);
  }
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

describe('certificates of distinction and the jury protocol', () => {
  let t: TestApp;
  let ds: DataSource;
  let coordinator: SignedIn;

  beforeAll(async () => {
    // A public address as production sets it: the verification URL and its QR code carry it.
    t = await createTestApp({ worker: true, env: { PUBLIC_URL: 'https://miasta-otwarte.example.org' } });
    ds = t.app.get(DataSource);
    coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
  });
  afterAll(() => t.close());

  const c = () => coordinator.auth;
  const move = (editionId: string, to: string) => t.http.post(`/api/editions/${editionId}/transitions`).set(c()).send({ to }).expect(200);
  const pdf = (request: ReturnType<TestApp['http']['get']>) =>
    request.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  /** Waits for the worker: every outbox event dispatched (its render jobs queued), then the renders done. */
  const settle = async () => {
    await eventually(async () => (await ds.query(`SELECT 1 FROM outbox_event WHERE processed_at IS NULL LIMIT 1`)).length === 0, 60_000);
    await drainQueue(t.app.get(JobQueue), { queues: [QUEUES.notifications, QUEUES.documents], timeoutMs: 60_000 });
  };
  const certificatesOf = async (awardId: string) => (await t.http.get(`/api/awards/${awardId}/certificates`).set(c()).expect(200)).body as {
    code: string; language: string; status: string; verifyUrl: string; published: boolean;
  }[];

  // A whole edition through the API, with nine renders and two protocols: more than the default minute on a loaded machine.
  it('issues certificates in pl, en and uk that say what the award is, verify by QR code, and are revoked by a correction', async () => {
    const edition = (await t.http.post('/api/editions').set(c()).send({
      year: 2093, name: 'Miasta Otwarte 2093', ceremony: { startsAt: '2093-05-14T15:30:00+02:00', venue: 'Synagoga pod Białym Bocianem', city: 'Wrocław' },
    }).expect(201)).body;
    const category = (await t.http.post(`/api/editions/${edition.id}/categories`).set(c())
      .send({ name: 'Kompleksowa pomoc społeczna dostępna dla cudzoziemców', translations: { en: 'Comprehensive social assistance for foreigners', uk: 'Комплексна соціальна допомога для іноземців' } }).expect(201)).body;
    const lublin = (await t.http.post('/api/cities').set(c()).send({ name: 'Lublin' }).expect(201)).body;
    const lodz = (await t.http.post('/api/cities').set(c()).send({ name: 'Łódź' }).expect(201)).body;
    const expertUser = await makeUser(ds);
    await t.http.post(`/api/editions/${edition.id}/experts`).set(c()).send({ userId: expertUser.id, cityId: lublin.id }).expect(201);
    const lodzExpertUser = await makeUser(ds);
    await t.http.post(`/api/editions/${edition.id}/experts`).set(c()).send({ userId: lodzExpertUser.id, cityId: lodz.id }).expect(201);
    const jurorSpecs = [
      { name: 'Priscilla Rubia', cityId: lodz.id, countryOfOrigin: 'Kenia' },
      { name: 'Harris Mawusi', countryOfOrigin: 'Ghana' },
      { name: 'Edward Krajczyński', cityId: lublin.id, countryOfOrigin: 'Ukraina' },
      { name: 'Ngo Hoang Minh', countryOfOrigin: 'Wietnam' },
    ];
    const jurors: SignedIn[] = [];
    for (const { name, ...grant } of jurorSpecs) {
      const user = await makeUser(ds, { name });
      await t.http.post(`/api/editions/${edition.id}/jurors`).set(c()).send({ userId: user.id, ...grant }).expect(201);
      jurors.push(await signIn(t.http, user.email));
    }
    await move(edition.id, 'reportsOpen');
    const practices: string[] = [];
    for (const [user, cityRow, titles] of [
      [expertUser, lublin, ['Kompleksowa pomoc społeczna MOPR', 'Miejski punkt obsługi cudzoziemców']],
      [lodzExpertUser, lodz, ['Wielokulturowa Łódź']],
    ] as const) {
      const e = (await signIn(t.http, user.email)).auth;
      const report = (await t.http.post(`/api/editions/${edition.id}/reports`).set(e).send({ cityId: cityRow.id }).expect(201)).body;
      for (const title of titles) {
        practices.push((await t.http.post(`/api/reports/${report.id}/practices`).set(e)
          .send({ title, description: 'Opis praktyki.', recipientUnits: [], categoryIds: [category.id] }).expect(201)).body.id);
      }
      await t.http.post(`/api/reports/${report.id}/submit`).set(e).expect(200);
    }
    for (const id of practices) await t.http.post(`/api/practices/${id}/eligibility`).set(c()).send({ eligible: true }).expect(200);
    await move(edition.id, 'juryScoring');
    // Harris Mawusi declares a conflict on Łódź's practice and does not score it.
    await t.http.post(`/api/practices/${practices[2]}/conflicts`).set(jurors[1].auth).send({ reason: 'Współpracowałem z tym urzędem w 2092 roku.' }).expect(201);
    for (const [j, juror] of jurors.entries()) {
      for (const [k, id] of practices.entries()) {
        const response = await t.http.put(`/api/practices/${id}/scores/mine`).set(juror.auth).send({ criteria: uniform(1 + ((j + 2 * k) % 5)) });
        expect([200, 403, 404, 409]).toContain(response.status); // conflicted pairs are refused
      }
    }
    await move(edition.id, 'deliberation');

    // The jury's protocol, a draft in deliberation: every juror, the ranking GET /results gives.
    const results = (await t.http.get(`/api/editions/${edition.id}/results?method=median`).set(c()).expect(200)).body;
    const draft = await pdf(t.http.get(`/api/editions/${edition.id}/protocol.pdf?method=median`).set(c())).expect(200).expect('content-type', 'application/pdf');
    expect(draft.headers['x-protocol-final']).toBe('false');
    const draftText = pdfText(draft.body, 'protocol-draft');
    expect(draftText).toContain('Projekt protokołu z obrad jury');
    for (const { name } of jurorSpecs) expect(draftText).toContain(name);
    expect(draftText).toContain('Priscilla Rubia (miasto: Łódź; pochodzenie: Kenia)');
    expect(draftText).toContain('Harris Mawusi: „Wielokulturowa Łódź” (Łódź): Współpracowałem z tym urzędem w 2092 roku.');
    expect(draftText).toContain('Metoda: mediana ważonych ocen');
    let at = draftText.indexOf('2. Ranking praktyk');
    expect(results.items).toHaveLength(3);
    for (const item of results.items as { rank: number; title: string; cityName: string; n: number; score: number }[]) {
      const line = `${item.rank}. ${item.title} — ${item.cityName} wynik ${item.score.toFixed(3).replace('.', ',')}; n = ${item.n};`;
      const found = draftText.indexOf(line, at);
      expect({ line, found: found > at }).toEqual({ line, found: true });
      at = found;
    }
    expect(draftText).toMatch(/Ocena ważona: (α = -?\d,\d{3}: [^.]+|nieokreślona[^.]+)\./);
    await t.http.get(`/api/editions/${edition.id}/protocol.pdf`).set(jurors[0].auth).expect(403);

    // An award in deliberation: the worker issues draft certificates, unknown to the public until publication.
    const award = (await t.http.post(`/api/editions/${edition.id}/awards`).set(c()).send({
      cityId: lublin.id, recipientUnit: 'Miejski Ośrodek Pomocy Rodzinie w Lublinie', categoryIds: [category.id], practiceIds: [practices[0]],
      citation: 'Za pomoc społeczną dostępną dla cudzoziemców.',
    }).expect(201)).body;
    await settle();
    const drafts = await certificatesOf(award.id);
    expect(drafts.map((x) => [x.language, x.status, x.published]).sort()).toEqual([['en', 'valid', false], ['pl', 'valid', false], ['uk', 'valid', false]]);
    const oldPl = drafts.find((x) => x.language === 'pl')!;
    await t.http.get(`/api/public/certificates/${oldPl.code}`).expect(404);

    // The same award sent again (an unchanged PATCH) issues nothing; a corrected citation revokes and re-issues.
    await t.http.patch(`/api/awards/${award.id}`).set(c()).send({ citation: 'Za pomoc społeczną dostępną dla cudzoziemców.' }).expect(200);
    await settle();
    expect((await certificatesOf(award.id)).map((x) => x.code).sort()).toEqual(drafts.map((x) => x.code).sort());
    await t.http.patch(`/api/awards/${award.id}`).set(c())
      .send({ citation: 'Za kompleksową pomoc społeczną dostępną dla cudzoziemców: źródło zaufania, żywa współpraca.' }).expect(200);
    await settle();
    const afterCorrection = await certificatesOf(award.id);
    expect(afterCorrection.filter((x) => x.status === 'valid')).toHaveLength(3);
    expect(afterCorrection.filter((x) => x.status === 'revoked').map((x) => x.code).sort()).toEqual(drafts.map((x) => x.code).sort());

    await move(edition.id, 'decided');
    await move(edition.id, 'published');
    await settle();
    const issued = (await certificatesOf(award.id)).filter((x) => x.status === 'valid');
    // Publication issued nothing new: the certificates in force already state the published facts.
    expect(issued.map((x) => x.code).sort()).toEqual(afterCorrection.filter((x) => x.status === 'valid').map((x) => x.code).sort());
    expect(issued.every((x) => x.published)).toBe(true);

    // The public award page and the official's city page list them.
    const publicAwards = (await t.http.get('/api/public/editions/2093/awards').expect(200)).body;
    expect(publicAwards.awards[0].certificates.map((x: { language: string }) => x.language)).toEqual(['pl', 'en', 'uk']);
    const official = await makeSignedInUser(ds, t.http, 'cityOfficial', { cityId: lublin.id });
    const status = (await t.http.get(`/api/cities/${lublin.id}/status`).set(official.auth).expect(200)).body;
    const statusAward = status.editions.find((x: { editionId: string }) => x.editionId === edition.id).awards[0];
    expect(statusAward.certificates.map((x: { code: string }) => x.code).sort()).toEqual(issued.map((x) => x.code).sort());

    const ceremony = {
      pl: 'Wręczenie wyróżnień: 14 maja 2093, godz. 15:30, Synagoga pod Białym Bocianem, Wrocław',
      en: 'Award ceremony: 14 May 2093, 15:30 (Warsaw time), Synagoga pod Białym Bocianem, Wrocław',
      uk: 'Церемонія нагородження: 14 травня 2093 р., о 15:30 (за варшавським часом), Synagoga pod Białym Bocianem, Wrocław',
    };
    const heading = { pl: 'Wyróżnienie', en: 'Certificate of Distinction', uk: 'Відзнака' };
    const categoryText = { pl: 'Kompleksowa pomoc społeczna dostępna dla cudzoziemców', en: 'Comprehensive social assistance for foreigners', uk: 'Комплексна соціальна допомога для іноземців' };
    for (const language of ['pl', 'en', 'uk'] as const) {
      const certificate = issued.find((x) => x.language === language)!;
      expect(certificate.verifyUrl).toBe(`${t.config.publicUrl}/verify/${certificate.code}`);
      const file = await pdf(t.http.get(`/api/public/certificates/${certificate.code}/pdf`)).expect(200).expect('content-type', 'application/pdf');
      const text = pdfText(file.body, `certificate-${language}`);
      expect(text).toContain(heading[language]);
      expect(text).toContain('Lublin');
      expect(text).toContain('Miejski Ośrodek Pomocy Rodzinie w Lublinie');
      expect(text).toContain(categoryText[language]);
      expect(text).toContain('źródło zaufania, żywa współpraca');
      expect(text).toContain(ceremony[language]);
      expect(text).toContain(certificate.verifyUrl);
      // The fonts are embedded (DejaVu from the package), not the viewer's.
      const fonts = execFileSync('pdffonts', [join(scratch, `certificate-${language}.pdf`)], { encoding: 'utf8' });
      expect(fonts).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes\s+yes/);

      const decoded = qrOf(file.body, `certificate-${language}`, language === 'pl' ? 'certificate-pl.png' : undefined);
      expect(decoded).toBe(certificate.verifyUrl);
      const code = new URL(decoded!).pathname.split('/').pop();
      const verification = (await t.http.get(`/api/public/certificates/${code}`).expect(200)).body;
      expect(verification).toMatchObject({ code: certificate.code, status: 'valid', language, award: { year: 2093, city: 'Lublin', recipientUnit: 'Miejski Ośrodek Pomocy Rodzinie w Lublinie' } });
    }
    // The code from before the correction: revoked, no download.
    expect((await t.http.get(`/api/public/certificates/${oldPl.code}`).expect(200)).body).toMatchObject({ status: 'revoked', award: null, pdfUrl: null });
    await t.http.get(`/api/public/certificates/${oldPl.code}/pdf`).expect(404);
    await t.http.get('/api/public/certificates/ABCDEFGHJK').expect(404);
    await t.http.get('/api/public/certificates/not-a-code').expect(404);

    // The final protocol: the awards with their citations, the stage history, signature lines.
    const final = await pdf(t.http.get(`/api/editions/${edition.id}/protocol.pdf`).set(c())).expect(200);
    expect(final.headers['x-protocol-final']).toBe('true');
    const finalText = pdfText(final.body, 'protocol-final');
    expect(finalText).toContain('Protokół z obrad jury Miasta Otwarte 2093');
    expect(finalText).not.toContain('Projekt protokołu');
    expect(finalText).toContain('1. Lublin — Miejski Ośrodek Pomocy Rodzinie w Lublinie');
    expect(finalText).toContain('Uzasadnienie: Za kompleksową pomoc społeczną dostępną dla cudzoziemców: źródło zaufania, żywa współpraca.');
    for (const stage of ['szkic → raporty ekspertów', 'obrady → decyzje podjęte', 'decyzje podjęte → wyniki opublikowane']) expect(finalText).toContain(stage);
    for (const { name } of jurorSpecs) expect(finalText).toContain(`${name}, juror`);
    expect(finalText).toContain('6. Podpisy');
  }, 240_000);

  it('refuses the protocol before deliberation and an unknown language of a certificate', async () => {
    const edition = (await t.http.post('/api/editions').set(c()).send({ year: 2094, name: 'Miasta Otwarte 2094' }).expect(201)).body;
    const refused = await t.http.get(`/api/editions/${edition.id}/protocol.pdf`).set(c()).expect(409);
    expect(refused.body.code).toBe('wrong_stage');
    const [award] = await ds.query(`SELECT id FROM award LIMIT 1`);
    const bad = await t.http.get(`/api/awards/${award.id}/certificate.pdf?language=de`).set(c()).expect(400);
    expect(JSON.stringify(bad.body)).toContain('language');
    const ok = await pdf(t.http.get(`/api/awards/${award.id}/certificate.pdf?language=uk`).set(c())).expect(200);
    expect(pdfText(ok.body, 'coordinator-uk')).toContain('Відзнака');
  });

  // Some thirty renders (about a second each on a loaded two-core machine) after loading the demo data.
  it("issues the demo's Lublin 2015 and 2014 certificates through the sweep (loaded data has no events)", async () => {
    await seedDemo(ds);
    expect(await t.app.get(CertificatesService).sweep(60_000)).toBeGreaterThanOrEqual(10);
    await settle();
    expect(await t.app.get(CertificatesService).sweep(60_000)).toBe(0);
    const awards = (await t.http.get('/api/public/editions/2015/awards').expect(200)).body.awards as { recipientUnit: string | null; certificates: { language: string; code: string }[] }[];
    const mopr = awards.find((award) => award.recipientUnit === 'Miejski Ośrodek Pomocy Rodzinie w Lublinie')!;
    expect(mopr.certificates.map((x) => x.language)).toEqual(['pl', 'en', 'uk']);
    const lines = {
      pl: 'Wręczenie wyróżnień: 14 maja 2015, godz. 15:30, Synagoga pod Białym Bocianem, Wrocław',
      en: 'Award ceremony: 14 May 2015, 15:30 (Warsaw time), Synagoga pod Białym Bocianem, Wrocław',
      uk: 'Церемонія нагородження: 14 травня 2015 р., о 15:30 (за варшавським часом), Synagoga pod Białym Bocianem, Wrocław',
    };
    for (const { language, code } of mopr.certificates) {
      const file = await pdf(t.http.get(`/api/public/certificates/${code}/pdf`)).expect(200);
      const text = pdfText(file.body, `demo-${language}`);
      expect(text).toContain('Lublin');
      expect(text).toContain('Miejski Ośrodek Pomocy Rodzinie w Lublinie');
      expect(text).toContain(lines[language as keyof typeof lines]);
      expect(qrOf(file.body, `demo-${language}`, `certificate-lublin-2015-mopr-${language}.png`)).toBe(`${t.config.publicUrl}/verify/${code}`);
    }
    // 2014: the sources give the ceremony's city only (Warszawa, III Forum), so the certificate says no more.
    const awards2014 = (await t.http.get('/api/public/editions/2014/awards').expect(200)).body.awards as { certificates: { language: string; code: string }[] }[];
    const first2014 = await pdf(t.http.get(`/api/public/certificates/${awards2014[0].certificates[0].code}/pdf`)).expect(200);
    expect(pdfText(first2014.body, 'demo-2014')).toContain('Wręczenie wyróżnień: Warszawa');
  }, 240_000);
});
