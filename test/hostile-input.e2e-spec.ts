// Hostile input answers 4xx with the contract's error body, never 5xx (issue 13, "No 5xx from input"):
// deep JSON, NUL and lone surrogates, integers beyond PostgreSQL's range, truncated multipart,
// audit rows of denials on odd ids, and ZIP bombs dressed as DOCX.
import { DataSource } from 'typeorm';
import { createTestApp, grantRole, makeCity, makeEdition, makeReport, makeSignedInUser, makeUser, SignedIn, signIn, TestApp } from '@app/testing';
import { zipBombDocx } from './fuzz/zip-bomb';

const errorBody = (status: number) => ({ statusCode: status, error: expect.any(String), message: expect.any(String) });
const deepJson = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

describe('hostile input', () => {
  let t: TestApp;
  let ds: DataSource;
  let coordinator: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
  });
  afterAll(() => t.close());

  describe('deeply nested JSON', () => {
    it.each(['/api/auth/refresh', '/api/auth/password-reset', '/api/invitations/accept', '/api/auth/login'])('answers 400 on %s, cheaply even at 100,000 levels', async (path) => {
      // Cheaply: refused by the flat depth scan, before JSON.parse ever sees the body (the app runs
      // in this process). A timing assertion would only measure the machine's load.
      const parse = jest.spyOn(JSON, 'parse');
      try {
        for (const levels of [5000, 100_000]) {
          const body = deepJson(levels);
          const res = await t.http.post(path).set('content-type', 'application/json').send(body);
          expect(res.status).toBe(400);
          expect(res.body).toMatchObject({ ...errorBody(400), code: 'json_too_deep' });
          expect(parse.mock.calls.filter(([text]) => typeof text === 'string' && text.length >= body.length)).toEqual([]);
        }
      } finally {
        parse.mockRestore();
      }
    });

    it('accepts 64 levels and refuses 65, on an authenticated route too', async () => {
      const shallow = await t.http.patch('/api/me').set(coordinator.auth).set('content-type', 'application/json').send(deepJson(64));
      expect(shallow.status).toBe(400);
      expect(shallow.body.code).not.toBe('json_too_deep');
      const deep = await t.http.patch('/api/me').set(coordinator.auth).set('content-type', 'application/json').send(deepJson(65));
      expect(deep.body).toMatchObject({ ...errorBody(400), code: 'json_too_deep' });
      // Brackets inside strings do not count.
      await t.http.patch('/api/me').set(coordinator.auth).send({ name: '[{'.repeat(70) }).expect(200);
    });
  });

  describe('NUL and lone surrogates', () => {
    const refused = (res: { status: number; body: { details?: { field: string }[]; code?: string } }, field: string) => {
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ ...errorBody(400), code: 'invalid_text' });
      expect(res.body.details).toEqual([{ field, problem: expect.any(String) }]);
    };

    it('refuses U+0000 in bodies, naming the field', async () => {
      refused(await t.http.patch('/api/me').set(coordinator.auth).send({ name: '\u0000x' }), 'name');
      refused(await t.http.post('/api/cities').set(coordinator.auth).send({ name: 'Miasto\u0000' }), 'name');
      refused(await t.http.post('/api/auth/login').send({ email: 'a@example.org', password: 'x\u0000y-password' }), 'password');
    });

    it('refuses U+0000 in queries and paths', async () => {
      refused(await t.http.get('/api/users?q=%00').set(coordinator.auth), 'q');
      refused(await t.http.get('/api/cities?q=a%00b').set(coordinator.auth), 'q');
      const path = await t.http.get('/api/public/practices/%00');
      expect([400, 404]).toContain(path.status);
      // Percent-encoded bytes that are not UTF-8 (a lone surrogate's) never reach a handler.
      expect((await t.http.get('/api/public/practices/%ED%A0%80')).status).toBe(400);
      expect((await t.http.get('/api/cities?q=%ED%A0%80').set(coordinator.auth)).status).toBeLessThan(500);
    });

    it.each(['/api/auth/login', '/api/auth/password-reset', '/api/users'])('refuses a lone surrogate in an email on %s', async (path) => {
      const body = `{"email":"\\ud800lone@example.org","password":"whatever-password","name":"X"}`;
      const res = await t.http.post(path).set(coordinator.auth).set('content-type', 'application/json').send(body);
      refused(res, 'email');
    });

    it('refuses a lone surrogate nested in an array, naming its path', async () => {
      const res = await t.http.post('/api/auth/login').set('content-type', 'application/json').send('{"email":"a@example.org","password":"pw-pw-pw-pw","extra":[{"x":"\\udfff"}]}');
      refused(res, 'extra[0].x');
    });

    it('writes the audit row of a denial whatever the id looked like', async () => {
      const before = await ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE outcome = 'denied'`);
      const res = await t.http.get(`/api/reports/%00${'x'.repeat(80)}`).set(coordinator.auth);
      expect(res.status).toBe(404);
      const after = await ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE outcome = 'denied'`);
      expect(after[0].n).toBe(before[0].n + 1);
    });
  });

  describe('numbers beyond PostgreSQL', () => {
    it('answers 400 or 404 for a year beyond int4', async () => {
      for (const year of ['99999999999999999999', '2147483648', '-2147483649']) {
        const res = await t.http.get(`/api/public/editions/${year}/awards`);
        expect([400, 404]).toContain(res.status);
        expect(res.body).toMatchObject(errorBody(res.status));
      }
      const refused = await t.http.get('/api/public/editions/99999999999999999999/awards').expect(400);
      expect(refused.body.details).toEqual([{ field: 'year', problem: expect.any(String) }]);
      // A year in range is looked up as before.
      await t.http.get('/api/public/editions/2999/awards').expect(404);
    });
  });

  describe('uploads', () => {
    let expert: SignedIn;
    let reportId: string;
    beforeAll(async () => {
      const edition = await makeEdition(ds, { stage: 'reportsOpen', reportsDueAt: new Date(Date.now() + 86_400_000) });
      const city = await makeCity(ds);
      const user = await makeUser(ds);
      await grantRole(ds, user.id, 'expert', { editionId: edition.id, cityId: city.id });
      expert = await signIn(t.http, user.email);
      reportId = (await makeReport(ds, edition.id, city.id)).id;
    });

    it('answers 400 to a multipart body that ends without its closing boundary', async () => {
      const body = '--xx\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 truncated';
      const res = await t.http.post(`/api/reports/${reportId}/files`).set(expert.auth).set('content-type', 'multipart/form-data; boundary=xx').send(body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ ...errorBody(400), details: [{ field: 'file', problem: expect.any(String) }] });
      const garbage = await t.http.post(`/api/reports/${reportId}/files`).set(expert.auth).set('content-type', 'multipart/form-data; boundary=xx').send('nonsense');
      expect(garbage.status).toBe(400);
    });

    it('refuses a DOCX whose parts unpack to 300 MB, from its central directory', async () => {
      const bomb = await zipBombDocx(300 * 1024 * 1024);
      expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
      const res = await t.http.post(`/api/reports/${reportId}/files`).set(expert.auth).attach('file', bomb, 'bomba.docx');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ ...errorBody(400), code: 'invalid_input', details: [{ field: 'file', problem: expect.stringMatching(/unpack/) }] });
      const stored = await ds.query('SELECT count(*)::int AS n FROM report_file WHERE report_id = $1', [reportId]);
      expect(stored[0].n).toBe(0);
    });

    it('refuses a DOCX of thousands of parts, and one that unpacks beyond 100 times its size', async () => {
      const many = await t.http.post(`/api/reports/${reportId}/files`).set(expert.auth).attach('file', await zipBombDocx(10, 6000), 'czesci.docx');
      expect(many.status).toBe(400);
      expect(many.body.details).toEqual([{ field: 'file', problem: expect.stringMatching(/6003 parts/) }]);
      const ratio = await t.http.post(`/api/reports/${reportId}/files`).set(expert.auth).attach('file', await zipBombDocx(20 * 1024 * 1024), 'gesty.docx');
      expect(ratio.status).toBe(400);
      expect(ratio.body.details).toEqual([{ field: 'file', problem: expect.stringMatching(/times its packed size/) }]);
    });

    it('still accepts a small DOCX', async () => {
      const docx = await zipBombDocx(10 * 1024);
      await t.http.post(`/api/reports/${reportId}/files`).set(expert.auth).attach('file', docx, 'maly.docx').expect(201);
    });
  });
});
