// The repositories of editions, categories, cities, grants, reports, practices, files, the
// catalogue, the jury and its results against a real PostgreSQL: one rule per `it`, each statement inside a transaction
// through the manager it is given.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, grantRole, makeCategory, makeCity, makeEdition, makePractice, makeReport, makeUser, TestDatabase } from '@app/testing';
import { CatalogueRepository } from '@app/domain/catalogue/catalogue.repository';
import { CategoriesRepository } from '@app/domain/categories/categories.repository';
import { CitiesRepository } from '@app/domain/cities/cities.repository';
import { EditionsRepository } from '@app/domain/editions/editions.repository';
import { FilesRepository } from '@app/domain/files/files.repository';
import { GrantsRepository } from '@app/domain/grants/grants.repository';
import { JuryRepository } from '@app/domain/jury/jury.repository';
import { ResultsRepository } from '@app/domain/jury/results.repository';
import { PracticesRepository } from '@app/domain/practices/practices.repository';
import { ReportsRepository } from '@app/domain/reports/reports.repository';

describe('repositories (PostgreSQL)', () => {
  let database: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    ds = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await database?.drop();
  });

  describe('EditionsRepository', () => {
    const editions = new EditionsRepository();

    it('moves the stage only from the stage the caller saw', async () => {
      const { id } = await makeEdition(ds, { stage: 'draft' });
      const stale = await ds.transaction((manager) => editions.moveStage(manager, id, 'reportsOpen', 'juryScoring'));
      const moved = await ds.transaction((manager) => editions.moveStage(manager, id, 'draft', 'reportsOpen'));
      expect(stale).toBeUndefined();
      expect(moved?.stage).toBe('reportsOpen');
    });

    it('updates only the columns of the patch, weights as JSON', async () => {
      const { id } = await makeEdition(ds);
      const row = await ds.transaction((manager) => editions.update(manager, id, { name: 'Nowa nazwa', scoring_weights: { impact: 2 } }));
      expect(row).toMatchObject({ name: 'Nowa nazwa', scoring_weights: { impact: 2 }, scoring_scale_max: 5 });
    });

    it('counts what the transition guards look at', async () => {
      const { id } = await makeEdition(ds, { stage: 'reportsOpen' });
      const city = await makeCity(ds);
      await makeCategory(ds, id);
      const report = await makeReport(ds, id, city.id, 'submitted');
      await makePractice(ds, report.id, { status: 'submitted' });
      await makePractice(ds, report.id, { status: 'eligible' });
      const counts = await editions.transitionCounts(ds.manager, id);
      expect(counts).toEqual({ categories: 1, experts: 0, jurors: 0, unchecked: 1, eligible: 1, awards: 0 });
    });
  });

  describe('CategoriesRepository', () => {
    const categories = new CategoriesRepository();

    it('appends a new category at the end of its edition’s list', async () => {
      const { id } = await makeEdition(ds);
      await ds.transaction((manager) => categories.insert(manager, { editionId: id, name: 'A', description: null, translations: {} }));
      const second = await ds.transaction((manager) => categories.insert(manager, { editionId: id, name: 'B', description: null, translations: { en: 'B' } }));
      expect(second).toMatchObject({ position: 1, translations: { en: 'B' } });
    });

    it('closes the gap a removal leaves', async () => {
      const { id } = await makeEdition(ds);
      const made: { id: string }[] = [];
      for (const name of ['A', 'B', 'C']) made.push(await ds.transaction((manager) => categories.insert(manager, { editionId: id, name, description: null, translations: {} })));
      await ds.transaction(async (manager) => {
        await categories.delete(manager, made[1].id);
        await categories.renumber(manager, id);
      });
      expect((await categories.listByEdition(ds.manager, id)).map((c) => [c.name, c.position])).toEqual([['A', 0], ['C', 1]]);
    });
  });

  describe('CitiesRepository', () => {
    const cities = new CitiesRepository();

    it('finds a city by a part of its name regardless of case and Polish letters', async () => {
      const city = await makeCity(ds, `Łódź ${randomUUID().slice(0, 6)}`);
      const rows = await cities.list(ds.manager, 10, 0, 'lodz');
      expect(rows.map((row) => row.id)).toContain(city.id);
    });

    it('shows a city’s distinctions only once their edition is published', async () => {
      const city = await makeCity(ds);
      for (const stage of ['decided', 'published']) {
        const { id } = await makeEdition(ds, { stage });
        await ds.query(`INSERT INTO award (edition_id, city_id, recipient_unit, citation) VALUES ($1, $2, 'Wydział', 'Za wszystko.')`, [id, city.id]);
      }
      expect(await cities.publishedAwards(ds.manager, city.id)).toHaveLength(1);
    });
  });

  describe('GrantsRepository', () => {
    const grants = new GrantsRepository();

    it('locks a grant only within the scope asked for', async () => {
      const user = await makeUser(ds);
      const edition = await makeEdition(ds);
      const other = await makeEdition(ds);
      const grantId = await grantRole(ds, user.id, 'juror', { editionId: edition.id });
      const outside = await ds.transaction((manager) => grants.lock(manager, grantId, 'juror', { editionId: other.id, cityId: null }));
      const inside = await ds.transaction((manager) => grants.lock(manager, grantId, 'juror', { editionId: edition.id, cityId: null }));
      expect(outside).toBeUndefined();
      expect(inside).toMatchObject({ id: grantId, user_id: user.id });
    });

    it('does not count a disabled user as assignable', async () => {
      const user = await makeUser(ds, { status: 'disabled' });
      expect(await grants.isEnabledUser(ds.manager, user.id)).toBe(false);
    });
  });

  describe('ReportsRepository', () => {
    const reports = new ReportsRepository();

    it('starts one report per city and edition', async () => {
      const edition = await makeEdition(ds, { stage: 'reportsOpen' });
      const city = await makeCity(ds);
      const user = await makeUser(ds);
      const first = await ds.transaction((manager) => reports.insertIfAbsent(manager, edition.id, city.id, user.id));
      const second = await ds.transaction((manager) => reports.insertIfAbsent(manager, edition.id, city.id, user.id));
      expect(first).toBeDefined();
      expect(second).toBeUndefined();
    });

    it('refuses to submit once the deadline has passed', async () => {
      const edition = await makeEdition(ds, { stage: 'reportsOpen', reportsDueAt: new Date(Date.now() - 1000) });
      const report = await makeReport(ds, edition.id, (await makeCity(ds)).id);
      const user = await makeUser(ds);
      expect(await ds.transaction((manager) => reports.submit(manager, report.id, user.id))).toBe(false);
    });

    it('submits a draft while the edition takes reports', async () => {
      const edition = await makeEdition(ds, { stage: 'reportsOpen' });
      const report = await makeReport(ds, edition.id, (await makeCity(ds)).id);
      const user = await makeUser(ds);
      expect(await ds.transaction((manager) => reports.submit(manager, report.id, user.id))).toBe(true);
      expect(await ds.transaction((manager) => reports.submit(manager, report.id, user.id))).toBe(false);
    });
  });

  describe('PracticesRepository', () => {
    const practices = new PracticesRepository();

    it('records an ineligible decision with its reason, an eligible one without', async () => {
      const edition = await makeEdition(ds, { stage: 'reportsOpen' });
      const report = await makeReport(ds, edition.id, (await makeCity(ds)).id, 'submitted');
      const practice = await makePractice(ds, report.id, { status: 'submitted' });
      const user = await makeUser(ds);
      await ds.transaction((manager) => practices.recordEligibility(manager, practice.id, { eligible: false, reason: 'Poza zakresem.', decidedBy: user.id }));
      const [ineligible] = await ds.query(`SELECT status, eligibility_reason FROM practice WHERE id = $1`, [practice.id]);
      await ds.transaction((manager) => practices.recordEligibility(manager, practice.id, { eligible: true, reason: 'ignored', decidedBy: user.id }));
      const [eligible] = await ds.query(`SELECT status, eligibility_reason FROM practice WHERE id = $1`, [practice.id]);
      expect(ineligible).toEqual({ status: 'ineligible', eligibility_reason: 'Poza zakresem.' });
      expect(eligible).toEqual({ status: 'eligible', eligibility_reason: null });
    });

    it('counts only categories of the practice’s edition', async () => {
      const edition = await makeEdition(ds);
      const other = await makeEdition(ds);
      const own = await makeCategory(ds, edition.id);
      const foreign = await makeCategory(ds, other.id);
      expect(await ds.transaction((manager) => practices.lockCategoriesOfEdition(manager, edition.id, [own.id, foreign.id]))).toBe(1);
    });
  });

  describe('FilesRepository', () => {
    const files = new FilesRepository();

    it('removes a file only through its own report', async () => {
      const edition = await makeEdition(ds, { stage: 'reportsOpen' });
      const report = await makeReport(ds, edition.id, (await makeCity(ds)).id);
      const other = await makeReport(ds, edition.id, (await makeCity(ds)).id);
      const user = await makeUser(ds);
      const file = await ds.transaction((manager) =>
        files.insert(manager, { id: randomUUID(), reportId: report.id, filename: 'a.pdf', contentType: 'application/pdf', size: 10, sha256: 'x'.repeat(64), uploadedBy: user.id }),
      );
      expect(await ds.transaction((manager) => files.delete(manager, other.id, file.id))).toBe(false);
      expect(await ds.transaction((manager) => files.delete(manager, report.id, file.id))).toBe(true);
    });
  });

  describe('CatalogueRepository', () => {
    const catalogue = new CatalogueRepository();

    it('shows the public a distinguished practice only once its edition is published', async () => {
      const decided = await makeEdition(ds, { stage: 'decided' });
      const report = await makeReport(ds, decided.id, (await makeCity(ds)).id, 'submitted');
      const practice = await makePractice(ds, report.id, { status: 'distinguished' });
      const before = await catalogue.practice(ds.manager, practice.id);
      await ds.query(`UPDATE edition SET stage = 'published' WHERE id = $1`, [decided.id]);
      const after = await catalogue.practice(ds.manager, practice.id);
      expect(before).toBeUndefined();
      expect(after?.id).toBe(practice.id);
    });

    it('never shows the public a practice that was not distinguished', async () => {
      const published = await makeEdition(ds, { stage: 'published' });
      const report = await makeReport(ds, published.id, (await makeCity(ds)).id, 'submitted');
      const practice = await makePractice(ds, report.id, { status: 'notDistinguished' });
      expect(await catalogue.practice(ds.manager, practice.id)).toBeUndefined();
    });
  });

  describe('JuryRepository', () => {
    const jury = new JuryRepository();
    const score = (practiceId: string, jurorId: string) =>
      ds.transaction((manager) =>
        jury.upsertScore(manager, { practiceId, jurorId, comprehensiveness: 3, longTerm: 3, governmentEngagement: 3, effectiveness: 3, comment: null }),
      );

    async function scoringWorld(scoringDueAt: Date | null = null) {
      const edition = await makeEdition(ds, { stage: 'juryScoring', scoringDueAt });
      const city = await makeCity(ds);
      const report = await makeReport(ds, edition.id, city.id, 'submitted');
      const practice = await makePractice(ds, report.id, { status: 'eligible' });
      const juror = await makeUser(ds);
      await grantRole(ds, juror.id, 'juror', { editionId: edition.id });
      return { edition, city, practice, juror };
    }

    it('writes a juror’s score once and updates it in place', async () => {
      const w = await scoringWorld();
      expect(await score(w.practice.id, w.juror.id)).toMatchObject({ comprehensiveness: 3, comment: null });
      expect(await score(w.practice.id, w.juror.id)).toBeDefined();
      const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM score WHERE practice_id = $1`, [w.practice.id]);
      expect(count).toBe(1);
    });

    it('writes nothing for a juror tied to the practice’s city, and leaves it off their ballot and progress', async () => {
      const w = await scoringWorld();
      await grantRole(ds, w.juror.id, 'cityOfficial', { cityId: w.city.id });
      expect(await score(w.practice.id, w.juror.id)).toBeUndefined();
      expect((await jury.scoreRefusal(ds.manager, w.practice.id, w.juror.id))?.conflict).toBe(true);
      expect(await jury.ballotItems(ds.manager, w.edition.id, w.juror.id)).toEqual([]);
      expect(await jury.progress(ds.manager, w.edition.id)).toEqual([expect.objectContaining({ jurorId: w.juror.id, scored: 0, total: 0 })]);
    });

    it('writes nothing once scoring has closed', async () => {
      const w = await scoringWorld(new Date(Date.now() - 60_000));
      expect(await score(w.practice.id, w.juror.id)).toBeUndefined();
    });
  });

  describe('ResultsRepository', () => {
    const results = new ResultsRepository();

    it('leaves out of the results and marks uncounted in the export a score of a juror later tied to the city', async () => {
      const edition = await makeEdition(ds, { stage: 'deliberation' });
      const city = await makeCity(ds);
      const report = await makeReport(ds, edition.id, city.id, 'submitted');
      const practice = await makePractice(ds, report.id, { status: 'eligible' });
      const [fair, tied] = [await makeUser(ds), await makeUser(ds)];
      for (const [juror, value] of [[fair, 4], [tied, 1]] as const) {
        await grantRole(ds, juror.id, 'juror', { editionId: edition.id });
        await ds.query(
          `INSERT INTO score (edition_id, practice_id, juror_id, comprehensiveness, long_term, government_engagement, effectiveness) VALUES ($1, $2, $3, $4, $4, $4, $4)`,
          [edition.id, practice.id, juror.id, value],
        );
      }
      await grantRole(ds, tied.id, 'cityOfficial', { cityId: city.id });
      const [row] = await results.results(ds.manager, edition.id, 'mean', null, null);
      expect(row).toMatchObject({ practiceId: practice.id, score: 4, n: 1 });
      expect(await results.results(ds.manager, edition.id, 'mean', null, tied.id)).toEqual([]);
      const exported = await results.scoreExportBatch(ds.manager, edition.id, '00000000-0000-0000-0000-000000000000');
      expect(exported.map((score) => [score.juror_id, score.counted]).sort()).toEqual([[fair.id, true], [tied.id, false]].sort());
      expect((await results.agreementRow(ds.manager, edition.id)).jurors).toBe(1);
    });
  });
});
