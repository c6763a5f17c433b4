// The audit trail as coordinators read it: events written by real commands (editions, categories,
// cities, sign-ins), filtered by actor, action, object, edition, outcome and time range, paged, and
// exported as CSV with the same filters; bad filters answer 400 naming the field; others get 403.
import { DataSource } from 'typeorm';
import {
  createTestApp, csvRecords, DocumentedCheck, documentedAnswers, fetchOpenApiDocument, makeCity, makeEdition, makeSignedInUser, MadeUser, SignedIn, TestApp,
} from '@app/testing';

type Event = { id: string; at: string; actor: { id: string; name: string; email: string } | null; action: string; objectType: string | null; objectId: string | null; outcome: string; details: Record<string, unknown> | null };

describe('audit trail for coordinators', () => {
  let t: TestApp;
  let documented: DocumentedCheck;
  let coordinator: MadeUser & SignedIn;
  let second: MadeUser & SignedIn;
  let expert: MadeUser & SignedIn;
  const editions: { a: string; b: string } = { a: '', b: '' };
  let categoryA: string;
  let startedAt: string;

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.app.get(DataSource);
    documented = documentedAnswers(await fetchOpenApiDocument(t.http));
    startedAt = new Date(Date.now() - 1000).toISOString();
    coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
    second = await makeSignedInUser(ds, t.http, 'coordinator');
    expert = await makeSignedInUser(ds, t.http, 'expert', { editionId: (await makeEdition(ds)).id, cityId: (await makeCity(ds)).id });
    editions.a = (await t.http.post('/api/editions').set(coordinator.auth).send({ year: 2091, name: 'Edycja A' }).expect(201)).body.id;
    editions.b = (await t.http.post('/api/editions').set(second.auth).send({ year: 2092, name: 'Edycja B' }).expect(201)).body.id;
    await t.http.patch(`/api/editions/${editions.a}`).set(coordinator.auth).send({ name: 'Edycja A, poprawiona "wersja"' }).expect(200);
    categoryA = (await t.http.post(`/api/editions/${editions.a}/categories`).set(coordinator.auth).send({ name: 'Kategoria A' }).expect(201)).body.id;
    await t.http.post(`/api/editions/${editions.b}/categories`).set(second.auth).send({ name: 'Kategoria B' }).expect(201);
    const removed = (await t.http.post(`/api/editions/${editions.a}/categories`).set(coordinator.auth).send({ name: 'Kategoria usunięta' }).expect(201)).body.id;
    await t.http.delete(`/api/categories/${removed}`).set(coordinator.auth).expect(204);
    await t.http.post('/api/cities').set(coordinator.auth).send({ name: 'Zamość' }).expect(201);
    await t.http.post('/api/auth/login').send({ email: expert.email, password: 'not the password' }).expect(401);
  });
  afterAll(() => t.close());

  const list = async (query: string, auth = coordinator.auth) =>
    documented('GET /api/audit-events', await t.http.get(`/api/audit-events?${query}`).set(auth).expect(200)).body as { items: Event[]; total: number };
  const actions = (page: { items: Event[] }) => page.items.map((e) => e.action);

  it('lists every event newest first with its actor, and pages through them', async () => {
    const all = await list('limit=200');
    expect(all.total).toBe(all.items.length);
    const ids = all.items.map((e) => Number(e.id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const patch = all.items.find((e) => e.action === 'edition.update')!;
    expect(patch).toMatchObject({ objectType: 'edition', objectId: editions.a, outcome: 'success', actor: { id: coordinator.id, email: coordinator.email } });
    const pages = [await list('limit=3&offset=0'), await list('limit=3&offset=3')];
    expect(pages.map((p) => p.total)).toEqual([all.total, all.total]);
    expect([...pages[0].items, ...pages[1].items].map((e) => e.id)).toEqual(all.items.slice(0, 6).map((e) => e.id));
    expect((await list(`offset=${all.total}`)).items).toEqual([]);
  });

  it('filters by actor (id or part of the e-mail), action or action group, object, outcome', async () => {
    const byId = await list(`actor=${second.id}`);
    expect(byId.items.every((e) => e.actor?.id === second.id)).toBe(true);
    expect(actions(byId)).toEqual(expect.arrayContaining(['edition.create', 'category.create', 'auth.login']));
    const byEmail = await list(`actor=${encodeURIComponent(coordinator.email.slice(0, 12).toUpperCase())}`);
    expect(byEmail.items.map((e) => e.actor?.id)).toEqual(byEmail.items.map(() => coordinator.id));
    expect(byEmail.total).toBeGreaterThan(0);
    // LIKE's wildcards match literally.
    expect((await list('actor=%25')).total).toBe(0);
    expect(actions(await list('action=edition.update'))).toEqual(['edition.update']);
    const auth = await list('action=auth.*');
    expect(auth.items.length).toBeGreaterThanOrEqual(4);
    expect(auth.items.every((e) => e.action.startsWith('auth.'))).toBe(true);
    expect(actions(await list(`objectType=edition&objectId=${editions.b}`))).toEqual(['edition.create']);
    const failures = await list('outcome=failure');
    expect(failures.items.map((e) => [e.action, e.actor?.id])).toEqual([['auth.login', expert.id]]);
  });

  it('filters by edition: the edition’s own events and those on its categories (also a removed one), not the other edition’s', async () => {
    const a = await list(`editionId=${editions.a}`);
    expect(actions(a).sort()).toEqual(['category.create', 'category.create', 'category.delete', 'edition.create', 'edition.update']);
    expect(a.items.filter((e) => e.action === 'category.create').map((e) => e.objectId)).toContain(categoryA);
    expect(actions(await list(`editionId=${editions.b}`)).sort()).toEqual(['category.create', 'edition.create']);
  });

  it('filters by time range: from inclusive, to exclusive', async () => {
    const all = await list('limit=200');
    const inRange = await list(`from=${encodeURIComponent(startedAt)}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}&limit=200`);
    expect(inRange.total).toBe(all.total);
    expect((await list(`from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).total).toBe(0);
    expect((await list(`to=${encodeURIComponent(startedAt)}`)).total).toBe(0);
    const first = all.items.at(-1)!;
    expect((await list(`to=${encodeURIComponent(first.at)}`)).items.map((e) => e.id)).not.toContain(first.id);
    expect((await list(`from=${encodeURIComponent(first.at)}&limit=200`)).items.map((e) => e.id)).toContain(first.id);
  });

  it.each([
    ['editionId=2101', 'editionId'],
    ['actor=', null],
    ['outcome=maybe', 'outcome'],
    ['action=DROP%20TABLE', 'action'],
    ['objectType=Edition!', 'objectType'],
    ['from=yesterday', 'from'],
    ['to=2026-13-01', 'to'],
    ['from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['offset=-1', 'offset'],
    ['sort=at', 'sort'],
  ])('answers 400 to %s naming the field', async (query, field) => {
    const res = await t.http.get(`/api/audit-events?${query}`).set(coordinator.auth);
    if (field === null) {
      expect(res.status).toBe(200); // an empty actor is no filter
      return;
    }
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
    const csv = await t.http.get(`/api/audit-events.csv?${query}`).set(coordinator.auth);
    expect(csv.status).toBe(400);
  });

  it('refuses others: 401 without a session, 403 to an expert (page and CSV)', async () => {
    await t.http.get('/api/audit-events').expect(401);
    await t.http.get('/api/audit-events.csv').expect(401);
    await t.http.get('/api/audit-events').set(expert.auth).expect(403);
    await t.http.get('/api/audit-events.csv').set(expert.auth).expect(403);
  });

  it('exports the filtered events as CSV with a BOM, the same rows as the page', async () => {
    const res = await t.http.get(`/api/audit-events.csv?editionId=${editions.a}`).set(coordinator.auth).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers['content-disposition']).toBe('attachment; filename="audit-events.csv"');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = csvRecords(bytes.toString('utf8').slice(1));
    const page = await list(`editionId=${editions.a}`);
    expect(records.map((r) => r.id)).toEqual(page.items.map((e) => e.id));
    const update = records.find((r) => r.action === 'edition.update')!;
    expect(update).toMatchObject({ actor_id: coordinator.id, actor_email: coordinator.email, object_type: 'edition', object_id: editions.a, outcome: 'success' });
    const details = page.items.find((e) => e.action === 'edition.update')!.details;
    expect(details).toMatchObject({ fields: expect.arrayContaining(['name']) });
    expect(JSON.parse(update.details)).toEqual(details);
    expect(new Date(update.at).toISOString()).toBe(update.at);
    // The whole trail, unfiltered, is every event.
    const all = await t.http.get('/api/audit-events.csv').set(coordinator.auth).expect(200);
    expect(csvRecords(all.text.replace(/^\uFEFF/, ''))).toHaveLength((await list('limit=1')).total);
  });
});
