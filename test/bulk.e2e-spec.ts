// Bulk actions with a per-item result (issue 19, item 3): eligibility for many practices, experts
// and jurors from rows or a CSV (with a dry run), awards from a ranking selection. Each request
// mixes valid and invalid items: the valid ones are applied and audited, the invalid ones are
// refused with the single action's reason and leave nothing behind.
import { DataSource } from 'typeorm';
import { createTestApp, makeCategory, makeCity, makeEdition, makePractice, makeReport, makeSignedInUser, makeUser, SignedIn, TestApp } from '@app/testing';

const DAY = 86_400_000;

describe('bulk actions', () => {
  let t: TestApp;
  let ds: DataSource;
  let coordinator: SignedIn & { id: string };
  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
  });
  afterAll(() => t.close());

  const fieldsAtFault = (body: { details?: { field: string }[] }) => [...new Set((body.details ?? []).map((d) => d.field))];
  const refusalCodes = (items: { outcome: string; refusal?: { code: string } }[]) => items.map((item) => (item.outcome === 'refused' ? item.refusal!.code : item.outcome));

  describe('eligibility', () => {
    async function edition(stage = 'reportsOpen') {
      const made = await makeEdition(ds, { stage, reportsDueAt: new Date(Date.now() + 7 * DAY) });
      const city = await makeCity(ds);
      const submitted = await makeReport(ds, made.id, city.id, 'submitted');
      const draft = await makeReport(ds, made.id, (await makeCity(ds)).id, 'draft');
      return {
        ...made,
        a: await makePractice(ds, submitted.id, { status: 'submitted' }),
        b: await makePractice(ds, submitted.id, { status: 'submitted' }),
        decided: await makePractice(ds, submitted.id, { status: 'eligible' }),
        unsubmitted: await makePractice(ds, draft.id, { status: 'draft' }),
      };
    }
    const statusOf = async (id: string) => ((await ds.query(`SELECT status, eligibility_reason FROM practice WHERE id = $1`, [id])) as { status: string; eligibility_reason: string | null }[])[0];

    it('decides the valid items and refuses each invalid one with the single decision’s reason', async () => {
      const e = await edition();
      const other = await edition();
      const res = await t.http
        .post(`/api/editions/${e.id}/eligibility/bulk`)
        .set(coordinator.auth)
        .send({
          items: [
            { practiceId: e.a.id, eligible: true },
            { practiceId: e.b.id, eligible: false, reason: 'Poza zakresem.' },
            { practiceId: e.unsubmitted.id, eligible: true },
            { practiceId: e.decided.id, eligible: false },
            { practiceId: other.a.id, eligible: true },
            { practiceId: e.a.id, eligible: false, reason: 'Jednak nie.' },
            { practiceId: 'not-a-uuid', eligible: true },
            { practiceId: e.decided.id, eligible: false, reason: 'Brak efektów.', extra: 1 },
          ],
        })
        .expect(200);
      expect(refusalCodes(res.body.items)).toEqual(['done', 'done', 'not_submitted', 'invalid_input', 'not_found', 'duplicate_item', 'invalid_input', 'invalid_input']);
      expect(res.body).toMatchObject({ done: 2, refused: 6 });
      expect(res.body.items[0]).toMatchObject({ index: 0, practiceId: e.a.id, status: 'eligible' });
      expect(res.body.items[1]).toMatchObject({ index: 1, practiceId: e.b.id, status: 'ineligible' });
      expect(res.body.items[3].refusal).toMatchObject({ field: 'reason', message: 'reason is required when a practice is ineligible' });
      expect(res.body.items[6].refusal).toMatchObject({ field: 'practiceId' });
      expect(res.body.items[7].refusal).toMatchObject({ field: 'extra' });

      expect(await statusOf(e.a.id)).toEqual({ status: 'eligible', eligibility_reason: null });
      expect(await statusOf(e.b.id)).toEqual({ status: 'ineligible', eligibility_reason: 'Poza zakresem.' });
      expect((await statusOf(e.unsubmitted.id)).status).toBe('draft');
      expect((await statusOf(e.decided.id)).status).toBe('eligible');
      expect((await statusOf(other.a.id)).status).toBe('submitted');
      const audited: { object_id: string }[] = await ds.query(`SELECT object_id FROM audit_event WHERE action = 'practice.eligibility' AND actor_id = $1 AND object_id = ANY($2)`, [
        coordinator.id,
        [e.a.id, e.b.id, e.unsubmitted.id, e.decided.id, other.a.id],
      ]);
      expect(audited.map((row) => row.object_id).sort()).toEqual([e.a.id, e.b.id].sort());
      const told: { payload: { practiceId: string } }[] = await ds.query(`SELECT payload FROM outbox_event WHERE type = 'practice.eligibilityDecided' AND payload->>'practiceId' = ANY($1)`, [[e.a.id, e.b.id, e.decided.id]]);
      expect(told.map((row) => row.payload.practiceId).sort()).toEqual([e.a.id, e.b.id].sort());
    });

    it('refuses every item outside stage reportsOpen with wrong_stage, changing nothing', async () => {
      const e = await edition('juryScoring');
      const res = await t.http.post(`/api/editions/${e.id}/eligibility/bulk`).set(coordinator.auth).send({ items: [{ practiceId: e.a.id, eligible: true }] }).expect(200);
      expect(refusalCodes(res.body.items)).toEqual(['wrong_stage']);
      expect((await statusOf(e.a.id)).status).toBe('submitted');
    });

    it('answers 400 naming items for a missing, empty, non-object or over-long list', async () => {
      const e = await edition();
      for (const body of [{}, { items: [] }, { items: ['x'] }, { items: Array.from({ length: 501 }, () => ({ practiceId: e.a.id, eligible: true })) }]) {
        const res = await t.http.post(`/api/editions/${e.id}/eligibility/bulk`).set(coordinator.auth).send(body).expect(400);
        expect(fieldsAtFault(res.body)).toEqual(['items']);
      }
      expect((await statusOf(e.a.id)).status).toBe('submitted');
    });

    it('is for coordinators only', async () => {
      const e = await edition();
      const expert = await makeSignedInUser(ds, t.http, 'expert', { editionId: e.id, cityId: (await makeCity(ds)).id });
      await t.http.post(`/api/editions/${e.id}/eligibility/bulk`).set(expert.auth).send({ items: [{ practiceId: e.a.id, eligible: true }] }).expect(403);
      expect((await statusOf(e.a.id)).status).toBe('submitted');
    });
  });

  describe('people import', () => {
    async function setup(stage = 'draft') {
      const e = await makeEdition(ds, { stage });
      const year = e.year;
      const lublin = await makeCity(ds, `Lublin ${year}`);
      const krakow = await makeCity(ds, `Kraków ${year}`);
      const gdansk = await makeCity(ds, `Gdańsk ${year}`);
      const sitting = await makeUser(ds, { name: 'Obecna Ekspertka' });
      await ds.query(`INSERT INTO role_grant (user_id, role, edition_id, city_id) VALUES ($1, 'expert', $2, $3)`, [sitting.id, e.id, gdansk.id]);
      const existing = await makeUser(ds, { email: `istniejacy-${year}@example.org`, name: 'Istniejący Juror' });
      const pending = await makeUser(ds, { email: `zaproszona-${year}@example.org`, status: 'invited' });
      const disabled = await makeUser(ds, { email: `wylaczony-${year}@example.org`, status: 'disabled' });
      return { e, year, lublin, krakow, gdansk, sitting, existing, pending, disabled };
    }

    const csvOf = (s: Awaited<ReturnType<typeof setup>>) =>
      [
        'Imię i nazwisko;E-mail;Miasto;Rola;Język',
        `Anna Nowak;anna-${s.year}@example.org;lublin ${s.year};expert;pl`, // 2: created (city case-insensitively)
        `Istniejący Juror;ISTNIEJACY-${s.year}@example.org;Krakow ${s.year};juror;en`, // 3: grant added (Polish letters aside)
        `Olha Ivanenko;olha-${s.year}@example.org;;juror;uk`, // 4: created, tied to no city
        `Zła Poczta;nie-e-mail;;juror;pl`, // 5: bad e-mail
        `Nikt;nikt-${s.year}@example.org;Atlantyda ${s.year};juror;pl`, // 6: unknown city
        `Anna Nowak;anna-${s.year}@example.org;Lublin ${s.year};expert;pl`, // 7: duplicate row
        `Drugi Ekspert;drugi-${s.year}@example.org;Lublin ${s.year};expert;pl`, // 8: Lublin's expert came in row 2
        `Trzeci Ekspert;trzeci-${s.year}@example.org;Gdańsk ${s.year};expert;pl`, // 9: Gdańsk has an expert
        `Wyłączony;wylaczony-${s.year}@example.org;;juror;pl`, // 10: disabled account
        `Bez Miasta;bezmiasta-${s.year}@example.org;;expert;pl`, // 11: an expert needs a city
        `Zaproszona;zaproszona-${s.year}@example.org;;juror;xx`, // 12: bad language
        `Zaproszona;zaproszona-${s.year}@example.org;;juror;pl`, // 13: grant added, invited again
      ].join('\n');
    const EXPECTED = ['created', 'grantAdded', 'created', 'invalid_input', 'unknown_city', 'duplicate_row', 'city_has_expert', 'city_has_expert', 'account_disabled', 'invalid_input', 'invalid_input', 'grantAdded'];

    const grantsOf = async (editionId: string) =>
      ((await ds.query(
        `SELECT u.email, g.role, c.name AS city FROM role_grant g JOIN app_user u ON u.id = g.user_id LEFT JOIN city c ON c.id = g.city_id WHERE g.edition_id = $1 ORDER BY u.email, g.role`,
        [editionId],
      )) as { email: string; role: string; city: string | null }[]);

    it('previews a CSV in a dry run with the per-row results, changing nothing', async () => {
      const s = await setup();
      const before = await grantsOf(s.e.id);
      const res = await t.http.post(`/api/editions/${s.e.id}/people/import`).set(coordinator.auth).send({ csv: csvOf(s), dryRun: true }).expect(200);
      expect(refusalCodes(res.body.items)).toEqual(EXPECTED);
      expect(res.body).toMatchObject({ dryRun: true, created: 2, grantAdded: 2, refused: 8, invited: 3 });
      expect(res.body.items.map((item: { line: number }) => item.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
      expect(res.body.items[0]).toMatchObject({ name: 'Anna Nowak', city: `Lublin ${s.year}`, role: 'expert', invited: true });
      expect(res.body.items[3].refusal).toMatchObject({ field: 'email' });
      expect(res.body.items[4].refusal).toMatchObject({ field: 'city' });
      expect(res.body.items[10].refusal).toMatchObject({ field: 'language' });

      expect(await grantsOf(s.e.id)).toEqual(before);
      expect(await ds.query(`SELECT 1 FROM app_user WHERE email = ANY($1)`, [[`anna-${s.year}@example.org`, `olha-${s.year}@example.org`]])).toEqual([]);
      expect(await ds.query(`SELECT 1 FROM audit_event WHERE action IN ('user.create', 'grant.expert', 'grant.juror') AND details->>'editionId' = $1`, [s.e.id])).toEqual([]);
    });

    it('imports the valid rows (accounts, assignments, invitations, audit) and leaves nothing of the refused ones', async () => {
      const s = await setup();
      const res = await t.http.post(`/api/editions/${s.e.id}/people/import`).set(coordinator.auth).send({ csv: csvOf(s) }).expect(200);
      expect(refusalCodes(res.body.items)).toEqual(EXPECTED);
      expect(res.body).toMatchObject({ dryRun: false, created: 2, grantAdded: 2, refused: 8, invited: 3 });
      expect(res.body.items[1]).toMatchObject({ outcome: 'grantAdded', userId: s.existing.id, invited: false });

      expect((await grantsOf(s.e.id)).filter((g) => g.email !== s.sitting.email)).toEqual([
        { email: `anna-${s.year}@example.org`, role: 'expert', city: `Lublin ${s.year}` },
        { email: `istniejacy-${s.year}@example.org`, role: 'juror', city: `Kraków ${s.year}` },
        { email: `olha-${s.year}@example.org`, role: 'juror', city: null },
        { email: `zaproszona-${s.year}@example.org`, role: 'juror', city: null },
      ]);
      const users: { email: string; name: string; locale: string; status: string }[] = await ds.query(`SELECT email, name, locale, status FROM app_user WHERE email LIKE $1 ORDER BY email`, [`%-${s.year}@example.org`]);
      expect(users.map((u) => [u.email, u.locale, u.status])).toEqual([
        [`anna-${s.year}@example.org`, 'pl', 'invited'],
        [`istniejacy-${s.year}@example.org`, 'pl', 'active'],
        [`olha-${s.year}@example.org`, 'uk', 'invited'],
        [`wylaczony-${s.year}@example.org`, 'pl', 'disabled'],
        [`zaproszona-${s.year}@example.org`, 'pl', 'invited'],
      ]);
      const invited: { user_id: string }[] = await ds.query(`SELECT payload->>'userId' AS user_id FROM outbox_event WHERE type = 'user.invited' AND payload->>'userId' = ANY($1)`, [
        res.body.items.filter((item: { userId?: string }) => item.userId).map((item: { userId: string }) => item.userId),
      ]);
      expect(invited.map((row) => row.user_id).sort()).toEqual([res.body.items[0].userId, res.body.items[2].userId, s.pending.id].sort());
      const audits: { action: string }[] = await ds.query(`SELECT action FROM audit_event WHERE actor_id = $1 AND (details->>'editionId' = $2 OR object_id = ANY($3)) ORDER BY action`, [
        coordinator.id,
        s.e.id,
        [res.body.items[0].userId, res.body.items[2].userId, s.pending.id],
      ]);
      expect(audits.map((a) => a.action)).toEqual(['grant.expert', 'grant.juror', 'grant.juror', 'grant.juror', 'user.create', 'user.create', 'user.reinvite']);

      // The same list again: every row is already done or still refused; nothing doubles.
      const again = await t.http.post(`/api/editions/${s.e.id}/people/import`).set(coordinator.auth).send({ csv: csvOf(s) }).expect(200);
      expect(again.body).toMatchObject({ created: 0, grantAdded: 0, refused: 12 });
      expect(refusalCodes(again.body.items).slice(0, 3)).toEqual(['already_assigned', 'already_assigned', 'already_assigned']);
    });

    it('two identical imports at once: each person is added once, the other import refuses the row', async () => {
      const s = await setup();
      const rows = [1, 2, 3].map((n) => ({ name: `Juror ${n}`, email: `wyscig-${n}-${s.year}@example.org`, role: 'juror', city: s.lublin.name }));
      const send = () => t.http.post(`/api/editions/${s.e.id}/people/import`).set(coordinator.auth).send({ rows });
      const [first, second] = await Promise.all([send(), send()]);
      expect([first.status, second.status]).toEqual([200, 200]);
      for (const line of [0, 1, 2]) {
        const outcomes = [first.body.items[line].outcome, second.body.items[line].outcome].sort();
        expect(outcomes[0]).toMatch(/^(created|grantAdded)$/);
        expect(outcomes[1]).toBe('refused');
      }
      const counts: { email: string; users: number; grants: number }[] = await ds.query(
        `SELECT u.email, count(DISTINCT u.id)::int AS users, count(g.id)::int AS grants
           FROM app_user u LEFT JOIN role_grant g ON g.user_id = u.id AND g.edition_id = $1 WHERE u.email LIKE $2 GROUP BY u.email ORDER BY u.email`,
        [s.e.id, `wyscig-%-${s.year}@example.org`],
      );
      expect(counts).toEqual(rows.map((row) => ({ email: row.email, users: 1, grants: 1 })));
    });

    it('takes JSON rows, and refuses every row once the assignments are locked', async () => {
      const s = await setup('deliberation');
      const res = await t.http
        .post(`/api/editions/${s.e.id}/people/import`)
        .set(coordinator.auth)
        .send({ rows: [{ name: 'Nowy Juror', email: `nowy-${s.year}@example.org`, role: 'juror' }, { name: 'X', email: `x-${s.year}@example.org`, role: 'expert', city: s.krakow.id }] })
        .expect(200);
      expect(refusalCodes(res.body.items)).toEqual(['assignments_locked', 'assignments_locked']);
      expect(await ds.query(`SELECT 1 FROM app_user WHERE email = $1`, [`nowy-${s.year}@example.org`])).toEqual([]);
    });

    it('answers 400 naming the field: neither or both of rows and csv, too many rows, unreadable csv', async () => {
      const { e } = await setup();
      const url = `/api/editions/${e.id}/people/import`;
      expect(fieldsAtFault((await t.http.post(url).set(coordinator.auth).send({}).expect(400)).body)).toEqual(['rows']);
      expect(fieldsAtFault((await t.http.post(url).set(coordinator.auth).send({ rows: [{}], csv: 'a' }).expect(400)).body)).toEqual(['rows']);
      const many = Array.from({ length: 501 }, (_, i) => ({ name: `P${i}`, email: `p${i}@example.org`, role: 'juror' }));
      expect(fieldsAtFault((await t.http.post(url).set(coordinator.auth).send({ rows: many }).expect(400)).body)).toEqual(['rows']);
      expect(fieldsAtFault((await t.http.post(url).set(coordinator.auth).send({ csv: 'a,"b\nc' }).expect(400)).body)).toEqual(['csv']);
      expect(fieldsAtFault((await t.http.post(url).set(coordinator.auth).send({ csv: 'x', dryRun: 'yes' }).expect(400)).body)).toEqual(['dryRun']);
    });
  });

  describe('awards from a ranking selection', () => {
    it('records the valid awards and refuses each invalid one with the single award’s reason', async () => {
      const e = await makeEdition(ds, { stage: 'deliberation' });
      const category = await makeCategory(ds, e.id);
      const other = await makeCategory(ds, e.id);
      const lublin = await makeCity(ds);
      const krakow = await makeCity(ds);
      const lublinReport = await makeReport(ds, e.id, lublin.id, 'submitted');
      const krakowReport = await makeReport(ds, e.id, krakow.id, 'submitted');
      const first = await makePractice(ds, lublinReport.id, { status: 'eligible', categoryIds: [category.id] });
      const second = await makePractice(ds, krakowReport.id, { status: 'eligible', categoryIds: [category.id] });
      const ineligible = await makePractice(ds, krakowReport.id, { status: 'ineligible', categoryIds: [category.id] });
      const res = await t.http
        .post(`/api/editions/${e.id}/awards/bulk`)
        .set(coordinator.auth)
        .send({
          items: [
            { cityId: lublin.id, recipientUnit: 'MOPR', categoryIds: [category.id], practiceIds: [first.id] },
            { cityId: krakow.id, categoryIds: [category.id], practiceIds: [second.id], citation: 'Za wytrwałość.' },
            { cityId: krakow.id, categoryIds: [category.id], practiceIds: [ineligible.id] },
            { cityId: lublin.id, categoryIds: [category.id], practiceIds: [second.id] },
            { cityId: krakow.id, categoryIds: [other.id], practiceIds: [second.id] },
            { cityId: lublin.id, recipientUnit: 'MOPR', categoryIds: [category.id], practiceIds: [first.id] },
            { cityId: lublin.id, categoryIds: [], practiceIds: [first.id] },
          ],
        })
        .expect(200);
      expect(refusalCodes(res.body.items)).toEqual(['done', 'done', 'invalid_input', 'invalid_input', 'invalid_input', 'award_duplicate', 'invalid_input']);
      expect(res.body).toMatchObject({ done: 2, refused: 5 });
      expect(res.body.items.map((item: { refusal?: { field?: string } }) => item.refusal?.field)).toEqual([undefined, undefined, 'practiceIds', 'practiceIds', 'categoryIds.0', undefined, 'categoryIds']);
      expect(res.body.items[4].practiceIds).toEqual([second.id]);

      const awards: { id: string; city_id: string; recipient_unit: string | null; citation: string | null }[] = await ds.query(
        `SELECT id, city_id, recipient_unit, citation FROM award WHERE edition_id = $1 ORDER BY position`,
        [e.id],
      );
      expect(awards.map((a) => [a.id, a.city_id, a.recipient_unit, a.citation])).toEqual([
        [res.body.items[0].awardId, lublin.id, 'MOPR', null],
        [res.body.items[1].awardId, krakow.id, null, 'Za wytrwałość.'],
      ]);
      const links: { award_id: string; practice_id: string }[] = await ds.query(`SELECT award_id, practice_id FROM award_practice WHERE award_id = ANY($1)`, [awards.map((a) => a.id)]);
      expect(links).toHaveLength(2);
      const audited = await ds.query(`SELECT object_id FROM audit_event WHERE action = 'award.create' AND details->>'editionId' = $1`, [e.id]);
      expect(audited).toHaveLength(2);
    });

    it('refuses every item outside deliberation with wrong_stage', async () => {
      const e = await makeEdition(ds, { stage: 'juryScoring' });
      const category = await makeCategory(ds, e.id);
      const city = await makeCity(ds);
      const practice = await makePractice(ds, (await makeReport(ds, e.id, city.id, 'submitted')).id, { status: 'eligible', categoryIds: [category.id] });
      const res = await t.http.post(`/api/editions/${e.id}/awards/bulk`).set(coordinator.auth).send({ items: [{ cityId: city.id, categoryIds: [category.id], practiceIds: [practice.id] }] }).expect(200);
      expect(refusalCodes(res.body.items)).toEqual(['wrong_stage']);
      expect(await ds.query(`SELECT 1 FROM award WHERE edition_id = $1`, [e.id])).toEqual([]);
    });
  });
});
