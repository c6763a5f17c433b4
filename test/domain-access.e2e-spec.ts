// The access predicates against a real PostgreSQL: one rule per `it`, each through the set-based
// predicate (visibleIds) and, where the guard asks it, through the rule (check) for the same answer.
import { DataSource } from 'typeorm';
import { Grant, Permission, Principal } from '@app/core';
import { createTestDatabase, grantRole, makeCity, makeEdition, makePractice, makeReport, makeUser, TestDatabase } from '@app/testing';
import { PracticesRepository } from '@app/domain/practices/practices.repository';
import { DomainAccess } from '@app/domain/access/domain-access';

describe('domain access predicates (PostgreSQL)', () => {
  let database: TestDatabase;
  let ds: DataSource;
  let access: DomainAccess;

  // Two editions: one in jury scoring with two cities' reports, one still a draft.
  const w = {} as {
    scoring: string;
    draft: string;
    krakow: string;
    gdansk: string;
    reportKrakow: string;
    reportGdansk: string;
    eligibleKrakow: string;
    eligibleGdansk: string;
    ineligibleGdansk: string;
    draftReport: string;
    coordinator: Principal;
    expertKrakow: Principal;
    jurorFromKrakow: Principal;
    jurorOfDraft: Principal;
    /** A juror without a city on the grant who is an official of Gdańsk: tied to Gdańsk all the same. */
    jurorOfficialGdansk: Principal;
    /** A juror who declared a conflict on Gdańsk's eligible practice: reads it, may not score it. */
    jurorDeclaredGdansk: Principal;
    officialKrakow: Principal;
    nobody: Principal;
  };

  async function principal(role?: Grant['role'], scope: { editionId?: string; cityId?: string } = {}): Promise<Principal> {
    const user = await makeUser(ds);
    if (role) await grantRole(ds, user.id, role, scope);
    const grants: Grant[] = await ds.query(
      `SELECT id, role, edition_id AS "editionId", city_id AS "cityId" FROM role_grant WHERE user_id = $1`,
      [user.id],
    );
    return { userId: user.id, email: user.email, name: user.email, locale: 'pl', sessionId: 'test', grants };
  }

  /** Adds a grant to a principal and reloads its grants, as the principal cache would. */
  async function withGrant(who: Principal, role: Grant['role'], scope: { editionId?: string; cityId?: string }): Promise<Principal> {
    await grantRole(ds, who.userId, role, scope);
    const grants: Grant[] = await ds.query(`SELECT id, role, edition_id AS "editionId", city_id AS "cityId" FROM role_grant WHERE user_id = $1`, [who.userId]);
    return { ...who, grants };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    ds = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    access = new DomainAccess(ds);
    w.scoring = (await makeEdition(ds, { stage: 'juryScoring' })).id;
    w.draft = (await makeEdition(ds, { stage: 'draft' })).id;
    w.krakow = (await makeCity(ds)).id;
    w.gdansk = (await makeCity(ds)).id;
    w.reportKrakow = (await makeReport(ds, w.scoring, w.krakow, 'submitted')).id;
    w.reportGdansk = (await makeReport(ds, w.scoring, w.gdansk, 'submitted')).id;
    w.eligibleKrakow = (await makePractice(ds, w.reportKrakow, { status: 'eligible' })).id;
    w.eligibleGdansk = (await makePractice(ds, w.reportGdansk, { status: 'eligible' })).id;
    w.ineligibleGdansk = (await makePractice(ds, w.reportGdansk, { status: 'ineligible' })).id;
    w.draftReport = (await makeReport(ds, w.draft, w.krakow)).id;
    w.coordinator = await principal('coordinator');
    w.expertKrakow = await principal('expert', { editionId: w.scoring, cityId: w.krakow });
    w.jurorFromKrakow = await principal('juror', { editionId: w.scoring, cityId: w.krakow });
    w.jurorOfDraft = await principal('juror', { editionId: w.draft });
    w.officialKrakow = await principal('cityOfficial', { cityId: w.krakow });
    w.jurorOfficialGdansk = await withGrant(await principal('juror', { editionId: w.scoring }), 'cityOfficial', { cityId: w.gdansk });
    w.jurorDeclaredGdansk = await principal('juror', { editionId: w.scoring });
    await ds.query(`INSERT INTO conflict_of_interest (edition_id, practice_id, juror_id, reason) VALUES ($1, $2, $3, 'Znam zespół')`, [w.scoring, w.eligibleGdansk, w.jurorDeclaredGdansk.userId]);
    w.nobody = await principal();
  });

  afterAll(async () => {
    await ds?.destroy();
    await database?.drop();
  });

  const visible = async (kind: 'edition' | 'report' | 'practice' | 'city', who: Principal, ids: string[]) =>
    [...(await access.visibleIds(ds.manager, kind, who.userId, ids))].sort();

  const allowed = async (who: Principal, permission: Permission, id: string) => access.check(who, permission, id);

  it('shows a coordinator every edition', async () => {
    expect(await visible('edition', w.coordinator, [w.scoring, w.draft])).toEqual([w.scoring, w.draft].sort());
  });

  it('shows a juror the editions of their grants only', async () => {
    expect(await visible('edition', w.jurorOfDraft, [w.scoring, w.draft])).toEqual([w.draft]);
    expect(await allowed(w.jurorOfDraft, 'edition.read', w.scoring)).toBe('notFound');
  });

  it('shows an official every edition that has started, and no draft', async () => {
    expect(await visible('edition', w.officialKrakow, [w.scoring, w.draft])).toEqual([w.scoring]);
    expect(await allowed(w.officialKrakow, 'edition.read', w.draft)).toBe('notFound');
  });

  it('shows a user without grants no edition', async () => {
    expect(await visible('edition', w.nobody, [w.scoring, w.draft])).toEqual([]);
  });

  it('shows a report to its expert and not another city’s', async () => {
    expect(await visible('report', w.expertKrakow, [w.reportKrakow, w.reportGdansk])).toEqual([w.reportKrakow]);
    expect(await allowed(w.expertKrakow, 'report.read', w.reportGdansk)).toBe('notFound');
  });

  it('shows a juror the practices before the jury, but not an ineligible one', async () => {
    expect(await visible('practice', w.jurorFromKrakow, [w.eligibleGdansk, w.ineligibleGdansk])).toEqual([w.eligibleGdansk]);
    expect(await allowed(w.jurorFromKrakow, 'practice.read', w.ineligibleGdansk)).toBe('notFound');
  });

  it('hides a juror’s own city’s practices from them (403 through the rule)', async () => {
    expect(await visible('practice', w.jurorFromKrakow, [w.eligibleKrakow])).toEqual([]);
    expect(await allowed(w.jurorFromKrakow, 'practice.read', w.eligibleKrakow)).toBe('forbidden');
  });

  it('hides from a juror the practices of a city they are an official of (a tie, as in jury/conflicts.access.ts)', async () => {
    expect(await visible('practice', w.jurorOfficialGdansk, [w.eligibleKrakow, w.eligibleGdansk])).toEqual([w.eligibleKrakow]);
    expect(await allowed(w.jurorOfficialGdansk, 'practice.read', w.eligibleGdansk)).toBe('forbidden');
    expect(await allowed(w.jurorOfficialGdansk, 'practice.score', w.eligibleGdansk)).toBe('forbidden');
    expect(await allowed(w.jurorOfficialGdansk, 'report.file.read', w.reportGdansk)).toBe('forbidden');
    expect(await allowed(w.jurorOfficialGdansk, 'practice.score', w.eligibleKrakow)).toBe('allow');
  });

  it('lets a juror read a practice they declared a conflict on, but not score it', async () => {
    expect(await visible('practice', w.jurorDeclaredGdansk, [w.eligibleGdansk])).toEqual([w.eligibleGdansk]);
    expect(await allowed(w.jurorDeclaredGdansk, 'practice.read', w.eligibleGdansk)).toBe('allow');
    expect(await allowed(w.jurorDeclaredGdansk, 'practice.score', w.eligibleGdansk)).toBe('forbidden');
    expect(await allowed(w.jurorDeclaredGdansk, 'practice.conflict.declare', w.eligibleGdansk)).toBe('forbidden');
  });

  it('shows the practices of its city to the expert, whatever their status', async () => {
    expect(await visible('practice', w.expertKrakow, [w.eligibleKrakow, w.eligibleGdansk])).toEqual([w.eligibleKrakow]);
  });

  it('shows the status page of a city to its officials only', async () => {
    expect(await visible('city', w.officialKrakow, [w.krakow, w.gdansk])).toEqual([w.krakow]);
    expect(await allowed(w.officialKrakow, 'city.status.read', w.gdansk)).toBe('notFound');
  });

  it('lets an official read their own city’s status page on their grant alone, without a query', async () => {
    const query = jest.spyOn(ds.manager, 'query');
    try {
      expect(await allowed(w.officialKrakow, 'city.status.read', w.krakow)).toBe('allow');
      expect(query).not.toHaveBeenCalled();
      expect(await allowed(w.coordinator, 'city.status.read', w.krakow)).toBe('allow');
      expect(query).toHaveBeenCalledTimes(1);
    } finally {
      query.mockRestore();
    }
  });

  it('answers notFound for an object that does not exist', async () => {
    expect(await allowed(w.coordinator, 'edition.read', '00000000-0000-4000-8000-000000000000')).toBe('notFound');
  });

  it('agrees with the rule the guard applies, for every principal and object of the read permissions', async () => {
    const reads: [Permission, 'edition' | 'report' | 'practice' | 'city', string[]][] = [
      ['edition.read', 'edition', [w.scoring, w.draft]],
      ['report.read', 'report', [w.reportKrakow, w.reportGdansk, w.draftReport]],
      ['practice.read', 'practice', [w.eligibleKrakow, w.eligibleGdansk, w.ineligibleGdansk]],
      ['city.status.read', 'city', [w.krakow, w.gdansk]],
    ];
    const principals = [w.coordinator, w.expertKrakow, w.jurorFromKrakow, w.jurorOfDraft, w.jurorOfficialGdansk, w.jurorDeclaredGdansk, w.officialKrakow, w.nobody];
    for (const [permission, kind, ids] of reads) {
      for (const who of principals) {
        const set = await access.visibleIds(ds.manager, kind, who.userId, ids);
        for (const id of ids) {
          expect({ permission, who: who.grants.map((g) => g.role), id, visible: set.has(id) }).toEqual({
            permission,
            who: who.grants.map((g) => g.role),
            id,
            visible: (await access.check(who, permission, id)) === 'allow',
          });
        }
      }
    }
  });

  describe('evidence files', () => {
    const file = async (reportId: string) => {
      const [row] = await ds.query(
        `INSERT INTO report_file (id, report_id, filename, content_type, size, sha256) VALUES (gen_random_uuid(), $1, 'a.pdf', 'application/pdf', 1, $2) RETURNING id`,
        [reportId, 'x'.repeat(64)],
      );
      return row.id as string;
    };

    it('lets a juror read the files of another city’s report with a practice before the jury, not their own city’s', async () => {
      const krakowFile = await file(w.reportKrakow);
      const gdanskFile = await file(w.reportGdansk);
      expect([...(await access.visibleFileIds(ds.manager, w.jurorFromKrakow.userId, [krakowFile, gdanskFile]))]).toEqual([gdanskFile]);
    });

    it('lets the expert read their own report’s files only', async () => {
      const krakowFile = await file(w.reportKrakow);
      const gdanskFile = await file(w.reportGdansk);
      expect([...(await access.visibleFileIds(ds.manager, w.expertKrakow.userId, [krakowFile, gdanskFile]))]).toEqual([krakowFile]);
    });

    it('keeps the files of a city from a juror who is its official', async () => {
      const krakowFile = await file(w.reportKrakow);
      const gdanskFile = await file(w.reportGdansk);
      expect([...(await access.visibleFileIds(ds.manager, w.jurorOfficialGdansk.userId, [krakowFile, gdanskFile]))]).toEqual([krakowFile]);
    });
  });

  describe('assignments', () => {
    it('shows a user their own grants and not another’s', async () => {
      const own = w.expertKrakow.grants[0].id;
      const other = w.jurorFromKrakow.grants[0].id;
      expect([...(await access.visibleGrantIds(ds.manager, w.expertKrakow.userId, [own, other]))]).toEqual([own]);
    });

    it('shows a coordinator every grant', async () => {
      const ids = [w.expertKrakow.grants[0].id, w.jurorFromKrakow.grants[0].id];
      expect([...(await access.visibleGrantIds(ds.manager, w.coordinator.userId, ids))].sort()).toEqual([...ids].sort());
    });
  });

  describe('the edition’s practice list', () => {
    const list = (who: Principal) =>
      new PracticesRepository()
        .listOfEdition(ds.manager, who.userId, w.scoring, { cityId: null, categoryId: null, status: null, limit: 50, offset: 0 })
        .then((rows) => rows.map((row) => row.id).sort());

    it('lists every practice of the submitted reports to a coordinator', async () => {
      expect(await list(w.coordinator)).toEqual([w.eligibleKrakow, w.eligibleGdansk, w.ineligibleGdansk].sort());
    });

    it('lists to a juror only what is before the jury, never their own city’s', async () => {
      expect(await list(w.jurorFromKrakow)).toEqual([w.eligibleGdansk]);
    });

    it('lists to a juror no practice of a city they are an official of, but those they declared a conflict on', async () => {
      expect(await list(w.jurorOfficialGdansk)).toEqual([w.eligibleKrakow]);
      expect(await list(w.jurorDeclaredGdansk)).toEqual([w.eligibleKrakow, w.eligibleGdansk].sort());
    });
  });
});
