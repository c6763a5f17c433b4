// What the six routes the authorization matrix calls only for status codes actually do: enabling a
// user, removing an expert or a juror assignment, and a city's officials (list, add, remove). Each
// case checks the outcome the person meets: they can or cannot sign in, the assignment is gone from
// the lists and the ballot, the official sees or no longer sees the city.
import { DataSource } from 'typeorm';
import { createTestApp, makeCity, makeEdition, makePractice, makeReport, makeSignedInUser, makeUser, SignedIn, signIn, TEST_PASSWORD, TestApp } from '@app/testing';

describe('assignments and accounts: outcomes', () => {
  let t: TestApp;
  let ds: DataSource;
  let coordinator: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
  });
  afterAll(() => t.close());

  const login = (email: string) => t.http.post('/api/auth/login').send({ email, password: TEST_PASSWORD });

  it('enabling a disabled user lets them sign in again; disabling ends their sessions', async () => {
    const user = await makeUser(ds);
    const before = await signIn(t.http, user.email);
    const disabled = await t.http.post(`/api/users/${user.id}/disable`).set(coordinator.auth).expect(200);
    expect(disabled.body).toMatchObject({ id: user.id, status: 'disabled' });
    await t.http.get('/api/me').set(before.auth).expect(401);
    expect((await login(user.email)).status).toBe(401);

    const enabled = await t.http.post(`/api/users/${user.id}/enable`).set(coordinator.auth).expect(200);
    expect(enabled.body).toMatchObject({ id: user.id, status: 'active' });
    expect((await t.http.get(`/api/users/${user.id}`).set(coordinator.auth).expect(200)).body.status).toBe('active');
    const again = await login(user.email).expect(200);
    await t.http.get('/api/me').set({ Authorization: `Bearer ${again.body.accessToken}` }).expect(200);
    // The session ended by disabling stays ended.
    await t.http.get('/api/me').set(before.auth).expect(401);
  });

  it('a removed expert assignment is gone from the edition’s experts and from the expert’s own list', async () => {
    const edition = await makeEdition(ds, { stage: 'draft' });
    const city = await makeCity(ds);
    const expert = await makeSignedInUser(ds, t.http, null);
    const assignment = (await t.http.post(`/api/editions/${edition.id}/experts`).set(coordinator.auth).send({ userId: expert.id, cityId: city.id }).expect(201)).body;
    expect(assignment).toMatchObject({ userId: expert.id, cityId: city.id, cityName: city.name });
    const listed = (await t.http.get(`/api/editions/${edition.id}/experts`).set(coordinator.auth).expect(200)).body;
    expect(listed.map((a: { id: string }) => a.id)).toEqual([assignment.id]);
    const mine = (await t.http.get('/api/me/reports').set(expert.auth).expect(200)).body;
    expect(mine.map((a: { editionId: string; cityId: string }) => [a.editionId, a.cityId])).toEqual([[edition.id, city.id]]);

    await t.http.delete(`/api/editions/${edition.id}/experts/${assignment.id}`).set(coordinator.auth).expect(204);
    expect((await t.http.get(`/api/editions/${edition.id}/experts`).set(coordinator.auth).expect(200)).body).toEqual([]);
    expect((await t.http.get('/api/me/reports').set(expert.auth).expect(200)).body).toEqual([]);
    expect((await t.http.get('/api/me').set(expert.auth).expect(200)).body.roles).toEqual([]);
    // Once reports are open, the expert can no longer start the city's report.
    await ds.query(`UPDATE edition SET stage = 'reportsOpen' WHERE id = $1`, [edition.id]);
    await t.http.post(`/api/editions/${edition.id}/reports`).set(expert.auth).send({ cityId: city.id }).expect(403);
    await t.http.delete(`/api/editions/${edition.id}/experts/${assignment.id}`).set(coordinator.auth).expect(404);
  });

  it('a removed juror is gone from the jurors, has no ballot and cannot score', async () => {
    const edition = await makeEdition(ds, { stage: 'reportsOpen' });
    const city = await makeCity(ds);
    const report = await makeReport(ds, edition.id, city.id, 'submitted');
    const practice = await makePractice(ds, report.id, { status: 'eligible' });
    const jurors: (SignedIn & { id: string; assignmentId: string })[] = [];
    for (let i = 0; i < 2; i++) {
      const user = await makeSignedInUser(ds, t.http, null);
      const assignment = (await t.http.post(`/api/editions/${edition.id}/jurors`).set(coordinator.auth).send({ userId: user.id, countryOfOrigin: 'Ukraine' }).expect(201)).body;
      jurors.push({ ...user, assignmentId: assignment.id });
    }
    const [kept, removed] = jurors;
    await t.http.delete(`/api/editions/${edition.id}/jurors/${removed.assignmentId}`).set(coordinator.auth).expect(204);
    const listed = (await t.http.get(`/api/editions/${edition.id}/jurors`).set(coordinator.auth).expect(200)).body;
    expect(listed.map((a: { userId: string }) => a.userId)).toEqual([kept.id]);
    expect((await t.http.get('/api/me').set(removed.auth).expect(200)).body.roles).toEqual([]);

    await ds.query(`UPDATE edition SET stage = 'juryScoring' WHERE id = $1`, [edition.id]);
    const ballot = (await t.http.get(`/api/editions/${edition.id}/ballot`).set(kept.auth).expect(200)).body;
    expect(ballot.items.map((i: { practice: { id: string } }) => i.practice.id)).toEqual([practice.id]);
    await t.http.get(`/api/editions/${edition.id}/ballot`).set(removed.auth).expect(403);
    const criteria = { comprehensiveness: 3, longTerm: 3, governmentEngagement: 3, effectiveness: 3 };
    await t.http.put(`/api/practices/${practice.id}/scores/mine`).set(removed.auth).send({ criteria }).expect(403);
    await t.http.put(`/api/practices/${practice.id}/scores/mine`).set(kept.auth).send({ criteria }).expect(200);
    // From jury scoring on, a juror can no longer be removed.
    const late = await t.http.delete(`/api/editions/${edition.id}/jurors/${kept.assignmentId}`).set(coordinator.auth).expect(409);
    expect(late.body.code).toBe('assignment_in_use');
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM score WHERE practice_id = $1`, [practice.id]);
    expect(count).toBe(1);
  });

  it('a city official is listed, sees their city’s status only while assigned, and not other cities', async () => {
    const city = await makeCity(ds);
    const other = await makeCity(ds);
    const official = await makeSignedInUser(ds, t.http, null);
    expect((await t.http.get(`/api/cities/${city.id}/officials`).set(coordinator.auth).expect(200)).body).toEqual([]);
    await t.http.get(`/api/cities/${city.id}/status`).set(official.auth).expect(403);

    const assignment = (await t.http.post(`/api/cities/${city.id}/officials`).set(coordinator.auth).send({ userId: official.id }).expect(201)).body;
    expect(assignment).toMatchObject({ userId: official.id, cityId: city.id, cityName: city.name, email: official.email });
    const listed = (await t.http.get(`/api/cities/${city.id}/officials`).set(coordinator.auth).expect(200)).body;
    expect(listed).toEqual([expect.objectContaining({ id: assignment.id, userId: official.id })]);
    expect((await t.http.get(`/api/cities/${other.id}/officials`).set(coordinator.auth).expect(200)).body).toEqual([]);
    const status = (await t.http.get(`/api/cities/${city.id}/status`).set(official.auth).expect(200)).body;
    expect(status.city).toMatchObject({ id: city.id, name: city.name });
    expect([403, 404]).toContain((await t.http.get(`/api/cities/${other.id}/status`).set(official.auth)).status);

    await t.http.delete(`/api/cities/${other.id}/officials/${assignment.id}`).set(coordinator.auth).expect(404);
    await t.http.delete(`/api/cities/${city.id}/officials/${assignment.id}`).set(coordinator.auth).expect(204);
    expect((await t.http.get(`/api/cities/${city.id}/officials`).set(coordinator.auth).expect(200)).body).toEqual([]);
    await t.http.get(`/api/cities/${city.id}/status`).set(official.auth).expect(403);
  });

  it('lists people with their roles and filters them by role', async () => {
    const edition = await makeEdition(ds, { stage: 'draft' });
    const city = await makeCity(ds);
    const expert = await makeUser(ds);
    const nobody = await makeUser(ds);
    await t.http.post(`/api/editions/${edition.id}/experts`).set(coordinator.auth).send({ userId: expert.id, cityId: city.id }).expect(201);

    const experts = (await t.http.get('/api/users?role=expert&limit=200').set(coordinator.auth).expect(200)).body;
    const listed = experts.items.find((user: { id: string }) => user.id === expert.id);
    expect(listed.roles).toEqual([{ role: 'expert', editionId: edition.id, cityId: city.id, editionYear: edition.year, cityName: city.name }]);
    expect(experts.items.map((user: { id: string }) => user.id)).not.toContain(nobody.id);
    expect(experts.items.every((user: { roles: { role: string }[] }) => user.roles.some((grant) => grant.role === 'expert'))).toBe(true);
    expect(experts.total).toBe(experts.items.length);

    const everyone = (await t.http.get('/api/users?limit=200').set(coordinator.auth).expect(200)).body;
    expect(everyone.items.find((user: { id: string }) => user.id === nobody.id).roles).toEqual([]);
    const bad = await t.http.get('/api/users?role=king').set(coordinator.auth).expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/role/);
  });
});
