// Awards under double submission and concurrency: an identical award is refused (award_duplicate),
// positions never repeat, an Idempotency-Key replays the first answer; an award's categories must
// be among its practices'; a refused note after finalising speaks of notes.
import { DataSource } from 'typeorm';
import { createTestApp, makeCategory, makeCity, makeEdition, makePractice, makeReport, makeSignedInUser, SignedIn, TestApp } from '@app/testing';

describe('awards integrity', () => {
  let t: TestApp;
  let ds: DataSource;
  let coordinator: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
  });
  afterAll(() => t.close());

  /** An edition in deliberation with one city's two eligible practices, each in its own category. */
  async function deliberation() {
    const edition = await makeEdition(ds, { stage: 'deliberation' });
    const city = await makeCity(ds);
    const employment = await makeCategory(ds, edition.id, 'Zatrudnianie cudzoziemców w urzędach miasta');
    const servicePoint = await makeCategory(ds, edition.id, 'Miejski punkt obsługi cudzoziemców');
    const report = await makeReport(ds, edition.id, city.id, 'submitted');
    const punkt = await makePractice(ds, report.id, { status: 'eligible', categoryIds: [servicePoint.id] });
    const praca = await makePractice(ds, report.id, { status: 'eligible', categoryIds: [employment.id] });
    return { edition, city, employment, servicePoint, punkt, praca };
  }

  const createAward = (editionId: string, body: object, headers: Record<string, string> = {}) =>
    t.http.post(`/api/editions/${editionId}/awards`).set(coordinator.auth).set(headers).send(body);

  it('refuses an identical award (409 award_duplicate), also when the ids come in another order', async () => {
    const d = await deliberation();
    const body = { cityId: d.city.id, recipientUnit: 'Urząd Miasta', categoryIds: [d.servicePoint.id, d.employment.id], practiceIds: [d.punkt.id, d.praca.id] };
    const first = await createAward(d.edition.id, body).expect(201);
    const again = await createAward(d.edition.id, { ...body, categoryIds: [d.employment.id, d.servicePoint.id], practiceIds: [d.praca.id, d.punkt.id] }).expect(409);
    expect(again.body).toMatchObject({ code: 'award_duplicate', awardId: first.body.id });
    // Another unit is another award.
    await createAward(d.edition.id, { ...body, recipientUnit: 'Biuro Obsługi Mieszkańców' }).expect(201);
    // Changing an award into a copy of another is refused too.
    const third = await createAward(d.edition.id, { ...body, recipientUnit: undefined, categoryIds: [d.servicePoint.id], practiceIds: [d.punkt.id] }).expect(201);
    const patch = await t.http.patch(`/api/awards/${third.body.id}`).set(coordinator.auth)
      .send({ recipientUnit: 'Urząd Miasta', categoryIds: body.categoryIds, practiceIds: body.practiceIds }).expect(409);
    expect(patch.body.code).toBe('award_duplicate');
  });

  it('makes one award of 30 identical posts sent at once', async () => {
    const d = await deliberation();
    const body = { cityId: d.city.id, categoryIds: [d.servicePoint.id], practiceIds: [d.punkt.id] };
    const answers = await Promise.all(Array.from({ length: 30 }, () => createAward(d.edition.id, body)));
    expect(answers.filter((res) => res.status === 201)).toHaveLength(1);
    expect(answers.filter((res) => res.status === 409 && res.body.code === 'award_duplicate')).toHaveLength(29);
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM award WHERE edition_id = $1`, [d.edition.id]);
    expect(count).toBe(1);
  });

  it('gives 30 different awards posted at once 30 distinct positions, and never reuses one after a removal', async () => {
    const d = await deliberation();
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) =>
      createAward(d.edition.id, { cityId: d.city.id, recipientUnit: `Wydział ${i}`, categoryIds: [d.servicePoint.id], practiceIds: [d.punkt.id] })));
    expect(answers.map((res) => res.status)).toEqual(Array(30).fill(201));
    const positions = answers.map((res) => res.body.position as number);
    expect(new Set(positions).size).toBe(30);
    await t.http.delete(`/api/awards/${answers[0].body.id}`).set(coordinator.auth).expect(204);
    const next = await createAward(d.edition.id, { cityId: d.city.id, recipientUnit: 'Wydział nowy', categoryIds: [d.servicePoint.id], practiceIds: [d.punkt.id] }).expect(201);
    expect(positions).not.toContain(next.body.position);
  });

  describe('Idempotency-Key', () => {
    it('returns the first answer to a retry with the same key and body, without creating again', async () => {
      const d = await deliberation();
      const body = { cityId: d.city.id, categoryIds: [d.servicePoint.id], practiceIds: [d.punkt.id], citation: 'Za punkt' };
      const key = { 'Idempotency-Key': 'award-7f3a' };
      const first = await createAward(d.edition.id, body, key).expect(201);
      const retry = await createAward(d.edition.id, body, key).expect(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM award WHERE edition_id = $1`, [d.edition.id]);
      expect(count).toBe(1);
    });

    it('answers 422 idempotency_key_reused to the same key with another body', async () => {
      const d = await deliberation();
      const key = { 'Idempotency-Key': 'award-reused' };
      await createAward(d.edition.id, { cityId: d.city.id, categoryIds: [d.servicePoint.id], practiceIds: [d.punkt.id] }, key).expect(201);
      const other = await createAward(d.edition.id, { cityId: d.city.id, categoryIds: [d.employment.id], practiceIds: [d.praca.id] }, key).expect(422);
      expect(other.body).toMatchObject({ statusCode: 422, code: 'idempotency_key_reused' });
    });

    it('keeps keys per principal, and lets a failed request be retried under its key', async () => {
      const d = await deliberation();
      const other = await makeSignedInUser(ds, t.http, 'coordinator');
      const key = { 'Idempotency-Key': 'shared-key' };
      const wrong = { cityId: d.city.id, categoryIds: [d.employment.id], practiceIds: [d.punkt.id] };
      await createAward(d.edition.id, wrong, key).expect(400);
      const body = { cityId: d.city.id, categoryIds: [d.servicePoint.id], practiceIds: [d.punkt.id] };
      await createAward(d.edition.id, body, key).expect(201);
      // The same key from another coordinator is theirs: it runs, and finds the award already recorded.
      const res = await t.http.post(`/api/editions/${d.edition.id}/awards`).set(other.auth).set(key).send(body).expect(409);
      expect(res.body.code).toBe('award_duplicate');
    });

    it('works on other create routes (a city) and refuses a malformed key naming the header', async () => {
      const key = { 'Idempotency-Key': 'city-krakow-1' };
      const first = await t.http.post('/api/cities').set(coordinator.auth).set(key).send({ name: 'Nowy Targ' }).expect(201);
      const retry = await t.http.post('/api/cities').set(coordinator.auth).set(key).send({ name: 'Nowy Targ' }).expect(201);
      expect(retry.body.id).toBe(first.body.id);
      const bad = await t.http.post('/api/cities').set(coordinator.auth).set({ 'Idempotency-Key': 'x'.repeat(300) }).send({ name: 'Zakopane' }).expect(400);
      expect(bad.body.details).toEqual([{ field: 'Idempotency-Key', problem: expect.any(String) }]);
    });

    it('is documented as a header of create routes, with its 422', async () => {
      const doc = (await t.http.get('/api/docs-json').expect(200)).body;
      const operation = doc.paths['/api/editions/{id}/awards'].post;
      expect(operation.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }));
      expect(operation.responses['422']).toBeDefined();
    });
  });

  it('refuses an award whose category none of its practices is filed under (400 naming the category)', async () => {
    const d = await deliberation();
    const res = await createAward(d.edition.id, { cityId: d.city.id, categoryIds: [d.servicePoint.id, d.employment.id], practiceIds: [d.punkt.id] }).expect(400);
    expect(res.body.message).toContain('Zatrudnianie cudzoziemców w urzędach miasta');
    expect(res.body.details).toEqual([{ field: 'categoryIds.1', problem: expect.stringContaining('Zatrudnianie cudzoziemców w urzędach miasta') }]);
    // The same rule on a change.
    const award = await createAward(d.edition.id, { cityId: d.city.id, categoryIds: [d.servicePoint.id], practiceIds: [d.punkt.id] }).expect(201);
    await t.http.patch(`/api/awards/${award.body.id}`).set(coordinator.auth).send({ categoryIds: [d.employment.id] }).expect(400);
  });

  it('says that notes are closed, not awards, when a note comes after finalising', async () => {
    const edition = await makeEdition(ds, { stage: 'decided' });
    const res = await t.http.post(`/api/editions/${edition.id}/deliberation-notes`).set(coordinator.auth).send({ text: 'Za późno' }).expect(409);
    expect(res.body.code).toBe('wrong_stage');
    expect(res.body.message).toMatch(/note/i);
    expect(res.body.message).not.toMatch(/award/i);
  });
});
