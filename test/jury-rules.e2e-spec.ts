// The jury's rules at their edges: a conflict is declared only while scoring is open and the score
// it withdraws stays in the audit trail; conflicts come from every tie a person has to a city (the
// juror's city, the city's expert, its officials), so those practices leave the ballot, cannot be
// scored, do not count, and stay out of what a conflicted juror reads in deliberation.
import { DataSource } from 'typeorm';
import { createTestApp, grantRole, makeCity, makeEdition, makePractice, makeReport, makeSignedInUser, makeUser, signIn, SignedIn, TestApp } from '@app/testing';

const uniform = (v: number) => ({ comprehensiveness: v, longTerm: v, governmentEngagement: v, effectiveness: v });
const METHODS = ['mean', 'median', 'zscore', 'borda'];

describe('jury rules', () => {
  let t: TestApp;
  let ds: DataSource;
  let coordinator: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
  });
  afterAll(() => t.close());

  /** A juror of the edition (tied to a city or not), signed in, with extra grants first. */
  async function juror(editionId: string, cityId: string | null, extra: (userId: string) => Promise<unknown> = async () => undefined) {
    const user = await makeUser(ds);
    await extra(user.id);
    await grantRole(ds, user.id, 'juror', { editionId, ...(cityId ? { cityId } : {}) });
    return { id: user.id, ...(await signIn(t.http, user.email)) };
  }

  /**
   * Lublin and Kraków with two eligible practices each, in stage juryScoring. Jurors: tied to
   * Lublin; Lublin's expert (no city); Lublin's official tied to Kraków; two without ties.
   */
  async function scoringEdition(scoringDueAt: Date | null = new Date(Date.now() + 86_400_000)) {
    const edition = await makeEdition(ds, { stage: 'juryScoring', scoringDueAt });
    const lublin = await makeCity(ds, `Lublin ${edition.year}`);
    const krakow = await makeCity(ds, `Kraków ${edition.year}`);
    const practices: Record<string, string> = {};
    for (const [city, keys] of [[lublin, ['lublin1', 'lublin2']], [krakow, ['krakow1', 'krakow2']]] as const) {
      const report = await makeReport(ds, edition.id, city.id, 'submitted');
      for (const key of keys) practices[key] = (await makePractice(ds, report.id, { title: key, status: 'eligible' })).id;
    }
    const jurors = {
      lublinJuror: await juror(edition.id, lublin.id),
      lublinExpert: await juror(edition.id, null, (id) => grantRole(ds, id, 'expert', { editionId: edition.id, cityId: lublin.id })),
      lublinOfficial: await juror(edition.id, krakow.id, (id) => grantRole(ds, id, 'cityOfficial', { cityId: lublin.id })),
      plain1: await juror(edition.id, null),
      plain2: await juror(edition.id, null),
    };
    return { edition, lublin, krakow, practices, jurors };
  }

  const ballotTitles = async (editionId: string, who: SignedIn) =>
    ((await t.http.get(`/api/editions/${editionId}/ballot`).set(who.auth).expect(200)).body.items as { practice: { title: string } }[])
      .map((item) => item.practice.title).sort();

  describe('declaring a conflict', () => {
    it('is refused after scoringDueAt, like a score (409 deadline_passed), and keeps the score counted', async () => {
      const e = await scoringEdition();
      const { plain1 } = e.jurors;
      await t.http.put(`/api/practices/${e.practices.krakow1}/scores/mine`).set(plain1.auth).send({ criteria: uniform(4) }).expect(200);
      await ds.query(`UPDATE edition SET scoring_due_at = now() - interval '1 minute' WHERE id = $1`, [e.edition.id]);
      const res = await t.http.post(`/api/practices/${e.practices.krakow1}/conflicts`).set(plain1.auth).send({ reason: 'Za późno na wycofanie' }).expect(409);
      expect(res.body.code).toBe('deadline_passed');
      const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM conflict_of_interest WHERE juror_id = $1`, [plain1.id]);
      expect(count).toBe(0);
    });

    it('is refused before scoring opens (409 wrong_stage)', async () => {
      const edition = await makeEdition(ds, { stage: 'reportsOpen' });
      const city = await makeCity(ds);
      const report = await makeReport(ds, edition.id, city.id, 'submitted');
      const practice = await makePractice(ds, report.id, { status: 'submitted' });
      const j = await juror(edition.id, null);
      const res = await t.http.post(`/api/practices/${practice.id}/conflicts`).set(j.auth).send({ reason: 'Znam autorów' }).expect(409);
      expect(res.body.code).toBe('wrong_stage');
    });

    it('while scoring is open, withdraws the score and keeps its values in the audit trail', async () => {
      const e = await scoringEdition();
      const { plain1 } = e.jurors;
      await t.http.put(`/api/practices/${e.practices.krakow1}/scores/mine`).set(plain1.auth).send({ criteria: { comprehensiveness: 5, longTerm: 4, governmentEngagement: 3, effectiveness: 2 }, comment: 'dobre' }).expect(200);
      await t.http.post(`/api/practices/${e.practices.krakow1}/conflicts`).set(plain1.auth).send({ reason: 'Pracowałem w tym urzędzie' }).expect(201);
      const [audit] = await ds.query(
        `SELECT details FROM audit_event WHERE actor_id = $1 AND action = 'jury.conflict_declared' AND object_id = $2`,
        [plain1.id, e.practices.krakow1],
      );
      expect(audit.details).toMatchObject({
        withdrawnScore: { criteria: { comprehensiveness: 5, longTerm: 4, governmentEngagement: 3, effectiveness: 2 }, comment: 'dobre' },
      });
    });
  });

  describe('conflicts from every tie to a city', () => {
    it('keeps the practices of a tied city off the ballot and refuses their scores (403)', async () => {
      const e = await scoringEdition();
      const { lublinJuror, lublinExpert, lublinOfficial, plain1 } = e.jurors;
      expect(await ballotTitles(e.edition.id, plain1)).toEqual(['krakow1', 'krakow2', 'lublin1', 'lublin2']);
      expect(await ballotTitles(e.edition.id, lublinJuror)).toEqual(['krakow1', 'krakow2']);
      expect(await ballotTitles(e.edition.id, lublinExpert)).toEqual(['krakow1', 'krakow2']);
      expect(await ballotTitles(e.edition.id, lublinOfficial)).toEqual([]);
      for (const who of [lublinExpert, lublinOfficial]) {
        await t.http.put(`/api/practices/${e.practices.lublin1}/scores/mine`).set(who.auth).send({ criteria: uniform(5) }).expect(403);
      }
      // The official may not read Lublin's practice as a juror (its expert may: it is their own report).
      await t.http.get(`/api/practices/${e.practices.lublin1}`).set(lublinOfficial.auth).expect(403);
      await t.http.put(`/api/practices/${e.practices.krakow1}/scores/mine`).set(lublinExpert.auth).send({ criteria: uniform(5) }).expect(200);
    });

    it('an expert who wrote the city’s report is tied to it even without an expert grant', async () => {
      const e = await scoringEdition();
      const author = e.jurors.plain2;
      await ds.query(`UPDATE report SET created_by = $1 WHERE edition_id = $2 AND city_id = $3`, [author.id, e.edition.id, e.krakow.id]);
      expect(await ballotTitles(e.edition.id, author)).toEqual(['lublin1', 'lublin2']);
    });

    it('does not count scores of tied jurors, and the coordinator’s list says why', async () => {
      const e = await scoringEdition();
      // Scores written before the ties were known (straight into the table).
      for (const j of Object.values(e.jurors)) {
        await ds.query(
          `INSERT INTO score (edition_id, practice_id, juror_id, comprehensiveness, long_term, government_engagement, effectiveness) VALUES ($1, $2, $3, 5, 5, 5, 5)`,
          [e.edition.id, e.practices.lublin1, j.id],
        );
      }
      await t.http.post(`/api/practices/${e.practices.krakow2}/conflicts`).set(e.jurors.plain2.auth).send({ reason: 'Znam autorów' }).expect(201);
      const results = (await t.http.get(`/api/editions/${e.edition.id}/results?method=mean`).set(coordinator.auth).expect(200)).body;
      expect(results.items.find((item: { practiceId: string }) => item.practiceId === e.practices.lublin1).n).toBe(2);

      const conflicts = (await t.http.get(`/api/editions/${e.edition.id}/conflicts`).set(coordinator.auth).expect(200)).body as
        { jurorId: string; practiceId: string; reasonCode: string; reason: string }[];
      const has = (jurorId: string, practiceId: string, reasonCode: string) =>
        expect(conflicts).toContainEqual(expect.objectContaining({ jurorId, practiceId, reasonCode }));
      has(e.jurors.lublinJuror.id, e.practices.lublin1, 'juror_city');
      has(e.jurors.lublinExpert.id, e.practices.lublin2, 'expert_of_city');
      has(e.jurors.lublinOfficial.id, e.practices.lublin1, 'official_of_city');
      has(e.jurors.lublinOfficial.id, e.practices.krakow1, 'juror_city');
      has(e.jurors.plain2.id, e.practices.krakow2, 'declared');
      expect(conflicts.filter((row) => row.jurorId === e.jurors.plain1.id)).toEqual([]);
      expect(conflicts.find((row) => row.reasonCode === 'declared')!.reason).toBe('Znam autorów');
    });
  });

  describe('what a conflicted juror reads in deliberation', () => {
    it('leaves out the practices they are conflicted with; the coordinator sees everything', async () => {
      const e = await scoringEdition();
      const { lublinExpert, plain1, plain2 } = e.jurors;
      // plain1 and plain2 score everything with comments; lublinExpert scores Kraków and recuses from krakow2 afterwards.
      for (const [j, who] of [plain1, plain2].entries()) {
        for (const [k, id] of Object.values(e.practices).entries()) {
          await t.http.put(`/api/practices/${id}/scores/mine`).set(who.auth).send({ criteria: uniform(1 + ((j + k) % 5)), comment: `uwaga ${j}/${k}` }).expect(200);
        }
      }
      await t.http.put(`/api/practices/${e.practices.krakow1}/scores/mine`).set(lublinExpert.auth).send({ criteria: uniform(3) }).expect(200);
      await t.http.post(`/api/practices/${e.practices.krakow2}/conflicts`).set(lublinExpert.auth).send({ reason: 'Znam zespół' }).expect(201);
      await t.http.post(`/api/editions/${e.edition.id}/transitions`).set(coordinator.auth).send({ to: 'deliberation' }).expect(200);

      const hidden = new Set([e.practices.lublin1, e.practices.lublin2, e.practices.krakow2]);
      for (const method of METHODS) {
        const mine = (await t.http.get(`/api/editions/${e.edition.id}/results?method=${method}`).set(lublinExpert.auth).expect(200)).body;
        expect(mine.items.map((item: { practiceId: string }) => item.practiceId)).toEqual([e.practices.krakow1]);
        const all = (await t.http.get(`/api/editions/${e.edition.id}/results?method=${method}`).set(coordinator.auth).expect(200)).body;
        expect(all.items).toHaveLength(4);
      }
      const comments = (await t.http.get(`/api/editions/${e.edition.id}/comments`).set(lublinExpert.auth).expect(200)).body as { practiceId: string }[];
      expect(comments.length).toBeGreaterThan(0);
      expect(comments.filter((c) => hidden.has(c.practiceId))).toEqual([]);
      const allComments = (await t.http.get(`/api/editions/${e.edition.id}/comments`).set(coordinator.auth).expect(200)).body as { practiceId: string }[];
      expect(allComments.some((c) => hidden.has(c.practiceId))).toBe(true);
      // Agreement and the score export are the coordinator's alone (they hold every practice).
      await t.http.get(`/api/editions/${e.edition.id}/agreement`).set(lublinExpert.auth).expect(403);
      await t.http.get(`/api/editions/${e.edition.id}/scores.csv`).set(lublinExpert.auth).expect(403);
      // A juror without ties sees every practice.
      const plain = (await t.http.get(`/api/editions/${e.edition.id}/results?method=mean`).set(plain1.auth).expect(200)).body;
      expect(plain.items).toHaveLength(4);
    });

    it('leaves out the awards to a tied city and conflicted practices of other awards', async () => {
      const e = await scoringEdition();
      await ds.query(`UPDATE edition SET stage = 'deliberation' WHERE id = $1`, [e.edition.id]);
      const award = async (cityId: string, practiceIds: string[]) => {
        const [{ id }] = await ds.query(`INSERT INTO award (edition_id, city_id, position) VALUES ($1, $2, (SELECT count(*) FROM award WHERE edition_id = $1)) RETURNING id`, [e.edition.id, cityId]);
        for (const practiceId of practiceIds) await ds.query(`INSERT INTO award_practice (award_id, practice_id) VALUES ($1, $2)`, [id, practiceId]);
        return id as string;
      };
      const toLublin = await award(e.lublin.id, [e.practices.lublin1]);
      const toKrakow = await award(e.krakow.id, [e.practices.krakow1, e.practices.krakow2]);
      await ds.query(`INSERT INTO conflict_of_interest (edition_id, practice_id, juror_id, reason) VALUES ($1, $2, $3, 'Znam zespół')`, [e.edition.id, e.practices.krakow2, e.jurors.lublinExpert.id]);

      const seen = (await t.http.get(`/api/editions/${e.edition.id}/awards`).set(e.jurors.lublinExpert.auth).expect(200)).body as { id: string; practices: { id: string }[] }[];
      expect(seen.map((a) => a.id)).toEqual([toKrakow]);
      expect(seen[0].practices.map((p) => p.id)).toEqual([e.practices.krakow1]);
      const all = (await t.http.get(`/api/editions/${e.edition.id}/awards`).set(coordinator.auth).expect(200)).body as { id: string }[];
      expect(all.map((a) => a.id).sort()).toEqual([toLublin, toKrakow].sort());
    });
  });
});
