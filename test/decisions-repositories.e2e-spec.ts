// The decisions domain's repositories (awards, deliberation notes, the jury's comments) against a
// real PostgreSQL: one rule per `it`, each statement inside a transaction through the manager it is given.
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { createTestDatabase, grantRole, makeCategory, makeCity, makeEdition, makePractice, makeReport, makeUser, TestDatabase } from '@app/testing';
import { AwardShape, AwardsRepository } from '@app/domain/decisions/awards.repository';
import { DeliberationRepository } from '@app/domain/decisions/deliberation.repository';

describe('decisions repositories (PostgreSQL)', () => {
  let database: TestDatabase;
  let ds: DataSource;
  const awards = new AwardsRepository();
  const deliberation = new DeliberationRepository();

  beforeAll(async () => {
    database = await createTestDatabase();
    ds = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await database?.drop();
  });

  /** An edition in deliberation with one city's two eligible practices, each in its own category, and a coordinator. */
  async function deliberationWorld() {
    const edition = await makeEdition(ds, { stage: 'deliberation' });
    const city = await makeCity(ds);
    const [first, second] = [await makeCategory(ds, edition.id), await makeCategory(ds, edition.id)];
    const report = await makeReport(ds, edition.id, city.id, 'submitted');
    const punkt = await makePractice(ds, report.id, { status: 'eligible', categoryIds: [first.id] });
    const praca = await makePractice(ds, report.id, { status: 'eligible', categoryIds: [second.id] });
    const coordinator = await makeUser(ds);
    return { edition, city, categories: [first, second], report, practices: [punkt, praca], coordinator };
  }
  type World = Awaited<ReturnType<typeof deliberationWorld>>;

  const shapeOf = (w: World, unit: string | null = null): AwardShape => ({
    cityId: w.city.id,
    recipientUnit: unit,
    categoryIds: w.categories.map((category) => category.id),
    practiceIds: w.practices.map((practice) => practice.id),
  });

  /** Inserts an award with its links, as the service does, in one transaction. */
  const record = (w: World, shape: AwardShape = shapeOf(w)) =>
    ds.transaction(async (manager) => {
      const id = await awards.insert(manager, w.edition.id, shape, null, w.coordinator.id);
      await awards.setLinks(manager, id, shape.categoryIds, shape.practiceIds);
      return id;
    });

  /** Runs `work` while another transaction holds `hold`'s locks, with a short lock timeout: the PostgreSQL error code it ends with, or null. */
  async function whileHeld(hold: (manager: EntityManager) => Promise<unknown>, work: (manager: EntityManager) => Promise<unknown>): Promise<string | null> {
    const holder = ds.createQueryRunner();
    await holder.startTransaction();
    try {
      await hold(holder.manager);
      await ds.transaction(async (manager) => {
        await manager.query(`SET LOCAL lock_timeout = '200ms'`);
        await work(manager);
      });
      return null;
    } catch (error) {
      if (error instanceof QueryFailedError) return (error.driverError as { code: string }).code;
      throw error;
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
  }

  describe('AwardsRepository', () => {
    it('gives a new award the position after the highest, never the number of a removed one', async () => {
      const w = await deliberationWorld();
      await record(w, shapeOf(w, 'A'));
      const second = await record(w, shapeOf(w, 'B'));
      await ds.transaction((manager) => awards.delete(manager, second));
      const third = await record(w, shapeOf(w, 'C'));
      expect((await awards.listByEdition(ds.manager, w.edition.id, null)).map((award) => [award.recipientUnit, award.position])).toEqual([['A', 0], ['C', 1]]);
      expect((await awards.find(ds.manager, third))?.position).toBe(1);
    });

    it('finds an identical award whatever the order of the ids, but not the award it is told to leave out', async () => {
      const w = await deliberationWorld();
      const id = await record(w, shapeOf(w, 'Urząd Miasta'));
      const reordered = { ...shapeOf(w, 'Urząd Miasta'), categoryIds: w.categories.map((c) => c.id).reverse(), practiceIds: w.practices.map((p) => p.id).reverse() };
      expect(await awards.findIdentical(ds.manager, w.edition.id, reordered)).toBe(id);
      expect(await awards.findIdentical(ds.manager, w.edition.id, reordered, id)).toBeUndefined();
      expect(await awards.findIdentical(ds.manager, w.edition.id, shapeOf(w, 'Inny wydział'))).toBeUndefined();
    });

    it('makes a second award change of the edition wait for the first to commit', async () => {
      const w = await deliberationWorld();
      const code = await whileHeld(
        (manager) => awards.lockEdition(manager, w.edition.id),
        (manager) => awards.lockEdition(manager, w.edition.id),
      );
      expect(code).toBe('55P03');
    });

    it('makes finalising (FOR UPDATE on the edition) wait for an award change in progress', async () => {
      const w = await deliberationWorld();
      const code = await whileHeld(
        (manager) => awards.lockEdition(manager, w.edition.id),
        (manager) => manager.query(`SELECT id FROM edition WHERE id = $1 FOR UPDATE`, [w.edition.id]),
      );
      expect(code).toBe('55P03');
    });

    it('changes only the fields of the patch, an empty unit and a blank citation becoming none', async () => {
      const w = await deliberationWorld();
      const id = await record(w, shapeOf(w, 'Urząd Miasta'));
      await ds.transaction((manager) => awards.update(manager, id, { citation: 'Za wytrwałość' }));
      expect(await awards.find(ds.manager, id)).toMatchObject({ recipientUnit: 'Urząd Miasta', citation: 'Za wytrwałość' });
      await ds.transaction((manager) => awards.update(manager, id, { recipientUnit: '', citation: '   ' }));
      expect(await awards.find(ds.manager, id)).toMatchObject({ recipientUnit: null, citation: null });
    });

    it('replaces an award’s links with the ones given, each once', async () => {
      const w = await deliberationWorld();
      const id = await record(w);
      const [punkt] = w.practices;
      await ds.transaction((manager) => awards.setLinks(manager, id, [w.categories[0].id, w.categories[0].id], [punkt.id, punkt.id]));
      expect(await awards.categoryIds(ds.manager, id)).toEqual([w.categories[0].id]);
      expect(await awards.practiceIds(ds.manager, id)).toEqual([punkt.id]);
    });

    it('counts as coverable only eligible practices of the city in the edition', async () => {
      const w = await deliberationWorld();
      const draft = await makePractice(ds, w.report.id, { status: 'submitted' });
      const otherCity = await makeCity(ds);
      const elsewhere = await makePractice(ds, (await makeReport(ds, w.edition.id, otherCity.id, 'submitted')).id, { status: 'eligible' });
      const named = [...w.practices.map((p) => p.id), draft.id, elsewhere.id];
      expect(await awards.countEligiblePractices(ds.manager, w.edition.id, w.city.id, named)).toBe(2);
    });

    it('counts only the edition’s own categories', async () => {
      const w = await deliberationWorld();
      const foreign = await makeCategory(ds, (await makeEdition(ds)).id);
      expect(await awards.countEditionCategories(ds.manager, w.edition.id, [...w.categories.map((c) => c.id), foreign.id])).toBe(2);
    });

    it('names, in the order given, the categories none of the named practices is filed under', async () => {
      const w = await deliberationWorld();
      const [first, second] = w.categories;
      const outside = await awards.categoriesOutsidePractices(ds.manager, [second.id, first.id], [w.practices[0].id]);
      expect(outside).toEqual([{ id: second.id, name: second.name }]);
    });

    it('shows a juror tied to a city neither its practices nor the awards left without any', async () => {
      const w = await deliberationWorld();
      const otherCity = await makeCity(ds);
      const elsewhere = await makePractice(ds, (await makeReport(ds, w.edition.id, otherCity.id, 'submitted')).id, { status: 'eligible', categoryIds: [w.categories[0].id] });
      await record(w);
      const otherAward = await record(w, { cityId: otherCity.id, recipientUnit: null, categoryIds: [w.categories[0].id], practiceIds: [elsewhere.id] });
      const juror = await makeUser(ds);
      await grantRole(ds, juror.id, 'cityOfficial', { cityId: w.city.id });
      expect((await awards.listByEdition(ds.manager, w.edition.id, juror.id)).map((award) => award.id)).toEqual([otherAward]);
      expect(await awards.listByEdition(ds.manager, w.edition.id, null)).toHaveLength(2);
    });

    it('leaves out of a juror’s view of an award only the practice they declared a conflict on', async () => {
      const w = await deliberationWorld();
      const id = await record(w);
      const juror = await makeUser(ds);
      await ds.query(`INSERT INTO conflict_of_interest (edition_id, juror_id, practice_id, reason) VALUES ($1, $2, $3, 'Znam autora')`, [w.edition.id, juror.id, w.practices[0].id]);
      const [award] = await awards.listByEdition(ds.manager, w.edition.id, juror.id);
      expect(award).toMatchObject({ id, practices: [{ id: w.practices[1].id, title: w.practices[1].title }] });
    });
  });

  describe('DeliberationRepository', () => {
    it('lets notes be added side by side, holding the edition’s row in share mode', async () => {
      const w = await deliberationWorld();
      const code = await whileHeld(
        (manager) => deliberation.shareEdition(manager, w.edition.id),
        (manager) => deliberation.insertNote(manager, w.edition.id, w.coordinator.id, 'Druga notatka').then(() => deliberation.shareEdition(manager, w.edition.id)),
      );
      expect(code).toBeNull();
    });

    it('makes finalising (FOR UPDATE on the edition) wait for a note being added', async () => {
      const w = await deliberationWorld();
      const code = await whileHeld(
        (manager) => deliberation.shareEdition(manager, w.edition.id),
        (manager) => manager.query(`SELECT id FROM edition WHERE id = $1 FOR UPDATE`, [w.edition.id]),
      );
      expect(code).toBe('55P03');
    });

    it('lists the edition’s notes oldest first with their authors', async () => {
      const w = await deliberationWorld();
      for (const text of ['Pierwsza', 'Druga']) await ds.transaction((manager) => deliberation.insertNote(manager, w.edition.id, w.coordinator.id, text));
      const notes = await deliberation.notes(ds.manager, w.edition.id);
      expect(notes.map((note) => [note.text, note.authorId])).toEqual([['Pierwsza', w.coordinator.id], ['Druga', w.coordinator.id]]);
      expect(notes[0].authorName).toEqual(expect.any(String));
    });

    it('leaves out of a juror’s comments those on the practices they are conflicted with', async () => {
      const w = await deliberationWorld();
      const [author, reader] = [await makeUser(ds), await makeUser(ds)];
      for (const practice of w.practices) {
        await ds.query(
          `INSERT INTO score (edition_id, practice_id, juror_id, comprehensiveness, long_term, government_engagement, effectiveness, comment) VALUES ($1, $2, $3, 3, 3, 3, 3, 'Komentarz')`,
          [w.edition.id, practice.id, author.id],
        );
      }
      await ds.query(`INSERT INTO conflict_of_interest (edition_id, juror_id, practice_id, reason) VALUES ($1, $2, $3, 'Znam autora')`, [w.edition.id, reader.id, w.practices[0].id]);
      expect((await deliberation.comments(ds.manager, w.edition.id, reader.id)).map((c) => c.practiceId)).toEqual([w.practices[1].id]);
      expect(await deliberation.comments(ds.manager, w.edition.id, null)).toHaveLength(2);
    });
  });
});
