// Editable automatic mails (issue 19, item 2): a coordinator's own text of a template replaces the
// built-in one for one edition and one language only, a reset brings the built-in text back, an
// unknown merge field is refused before save; and people are told when they are added as expert
// or juror (one mail per grant, linking to their page). Real outbox, queue, worker and SMTP sink.
import { DataSource } from 'typeorm';
import { createTestApp, eventually, makeCity, makeEdition, makeSignedInUser, makeUser, SignedIn, SmtpSink, TestApp } from '@app/testing';

const BASE = 'https://miasta.example.org';

describe('mail templates and "you were added" mails', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let ds: DataSource;
  let coordinator: SignedIn & { id: string };
  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ worker: true, env: { SMTP_URL: sink.url, PUBLIC_URL: BASE } });
    ds = t.app.get(DataSource);
    coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
  });
  afterAll(async () => {
    await t.close();
    await sink.down();
  });

  const fieldsAtFault = (body: { details?: { field: string }[] }) => [...new Set((body.details ?? []).map((d) => d.field))];

  /** Assigns through the API and waits for the one mail it causes; returns it. */
  async function assign(role: 'experts' | 'jurors', editionId: string, user: { id: string; email: string }, cityId: string) {
    await t.http.post(`/api/editions/${editionId}/${role}`).set(coordinator.auth).send({ userId: user.id, cityId }).expect(201);
    const [mail] = await eventually(async () => (sink.to(user.email).length ? sink.to(user.email) : null));
    return mail;
  }

  it('tells an added expert and an added juror, once each, with the link to their page', async () => {
    const edition = await makeEdition(ds, { stage: 'draft', name: 'Miasta Otwarte 2041', year: 2041, reportsDueAt: new Date('2041-03-31T21:59:00Z') });
    const lublin = await makeCity(ds, 'Lublin 2041');
    const expert = await makeUser(ds, { locale: 'en' });
    const juror = await makeUser(ds, { locale: 'uk' });
    const expertMail = await assign('experts', edition.id, expert, lublin.id);
    expect(expertMail.headers['x-open-cities-notification']).toBe('addedAsExpert');
    expect(expertMail.subject).toBe('Miasta Otwarte 2041: you are the expert for Lublin 2041');
    expect(expertMail.text).toContain(`${BASE}/expert/editions/${edition.id}/cities/${lublin.id}`);
    const jurorMail = await assign('jurors', edition.id, juror, lublin.id);
    expect(jurorMail.headers['x-open-cities-notification']).toBe('addedAsJuror');
    expect(jurorMail.subject).toBe('Miasta Otwarte 2041: ви член журі');
    expect(jurorMail.text).toContain(`${BASE}/juror/editions/${edition.id}`);
    // Exactly one each, also after the queue is quiet.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sink.to(expert.email)).toHaveLength(1);
    expect(sink.to(juror.email)).toHaveLength(1);
    const deliveries = await ds.query(`SELECT template, status FROM notification_delivery WHERE user_id = ANY($1::uuid[]) ORDER BY template`, [[expert.id, juror.id]]);
    expect(deliveries).toEqual([
      { template: 'addedAsExpert', status: 'sent' },
      { template: 'addedAsJuror', status: 'sent' },
    ]);
  });

  it('tells a person still invited nothing more than the invitation: no "added" mail beside it', async () => {
    const edition = await makeEdition(ds, { stage: 'draft', name: 'Miasta Otwarte 2049', year: 2049 });
    const city = await makeCity(ds, 'Lublin 2049');
    const invited = await makeUser(ds, { status: 'invited' });
    const active = await makeUser(ds);
    await t.http.post(`/api/editions/${edition.id}/jurors`).set(coordinator.auth).send({ userId: invited.id, cityId: city.id }).expect(201);
    const mail = await assign('jurors', edition.id, active, city.id);
    expect(mail.headers['x-open-cities-notification']).toBe('addedAsJuror');
    // The invited person's grant event was written first; by now its fan-out has run and chose no one.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sink.to(invited.email)).toHaveLength(0);
    expect(await ds.query(`SELECT 1 FROM notification_delivery WHERE user_id = $1`, [invited.id])).toHaveLength(0);
  });

  it('sends the edition’s own text in that language only and that edition only; a reset brings the built-in text back', async () => {
    const edition = await makeEdition(ds, { stage: 'draft', name: 'Miasta Otwarte 2042', year: 2042, reportsDueAt: new Date('2042-03-31T21:59:00Z') });
    const other = await makeEdition(ds, { stage: 'draft', name: 'Miasta Otwarte 2043', year: 2043 });
    const cities = await Promise.all(['A', 'B', 'C', 'D'].map((suffix) => makeCity(ds, `Gdańsk 2042 ${suffix}`)));

    const saved = await t.http
      .put(`/api/editions/${edition.id}/mail-templates/addedAsExpert/pl`)
      .set(coordinator.auth)
      .send({ subject: '{{edition}}: witamy, {{name}}', body: 'Miasto: {{city}}.\nTermin: {{deadline}}.\n\nTwoja strona: {{link}}' })
      .expect(200);
    expect(saved.body).toMatchObject({ key: 'addedAsExpert', locale: 'pl', override: { subject: '{{edition}}: witamy, {{name}}', updatedBy: coordinator.id } });

    const polish = await makeUser(ds, { locale: 'pl', name: 'Ola Nowak' });
    const mail = await assign('experts', edition.id, polish, cities[0].id);
    expect(mail.subject).toBe('Miasta Otwarte 2042: witamy, Ola Nowak');
    const page = `${BASE}/expert/editions/${edition.id}/cities/${cities[0].id}`;
    expect(mail.text.replace(/\r\n/g, '\n')).toContain(`Dzień dobry, Ola Nowak!\n\nMiasto: Gdańsk 2042 A.\nTermin: 31 marca 2042 23:59.\nTwoja strona: ${page}`);
    // The button and the signature stay.
    expect(mail.text).toContain(`Otwórz stronę raportu: ${page}`);
    expect(mail.text).toContain('Zespół programu Miasta Otwarte');

    const english = await makeUser(ds, { locale: 'en' });
    expect((await assign('experts', edition.id, english, cities[1].id)).subject).toBe('Miasta Otwarte 2042: you are the expert for Gdańsk 2042 B');
    const polishElsewhere = await makeUser(ds, { locale: 'pl' });
    expect((await assign('experts', other.id, polishElsewhere, cities[2].id)).subject).toBe('Miasta Otwarte 2043: powierzono Ci rolę eksperta dla miasta Gdańsk 2042 C');

    const listed = await t.http.get(`/api/editions/${edition.id}/mail-templates`).set(coordinator.auth).expect(200);
    expect(listed.body.mergeFields).toEqual(['name', 'city', 'edition', 'deadline', 'link']);
    expect(listed.body.notEditable).toEqual(expect.arrayContaining(['invitation', 'passwordReset']));
    const plExpert = listed.body.templates.find((x: { key: string; locale: string }) => x.key === 'addedAsExpert' && x.locale === 'pl');
    expect(plExpert.override.body).toContain('Twoja strona: {{link}}');
    expect(plExpert.default.subject).toBe('{{edition}}: powierzono Ci rolę eksperta dla miasta {{city}}');
    const enExpert = listed.body.templates.find((x: { key: string; locale: string }) => x.key === 'addedAsExpert' && x.locale === 'en');
    expect(enExpert.override).toBeNull();

    await t.http.delete(`/api/editions/${edition.id}/mail-templates/addedAsExpert/pl`).set(coordinator.auth).expect(204);
    const afterReset = await makeUser(ds, { locale: 'pl' });
    expect((await assign('experts', edition.id, afterReset, cities[3].id)).subject).toBe('Miasta Otwarte 2042: powierzono Ci rolę eksperta dla miasta Gdańsk 2042 D');

    const audit = await ds.query(`SELECT action, actor_id, details FROM audit_event WHERE object_id = $1 AND action LIKE 'mailTemplate.%' ORDER BY id`, [edition.id]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['mailTemplate.override', 'mailTemplate.reset']);
    expect(audit[0]).toMatchObject({ actor_id: coordinator.id, details: { template: 'addedAsExpert', locale: 'pl' } });
  });

  it('refuses an unknown merge field before saving, naming the field and the name', async () => {
    const edition = await makeEdition(ds, { stage: 'draft' });
    const url = `/api/editions/${edition.id}/mail-templates/scoringOpen/en`;
    const inSubject = await t.http.put(url).set(coordinator.auth).send({ subject: 'Hi {{ firstName }}', body: 'ok {{name}}' }).expect(400);
    expect(fieldsAtFault(inSubject.body)).toEqual(['subject']);
    expect(inSubject.body.message).toContain('{{firstName}}');
    const inBody = await t.http.put(url).set(coordinator.auth).send({ subject: 'Hi', body: 'by {{deadline}} in {{town}} and {{year}}' }).expect(400);
    expect(fieldsAtFault(inBody.body)).toEqual(['body']);
    expect(inBody.body.message).toContain('{{town}}, {{year}}');
    const preview = await t.http.post(`${url}/preview`).set(coordinator.auth).send({ subject: 'x', body: '{{nope}}' }).expect(400);
    expect(fieldsAtFault(preview.body)).toEqual(['body']);
    expect(fieldsAtFault((await t.http.put(url).set(coordinator.auth).send({ subject: '' , body: 'x' }).expect(400)).body)).toEqual(['subject']);
    expect(fieldsAtFault((await t.http.put(`/api/editions/${edition.id}/mail-templates/invitation/en`).set(coordinator.auth).send({ subject: 'x', body: 'y' }).expect(400)).body)).toEqual(['key']);
    expect(fieldsAtFault((await t.http.put(`/api/editions/${edition.id}/mail-templates/scoringOpen/de`).set(coordinator.auth).send({ subject: 'x', body: 'y' }).expect(400)).body)).toEqual(['lang']);
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM mail_template_override WHERE edition_id = $1`, [edition.id]);
    expect(count).toBe(0);
  });

  it('previews a text with sample facts', async () => {
    const edition = await makeEdition(ds, { stage: 'draft', name: 'Miasta Otwarte 2044', year: 2044 });
    const res = await t.http
      .post(`/api/editions/${edition.id}/mail-templates/scoringOpen/en/preview`)
      .set(coordinator.auth)
      .send({ subject: '{{edition}} for {{name}}', body: 'Go to {{link}} by {{deadline}}' })
      .expect(200);
    expect(res.body.subject).toBe('Miasta Otwarte 2044 for Maria Nowak');
    expect(res.body.text).toContain(`Go to ${BASE}/juror/editions/${edition.id} by not set yet`);
    expect(res.body.html).toContain('<p>Go to');
  });

  it('is the coordinator’s only', async () => {
    const edition = await makeEdition(ds, { stage: 'reportsOpen' });
    const city = await makeCity(ds, 'Toruń 2045');
    const expert = await makeSignedInUser(ds, t.http, 'expert', { editionId: edition.id, cityId: city.id });
    const url = `/api/editions/${edition.id}/mail-templates`;
    await t.http.get(url).set(expert.auth).expect(403);
    await t.http.put(`${url}/reportsOpen/pl`).set(expert.auth).send({ subject: 'x', body: 'y' }).expect(403);
    await t.http.delete(`${url}/reportsOpen/pl`).set(expert.auth).expect(403);
    await t.http.post(`${url}/reportsOpen/pl/preview`).set(expert.auth).send({ subject: 'x', body: 'y' }).expect(403);
    await t.http.get(url).expect(401);
    await t.http.get(`/api/editions/00000000-0000-4000-8000-000000000000/mail-templates`).set(coordinator.auth).expect(404);
  });
});
