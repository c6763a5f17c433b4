// People's data: every signed-in person downloads what the platform holds about them; a coordinator
// erases a person on request (pseudonymised: results unchanged, name and e-mail nowhere left).
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@app/core';
import { createTestApp, eventually, MadeUser, grantRole, makeCity, makeEdition, makePractice, makeReport, makeSignedInUser, makeUser, SignedIn, signIn, SmtpSink, TestApp } from '@app/testing';

const METHODS = ['mean', 'median', 'zscore', 'borda'] as const;

describe('people’s data', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let ds: DataSource;
  let coordinator: MadeUser & SignedIn;
  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ worker: true, env: { SMTP_URL: sink.url } });
    ds = t.app.get(DataSource);
    coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
  });
  afterAll(async () => {
    await t.close();
    await sink.down();
  });

  /** A decided edition scored by three jurors on three practices, the first juror being the person. */
  async function scoredEdition(person: { id: string }) {
    const edition = await makeEdition(ds, { stage: 'decided' });
    const city = await makeCity(ds);
    const report = await makeReport(ds, edition.id, city.id, 'submitted');
    const practices = [];
    for (let i = 0; i < 3; i++) practices.push(await makePractice(ds, report.id, { status: 'eligible', title: `Praktyka ${i}` }));
    const others = [await makeUser(ds), await makeUser(ds)];
    const jurors = [person, ...others];
    for (const [j, juror] of jurors.entries()) {
      await grantRole(ds, juror.id, 'juror', { editionId: edition.id });
      for (const [p, practice] of practices.entries()) {
        const value = 1 + ((j * 2 + p * 3) % 5);
        await ds.query(
          `INSERT INTO score (edition_id, practice_id, juror_id, comprehensiveness, long_term, government_engagement, effectiveness, comment)
           VALUES ($1, $2, $3, $4, $4, $5, $5, $6)`,
          [edition.id, practice.id, juror.id, value, 6 - value, `komentarz ${j}/${p}`],
        );
      }
    }
    return edition;
  }

  const allResults = async (editionId: string) => {
    const out: Record<string, unknown> = {};
    for (const method of METHODS) out[method] = (await t.http.get(`/api/editions/${editionId}/results?method=${method}`).set(coordinator.auth).expect(200)).body.items;
    return out;
  };

  /** Every text and JSON column of every table that holds the needle (case-insensitive). */
  async function whereFound(needle: string): Promise<string[]> {
    const columns: { table_name: string; column_name: string }[] = await ds.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')`,
    );
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text ILIKE '%' || $1 || '%'`, [needle]);
      if (n > 0) found.push(`${table}.${column}`);
    }
    return found;
  }

  it('lets every signed-in person download their own data, and nobody else’s', async () => {
    const juror = await makeSignedInUser(ds, t.http, null);
    const edition = await scoredEdition({ id: juror.id });
    await ds.query(`INSERT INTO conflict_of_interest (edition_id, practice_id, juror_id, reason) SELECT $1, p.id, $2, 'Znam autorów.' FROM practice p JOIN report r ON r.id = p.report_id WHERE r.edition_id = $1 LIMIT 1`, [edition.id, juror.id]);
    const other = await makeSignedInUser(ds, t.http, null);

    const res = await t.http.get('/api/me/data').set(juror.auth).expect(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="my-data.json"');
    expect(res.body.account).toMatchObject({ id: juror.id, email: juror.email });
    expect(res.body.grants).toEqual([expect.objectContaining({ role: 'juror', editionYear: edition.year })]);
    expect(res.body.scores).toHaveLength(3);
    expect(res.body.scores.map((s: { comment: string }) => s.comment).sort()).toEqual(['komentarz 0/0', 'komentarz 0/1', 'komentarz 0/2']);
    expect(res.body.conflicts).toEqual([expect.objectContaining({ reason: 'Znam autorów.' })]);
    expect(res.body.sessions.length).toBeGreaterThanOrEqual(1);
    expect(res.body.activity.some((a: { action: string }) => a.action.startsWith('auth.'))).toBe(true);

    const theirs = await t.http.get('/api/me/data').set(other.auth).expect(200);
    expect(theirs.body.scores).toEqual([]);
    expect(JSON.stringify(theirs.body)).not.toContain(juror.email);
    await t.http.get('/api/me/data').expect(401);
  });

  it('erases a person: results by every method unchanged, sessions ended, name and e-mail nowhere in the database', async () => {
    // Made through the API, so their name and e-mail are copied where the platform copies them:
    // the stored answer of an idempotent create, the invitation's outbox event and delivery, audit details.
    const name = 'Ngozi Adichie-Erasure';
    const email = 'ngozi.erasure@example.org';
    const created = await t.http.post('/api/users').set(coordinator.auth).set('Idempotency-Key', 'erase-me-1').send({ email, name, locale: 'en' }).expect(201);
    const personId = created.body.id as string;
    await eventually(async () => sink.to(email).length > 0);
    await ds.query(`UPDATE app_user SET password_hash = (SELECT password_hash FROM app_user WHERE id = $1), status = 'active' WHERE id = $2`, [coordinator.id, personId]);
    const person = await signIn(t.http, email);
    await t.app.get(UnitOfWork).run((tx) => tx.emit('user.passwordResetRequested', { userId: personId }));
    await eventually(async () => sink.to(email).length > 1);
    const edition = await scoredEdition({ id: personId });
    const before = await allResults(edition.id);
    expect((await whereFound(email)).length).toBeGreaterThan(1);

    const erased = await t.http.post(`/api/users/${personId}/erase`).set(coordinator.auth).send({ reason: 'Request by e-mail of 2026-12-01' }).expect(200);
    expect(erased.body).toMatchObject({ id: personId, pseudonym: expect.stringMatching(/^Anonymised person [0-9a-f]{6}$/) });

    expect(await allResults(edition.id)).toEqual(before);
    expect(await whereFound(email)).toEqual([]);
    expect(await whereFound(name)).toEqual([]);
    await t.http.get('/api/me').set(person.auth).expect(401);
    await t.http.post('/api/auth/login').send({ email, password: 'whatever-password-1' }).expect(401);
    const [audit] = await ds.query(`SELECT actor_id, details FROM audit_event WHERE action = 'user.erase' AND object_id = $1`, [personId]);
    expect(audit).toEqual({ actor_id: coordinator.id, details: { reason: 'Request by e-mail of 2026-12-01', pseudonym: erased.body.pseudonym } });
    const user = (await t.http.get(`/api/users/${personId}`).set(coordinator.auth).expect(200)).body;
    expect(user).toMatchObject({ name: erased.body.pseudonym, status: 'disabled' });

    const again = await t.http.post(`/api/users/${personId}/erase`).set(coordinator.auth).send({ reason: 'twice' }).expect(409);
    expect(again.body.code).toBe('already_erased');
  });

  it('refuses erasure while the person holds a role in an edition not yet decided, of oneself, and without a reason', async () => {
    const juror = await makeUser(ds);
    const open = await makeEdition(ds, { stage: 'juryScoring' });
    await grantRole(ds, juror.id, 'juror', { editionId: open.id });
    const [{ name: nameBefore }] = await ds.query(`SELECT name FROM app_user WHERE id = $1`, [juror.id]);
    const refused = await t.http.post(`/api/users/${juror.id}/erase`).set(coordinator.auth).send({ reason: 'asked' }).expect(409);
    expect(refused.body).toMatchObject({ code: 'active_grant', editions: [open.year] });
    const [{ name }] = await ds.query(`SELECT name FROM app_user WHERE id = $1`, [juror.id]);
    expect(name).toBe(nameBefore);

    const self = await t.http.post(`/api/users/${coordinator.id}/erase`).set(coordinator.auth).send({ reason: 'me' }).expect(409);
    expect(self.body.code).toBe('cannot_erase_self');
    const noReason = await t.http.post(`/api/users/${juror.id}/erase`).set(coordinator.auth).send({}).expect(400);
    expect(noReason.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reason' })]));
    await t.http.post(`/api/users/00000000-0000-4000-8000-000000000000/erase`).set(coordinator.auth).send({ reason: 'x' }).expect(404);
  });
});
